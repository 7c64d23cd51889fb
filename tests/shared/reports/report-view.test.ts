import { describe, expect, it } from 'vitest';
import { defaultReportView, parseReportView, viewEmvRates, viewFilters } from '../../../src/shared/reports/report-view';

describe('saved report views', () => {
  it('keeps a relative period relative', () => {
    const view = parseReportView({ ...defaultReportView, periodMode: 'last-month', comparison: 'last-year' });
    expect(viewFilters(view, '2026-03-15').period).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(viewFilters(view, '2026-04-02').period).toEqual({ start: '2026-03-01', end: '2026-03-31' });
    expect(viewFilters(view, '2026-04-02').comparison).toBe('last-year');
  });
  it('has no comparison without a period, and no period from backwards custom dates', () => {
    expect(viewFilters({ ...defaultReportView, comparison: 'previous' }, '2026-01-01').comparison).toBeNull();
    expect(viewFilters({ ...defaultReportView, periodMode: 'custom', customPeriod: { start: '2026-03-01', end: '2026-02-01' } }, '2026-01-01').period).toBeNull();
  });
  it('reads damaged or old data field by field, falling back to defaults', () => {
    const view = parseReportView({ campaignIds: 'spring', tiers: ['micro', 'giant'], granularity: 'month', topBy: 'likes', shippingPerParcel: -3 });
    expect(view.campaignIds).toEqual([]);
    expect(view.tiers).toEqual([]);
    expect(view.granularity).toBe('month');
    expect(view.topBy).toBe('engagements');
    expect(view.shippingPerParcel).toBeNull();
    expect(parseReportView(null)).toEqual(defaultReportView);
  });
  it('turns EMV rates into micros', () => {
    expect(viewEmvRates({ ...defaultReportView, emv: { perThousandImpressions: 5, perEngagement: 0.1, perClick: 0.55 } }))
      .toEqual({ perThousandImpressionsMicros: 5_000_000, perEngagementMicros: 100_000, perClickMicros: 550_000 });
    expect(viewEmvRates(defaultReportView)).toBeNull();
  });
});
