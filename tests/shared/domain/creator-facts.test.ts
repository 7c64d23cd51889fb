import { describe, expect, it } from 'vitest';
import { buildCreatorFacts } from '../../../src/shared/domain/creator-facts';
import { sampleWorkspace } from './creator-table-fixture';

describe('creator facts', () => {
  it('takes the latest contact from the pipeline and the timeline, and the latest scorecard', () => {
    const facts = buildCreatorFacts({
      engagements: [
        { campaignId: 'a', creatorId: 'c1', stepId: 'contacted', updatedAt: '2026-01-01T00:00:00Z', lastContactedAt: '2026-01-01T00:00:00Z', scorecard: [{ criterionId: 'fit', score: 2 }] },
        { campaignId: 'b', creatorId: 'c1', stepId: 'posted', updatedAt: '2026-03-01T00:00:00Z', scorecard: [{ criterionId: 'fit', score: 4 }] },
        { campaignId: 'gone', creatorId: 'c1', stepId: 'posted', updatedAt: '2026-04-01T00:00:00Z', lastContactedAt: '2026-09-09T00:00:00Z' },
      ],
      activities: [
        { kind: 'outreach', at: '2026-02-01T00:00:00Z', creatorId: 'c1' },
        { kind: 'note', at: '2026-05-01T00:00:00Z', creatorId: 'c1' },
      ],
      content: [
        { kind: 'post', creatorId: 'c1', metrics: [{ at: '2026-01-01T00:00:00Z', likes: 1, reach: 100 }, { at: '2026-02-01T00:00:00Z', likes: 10, reach: 100 }] },
        { kind: 'post', creatorId: 'c1', metrics: [] },
        { kind: 'submission', creatorId: 'c1', metrics: [{ at: '2026-02-01T00:00:00Z', likes: 90, reach: 100 }] },
      ],
      criteria: [{ id: 'fit', weight: 1 }],
      campaignIds: new Set(['a', 'b']),
    });
    const c1 = facts.get('c1')!;
    expect(c1.campaigns).toEqual([{ campaignId: 'a', stepId: 'contacted' }, { campaignId: 'b', stepId: 'posted' }]);
    expect(c1.lastContactedAt).toBe('2026-02-01T00:00:00Z');
    expect(c1.vettingScore).toBe(4);
    expect(c1.posts).toBe(2);
    expect(c1.postEngagementRate).toBeCloseTo(0.1);
  });

  it('knows the sample brand’s pipelines and posts', () => {
    const { facts, docs } = sampleWorkspace(100);
    const inCampaigns = [...facts.values()].filter((f) => f.campaigns.length).length;
    expect(inCampaigns).toBe(new Set(docs.engagements!.map((e) => e.creatorId)).size);
    expect([...facts.values()].some((f) => f.posts > 0 && f.postEngagementRate! > 0)).toBe(true);
  });
});
