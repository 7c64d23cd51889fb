import { describe, expect, it } from 'vitest';
import { buildCreatorFacts } from '../../../src/shared/domain/creator-facts';
import { pastPerformance, type PerformanceEngagement, type PerformancePost } from '../../../src/shared/domain/past-performance';
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

  it('counts a post on time when it went up by its deliverable’s due date, and leaves out posts without one', () => {
    const terms = (dueOn: string | null) => ({ fee: null, deliverables: [{ id: 'd1', dueOn }] });
    const facts = buildCreatorFacts({
      engagements: [
        { id: 'e1', campaignId: 'a', creatorId: 'c1', stepId: 'posted', updatedAt: '2026-01-01T00:00:00Z', terms: terms('2026-03-10') },
        { id: 'e2', campaignId: 'b', creatorId: 'c1', stepId: 'posted', updatedAt: '2026-01-01T00:00:00Z', terms: terms(null) },
      ],
      activities: [],
      content: [
        { kind: 'post', creatorId: 'c1', engagementId: 'e1', deliverableId: 'd1', postedAt: '2026-03-10T22:00:00Z' },
        { kind: 'post', creatorId: 'c1', engagementId: 'e1', deliverableId: 'd1', postedAt: '2026-03-11T08:00:00Z' },
        { kind: 'post', creatorId: 'c1', engagementId: 'e2', deliverableId: 'd1', postedAt: '2026-03-11T08:00:00Z' },
        { kind: 'post', creatorId: 'c1', engagementId: 'e1', deliverableId: 'd1', postedAt: null },
        { kind: 'post', creatorId: 'c2', engagementId: 'e2', deliverableId: 'd1', postedAt: '2026-03-11T08:00:00Z' },
      ],
      criteria: [],
    });
    expect(facts.get('c1')!.onTimeRate).toBe(0.5);
    expect(facts.get('c2')!.onTimeRate).toBeNull();
  });

  it('says the same on-time rate as the Warm list, creator by creator', () => {
    const { facts, docs } = sampleWorkspace(300);
    const warm = pastPerformance(docs.engagements as unknown as PerformanceEngagement[], docs.content!.filter((c) => c.kind === 'post') as unknown as PerformancePost[]);
    const rated = [...facts].filter(([, f]) => f.onTimeRate !== null);
    expect(rated.length).toBeGreaterThan(0);
    for (const [id, f] of facts) expect(f.onTimeRate, id).toBe(warm.get(id)?.onTimeRate ?? null);
  });

  it('knows the sample brand’s pipelines and posts', () => {
    const { facts, docs } = sampleWorkspace(100);
    const inCampaigns = [...facts.values()].filter((f) => f.campaigns.length).length;
    expect(inCampaigns).toBe(new Set(docs.engagements!.map((e) => e.creatorId)).size);
    expect([...facts.values()].some((f) => f.posts > 0 && f.postEngagementRate! > 0)).toBe(true);
  });
});
