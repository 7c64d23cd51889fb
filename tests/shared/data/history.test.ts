import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLASH_WINDOW_MS, observeHistory } from '../../../src/shared/data/history';
import { WorkspaceStore } from '../../../src/shared/data/store';

describe('record history', () => {
  it('tells which records’ histories grew, for local edits and for a teammate’s arriving in an update', () => {
    const here = new WorkspaceStore(new Y.Doc(), { actorId: 'alex', actorName: 'Alex' });
    const there = new WorkspaceStore(new Y.Doc(), { actorId: 'sam', actorName: 'Sam' });
    const c = here.create('creators', { name: 'Maya' }, { id: 'c:1' });
    const d = here.create('documents', { kind: 'brief', title: 'Draft' }, { id: 'b1' });
    Y.applyUpdate(there.doc, Y.encodeStateAsUpdate(here.doc));

    const seen: string[] = [];
    const stop = observeHistory(here.doc, (records) => seen.push(...records.map((r) => `${r.collection}/${r.id}`)));
    here.update('creators', c.id, { phone: '123' });
    there.update('documents', d.id, { title: 'Final' });
    there.update('documents', d.id, { status: 'sent' });
    Y.applyUpdate(here.doc, Y.encodeStateAsUpdate(there.doc, Y.encodeStateVector(here.doc)));
    expect(seen).toEqual(['creators/c:1', 'documents/b1']);
    expect(here.history('documents', d.id).map((h) => [h.byName, h.field])).toEqual(expect.arrayContaining([['Sam', 'title'], ['Sam', 'status']]));

    stop();
    here.update('creators', c.id, { phone: '456' });
    expect(seen).toHaveLength(2);
  });

  describe('same-field edits made at the same moment online', () => {
    /** Two teammates online: each laptop's clock can be set, and "deliver" passes one laptop's news to the other, as the server relays it. */
    function online() {
      let clock = Date.parse('2026-03-02T10:00:00Z');
      const now = () => new Date(clock);
      // Fixed client ids: which of two crossing writes Yjs keeps depends on them.
      const alex = new WorkspaceStore(Object.assign(new Y.Doc(), { clientID: 1 }), { actorId: 'alex', actorName: 'Alex Morgan', now });
      const sam = new WorkspaceStore(Object.assign(new Y.Doc(), { clientID: 2 }), { actorId: 'sam', actorName: 'Sam Lee', now });
      const deliver = (from: WorkspaceStore, to: WorkspaceStore) => Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)));
      const c = alex.create('creators', { name: 'Maya' }, { id: 'c1' });
      deliver(alex, sam);
      return { alex, sam, c, deliver, wait: (ms: number) => { clock += ms; } };
    }

    const nameLines = (store: WorkspaceStore) => store.history('creators', 'c1').filter((h) => h.field === 'name');

    it('lists the value that was not kept when both writes crossed on the way (each applied its own before the other’s)', () => {
      const { alex, sam, c, deliver, wait } = online();
      alex.update('creators', c.id, { name: 'Maya J.' });
      wait(150);
      sam.update('creators', c.id, { name: 'Maya Johnson' });
      deliver(alex, sam);
      deliver(sam, alex);
      const kept = alex.get('creators', c.id)!.name;
      expect(sam.get('creators', c.id)!.name).toBe(kept);
      for (const store of [alex, sam]) {
        const lines = nameLines(store);
        expect(lines).toHaveLength(2);
        expect(lines.every((h) => h.concurrent)).toBe(true);
        expect(lines.filter((h) => !h.current).map((h) => h.value)).toEqual([kept === 'Maya J.' ? 'Maya Johnson' : 'Maya J.']);
      }
    });

    it('lists the value that was written over when the second writer already had it on paper (it arrived while they were editing)', () => {
      const { alex, sam, c, deliver, wait } = online();
      alex.update('creators', c.id, { name: 'Maya J.' });
      deliver(alex, sam); // Alex's value reaches Sam's laptop a moment before Sam presses Save.
      wait(800);
      sam.update('creators', c.id, { name: 'Maya Johnson' });
      deliver(sam, alex);
      for (const store of [alex, sam]) {
        expect(store.get('creators', c.id)!.name).toBe('Maya Johnson');
        const lost = nameLines(store).find((h) => h.value === 'Maya J.')!;
        expect(lost).toMatchObject({ byName: 'Alex Morgan', concurrent: true, current: false });
        expect(nameLines(store).find((h) => h.value === 'Maya Johnson')).toMatchObject({ concurrent: true, current: true });
      }
    });

    it('treats a change made well after a teammate’s as a plain edit, not a clash', () => {
      const { alex, sam, c, deliver, wait } = online();
      alex.update('creators', c.id, { name: 'Maya J.' });
      deliver(alex, sam);
      wait(CLASH_WINDOW_MS + 60_000);
      sam.update('creators', c.id, { name: 'Maya Johnson' });
      deliver(sam, alex);
      expect(nameLines(alex).every((h) => !h.concurrent)).toBe(true);
    });

    it('keeps the clashing author’s last value one click away, not only their first', () => {
      const { alex, sam, c, deliver, wait } = online();
      alex.update('creators', c.id, { name: 'Maya J.' });
      wait(100);
      alex.update('creators', c.id, { name: 'Maya Jo.' });
      sam.update('creators', c.id, { name: 'Maya Johnson' });
      deliver(alex, sam);
      deliver(sam, alex);
      expect(alex.get('creators', c.id)!.name).toBe('Maya Johnson');
      const notKept = nameLines(alex).filter((h) => !h.current);
      expect(notKept.map((h) => h.value).sort()).toEqual(['Maya J.', 'Maya Jo.']);
      expect(notKept.every((h) => h.concurrent)).toBe(true);
    });
  });
});

