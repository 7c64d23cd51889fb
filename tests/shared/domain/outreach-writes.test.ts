import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { logSendsWrites, markDeclinedWrites, markRepliedWrites } from '../../../src/shared/domain/outreach-writes';

const steps = [{ id: 's1', name: 'Prospect', position: 1 }, { id: 's2', name: 'Contacted', position: 2 }, { id: 's3', name: 'Replied', position: 3 }];
const template = { id: 'tpl-1', title: 'First hello' };

function setup() {
  const store = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
  const { id } = store.create('engagements', { campaignId: 'ca', creatorId: 'cr', stepId: 's1' });
  let n = 0;
  const context = (at: string) => ({ steps, actor: { id: 'sam', name: 'Sam' }, at, newId: () => `act-${++n}` });
  return { store, id, engagement: () => store.get('engagements', id)!, context };
}

describe('outreach writes', () => {
  it('a first message is outreach: dated, moved to Contacted, and in the timeline by channel', () => {
    const { store, engagement, context } = setup();
    const at = '2026-11-05T10:00:00.000Z';
    store.applyAll(logSendsWrites([{ engagement: engagement(), template, subject: 'Hi', text: 'Love your work', channel: 'email' }], context(at)));
    expect(engagement()).toMatchObject({ lastContactedAt: at, followUpsSent: 0, stepId: 's2' });
    expect(store.get('activities', 'act-1')).toMatchObject({ kind: 'stage-change', title: 'Moved to Contacted', data: { from: 's1', to: 's2', byName: 'Sam' } });
    expect(store.get('activities', 'act-2')).toMatchObject({ kind: 'outreach', title: 'Sent “First hello”', body: 'Hi\n\nLove your work', channel: 'email', at, data: { templateId: 'tpl-1', channel: 'email', subject: 'Hi' } });
  });

  it('a second message is a follow-up counted against the rule; a DM is filed as another app', () => {
    const { store, engagement, context } = setup();
    store.applyAll(logSendsWrites([{ engagement: engagement(), template, subject: '', text: 'Hello', channel: 'dm' }], context('2026-11-05T10:00:00.000Z')));
    store.applyAll(logSendsWrites([{ engagement: engagement(), template, subject: '', text: 'Just checking', channel: 'dm' }], context('2026-11-08T10:00:00.000Z')));
    expect(engagement()).toMatchObject({ followUpsSent: 1, stepId: 's2' });
    // No second move: the creator is already at Contacted.
    expect(store.get('activities', 'act-3')).toMatchObject({ kind: 'follow-up', body: 'Just checking', channel: 'other-dm' });
    expect(store.get('activities', 'act-4')).toBeNull();
  });

  it('a reply moves the creator to Replied; declining keeps the first reply date', () => {
    const { store, engagement, context } = setup();
    store.applyAll(markRepliedWrites(engagement(), context('2026-11-06T10:00:00.000Z')));
    expect(engagement()).toMatchObject({ repliedAt: '2026-11-06T10:00:00.000Z', stepId: 's3' });
    expect(store.get('activities', 'act-1')).toMatchObject({ kind: 'stage-change', title: 'Moved to Replied' });
    expect(store.get('activities', 'act-2')).toMatchObject({ kind: 'reply', title: 'Replied' });
    store.applyAll(markDeclinedWrites(engagement(), context('2026-11-07T10:00:00.000Z')));
    expect(engagement()).toMatchObject({ repliedAt: '2026-11-06T10:00:00.000Z', declinedAt: '2026-11-07T10:00:00.000Z' });
    expect(store.get('activities', 'act-3')).toMatchObject({ kind: 'reply', title: 'Declined', data: { declined: true } });
    store.undo();
    expect(engagement().declinedAt).toBeNull();
  });
});
