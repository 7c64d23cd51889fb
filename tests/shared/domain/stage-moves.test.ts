import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { moveToStepOperations } from '../../../src/shared/domain/stage-moves';

const at = '2026-11-05T10:00:00.000Z';

describe('moving a creator to another step', () => {
  it('moves them and says who did it in their timeline, both taken back by one Undo', () => {
    const store = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
    const { id } = store.create('engagements', { campaignId: 'ca', creatorId: 'cr', stepId: 's1' });
    store.applyAll(moveToStepOperations({ id, creatorId: 'cr', campaignId: 'ca', stepId: 's1' }, { id: 's2', name: 'Contacted' }, { id: 'sam', name: 'Sam' }, at, 'act-1'));
    expect(store.get('engagements', id)?.stepId).toBe('s2');
    const line = store.get('activities', 'act-1');
    expect(line).toMatchObject({ kind: 'stage-change', title: 'Moved to Contacted', at, actorId: 'sam', creatorId: 'cr', campaignId: 'ca', engagementId: id, data: { from: 's1', to: 's2', byName: 'Sam' } });
    expect(line?.data).not.toHaveProperty('because');
    store.undo();
    expect(store.get('engagements', id)?.stepId).toBe('s1');
    expect(store.get('activities', 'act-1')).toBeNull();
  });

  it('names what moved them when it was not a person, and writes nothing for a move to the same step', () => {
    const ops = moveToStepOperations({ id: 'en', creatorId: 'cr', campaignId: 'ca', stepId: 's1' }, { id: 's3', name: 'Shipped' }, { id: 'sam', name: null }, at, 'act-1', 'SEED-1001');
    expect(ops[1]).toMatchObject({ input: { data: { from: 's1', to: 's3', byName: null, because: 'SEED-1001' } } });
    expect(moveToStepOperations({ id: 'en', creatorId: 'cr', campaignId: 'ca', stepId: 's1' }, { id: 's1', name: 'Invited' }, { id: 'sam', name: null }, at, 'act-1')).toEqual([]);
  });
});
