import { describe, expect, it } from 'vitest';
import { missingPosts } from '../../../src/shared/domain/not-posted';

const engagement = (id: string, deliverables: { id: string; platform: string; quantity?: number; dueOn?: string | null }[]) => ({
  id, creatorId: `c-${id}`, campaignId: 'k', terms: { deliverables: deliverables.map((d) => ({ format: 'reel', quantity: 1, dueOn: null, ...d })) },
});

describe('who has not posted yet', () => {
  it('lists each deliverable still owed, most overdue first', () => {
    const engagements = [
      engagement('a', [{ id: 'd1', platform: 'instagram', dueOn: '2026-11-10' }, { id: 'd2', platform: 'tiktok', dueOn: '2026-11-25' }]),
      engagement('b', [{ id: 'd1', platform: 'instagram', dueOn: '2026-11-01', quantity: 2 }]),
      engagement('c', [{ id: 'd1', platform: 'youtube' }]),
      { id: 'd', creatorId: 'c-d', campaignId: 'k', terms: null },
    ];
    const posts = [
      { engagementId: 'a', deliverableId: 'd1', platform: 'instagram' },
      { engagementId: 'b', deliverableId: null, platform: 'instagram' },
      { engagementId: 'c', deliverableId: 'd1', platform: 'youtube', deletedAt: '2026-11-02T00:00:00Z' },
    ];
    const missing = missingPosts({ engagements, posts }, '2026-11-21');
    expect(missing.map((m) => [m.engagementId, m.deliverableId, m.owed, m.daysLate])).toEqual([
      ['b', 'd1', 1, 20], ['a', 'd2', 1, -4], ['c', 'd1', 1, null],
    ]);
  });

  it('is empty when every deliverable has its posts', () => {
    const engagements = [engagement('a', [{ id: 'd1', platform: 'tiktok' }])];
    expect(missingPosts({ engagements, posts: [{ engagementId: 'a', deliverableId: null, platform: 'tiktok' }] }, '2026-11-21')).toEqual([]);
  });
});
