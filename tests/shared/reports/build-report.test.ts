import { describe, expect, it } from 'vitest';
import { buildReport, defaultFilters, targetKpi, topContent, type ReportContent, type ReportData } from '../../../src/shared/reports/build-report';
import { sampleReportData } from './sample-report-data';

const M = 1_000_000;
const usd = (n: number) => ({ amountMicros: n * M, currency: 'USD' });
const options = { timeZone: 'UTC', today: '2026-03-31', currency: 'USD' };

function post(id: string, creatorId: string, postedAt: string, metrics: Partial<ReportContent['metrics'][number]> | null, extra: Partial<ReportContent> = {}): ReportContent {
  return {
    id, kind: 'post', creatorId, campaignId: 'c1', engagementId: `e-${creatorId}`, deliverableId: 'd1', round: 1, url: `https://x.test/${id}`,
    platform: 'instagram', format: 'reel', postedAt, assetIds: [], review: null,
    metrics: metrics ? [{ at: '2026-01-01T00:00:00Z', views: null, reach: null, impressions: null, likes: null, comments: null, shares: null, saves: null, clicks: null, orders: null, revenue: null, ...metrics }] : [],
    ...extra,
  };
}

function fixture(): ReportData {
  return {
    campaigns: [
      { id: 'c1', name: 'Spring', kind: 'campaign', budget: usd(1000), ownerId: 'ann', startsOn: null, endsOn: null, kpiTargets: [{ kpi: 'Posts', target: 4 }, { kpi: 'revenue', target: 500 }, { kpi: 'unknown thing', target: 3 }], buckets: [{ id: 'b1', name: 'Nano' }] },
      { id: 'c2', name: 'Other', kind: 'program', budget: null, ownerId: 'bob', startsOn: null, endsOn: null, kpiTargets: [], buckets: [] },
    ],
    creators: [
      { id: 'a', name: 'Ada', accounts: [{ platform: 'instagram', handle: 'ada', followers: 5_000 }] },
      { id: 'b', name: 'Bea', accounts: [{ platform: 'tiktok', handle: 'bea', followers: 50_000 }, { platform: 'instagram', handle: 'bea.ig', followers: 20_000 }] },
      { id: 'c', name: 'Cal', accounts: [{ platform: 'youtube', handle: 'cal', followers: 200_000 }] },
    ],
    engagements: [
      { id: 'e-a', campaignId: 'c1', creatorId: 'a', bucketId: 'b1', terms: { fee: null, productValue: usd(50), deliverables: [{ id: 'd1', platform: 'instagram', dueOn: '2026-03-10' }] } },
      { id: 'e-b', campaignId: 'c1', creatorId: 'b', bucketId: null, terms: { fee: usd(300), bonus: usd(50), deliverables: [{ id: 'd1', platform: 'tiktok', dueOn: '2026-03-01' }] } },
      { id: 'e-c', campaignId: 'c1', creatorId: 'c', bucketId: null, terms: { fee: usd(600), deliverables: [{ id: 'd1', platform: 'youtube', dueOn: '2026-04-30' }] } },
      { id: 'e-x', campaignId: 'c2', creatorId: 'a', bucketId: null, ownerId: 'bob', terms: null },
    ],
    content: [
      post('p1', 'a', '2026-03-05T12:00:00Z', { reach: 1000, impressions: 2000, likes: 80, comments: 10, shares: 5, saves: 5, clicks: 20, orders: 2, revenue: usd(100) }),
      post('p2', 'b', '2026-03-03T12:00:00Z', { reach: 9000, impressions: 10000, likes: 400, comments: 50, shares: 30, saves: 20, clicks: 80, revenue: { amountMicros: 70 * M, currency: 'EUR' } }, { platform: 'tiktok' }),
      post('p3', 'b', '2026-02-10T12:00:00Z', { views: 5000 }, { platform: 'tiktok', deliverableId: null }),
      post('p4', 'a', '2026-03-20T12:00:00Z', null, { deliverableId: null, deletedAt: '2026-03-21T00:00:00Z' }),
      { ...post('s1', 'a', '2026-03-01T00:00:00Z', null), kind: 'submission', postedAt: null, review: { status: 'approved' } },
      { ...post('s2', 'b', '2026-03-01T00:00:00Z', null), kind: 'submission', postedAt: null, review: { status: 'changes-requested' } },
      { ...post('s3', 'b', '2026-03-01T00:00:00Z', null), kind: 'submission', round: 2, postedAt: null, review: { status: 'approved' } },
      { ...post('s4', 'c', '2026-03-01T00:00:00Z', null), kind: 'submission', postedAt: null, review: { status: 'pending' } },
    ],
    shipments: [{ id: 's', creatorId: 'b', campaignId: 'c1', engagementId: 'e-b', status: 'delivered', shippedAt: '2026-02-01T10:00:00Z', items: [{ productId: 'serum', quantity: 2 }] }],
    products: [{ id: 'serum', value: usd(40) }],
  };
}

