import * as Y from 'yjs';
import { rotateAfterRefusal, rotateBrowserLog } from './idb';

/** y-indexeddb's object stores: the same format, so databases written by either open in the other. */
const UPDATES = 'updates';
const CUSTOM = 'custom';
/** y-indexeddb's threshold: past this many rows, they are folded into one. */
const COMPACT_AT = 500;
const COMPACT_DELAY_MS = 1_000;
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 10_000;

export type SaveProblem = 'disk-full' | 'refused';

/** Whether everything this Y.Doc holds is on this computer. */
export interface SaveState {
  state: 'saved' | 'saving' | 'failing';
  /** Changes held in memory that the browser has not stored yet. */
  unsaved: number;
  problem: SaveProblem | null;
  /** The browser's own words, for a support request. */
  detail: string | null;
  /** When saving started to fail (ISO), so the notice can say for how long. */
  since: string | null;
}

export const SAVED: SaveState = { state: 'saved', unsaved: 0, problem: null, detail: null, since: null };

/**
 * A refused write, in the terms the person can act on. Chromium answers a
 * full disk with QuotaExceededError ("Encountered disk full while committing
 * transaction") and then refuses to reopen the database with UnknownError
 * until space comes back, so both count as "no room".
 */
export function classifySaveError(error: unknown): { problem: SaveProblem; detail: string } {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error ?? '');
  const detail = [name, message].filter(Boolean).join(': ') || 'The browser did not say why.';
  const noRoom = name === 'QuotaExceededError' || /disk full|no space|quota|backing store/i.test(message) || name === 'UnknownError';
  return { problem: noRoom ? 'disk-full' : 'refused', detail };
}

/**
 * Keeps a Y.Doc in IndexedDB in y-indexeddb's format, but knows when each
 * write has landed: y-indexeddb adds every update in its own transaction and
 * never reports a failure, so a disk that fills up would lose edits without
 * a word. Here updates wait in memory until a transaction holding them
 * completes; a refused one is reported and retried (reopening the database,
 * which Chromium closes after a failed commit) until it is stored.
 */
export class LocalStore {
  readonly loaded: Promise<void>;
  private db: IDBDatabase | null = null;
  /** Updates not yet stored, oldest first. */
  private pending: Uint8Array[] = [];
  private writing = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay = RETRY_FIRST_MS;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  private rows = 0;
  private destroyed = false;
  /** Loaded: writes may start (before that, changes only queue). */
  private ready = false;
  private failure: { problem: SaveProblem; detail: string; since: string } | null = null;
  /** A commit failed: the browser's log must be rotated before what is stored can be trusted. */
  private needsRotation = false;
  private readonly waiters: (() => void)[] = [];
  private readonly listeners = new Set<(state: SaveState) => void>();
  private lastState: SaveState = SAVED;

  constructor(readonly name: string, readonly doc: Y.Doc) {
    doc.on('update', this.onUpdate);
    // Anything the doc held before loading is written too, as y-indexeddb does.
    if (doc.store.clients.size > 0) this.pending.push(Y.encodeStateAsUpdate(doc));
    this.loaded = this.load();
  }

  get state(): SaveState {
    return this.lastState;
  }

