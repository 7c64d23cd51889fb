import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { projectAll } from '../../../src/shared/data/batches';
import { addTagOperations, addToCampaignOperations, assignOwnerOperations, removeTagOperations, restoreOwnerOperations, trashOperations } from '../../../src/shared/domain/bulk-edits';

function store() {
  const s = new WorkspaceStore(new Y.Doc());
  const a = s.create('creators', { name: 'Ana', tags: ['VIP'] });
  const b = s.create('creators', { name: 'Ben', tags: [] });
  return { s, a, b };
}

describe('bulk edits', () => {
  it('tags only the creators that lack the tag, in one undoable change', () => {
    const { s, a, b } = store();
    const ops = addTagOperations([a, b], ' vip ');
    expect(ops).toEqual([{ kind: 'update', collection: 'creators', id: b.id, patch: { tags: ['vip'] } }]);
    s.applyAll(ops);
    expect((projectAll(s.doc).creators!.find((c) => c.id === b.id) as { tags: string[] }).tags).toEqual(['vip']);
    expect(s.undo()).toBe(true);
    expect((projectAll(s.doc).creators!.find((c) => c.id === b.id) as { tags: string[] }).tags).toEqual([]);
  });

  it('takes a tag back off whatever its spelling', () => {
    const { a, b } = store();
    expect(removeTagOperations([a, b], 'vip')).toEqual([{ kind: 'update', collection: 'creators', id: a.id, patch: { tags: [] } }]);
    expect(addTagOperations([a], '   ')).toEqual([]);
  });

  it('assigns an owner and can put the previous ones back', () => {
    const { s, a, b } = store();
    s.update('creators', a.id, { ownerId: 'sam' });
    const before = projectAll(s.doc).creators!.map((c) => ({ id: String(c.id), ownerId: (c.ownerId as string | null) }));
    const ops = assignOwnerOperations(before, 'alex');
    expect(ops).toHaveLength(2);
    s.applyAll(ops);
    s.applyAll(restoreOwnerOperations(before));
    expect(projectAll(s.doc).creators!.map((c) => c.ownerId)).toEqual(['sam', null]);
    expect(assignOwnerOperations([{ id: b.id, ownerId: 'x' }], 'x')).toEqual([]);
  });

  it('moves creators to the trash together', () => {
    const { s, a, b } = store();
    s.applyAll(trashOperations([a.id, b.id]));
    expect(projectAll(s.doc).creators!.every((c) => c.deletedAt)).toBe(true);
  });

  it('adds to a campaign at its first step only those not already in it, in one undoable change', () => {
    const { s, a, b } = store();
    const campaign = s.create('campaigns', { name: 'Spring', steps: [{ id: 'contacted', name: 'Contacted', position: 2 }, { id: 'shortlisted', name: 'Shortlisted', position: 1 }] });
    const ops = addToCampaignOperations([a.id, b.id], campaign, new Set([a.id]), () => 'en-1');
    expect(ops).toEqual([{ kind: 'create', collection: 'engagements', id: 'en-1', input: { campaignId: campaign.id, creatorId: b.id, stepId: 'shortlisted' } }]);
    s.applyAll(ops);
    expect(projectAll(s.doc).engagements!.map((e) => [e.id, e.creatorId, e.stepId])).toEqual([['en-1', b.id, 'shortlisted']]);
    expect(s.undo()).toBe(true);
    expect(projectAll(s.doc).engagements).toEqual([]);
    expect(addToCampaignOperations([a.id], { id: 'x', steps: [] }, new Set())).toEqual([]);
  });
});