describe('campaign report', () => {
  it('adds up posts, people, spend and rates from the records', () => {
    const report = buildReport(fixture(), { ...defaultFilters, campaignIds: ['c1'] }, { ...options, shippingPerParcelMicros: 8 * M });
    const k = report.kpis;
    expect(k.posts.value).toBe(3);
    expect(k.creatorsPosted.value).toBe(2);
    expect(k.creatorsActivated.value).toBe(3);
    expect(k.reach.value).toBe(10_000);
    expect(k.views.value).toBe(5000);
    expect(k.engagements.value).toBe(600);
    expect(k.engagementRate.value).toBeCloseTo(600 / 10_000);
    expect(k.ctr.value).toBeCloseTo(100 / 12_000);
    // The EUR revenue cannot be added to dollars: it is left out and counted.
    expect(k.revenue.value).toBe(100 * M);
    expect(report.otherCurrencyAmounts).toBe(1);
    // Fees 300 + 50 bonus + 600; product 50 (terms) + 80 (two serums shipped); shipping 1 parcel × 8.
    expect(k.spend.value).toBe((950 + 130 + 8) * M);
    expect(k.orders.value).toBe(2);
    expect(k.cpa.value).toBe(544 * M);
    // Ada's deliverable posted on 5 March for 10 March; Bea's never tied to a post by 1 March; Cal's not due yet.
    expect(k.onTimeRate.value).toBeCloseTo(0.5);
    expect(k.firstRoundApprovalRate.value).toBeCloseTo(0.5);
    expect(report.budgetMicros).toBe(1000 * M);
    expect(report.targets.map((t) => [t.kpi, t.targetValue, t.actual])).toEqual([['posts', 4, 3], ['revenue', 500 * M, 100 * M]]);
  });

  it('counts each unit of a deliverable for the on-time rate', () => {
    const data = fixture();
    data.engagements[0].terms!.deliverables = [{ id: 'd1', platform: 'instagram', dueOn: '2026-03-10', quantity: 2 }];
    const report = buildReport(data, { ...defaultFilters, campaignIds: ['c1'] }, options);
    // Ada: 2 units due, 1 posted on time; Bea: 1 due, none tied to it; Cal: not due yet.
    expect([report.totals.deliverablesDue, report.totals.deliverablesOnTime]).toEqual([3, 1]);
  });

  it('lists who posted and who has not', () => {
    const report = buildReport(fixture(), { ...defaultFilters, campaignIds: ['c1'] }, options);
    expect(report.creators.map((c) => [c.name, c.posted, c.posts])).toEqual([['Ada', true, 1], ['Bea', true, 2], ['Cal', false, 0]]);
    expect(report.creators.find((c) => c.name === 'Bea')!.tier).toBe('mid');
  });

  it('breaks down by platform, tier and bucket', () => {
    const report = buildReport(fixture(), { ...defaultFilters, campaignIds: ['c1'] }, options);
    expect(report.byPlatform.map((b) => [b.label, b.posts])).toEqual([['TikTok', 2], ['Instagram', 1], ['YouTube', 0]]);
    // Tiers by size, smallest first (as in every tier list), not by how much they posted.
    expect(report.byTier.map((b) => [b.label, b.posts])).toEqual([['Nano', 1], ['Mid-tier', 2], ['Macro', 0]]);
    expect(report.byBucket.map((b) => [b.label, b.posts])).toEqual([['No bucket', 2], ['Nano', 1]]);
  });

  it('ranks top content by a chosen KPI, leaving out posts without it', () => {
    const report = buildReport(fixture(), { ...defaultFilters, campaignIds: ['c1'] }, options);
    expect(topContent(report, 'reach').map((p) => p.id)).toEqual(['p2', 'p1']);
    expect(topContent(report, 'views').map((p) => p.id)).toEqual(['p3']);
    expect(topContent(report, 'revenue').map((p) => p.id)).toEqual(['p1']);
  });

  it('filters by platform, tier and owner', () => {
    const data = fixture();
    expect(buildReport(data, { ...defaultFilters, platforms: ['tiktok'] }, options).kpis.posts.value).toBe(2);
    expect(buildReport(data, { ...defaultFilters, tiers: ['nano'] }, options).kpis.posts.value).toBe(1);
    expect(buildReport(data, { ...defaultFilters, ownerIds: ['bob'] }, options).creators.map((c) => c.engagementId)).toEqual(['e-x']);
    expect(buildReport(data, { ...defaultFilters, ownerIds: ['ann'] }, options).kpis.posts.value).toBe(3);
  });

  it('compares a month with the one before and with last year', () => {
    const report = buildReport(fixture(), { ...defaultFilters, period: { start: '2026-03-01', end: '2026-03-31' }, comparison: 'previous' }, options);
    expect(report.kpis.posts.value).toBe(2);
    expect(report.comparison!.period).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(report.comparison!.kpis.posts.value).toBe(1);
    expect(report.comparison!.changes.posts).toEqual({ delta: 1, percent: 1 });
    // February had views only: reach is missing there, so its change is missing too, not "+100%".
    expect(report.comparison!.changes.reach.delta).toBeNull();
    const lastYear = buildReport(fixture(), { ...defaultFilters, period: { start: '2026-03-01', end: '2026-03-31' }, comparison: 'last-year' }, options);
    expect(lastYear.comparison!.changes.posts).toMatchObject({ delta: 2, percent: null });
  });

  it('still lists, in a period, who has not posted yet, without costing them there', () => {
    const report = buildReport(fixture(), { ...defaultFilters, campaignIds: ['c1'], period: { start: '2026-03-01', end: '2026-03-31' } }, options);
    expect(report.creators.map((c) => [c.name, c.postsInReport, c.costedHere])).toEqual([['Ada', 1, true], ['Bea', 1, false], ['Cal', 0, false]]);
    // Ada's product counts (first post in March); Bea's costs count in February, when she first posted.
    expect(report.kpis.spend.value).toBe(50 * M);
    expect(report.kpis.creatorsActivated.value).toBe(2);
  });

  it('groups the trend by week and by month', () => {
    const weekly = buildReport(fixture(), { ...defaultFilters, granularity: 'week' }, options);
    expect(weekly.trend[0].key).toBe('2026-W07');
    expect(weekly.trend.reduce((s, p) => s + p.posts, 0)).toBe(3);
    const monthly = buildReport(fixture(), { ...defaultFilters, granularity: 'month' }, options);
    expect(monthly.trend.map((p) => [p.key, p.posts, p.creatorsPosting, p.reach])).toEqual([['2026-02', 1, 1, null], ['2026-03', 2, 2, 10_000]]);
  });

  it('counts posts on the team calendar', () => {
    const data = fixture();
    data.content[0] = { ...data.content[0], postedAt: '2026-03-01T02:00:00Z' };
    const march = { ...defaultFilters, period: { start: '2026-03-01', end: '2026-03-31' } };
    expect(buildReport(data, march, options).kpis.posts.value).toBe(2);
    expect(buildReport(data, march, { ...options, timeZone: 'America/New_York' }).kpis.posts.value).toBe(1);
  });

  it('matches typed targets to KPIs', () => {
    expect(targetKpi('Reach')).toBe('reach');
    expect(targetKpi('CPM')).toBe('cpm');
    expect(targetKpi('engagement rate')).toBe('engagementRate');
    expect(targetKpi('happiness')).toBeNull();
  });
});

