import { describe, expect, it } from 'vitest';
import { campaignFields } from '../../../../src/shared/data/schemas/campaigns';

const errorsOf = (input: Record<string, unknown>): Record<string, string> => {
  const result = campaignFields.safeParse({ name: 'Spring', ...input });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('campaign record bounds (the same as the campaign form)', () => {
  it('refuses a negative budget instead of storing it', () => {
    expect(errorsOf({ budget: { amountMicros: -5_000_000_000, currency: 'USD' } })).toEqual({ 'budget.amountMicros': 'Budget cannot be negative' });
    expect(errorsOf({ budget: { amountMicros: 5_000_000_000, currency: 'USD' } })).toEqual({});
  });

  it('refuses negative KPI targets and bucket ranges, and an absurd bucket target', () => {
    expect(errorsOf({ kpiTargets: [{ kpi: 'Reach', target: -1 }] })).toEqual({ 'kpiTargets.0.target': 'Target cannot be negative' });
    expect(errorsOf({ kpiTargets: [{ kpi: 'Engagement rate (%)', target: 3.5 }] })).toEqual({});
    const bucket = { id: 'b1', name: 'Micro', minFollowers: 10_000, maxFollowers: 99_999, targetCount: 10 };
    expect(errorsOf({ buckets: [{ ...bucket, minFollowers: -10 }] })).toEqual({ 'buckets.0.minFollowers': 'Followers cannot be negative' });
    expect(errorsOf({ buckets: [{ ...bucket, targetCount: 1_000_000 }] })).toEqual({ 'buckets.0.targetCount': 'A bucket wants at most 100,000 creators.' });
    expect(errorsOf({ buckets: [{ ...bucket, targetCount: 2.5 }] })).toEqual({ 'buckets.0.targetCount': 'Creators wanted should be a whole number' });
  });

  it('keeps the follow-up rule within its bounds', () => {
    expect(errorsOf({ followUpRule: { afterDays: 0, maxFollowUps: -3 } })).toEqual({
      'followUpRule.afterDays': 'Wait at least one day.', 'followUpRule.maxFollowUps': 'Follow-ups cannot be negative',
    });
  });
});
