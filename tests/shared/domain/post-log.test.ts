import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { logPostWrites } from '../../../src/shared/domain/post-log';

describe('logging a live post', () => {
  it('saves the post, files its screenshots under it and dates the timeline line when it went live, in one Undo', () => {
    const store = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
    const shot = store.create('assets', { fileName: 'story.png', kind: 'image', sha256: 'a'.repeat(64), sizeBytes: 10 });
    const engagement = { id: 'en-1', creatorId: 'cr-1', campaignId: 'ca-1' };
    const postedAt = '2026-11-04T18:30:00.000Z';
    store.applyAll(logPostWrites({
      engagement, deliverableId: 'd-1', url: 'https://www.instagram.com/reel/abc/', platform: 'instagram', platformName: 'Instagram', format: 'reel',
      platformPostId: 'abc', postedAt, screenshotIds: [shot.id],
    }, { id: 'sam', name: null }, { contentId: 'post-1', activityId: 'act-1' }));
    expect(store.get('content', 'post-1')).toMatchObject({ kind: 'post', platform: 'instagram', format: 'reel', postedAt, assetIds: [shot.id], engagementId: 'en-1', deliverableId: 'd-1' });
    expect(store.get('assets', shot.id)).toMatchObject({ contentId: 'post-1', creatorId: 'cr-1', campaignId: 'ca-1' });
    expect(store.get('activities', 'act-1')).toMatchObject({ kind: 'post', title: 'Posted a reel on Instagram', body: 'https://www.instagram.com/reel/abc/', at: postedAt, data: { contentId: 'post-1', byName: null } });
    store.undo();
    expect(store.get('assets', shot.id)?.contentId ?? null).toBeNull();
  });

  it('calls a post of no known format a feed post', () => {
    const ops = logPostWrites({
      engagement: { id: 'en-1', creatorId: 'cr-1', campaignId: null }, deliverableId: null, url: 'https://example.com/p', platform: 'other', platformName: 'Other', format: null,
      platformPostId: '', postedAt: '2026-11-04T18:30:00.000Z', screenshotIds: [],
    }, { id: 'sam', name: 'Sam' }, { contentId: 'post-1', activityId: 'act-1' });
    expect(ops.map((o) => o.collection)).toEqual(['content', 'activities']);
    expect(ops[1]).toMatchObject({ input: { title: 'Posted a feed post on Other' } });
  });
});
