import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectAll } from '../../../src/shared/data/batches';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { decideDraftWrites, feedbackText, submitDraftWrites } from '../../../src/shared/domain/review-decision';

const sam = { id: 'sam', name: 'Sam' };
const at = '2026-11-05T10:00:00.000Z';

function withEngagement() {
  const store = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
  const creator = store.create('creators', { name: 'Ana' });
  const campaign = store.create('campaigns', { name: 'Summer glow' });
  const engagement = { id: 'en-1', creatorId: creator.id, campaignId: campaign.id };
  return { store, engagement };
}

function records(store: WorkspaceStore, collection: 'content' | 'activities') {
  return (projectAll(store.doc)[collection] ?? []) as Record<string, unknown>[];
}

describe('a draft submitted for review', () => {
  it('is saved with the checklist carried over, unticked, and a line in the creator’s timeline', () => {
    const { store, engagement } = withEngagement();
    const ops = submitDraftWrites({
      engagement, deliverableId: 'd-1', round: 2, url: ' https://drive.example/v2 ', assetIds: [], caption: ' First cut ', assigneeId: 'alex',
      previousChecklist: [{ id: 'c1', label: 'Say #ad', done: true }],
    }, sam, at, { contentId: 'draft-2', activityId: 'act-1' });
    store.applyAll(ops);
    const draft = records(store, 'content')[0]!;
    expect(draft).toMatchObject({ id: 'draft-2', round: 2, url: 'https://drive.example/v2', caption: 'First cut', checklist: [{ id: 'c1', label: 'Say #ad', done: false }], review: { status: 'pending', reviewerId: 'alex' } });
    expect(records(store, 'activities')[0]).toMatchObject({
      id: 'act-1', kind: 'content', title: 'Draft v2 submitted for review', body: 'First cut', at, actorId: 'sam',
      creatorId: engagement.creatorId, campaignId: engagement.campaignId, engagementId: 'en-1',
      data: { contentId: 'draft-2', round: 2, deliverableId: 'd-1', byName: 'Sam' },
    });
    expect(store.undo()).toBe(true);
    expect(records(store, 'content').filter((r) => !r.deletedAt)).toHaveLength(0);
  });
});

describe('deciding on a draft', () => {
  function submitted() {
    const { store, engagement } = withEngagement();
    store.applyAll(submitDraftWrites({ engagement, deliverableId: null, round: 1, url: 'https://drive.example/v1', assetIds: [], caption: '', assigneeId: null }, sam, at, { contentId: 'draft-1', activityId: 'act-1' }));
    const draft = { id: 'draft-1', creatorId: engagement.creatorId, campaignId: engagement.campaignId, engagementId: engagement.id, round: 1, assigneeId: null };
    return { store, draft };
  }

  it('approves it with the approver as reviewer when nobody was assigned, in one undoable step', () => {
    const { store, draft } = submitted();
    store.applyAll(decideDraftWrites(draft, 'approved', [], 'Lovely', { id: 'alex', name: null }, at, 'act-2'));
    expect(records(store, 'content')[0]!.review).toMatchObject({ status: 'approved', reviewerId: 'alex', decidedBy: 'alex', decidedAt: at, note: 'Lovely' });
    expect(records(store, 'activities').find((a) => a.id === 'act-2')).toMatchObject({ title: 'Draft v1 approved', body: 'Lovely', data: { decision: 'approved', byName: null } });
    store.undo();
    expect(records(store, 'content')[0]!.review).toMatchObject({ status: 'pending' });
    expect(records(store, 'activities').find((a) => a.id === 'act-2')).toBeUndefined();
  });

  it('sends changes back with each point on its own line in the timeline', () => {
    const { store, draft } = submitted();
    const feedback = [{ what: 'The disclosure', how: 'Say #ad first', piece: '0:02' }, { what: 'Music', how: 'Use a licensed track', piece: '' }];
    store.applyAll(decideDraftWrites({ ...draft, assigneeId: 'jo' }, 'changes-requested', feedback, 'Thanks!', sam, at, 'act-2'));
    expect(records(store, 'content')[0]!.review).toMatchObject({ status: 'changes-requested', reviewerId: 'jo', decidedBy: 'sam', feedback });
    expect(records(store, 'activities').find((a) => a.id === 'act-2')).toMatchObject({
      title: 'Changes requested on draft v1',
      body: '• The disclosure (0:02): Say #ad first\n• Music: Use a licensed track\nThanks!',
    });
  });

  it('writes the feedback without a trailing line when there is no note', () => {
    expect(feedbackText([{ what: 'Hook', how: 'Shorter', piece: '' }], '')).toBe('• Hook: Shorter');
  });
});
