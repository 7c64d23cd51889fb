import { describe, expect, it } from 'vitest';
import { computeKpis, emptyTotals, formatChange, formatKpi, kpiById, kpiChange, kpiDefinitions, type ReportTotals } from '../../../src/shared/reports/kpis';

const M = 1_000_000;
const sum = (s: number, reported = 1) => ({ sum: s, reported });

function totals(over: Partial<ReportTotals> = {}): ReportTotals {
  return {
    ...emptyTotals('USD'),
    creatorsActivated: 10, creatorsPosted: 4, posts: 5,
    reach: sum(100_000, 5), impressions: sum(200_000, 5), views: sum(150_000, 5),
    likes: sum(4_000, 5), comments: sum(400, 5), shares: sum(100, 5), saves: sum(500, 5),
    clicks: sum(2_000, 5), orders: sum(50, 5), revenueMicros: sum(10_000 * M, 5),
    erEngagements: 5_000, erReach: 100_000, ctrClicks: 2_000, ctrImpressions: 200_000,
    feesMicros: sum(3_000 * M, 3), productMicros: sum(1_500 * M, 4), shippingMicros: sum(500 * M, 4),
    deliverablesDue: 8, deliverablesOnTime: 6, firstRoundDecided: 5, firstRoundApproved: 4,
    ...over,
  };
}

describe('every KPI', () => {
  it('has a label and a formula to show', () => {
    for (const k of kpiDefinitions) {
      expect(k.label.length).toBeGreaterThan(2);
      expect(k.formula.length).toBeGreaterThan(5);
    }
    expect(kpiDefinitions.map((k) => k.id)).toEqual(expect.arrayContaining([
      'creatorsActivated', 'creatorsPosted', 'posts', 'reach', 'impressions', 'views', 'engagements', 'engagementRate', 'clicks', 'ctr',
      'orders', 'revenue', 'spend', 'cpm', 'cpe', 'cpc', 'cpa', 'roas', 'roi', 'emv', 'onTimeRate', 'firstRoundApprovalRate',
    ]));
  });

  it('computes each from the totals', () => {
    const k = computeKpis(totals({ emvMicros: 1234 * M }));
    expect(k.creatorsActivated.value).toBe(10);
    expect(k.creatorsPosted.value).toBe(4);
    expect(k.posts.value).toBe(5);
    expect(k.reach.value).toBe(100_000);
    expect(k.impressions.value).toBe(200_000);
    expect(k.views.value).toBe(150_000);
    expect(k.engagements.value).toBe(5_000);
    expect(k.engagementRate.value).toBeCloseTo(0.05);
    expect(k.clicks.value).toBe(2_000);
    expect(k.ctr.value).toBeCloseTo(0.01);
    expect(k.orders.value).toBe(50);
    expect(k.revenue.value).toBe(10_000 * M);
    expect(k.spend.value).toBe(5_000 * M);
    expect(k.cpm.value).toBe(25 * M); // 5,000 / 200,000 × 1,000
    expect(k.cpe.value).toBe(1 * M);
    expect(k.cpc.value).toBe(2.5 * M);
    expect(k.cpa.value).toBe(100 * M);
    expect(k.roas.value).toBeCloseTo(2);
    expect(k.roi.value).toBeCloseTo(1);
    expect(k.emv.value).toBe(1234 * M);
    expect(k.onTimeRate.value).toBeCloseTo(0.75);
    expect(k.firstRoundApprovalRate.value).toBeCloseTo(0.8);
  });

  it('shows missing data as missing with a reason, never 0', () => {
    const k = computeKpis(emptyTotals('USD'));
    for (const id of ['reach', 'impressions', 'views', 'engagements', 'engagementRate', 'clicks', 'ctr', 'orders', 'revenue', 'spend', 'cpm', 'cpe', 'cpc', 'cpa', 'roas', 'roi', 'emv', 'onTimeRate', 'firstRoundApprovalRate'] as const) {
      expect(k[id].value, id).toBeNull();
      expect(k[id].why, id).toMatch(/\w/);
    }
    // Counts of people and posts are real zeros: nobody posted.
    expect(k.posts.value).toBe(0);
    expect(k.creatorsPosted.value).toBe(0);
  });

  it('never divides by zero', () => {
    const k = computeKpis(totals({
      impressions: sum(0, 3), clicks: sum(0, 3), orders: sum(0, 3), likes: sum(0, 3), comments: sum(0, 3), shares: sum(0, 3), saves: sum(0, 3),
      erReach: 0, erEngagements: 0, ctrImpressions: 0, ctrClicks: 0,
    }));
    for (const id of ['cpm', 'cpe', 'cpc', 'cpa', 'engagementRate', 'ctr'] as const) {
      expect(k[id].value, id).toBeNull();
      expect(k[id].why, id).toMatch(/nothing to divide by|both/);
    }
    const free = computeKpis(totals({ feesMicros: sum(0, 1), productMicros: sum(0, 0), shippingMicros: sum(0, 0) }));
    expect(free.spend.value).toBe(0);
    expect(free.roas.value).toBeNull();
    expect(free.roi.why).toMatch(/Nothing was spent/);
  });

  it('keeps a real 0 apart from a missing figure', () => {
    const k = computeKpis(totals({ clicks: sum(0, 2) }));
    expect(k.clicks.value).toBe(0);
    expect(computeKpis(totals({ clicks: sum(0, 0) })).clicks.value).toBeNull();
  });

  it('says why cost KPIs are missing when no cost is logged', () => {
    const k = computeKpis(totals({ feesMicros: sum(0, 0), productMicros: sum(0, 0), shippingMicros: sum(0, 0) }));
    expect(k.spend.value).toBeNull();
    expect(k.cpm.why).toMatch(/No fee, product or shipping cost/);
  });

  it('counts engagements when only some parts are logged', () => {
    const k = computeKpis(totals({ likes: sum(10), comments: sum(0, 0), shares: sum(0, 0), saves: sum(0, 0) }));
    expect(k.engagements.value).toBe(10);
  });

  it('does not report an on-time rate before anything is due', () => {
    expect(computeKpis(totals({ deliverablesDue: 0, deliverablesOnTime: 0 })).onTimeRate.why).toMatch(/due yet/);
  });
});

