import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommandError } from '../../../src/shared/data/command-error';
import { creatorFields } from '../../../src/shared/data/schemas/creators';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { commitImport } from '../../../src/shared/import/commit';
import type { ImportPlan } from '../../../src/shared/import/plan';

function plan(creates: { id: string; name: string }[], updates: ImportPlan['updates'] = []): ImportPlan {
  return {
    creates: creates.map((c, i) => ({ id: c.id, row: i + 2, fields: creatorFields.parse({ name: c.name }) })),
    updates,
    outcomes: [],
    summary: { rows: 0, created: 0, updated: 0, skipped: 0, problems: 0, emptyRows: 0, newCreators: 0, updatedCreators: 0, rowsWithWarnings: 0 },
  };
}

describe('writing an import', () => {
  it('writes every create and update in one transaction (one update to sync), one Ctrl+Z takes it all back, and updates keep history', () => {
    const doc = new Y.Doc();
    const store = new WorkspaceStore(doc, { actorId: 'me', actorName: 'Me' });
    const maya = store.create('creators', { name: 'Maya', phone: '' });
    store.stopCapturing();
    let transactions = 0;
    doc.on('afterTransaction', (tr: Y.Transaction) => { if (tr.changed.size > 0) transactions++; });
    commitImport(store, plan([{ id: 'a', name: 'Zoë' }, { id: 'b', name: 'José' }], [{ id: maya.id, rows: [4], patch: { phone: '+1 555' } }]));
    expect(transactions).toBe(1);
    expect(store.list('creators').map((c) => c.name).sort()).toEqual(['José', 'Maya', 'Zoë']);
    expect(store.history('creators', maya.id)[0]).toMatchObject({ field: 'phone', value: '+1 555', previous: '' });
    expect(store.undo()).toBe(true);
    expect(store.list('creators').map((c) => c.name)).toEqual(['Maya']);
    expect(store.get('creators', maya.id)?.phone).toBe('');
  });

  it('writes nothing at all when one record of 2,000 cannot be saved, and says which row', () => {
    const doc = new Y.Doc();
    const store = new WorkspaceStore(doc);
    store.create('creators', { name: 'Already here' });
    const before = Y.encodeStateAsUpdate(doc);
    const creates = Array.from({ length: 2_000 }, (_, i) => ({ id: `c${i}`, name: `Creator ${i}` }));
    const bad = plan(creates);
    bad.creates[1_999].fields = { ...bad.creates[1_999].fields, name: '' };
    expect(() => commitImport(store, bad)).toThrow(CommandError);
    expect(() => commitImport(store, bad)).toThrow('(row 2001): name: Name is required');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);

    const missing = plan([{ id: 'n1', name: 'New' }], [{ id: 'gone', rows: [3], patch: { phone: '1' } }]);
    expect(() => commitImport(store, missing)).toThrow('no longer exists');
    const twice = plan([{ id: 'same', name: 'One' }, { id: 'same', name: 'Two' }]);
    expect(() => commitImport(store, twice)).toThrow('share the id');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
