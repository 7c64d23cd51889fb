import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase, requestToPromise, transactionDone } from '../../../src/renderer/src/data/idb';
import { deleteSnapshot, loadSnapshot, saveSnapshot, SNAPSHOT_FORMAT } from '../../../src/renderer/src/data/snapshot-store';

const creators = (n: number, tag: string) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, name: `${tag} ${i}` }));
const version = new Uint8Array([1, 2, 3]);

async function storedKeys(): Promise<string[]> {
  const db = await openDatabase('fanfare-snapshots', ['snapshots']);
  return (await requestToPromise(db.transaction('snapshots').objectStore('snapshots').getAllKeys())) as string[];
}

describe('snapshot store', () => {
  it('reads back every record, in order, across many pieces', async () => {
    await saveSnapshot('ws-pieces', version, { creators: creators(1_234, 'Creator'), campaigns: [{ id: 'k1', name: 'Spring' }] });
    const loaded = await loadSnapshot('ws-pieces');
    expect(loaded?.docs.creators?.map((c) => c.name)).toEqual(creators(1_234, 'Creator').map((c) => c.name));
    expect(loaded?.docs.campaigns).toEqual([{ id: 'k1', name: 'Spring' }]);
    expect([...loaded!.docVersion]).toEqual([1, 2, 3]);
  });

  it('leaves no piece of a bigger earlier copy behind, and no other workspace is touched', async () => {
    await saveSnapshot('ws-a', version, { creators: creators(900, 'Old') });
    await saveSnapshot('ws-ab', version, { creators: creators(10, 'Neighbour') });
    await saveSnapshot('ws-a', version, { creators: creators(3, 'New') });
    expect((await loadSnapshot('ws-a'))?.docs.creators?.map((c) => c.name)).toEqual(['New 0', 'New 1', 'New 2']);
    expect((await storedKeys()).filter((k) => k.startsWith('ws-a\u0000'))).toHaveLength(1);
    expect((await loadSnapshot('ws-ab'))?.docs.creators).toHaveLength(10);

    await deleteSnapshot('ws-a');
    expect(await loadSnapshot('ws-a')).toBeNull();
    expect((await storedKeys()).filter((k) => k.startsWith('ws-a\u0000') || k === 'ws-a')).toEqual([]);
    expect((await loadSnapshot('ws-ab'))?.docs.creators).toHaveLength(10);
  });

  it('still reads a copy saved before pieces, as one text per collection', async () => {
    const db = await openDatabase('fanfare-snapshots', ['snapshots']);
    const tx = db.transaction('snapshots', 'readwrite');
    tx.objectStore('snapshots').put({ format: SNAPSHOT_FORMAT, docVersion: version, savedAt: '2026-11-01T00:00:00Z', collections: { creators: JSON.stringify(creators(2, 'Legacy')) } }, 'ws-old');
    await transactionDone(tx);
    expect((await loadSnapshot('ws-old'))?.docs.creators?.map((c) => c.name)).toEqual(['Legacy 0', 'Legacy 1']);
  });

  it('refuses a copy with a piece missing, so the workspace is rebuilt from its data instead', async () => {
    await saveSnapshot('ws-torn', version, { creators: creators(600, 'Torn') });
    const db = await openDatabase('fanfare-snapshots', ['snapshots']);
    const tx = db.transaction('snapshots', 'readwrite');
    tx.objectStore('snapshots').delete('ws-torn\u0000creators\u00001');
    await transactionDone(tx);
    await expect(loadSnapshot('ws-torn')).rejects.toThrow('Part of the saved copy of creators is missing');
  });
});