  onState(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every change made so far is stored; while the browser refuses, it keeps waiting. */
  flush(): Promise<void> {
    if (!this.pending.length && !this.writing) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Tries a refused write again now instead of at the next retry. */
  retryNow(): void {
    if (!this.failure || this.writing) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    void this.write();
  }

  /** Stops listening and closes the database; call flush() first to keep what is pending. */
  async destroy(): Promise<void> {
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.compactTimer) clearTimeout(this.compactTimer);
    await this.loaded.catch(() => undefined);
    if (this.writing) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.db?.close();
    this.db = null;
  }

  private async load(): Promise<void> {
    const db = await this.open();
    const updates = await new Promise<Uint8Array[]>((resolve, reject) => {
      const request = db.transaction([UPDATES], 'readonly').objectStore(UPDATES).getAll();
      request.onsuccess = () => resolve(request.result as Uint8Array[]);
      request.onerror = () => reject(request.error);
    });
    this.rows = updates.length;
    if (this.destroyed) return;
    Y.transact(this.doc, () => {
      for (const update of updates) Y.applyUpdate(this.doc, update);
    }, this, false);
    this.ready = true;
    if (this.pending.length) void this.write();
  }

  private open(): Promise<IDBDatabase> {
    return new Promise((resolve, reject) => {
      const request = indexedDB.open(this.name);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true });
        if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another window deleting this workspace waits for us to let go.
        db.onversionchange = () => db.close();
        // Chromium closes the connection itself after a failed commit; the next write reopens it.
        db.onclose = () => { if (this.db === db) this.db = null; };
        this.db = db;
        resolve(db);
      };
      request.onerror = () => reject(request.error);
    });
  }

  private onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || this.destroyed) return;
    this.pending.push(update);
    if (this.ready && !this.writing && !this.retryTimer) {
      this.writing = true; // claimed now, so a burst of edits in one task goes in one transaction
      this.report();
      queueMicrotask(() => void this.write(true));
    } else this.report();
  };

  private async write(claimed = false): Promise<void> {
    if (this.writing && !claimed) return;
    this.writing = true;
    const count = this.pending.length;
    try {
      if (!count && !this.needsRotation) return;
      const db = this.db ?? (await this.open());
      if (count) {
        const batch = this.pending.slice(0, count);
        const row = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch);
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction([UPDATES], 'readwrite');
          tx.objectStore(UPDATES).add(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error ?? new DOMException('The save was interrupted', 'AbortError'));
        });
        this.pending.splice(0, count);
        this.rows += 1;
      }
      if (this.needsRotation) {
        await rotateBrowserLog();
        this.needsRotation = false;
      }
      this.failure = null;
      this.retryDelay = RETRY_FIRST_MS;
      if (this.rows >= COMPACT_AT) this.scheduleCompaction();
    } catch (error) {
      this.fail(error);
      return;
    } finally {
      this.writing = false;
      if (!this.failure && this.pending.length && !this.destroyed) {
        this.writing = true;
        queueMicrotask(() => void this.write(true));
      }
      this.report();
    }
  }

  private fail(error: unknown) {
    const { problem, detail } = classifySaveError(error);
    this.failure = { problem, detail, since: this.failure?.since ?? new Date().toISOString() };
    this.needsRotation = true;
    try {
      this.db?.close();
    } catch {
      // Already closed by the browser.
    }
    this.db = null;
    if (this.destroyed && !this.pending.length) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.write();
    }, this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
  }

  private report() {
    const unsaved = this.pending.length;
    const next: SaveState = this.failure
      ? { state: 'failing', unsaved, problem: this.failure.problem, detail: this.failure.detail, since: this.failure.since }
      : unsaved || this.writing ? { state: 'saving', unsaved, problem: null, detail: null, since: null } : SAVED;
    if (next.state === 'saved' && !this.writing) this.waiters.splice(0).forEach((resolve) => resolve());
    if (sameState(next, this.lastState)) return;
    this.lastState = next;
    this.listeners.forEach((l) => l(next));
  }

  private scheduleCompaction() {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      void this.compact();
    }, COMPACT_DELAY_MS);
  }

  /**
   * Folds every row into one, in one transaction so another window's rows
   * written meanwhile are read in (and kept) before the old ones go. A
   * refused compaction loses nothing: the rows stay as they were (the log
   * is rotated all the same).
   */
  private async compact(): Promise<void> {
    const db = this.db;
    if (!db || this.destroyed || this.failure) return;
    await new Promise<void>((resolve) => {
      let tx: IDBTransaction;
      try {
        tx = db.transaction([UPDATES], 'readwrite');
      } catch {
        return resolve();
      }
      const store = tx.objectStore(UPDATES);
      const read = store.getAll();
      read.onsuccess = () => {
        Y.transact(this.doc, () => {
          for (const update of read.result as Uint8Array[]) Y.applyUpdate(this.doc, update);
        }, this, false);
        const added = store.add(Y.encodeStateAsUpdate(this.doc));
        added.onsuccess = () => store.delete(IDBKeyRange.upperBound(added.result, true));
      };
      tx.oncomplete = () => {
        this.rows = 1;
        resolve();
      };
      tx.onerror = tx.onabort = () => {
        // Nothing is lost (the rows stay as they were), but a refused commit tears the browser's log.
        void rotateAfterRefusal();
        resolve();
      };
    });
  }
}

/** The count matters to the person only while saving fails; otherwise it would be a message per keystroke. */
function sameState(a: SaveState, b: SaveState): boolean {
  return a.state === b.state && (a.state !== 'failing' || a.unsaved === b.unsaved) && a.problem === b.problem && a.detail === b.detail && a.since === b.since;
}
