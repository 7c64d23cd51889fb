import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DeleteRanges } from '../../sync-server/delete-ranges';
import { CHEAP_MERGE_BYTES, MAX_TAIL_UPDATES, compactionFor } from '../../sync-server/compaction-policy';
import { readUpdate } from '../../sync-server/validate-update';
import { itemUpdate } from './crafted-updates';

/** Two docs, each change captured as its own update. */
function recorder() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates };
}

const stateVectorOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return Y.decodeStateVector(Y.encodeStateVector(doc));
};

describe('reading an update against a stored state (no Y.Doc of the document)', () => {
  it('gives the state vector a Y.Doc would have, and notices updates behind a gap', () => {
    const { doc, updates } = recorder();
    doc.getMap('m').set('a', 1);
    doc.getText('t').insert(0, 'hello');
    doc.getText('t').delete(1, 2);
    doc.getMap('m').set('a', 2);

    const known = new Map<number, number>();
    for (let i = 0; i < updates.length; i++) {
      const facts = readUpdate(updates[i], known)!;
      expect(facts.pending).toBe(false);
      for (const [client, clock] of facts.advanced) known.set(client, clock);
      expect(known).toEqual(stateVectorOf(updates.slice(0, i + 1)));
      expect(facts.advanced.size).toBe(i === 2 ? 0 : 1); // the deletion adds no struct
    }
    // The last update, seen by a document that lacks the text before it: kept pending, not counted.
    const behind = readUpdate(updates[3], stateVectorOf(updates.slice(0, 1)))!;
    expect(behind.pending).toBe(true);
    expect(behind.advanced.size).toBe(0);
    // Only the clients an update involves are looked at, however many the document has seen.
    const crowded = new Map(stateVectorOf(updates.slice(0, 3)));
    for (let c = 1; c <= 5000; c++) crowded.set(c, 10);
    const facts = readUpdate(updates[3], crowded)!;
    expect([...facts.before.keys()]).toEqual([doc.clientID]);
    expect(facts.advanced).toEqual(new Map([[doc.clientID, 7]]));
  });

  it('refuses what Yjs cannot read, and items that point at their own client\'s future', () => {
    const { doc, updates } = recorder();
    doc.getMap('items').set('x', 1);
    const known = stateVectorOf(updates);
    for (const bad of [new Uint8Array(0), Uint8Array.of(1, 2, 3, 4, 5), updates[0].subarray(0, updates[0].length - 3)]) {
      expect(readUpdate(bad, known)).toBeNull();
    }
    const stored = { client: doc.clientID, clock: 0 };
    // Into the stored document it would throw (on the server and on every client); alone it merely waits.
    const intoStored = itemUpdate({ client: 7, clock: 0, origin: stored, rightOrigin: { client: 7, clock: 5 } });
    expect(() => Y.applyUpdate(new Y.Doc(), intoStored)).not.toThrow();
    expect(() => Y.applyUpdate(docOf(updates), intoStored)).toThrow();
    expect(readUpdate(intoStored, known)).toBeNull();
    // Waiting for a client nobody has: it would throw on every client the day that client shows up.
    const waiting = itemUpdate({ client: 7, clock: 0, origin: { client: 99, clock: 0 }, rightOrigin: { client: 7, clock: 5 } });
    expect(readUpdate(waiting, known)).toBeNull();
    // The same shapes pointing backwards are fine.
    expect(readUpdate(itemUpdate({ client: 7, clock: 0, origin: stored, rightOrigin: null }), known)?.pending).toBe(false);
    expect(readUpdate(itemUpdate({ client: 7, clock: 0, origin: { client: 99, clock: 0 }, rightOrigin: null }), known)?.pending).toBe(true);
  });
});

function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