describe('the sample workspace', () => {
  it('has posts with figures over time, drafts, costs and a growing program', () => {
    const data = sampleReportData();
    const report = buildReport(data, { ...defaultFilters, granularity: 'month' }, { ...options, today: '2026-11-01' });
    expect(report.kpis.posts.value).toBeGreaterThan(40);
    expect(report.kpis.spend.value).toBeGreaterThan(0);
    expect(report.kpis.revenue.value).toBeGreaterThan(0);
    expect(report.kpis.firstRoundApprovalRate.value).toBeGreaterThan(0.4);
    expect(report.kpis.onTimeRate.value).not.toBeNull();
    expect(report.trend.length).toBeGreaterThanOrEqual(6);
    expect(data.content.filter((c) => c.kind === 'post').some((c) => c.metrics.length >= 3)).toBe(true);
  });

  it('EMV says why it is missing: rates not set, or set with nothing logged to count', () => {
    const rates = { perThousandImpressionsMicros: 5 * M, perEngagementMicros: M / 10, perClickMicros: M / 2 };
    const noRates = buildReport(fixture(), { ...defaultFilters, campaignIds: ['c1'] }, options);
    expect(noRates.kpis.emv.why).toMatch(/Set EMV rates/);
    const none = { ...fixture(), content: [] };
    const ratesNothingLogged = buildReport(none, { ...defaultFilters, campaignIds: ['c1'] }, { ...options, emvRates: rates });
    expect(ratesNothingLogged.kpis.emv).toEqual({ value: null, why: 'No impressions, engagements or clicks are logged yet' });
    expect(buildReport(fixture(), { ...defaultFilters, campaignIds: ['c1'] }, { ...options, emvRates: rates }).kpis.emv.value).toBeGreaterThan(0);
  });
});
