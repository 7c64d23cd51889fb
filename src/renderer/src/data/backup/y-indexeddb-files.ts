import { rotateAfterRefusal } from '../idb';
import { classifySaveError } from '../local-store';

/**
 * y-indexeddb's own layout, read and written directly: a database per
 * Y.Doc with an 'updates' store (auto-increment keys, one Yjs update each)
 * and an empty 'custom' store. A backup reads the updates without building a
 * Y.Doc; a restore writes one merged update into a fresh database, which
 * y-indexeddb then opens as if it had written it itself.
 */
const UPDATES = 'updates';
const CUSTOM = 'custom';

/** A refused restore in words: what happened, that nothing was kept, and what to do. */
function refusedRestore(error: DOMException | null): Error {
  const { problem, detail } = classifySaveError(error ?? new DOMException('The save was interrupted', 'AbortError'));
  return new Error(problem === 'disk-full'
    ? `There is not enough space on this computer to restore this backup: the browser refused to store it (${detail}). Nothing was restored. Free some disk space, then restore it again.`
    : `The browser refused to store the restored workspace (${detail}). Nothing was restored. Restart the browser or free some disk space, then restore it again.`);
}

function open(name: string, create: boolean): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    let created = false;
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      created = true;
      if (!create) return;
      request.result.createObjectStore(UPDATES, { autoIncrement: true });
      request.result.createObjectStore(CUSTOM);
    };
    request.onsuccess = () => {
      const db = request.result;
      if (created && !create) {
        // Opening made an empty database where there was none: take it away again.
        db.close();
        indexedDB.deleteDatabase(name);
        resolve(null);
        return;
      }
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error(`The browser would not open ${name}`));
  });
}

/** Every stored update of one Y.Doc, oldest first; none when the database does not exist. */
export async function readUpdates(name: string): Promise<Uint8Array[]> {
  const db = await open(name, false);
  if (!db) return [];
  try {
    if (!db.objectStoreNames.contains(UPDATES)) return [];
    return await new Promise<Uint8Array[]>((resolve, reject) => {
      const request = db.transaction([UPDATES], 'readonly').objectStore(UPDATES).getAll();
      request.onsuccess = () => resolve(request.result as Uint8Array[]);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** Writes a Y.Doc's whole state as the only update of a new database; refuses to touch one that exists. */
export async function writeFreshDoc(name: string, update: Uint8Array): Promise<void> {
  const db = await open(name, true);
  if (!db) throw new Error(`The browser would not create ${name}`);
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction([UPDATES], 'readwrite');
      const store = tx.objectStore(UPDATES);
      const count = store.count();
      let existing = false;
      count.onsuccess = () => {
        if (count.result > 0) {
          existing = true;
          tx.abort();
          reject(new Error(`${name} already holds data; nothing was written over it.`));
          return;
        }
        store.add(update);
      };
      let refusedHere = false;
      const refused = () => {
        if (refusedHere) return;
        refusedHere = true;
        // The browser refused the commit (a full disk): its log is torn and owed a rotation.
        void rotateAfterRefusal();
        reject(refusedRestore(tx.error));
      };
      tx.oncomplete = () => resolve();
      tx.onerror = refused;
      tx.onabort = () => {
        if (!existing) refused();
      };
    });
  } finally {
    db.close();
  }
}

export function deleteDoc(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