describe('delete ranges', () => {
  it('merges, answers coverage, and encodes a delete-only update Yjs reads back', () => {
    const ranges = new DeleteRanges();
    ranges.add(1, 10, 5); // 10..14
    ranges.add(1, 20, 2); // 20..21
    ranges.add(1, 15, 5); // touches both: 10..21
    ranges.add(2, 0, 1);
    expect(ranges.covers({ clients: new Map([[1, [{ clock: 10, len: 12 }]]]) })).toBe(true);
    expect(ranges.covers({ clients: new Map([[1, [{ clock: 9, len: 2 }]]]) })).toBe(false);
    expect(ranges.covers({ clients: new Map([[1, [{ clock: 21, len: 2 }]]]) })).toBe(false);
    expect(ranges.covers({ clients: new Map([[3, [{ clock: 0, len: 1 }]]]) })).toBe(false);
    const { structs, ds } = Y.decodeUpdate(ranges.toUpdate());
    expect(structs).toEqual([]);
    expect([...ds.clients].map(([c, items]) => [c, items.map((i) => [i.clock, i.len])])).toEqual([[2, [[0, 1]]], [1, [[10, 12]]]]);
  });

  it('holds what a real document deleted', () => {
    const { doc, updates } = recorder();
    const text = doc.getText('t');
    text.insert(0, 'abcdefghij');
    text.delete(2, 3);
    text.delete(0, 1);
    const ranges = new DeleteRanges();
    for (const u of updates) ranges.addAll(Y.decodeUpdate(u).ds);
    expect(ranges.covers(Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).ds)).toBe(true);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    other.getText('t').delete(0, 1);
    expect(ranges.covers(Y.decodeUpdate(Y.encodeStateAsUpdate(other)).ds)).toBe(false);
  });
});

describe('when stored updates are merged', () => {
  it('merges everything once the changes are an eighth of the document, the tail alone every few hundred', () => {
    const big = 60 * 1024 * 1024;
    expect(compactionFor({ baseBytes: big, tailUpdates: 0, tailBytes: 0 })).toBeNull();
    expect(compactionFor({ baseBytes: big, tailUpdates: 100, tailBytes: 100_000 })).toBeNull();
    expect(compactionFor({ baseBytes: big, tailUpdates: MAX_TAIL_UPDATES, tailBytes: 100_000 })).toBe('tail');
    expect(compactionFor({ baseBytes: big, tailUpdates: 200, tailBytes: big / 8 })).toBe('all');
    expect(compactionFor({ baseBytes: 10_000, tailUpdates: 3, tailBytes: 5_000 })).toBeNull(); // not worth a rewrite yet
    expect(compactionFor({ baseBytes: 10_000, tailUpdates: MAX_TAIL_UPDATES, tailBytes: 20_000 })).toBe('all');
    expect(compactionFor({ baseBytes: CHEAP_MERGE_BYTES, tailUpdates: MAX_TAIL_UPDATES, tailBytes: 20_000 })).toBe('tail');
    // A first upload in 8 MB pieces: the whole document is merged only when the pieces double it, not after each one.
    const piece = 8 * 1024 * 1024;
    expect(compactionFor({ baseBytes: 0, tailUpdates: 1, tailBytes: piece })).toBe('all');
    expect(compactionFor({ baseBytes: 4 * piece, tailUpdates: 1, tailBytes: piece })).toBeNull();
    expect(compactionFor({ baseBytes: 4 * piece, tailUpdates: 3, tailBytes: 3 * piece })).toBeNull();
    expect(compactionFor({ baseBytes: 4 * piece, tailUpdates: 4, tailBytes: 4 * piece })).toBe('all');
    let base = 0;
    let merged = 0;
    let tail = 0;
    let updates = 0;
    for (let i = 0; i < 15; i++) {
      tail += piece;
      updates++;
      if (compactionFor({ baseBytes: base, tailUpdates: updates, tailBytes: tail }) === 'all') {
        base += tail;
        merged += base;
        tail = updates = 0;
      }
    }
    expect(merged).toBeLessThan(2 * 15 * piece);
  });
});
