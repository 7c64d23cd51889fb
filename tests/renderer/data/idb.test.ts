import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rotateAfterRefusal } from '../../../src/renderer/src/data/idb';
import { readUpdates, writeFreshDoc } from '../../../src/renderer/src/data/backup/y-indexeddb-files';
import { loadSnapshot, saveSnapshot } from '../../../src/renderer/src/data/snapshot-store';

// Every IndexedDB write the browser can refuse is followed by a rotation of its log (see rotateBrowserLog:
// in Chromium a refused commit tears the log, and the next start would delete every database of the origin).
// The refusal is made here by the IndexedDB implementation itself: a commit that fails with Chromium's
// QuotaExceededError; the real full disk is in tests/e2e/browser-storage.spec.ts.

const ROTATION_DATABASE = 'fanfare-log-rotation';
const REFUSED_OPEN = 'refused-open';
const realOpen = indexedDB.open.bind(indexedDB);
await new Promise<void>((resolve, reject) => {
  const request = indexedDB.open(REFUSED_OPEN, 2);
  request.onsuccess = () => { request.result.close(); resolve(); };
  request.onerror = () => reject(request.error);
});
const realPut = IDBObjectStore.prototype.put;
const realAdd = IDBObjectStore.prototype.add;
let opened: string[] = [];
let refuseCommits = false;
let refuseRotations = 0;

indexedDB.open = ((name: string, version?: number) => {
  opened.push(name);
  if (name === ROTATION_DATABASE && refuseRotations > 0) {
    refuseRotations -= 1;
    // An open that fails, as Chromium's do in a full profile (UnknownError): here a version older than the database's.
    return realOpen(REFUSED_OPEN, 1);
  }
  return realOpen(name, version);
}) as typeof indexedDB.open;

/** A commit the disk cannot hold: the transaction ends in abort with a QuotaExceededError, as Chromium's does. */
function refuseIfAsked(this: IDBObjectStore, request: IDBRequest) {
  if (refuseCommits && this.name !== 'ballast') {
    const tx = this.transaction;
    queueMicrotask(() => {
      try {
        Object.defineProperty(tx, 'error', { value: new DOMException('Encountered disk full while committing transaction.', 'QuotaExceededError'), configurable: true });
        tx.abort();
      } catch {
        // Already finished.
      }
    });
  }
  return request;
}
IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
  return refuseIfAsked.call(this, realPut.apply(this, args));
};
IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
  return refuseIfAsked.call(this, realAdd.apply(this, args));
};

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name!).sort();
}

/** The refusal itself started a rotation of the log, which has finished (its ballast database written and gone). */
async function rotated() {
  await vi.waitFor(async () => {
    expect(opened).toContain(ROTATION_DATABASE);
    expect(await databaseNames()).not.toContain(ROTATION_DATABASE);
  }, { timeout: 10_000, interval: 20 });
}

afterEach(() => {
  opened = [];
  refuseCommits = false;
  refuseRotations = 0;
});

describe('a refused IndexedDB write', () => {
  it('of a snapshot fails that save only, rotates the log, and the next save works', async () => {
    await saveSnapshot('ws-snap', new Uint8Array([1]), { creators: [{ id: 'c1', name: 'Kept' }] });
    opened = [];
    refuseCommits = true;
    await expect(saveSnapshot('ws-snap', new Uint8Array([2]), { creators: [{ id: 'c1', name: 'Refused' }] })).rejects.toThrow(/disk full/);
    refuseCommits = false;
    await rotated();
    // Nothing half-written: the copy before stays whole.
    expect((await loadSnapshot('ws-snap'))?.docs.creators).toEqual([{ id: 'c1', name: 'Kept' }]);
    await saveSnapshot('ws-snap', new Uint8Array([3]), { creators: [{ id: 'c1', name: 'Later' }] });
    expect((await loadSnapshot('ws-snap'))?.docs.creators).toEqual([{ id: 'c1', name: 'Later' }]);
  });

  it('of a restore says so in words, keeps nothing, and rotates the log', async () => {
    refuseCommits = true;
    await expect(writeFreshDoc('fanfare-ws-restored', new Uint8Array([0, 0]))).rejects.toThrow(
      /^There is not enough space on this computer to restore this backup: the browser refused to store it \(QuotaExceededError: Encountered disk full while committing transaction\.\)\. Nothing was restored\. Free some disk space, then restore it again\.$/,
    );
    refuseCommits = false;
    await rotated();
    expect(await readUpdates('fanfare-ws-restored')).toEqual([]);
  });

  it('a restore over a workspace that exists is refused by Fanfare, not the browser: no rotation', async () => {
    await writeFreshDoc('fanfare-ws-there', new Uint8Array([0, 0]));
    opened = [];
    await expect(writeFreshDoc('fanfare-ws-there', new Uint8Array([0, 0]))).rejects.toThrow(/already holds data/);
    // A rotation asked for now runs after any the refusal started (rotations owed queue up), so waiting for
    // ours and finding it the only one says the refusal asked for none, where a sleep only hoped it would have shown.
    await rotateAfterRefusal();
    expect(opened.filter((name) => name === ROTATION_DATABASE)).toHaveLength(1);
  });

  it('keeps trying to rotate while the disk stays full, until it has', async () => {
    refuseRotations = 2;
    await rotateAfterRefusal();
    expect(refuseRotations).toBe(0);
    expect(opened.filter((n) => n === ROTATION_DATABASE)).toHaveLength(3);
    expect(await databaseNames()).not.toContain(ROTATION_DATABASE);
  });
});