describe('changes between periods', () => {
  it('gives the delta and the percentage', () => {
    expect(kpiChange({ value: 150 }, { value: 100 })).toEqual({ delta: 50, percent: 0.5 });
    expect(kpiChange({ value: 50 }, { value: 100 })).toEqual({ delta: -50, percent: -0.5 });
  });
  it('has no percentage from 0 and no change from a missing side', () => {
    expect(kpiChange({ value: 5 }, { value: 0 })).toMatchObject({ delta: 5, percent: null });
    expect(kpiChange({ value: null, why: 'x' }, { value: 4 })).toMatchObject({ delta: null, percent: null });
    expect(kpiChange({ value: 4 }, { value: null, why: 'No post' })).toMatchObject({ delta: null, why: 'Previous period: No post' });
  });
  it('reads naturally', () => {
    expect(formatChange(kpiById.reach, kpiChange({ value: 1500 }, { value: 1000 }), 'USD')).toBe('+500 (+50.0%)');
    expect(formatChange(kpiById.engagementRate, kpiChange({ value: 0.03 }, { value: 0.04 }), 'USD')).toBe('−1.0 pts (−25.0%)');
    expect(formatChange(kpiById.spend, kpiChange({ value: 0 }, { value: 0 }), 'USD')).toBe('±$0.00');
  });
});

describe('formatting', () => {
  it('formats each kind, and missing as a dash', () => {
    expect(formatKpi(kpiById.reach, 12400, 'USD')).toBe('12,400');
    expect(formatKpi(kpiById.ctr, 0.0342, 'USD')).toBe('3.4%');
    expect(formatKpi(kpiById.cpm, 12_345_678, 'USD')).toBe('$12.35');
    expect(formatKpi(kpiById.cpm, 12_345_678, 'EUR')).toBe('€12.35');
    expect(formatKpi(kpiById.roas, 2.345, 'USD')).toBe('2.35×');
    expect(formatKpi(kpiById.reach, null, 'USD')).toBe('—');
  });
});
