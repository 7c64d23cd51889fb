import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findLikelyDuplicates } from '../../../src/shared/domain/duplicates';
import { WorkspaceStore } from '../../../src/shared/data/store';

/** Two laptops: each has its own Y.Doc; "sync" exchanges the updates either way round. */
function twoLaptops() {
  const a = new WorkspaceStore(new Y.Doc(), { actorId: 'alex' });
  const b = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
  const sync = () => {
    const fromA = Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc));
    const fromB = Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc));
    Y.applyUpdate(b.doc, fromA);
    Y.applyUpdate(a.doc, fromB);
  };
  return { a, b, sync };
}

describe('conflict semantics (docs/sync.md)', () => {
  it('keeps concurrent edits to different fields of one record', () => {
    const { a, b, sync } = twoLaptops();
    const c = a.create('creators', { name: 'Maya' });
    sync();
    a.update('creators', c.id, { notes: 'Prefers email' });
    b.update('creators', c.id, { tags: ['vip'] });
    sync();
    expect(a.get('creators', c.id)).toMatchObject({ notes: 'Prefers email', tags: ['vip'] });
    expect(b.get('creators', c.id)).toEqual(a.get('creators', c.id));
  });

  it('picks one winner for the same field, the same on every laptop whatever the order', () => {
    const results = [false, true].map((reverse) => {
      const a = new WorkspaceStore(new Y.Doc({ gc: true }), { actorId: 'alex' });
      const b = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
      a.doc.clientID = 1;
      b.doc.clientID = 2;
      const c = a.create('creators', { name: 'Maya' }, { id: 'c1' });
      Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
      a.update('creators', c.id, { name: 'Maya J.' });
      b.update('creators', c.id, { name: 'Maya Johnson' });
      const ua = Y.encodeStateAsUpdate(a.doc);
      const ub = Y.encodeStateAsUpdate(b.doc);
      if (reverse) { Y.applyUpdate(a.doc, ub); Y.applyUpdate(b.doc, ua); } else { Y.applyUpdate(b.doc, ua); Y.applyUpdate(a.doc, ub); }
      expect(a.get('creators', 'c1')!.name).toBe(b.get('creators', 'c1')!.name);
      return a.get('creators', 'c1')!.name;
    });
    expect(results[0]).toBe(results[1]);
    expect(['Maya J.', 'Maya Johnson']).toContain(results[0]);
  });

  it('shows both values of a same-field conflict in the record history, marking the winner', () => {
    const a = new WorkspaceStore(new Y.Doc(), { actorId: 'alex', actorName: 'Alex Morgan' });
    const b = new WorkspaceStore(new Y.Doc(), { actorId: 'sam', actorName: 'Sam Lee' });
    const c = a.create('creators', { name: 'Maya' }, { id: 'c1' });
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    // Both laptops start the record's history offline: neither list may swallow the other.
    a.update('creators', c.id, { name: 'Maya J.', tags: ['vip'] });
    b.update('creators', c.id, { name: 'Maya Johnson' });
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));

    const history = a.history('creators', c.id);
    expect(b.history('creators', c.id)).toEqual(history);
    const names = history.filter((h) => h.field === 'name');
    expect(names.map((h) => [h.byName, h.value]).sort()).toEqual([['Alex Morgan', 'Maya J.'], ['Sam Lee', 'Maya Johnson']]);
    expect(names.every((h) => h.concurrent && h.previous === 'Maya')).toBe(true);
    const winner = names.find((h) => h.current)!;
    expect(winner.value).toBe(a.get('creators', c.id)!.name);
    expect(names.filter((h) => h.current)).toHaveLength(1);
    expect(history.find((h) => h.field === 'tags')).toMatchObject({ value: ['vip'], previous: [], current: true, concurrent: false });
  });

  it('records only people’s edits in the history, and undo takes the line back with the edit', () => {
    const store = new WorkspaceStore(new Y.Doc(), { actorId: 'alex', actorName: 'Alex Morgan' });
    const c = store.create('creators', { name: 'Maya' });
    store.update('creators', c.id, { notes: 'summary written by the app' }, { origin: 'fanfare:system' });
    expect(store.history('creators', c.id)).toEqual([]);
    store.update('creators', c.id, { phone: '+44 20 7946 0000' });
    store.update('creators', c.id, { phone: '+44 20 7946 0000' }); // no change, no line
    expect(store.history('creators', c.id).map((h) => h.field)).toEqual(['phone']);
    store.undo();
    expect(store.history('creators', c.id)).toEqual([]);
    store.redo();
    expect(store.history('creators', c.id)).toHaveLength(1);
  });

  it('puts a record edited while it was being deleted in the trash with the edit kept', () => {
    const { a, b, sync } = twoLaptops();
    const c = a.create('creators', { name: 'Алёна' });
    sync();
    a.softDelete('creators', [c.id]);
    b.update('creators', c.id, { notes: 'Sent the contract today' });
    sync();
    for (const store of [a, b]) {
      expect(store.get('creators', c.id)).toMatchObject({ notes: 'Sent the contract today' });
      expect(store.get('creators', c.id)!.deletedAt).not.toBeNull();
    }
    b.restore('creators', [c.id]);
    sync();
    expect(a.get('creators', c.id)).toMatchObject({ deletedAt: null, notes: 'Sent the contract today' });
  });

  it('keeps both copies of a creator added offline on two laptops, and flags them as one person', () => {
    const { a, b, sync } = twoLaptops();
    a.create('creators', { name: 'Zoë Łukasiewicz', accounts: [{ platform: 'instagram', handle: '@zoe.runs' }] });
    b.create('creators', { name: 'Zoe Lukasiewicz', accounts: [{ platform: 'instagram', handle: 'https://www.instagram.com/zoe.runs/' }] });
    b.create('creators', { name: 'Someone else', accounts: [{ platform: 'tiktok', handle: 'zoe.runs' }] });
    sync();
    const creators = a.list('creators');
    expect(creators).toHaveLength(3);
    const duplicates = findLikelyDuplicates(creators);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0].reason).toBe('instagram @zoe.runs');
    expect(duplicates[0].ids.map((id) => a.get('creators', id)!.name).sort()).toEqual(['Zoe Lukasiewicz', 'Zoë Łukasiewicz']);
  });

  it('flags the same email too, and ignores creators in the trash', () => {
    const list = [
      { id: 'x', emails: [{ address: 'Maya@Example.com' }] },
      { id: 'y', emails: [{ address: 'maya@example.com ' }] },
      { id: 'z', emails: [{ address: 'maya@example.com' }], deletedAt: '2026-01-01T00:00:00Z' },
    ];
    expect(findLikelyDuplicates(list)).toEqual([{ ids: ['x', 'y'], reason: 'maya@example.com', kind: 'email' }]);
  });
});
