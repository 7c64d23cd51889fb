import { describe, expect, it } from 'vitest';
import { ENGAGEMENT_RATE_FLAG, checkPlausibility, plausibilitySummary } from '../../../src/shared/domain/metric-plausibility';

const codes = (values: Parameters<typeof checkPlausibility>[0]) => checkPlausibility(values).map((i) => i.code);

describe('figures that cannot all be true', () => {
  it('flags the issue\'s case: 12k shares on a post reached by 5,027 people', () => {
    const issues = checkPlausibility({ reach: 5027, likes: 700, comments: 40, shares: 12_000, saves: 20 });
    expect(issues.map((i) => i.code)).toEqual(['engagements-above-reach']);
    expect(issues[0].message).toBe('12,760 engagements but only 5,027 reach: more people engaged than saw the post.');
    expect(issues[0].fields).toEqual(['likes', 'comments', 'shares', 'saves', 'reach']);
  });

  it('asks about an engagement rate above the flag, of reach or of followers, and not below it', () => {
    expect(ENGAGEMENT_RATE_FLAG).toBe(0.5);
    expect(codes({ reach: 1000, likes: 501 })).toEqual(['engagement-rate-high']);
    expect(codes({ reach: 1000, likes: 500 })).toEqual([]);
    expect(codes({ followers: 2000, likes: 1500 })).toEqual(['engagement-rate-high']);
    expect(checkPlausibility({ followers: 2000, likes: 1500 })[0].message).toMatch(/75\.0% \(of followers\)/);
    // An ordinary post: 4% of reach.
    expect(codes({ reach: 10_000, views: 15_000, impressions: 14_000, likes: 350, comments: 20, shares: 15, saves: 15 })).toEqual([]);
  });

  it('flags engagements or shares above views, and reach above impressions', () => {
    expect(codes({ views: 300, likes: 400 })).toEqual(['engagements-above-views']);
    expect(codes({ views: 1000, reach: 100_000, shares: 1200 })).toEqual(['engagements-above-views', 'shares-above-views']);
    expect(codes({ reach: 900, impressions: 800 })).toEqual(['reach-above-impressions']);
  });

  it('reads nothing into figures that are missing or 0 (a photo has no views)', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ views: 0, likes: 50, shares: 3, reach: 1000 })).toEqual([]);
    expect(codes({ reach: null, likes: 10 })).toEqual([]);
    expect(plausibilitySummary(checkPlausibility({ reach: 10, likes: 20, views: 5 }))).toBe('20 engagements but only 10 reach: more people engaged than saw the post. 20 engagements but only 5 views.');
  });
});
