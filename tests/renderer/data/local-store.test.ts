import 'fake-indexeddb/auto';
import { IndexeddbPersistence } from 'y-indexeddb';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { classifySaveError, LocalStore } from '../../../src/renderer/src/data/local-store';

// Over fake-indexeddb's real IndexedDB semantics; the refused writes of a full disk are in tests/e2e/browser-storage.spec.ts.

function countRows(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => {
      const request = open.result.transaction(['updates'], 'readonly').objectStore('updates').count();
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
    open.onerror = () => reject(open.error);
  });
}

describe('local store', () => {
  it('opens what y-indexeddb wrote, and y-indexeddb opens what it writes', async () => {
    const old = new Y.Doc();
    const persistence = new IndexeddbPersistence('ls-format', old);
    await persistence.whenSynced;
    const rowsBefore = await countRows('ls-format');
    old.getMap('creators').set('a', 'written by y-indexeddb');
    // y-indexeddb reports no write; its row appearing is the event to wait for.
    await expect.poll(() => countRows('ls-format')).toBe(rowsBefore + 1);
    await persistence.destroy();

    const doc = new Y.Doc();
    const store = new LocalStore('ls-format', doc);
    await store.loaded;
    expect(doc.getMap('creators').get('a')).toBe('written by y-indexeddb');
    doc.getMap('creators').set('b', 'written by the local store');
    await store.flush();
    await store.destroy();

    const again = new Y.Doc();
    const reader = new IndexeddbPersistence('ls-format', again);
    await reader.whenSynced;
    expect(again.getMap('creators').toJSON()).toEqual({ a: 'written by y-indexeddb', b: 'written by the local store' });
    await reader.destroy();
  });

  it('flush() resolves only once every change is stored, and reports saving then saved', async () => {
    const doc = new Y.Doc();
    const store = new LocalStore('ls-flush', doc);
    const states: string[] = [];
    store.onState((s) => states.push(s.state));
    await store.loaded;
    for (let i = 0; i < 20; i++) doc.getMap('m').set(`k${i}`, i);
    expect(store.state.state).toBe('saving');
    await store.flush();
    expect(store.state).toMatchObject({ state: 'saved', unsaved: 0 });
    expect(states).toEqual(['saving', 'saved']);
    // A burst of edits in one task is one transaction, one row.
    expect(await countRows('ls-flush')).toBe(1);
    await store.destroy();
  });

  it('keeps changes made before the database is open and writes them once it is', async () => {
    const doc = new Y.Doc();
    const store = new LocalStore('ls-early', doc);
    doc.getMap('m').set('early', true);
    await store.loaded;
    await store.flush();
    await store.destroy();
    const reopened = new Y.Doc();
    const reader = new LocalStore('ls-early', reopened);
    await reader.loaded;
    expect(reopened.getMap('m').get('early')).toBe(true);
    await reader.destroy();
  });

  it('folds many rows into one, keeping rows another window wrote meanwhile', async () => {
    const doc = new Y.Doc();
    const store = new LocalStore('ls-compact', doc);
    await store.loaded;
    const other = new Y.Doc();
    const otherStore = new LocalStore('ls-compact', other);
    await otherStore.loaded;
    other.getMap('m').set('from the other window', 1);
    await otherStore.flush();
    for (let i = 0; i < 520; i++) {
      doc.getMap('m').set(`k${i}`, i);
      await store.flush();
    }
    // The fold runs a second after the writes settle.
    await expect.poll(() => countRows('ls-compact'), { timeout: 15_000 }).toBeLessThan(5);
    await store.destroy();
    await otherStore.destroy();
    const reopened = new Y.Doc();
    const reader = new LocalStore('ls-compact', reopened);
    await reader.loaded;
    expect(reopened.getMap('m').get('k519')).toBe(519);
    expect(reopened.getMap('m').get('from the other window')).toBe(1);
    await reader.destroy();
  });

  it('names a refused write in terms the person can act on', () => {
    expect(classifySaveError(new DOMException('Encountered disk full while committing transaction.', 'QuotaExceededError')).problem).toBe('disk-full');
    expect(classifySaveError(new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError')).problem).toBe('disk-full');
    expect(classifySaveError(new DOMException('The transaction was aborted.', 'AbortError'))).toEqual({ problem: 'refused', detail: 'AbortError: The transaction was aborted.' });
  });
});
