import { describe, expect, it } from 'vitest';
import { engagementRate, formatPercent } from '../../../src/shared/domain/engagement-rate';
import { formatMoney, moneyFrom } from '../../../src/shared/domain/fields';
import { normalizeHandle } from '../../../src/shared/domain/handles';
import { defaultPipeline } from '../../../src/shared/domain/pipelines';
import { defaultTierThresholds, tierFor, tierRange, validateTierThresholds } from '../../../src/shared/domain/tiers';

describe('tiers', () => {
  it.each([
    [999, null], [1_000, 'nano'], [9_999, 'nano'], [10_000, 'micro'], [49_999, 'micro'], [50_000, 'mid'],
    [100_000, 'macro'], [999_999, 'macro'], [1_000_000, 'mega'], [null, null],
  ])('%s followers → %s', (followers, tier) => {
    expect(tierFor(followers)).toBe(tier);
  });

  it('follows thresholds edited per workspace', () => {
    expect(tierFor(20_000, { ...defaultTierThresholds, micro: 25_000 })).toBe('nano');
  });

  it('turns a tier into a follower range for queries', () => {
    expect(tierRange('micro')).toEqual({ min: 10_000, max: 49_999 });
    expect(tierRange('mega')).toEqual({ min: 1_000_000, max: null });
  });

  it('refuses thresholds out of order', () => {
    expect(validateTierThresholds({ ...defaultTierThresholds, mid: 5_000 })).toMatch(/Mid-tier threshold must be above the Micro/);
    expect(validateTierThresholds(defaultTierThresholds)).toBeNull();
  });
});

describe('engagement rate', () => {
  it('divides engagements by reach when known, else by followers', () => {
    expect(engagementRate({ likes: 90, comments: 10, reach: 1_000, followers: 10_000 })).toBeCloseTo(0.1);
    expect(engagementRate({ likes: 90, comments: 10, followers: 10_000 })).toBeCloseTo(0.01);
  });

  it('is missing, never 0, when it cannot be computed', () => {
    expect(engagementRate({ reach: 1_000 })).toBeNull();
    expect(engagementRate({ likes: 5, reach: 0, followers: 0 })).toBeNull();
    expect(formatPercent(null)).toBe('—');
  });
});

describe('money', () => {
  it('stores integer micros and formats with the currency', () => {
    expect(moneyFrom(12.34, 'EUR')).toEqual({ amountMicros: 12_340_000, currency: 'EUR' });
    expect(formatMoney(moneyFrom(12_000, 'USD'))).toBe('$12,000.00');
    expect(formatMoney(null)).toBe('—');
  });
});

describe('handles', () => {
  it.each([
    ['@ZoeRuns', 'zoeruns'],
    ['zoe.runs', 'zoe.runs'],
    ['https://www.instagram.com/zoe.runs/', 'zoe.runs'],
    ['https://www.tiktok.com/@zoe.runs?lang=en', 'zoe.runs'],
    ['https://www.youtube.com/channel/UCabc', 'ucabc'],
  ])('%s → %s', (raw, handle) => {
    expect(normalizeHandle(raw)).toBe(handle);
  });
});

describe('pipelines', () => {
  it('gives gifting its seeding steps, in order', () => {
    const steps = defaultPipeline('gifting');
    expect(steps.map((s) => s.name)).toEqual(['Shortlisted', 'Contacted', 'Replied', 'Opted in', 'Address collected', 'Shipped', 'Delivered', 'Posted']);
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
  });
});
