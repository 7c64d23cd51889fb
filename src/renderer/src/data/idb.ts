/** The few IndexedDB calls Fanfare makes outside y-indexeddb, as promises. */
export function openDatabase(name: string, stores: string[]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      for (const store of stores) if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function requestToPromise<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('The save was interrupted'));
  });
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    // Another tab holds it open; it is deleted as soon as that tab lets go.
    request.onblocked = () => resolve();
  });
}

/**
 * Like transactionDone, for a transaction that writes: a refused commit
 * (a full disk) leaves a torn record in the browser's log, so it is owed a
 * rotation (rotateAfterRefusal) before the error goes on to the caller.
 */
export async function writeDone(tx: IDBTransaction): Promise<void> {
  try {
    await transactionDone(tx);
  } catch (error) {
    void rotateAfterRefusal();
    throw error;
  }
}

const ROTATION_DATABASE = 'fanfare-log-rotation';
/** Past Chromium's IndexedDB write buffer, so its LevelDB moves what it holds into a table and starts a new log. */
const ROTATION_BYTES = 8 * 1024 * 1024;
/** Below the size at which Chromium keeps a value as a separate blob file: these must go through the log. */
const ROTATION_CHUNK = 32 * 1024;
let rotation: Promise<void> | null = null;

/**
 * Measured in Chromium 156 on a real full disk: a commit refused with
 * "disk full" leaves a torn record at the end of the origin's LevelDB log,
 * and Chromium reuses that log after space comes back, so later writes land
 * behind the torn record. They read back fine in that session, but when the
 * browser restarts it cannot open the store and deletes every IndexedDB
 * database of the origin: every workspace. Writing past the write buffer
 * makes LevelDB flush to a table and start a clean log, after which a
 * restart opens everything (tests/e2e/browser-storage.spec.ts). The ballast
 * goes in a database of its own, deleted straight after.
 */
export function rotateBrowserLog(): Promise<void> {
  rotation ??= (async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(ROTATION_DATABASE);
      request.onupgradeneeded = () => request.result.createObjectStore('ballast', { autoIncrement: true });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      // Random, so that a browser compressing values cannot shrink it below the write buffer.
      const chunk = crypto.getRandomValues(new Uint8Array(ROTATION_CHUNK));
      const perTransaction = 32;
      for (let written = 0; written < ROTATION_BYTES; written += ROTATION_CHUNK * perTransaction) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['ballast'], 'readwrite');
          for (let i = 0; i < perTransaction; i++) tx.objectStore('ballast').add(chunk);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new DOMException('The save was interrupted', 'AbortError'));
        });
      }
    } finally {
      db.close();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(ROTATION_DATABASE);
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    }
  })().finally(() => {
    rotation = null;
  });
  return rotation;
}


const OWED_RETRY_FIRST_MS = 1_000;
const OWED_RETRY_MAX_MS = 10_000;
let owed: Promise<void> | null = null;
/** Refusals seen, and how many of them the last finished rotation came after. */
let refusals = 0;
let covered = 0;

/**
 * After any IndexedDB write the browser refused, outside LocalStore (which
 * rotates within its own retries): rotates the log, and while that fails too
 * (the disk is still full) tries again, 1 s doubling to 10 s, until it has
 * worked, because until then a restart of the browser would delete every
 * workspace. A refusal while a rotation runs gets a rotation of its own
 * after it. Resolves once rotated.
 */
export function rotateAfterRefusal(): Promise<void> {
  refusals += 1;
  return owed ?? startRotating();
}

function startRotating(): Promise<void> {
  owed = rotateUntilCovered().finally(() => {
    owed = null;
    // A refusal that came as the last rotation was finishing.
    if (covered < refusals) void startRotating();
  });
  return owed;
}

async function rotateUntilCovered(): Promise<void> {
  // A rotation already under way may have passed the torn record's place in the log: it does not count.
  if (rotation) await rotation.catch(() => undefined);
  for (let delay = OWED_RETRY_FIRST_MS; covered < refusals;) {
    const upTo = refusals;
    try {
      await rotateBrowserLog();
      covered = upTo;
      delay = OWED_RETRY_FIRST_MS;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, OWED_RETRY_MAX_MS);
    }
  }
}
