import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { observeHistory } from '../../../src/shared/data/history';
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
});
