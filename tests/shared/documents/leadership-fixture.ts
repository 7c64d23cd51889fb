import { buildReport, defaultFilters, type Report, type ReportContent, type ReportData, type ReportFilters } from '../../../src/shared/reports/build-report';
import { defaultReportView, type ReportView } from '../../../src/shared/reports/report-view';

/**
 * A gifting-plus-fees campaign over a quarter, with creators whose names
 * need more than Latin-1, a budget, targets, and no revenue logged at all
 * (so Revenue, ROAS and ROI are missing, not zero).
 */
const M = 1_000_000;
const usd = (n: number) => ({ amountMicros: n * M, currency: 'USD' });

export const creatorNames = ['Zoë Łukasiewicz', 'Nguyễn Thị Hương', 'Алёна Смирнова', 'Ψυχή Παπαδοπούλου', 'Sam Okafor'];

function post(id: string, creatorId: string, postedAt: string, platform: string, reach: number | null, extra: Partial<ReportContent['metrics'][number]> = {}): ReportContent {
  return {
    id, kind: 'post', creatorId, campaignId: 'c1', engagementId: `e-${creatorId}`, deliverableId: 'd1', round: 1, url: `https://social.example/${id}`,
    platform, format: 'reel', postedAt, assetIds: [], review: null,
    metrics: [{
      at: '2026-10-30T00:00:00Z', views: reach == null ? null : reach * 2, reach, impressions: reach == null ? null : Math.round(reach * 1.3),
      likes: reach == null ? null : Math.round(reach * 0.05), comments: reach == null ? null : Math.round(reach * 0.005), shares: 3, saves: 4, clicks: reach == null ? null : Math.round(reach * 0.01),
      orders: null, revenue: null, ...extra,
    }],
  };
}

export function leadershipData(): ReportData {
  const platforms = ['instagram', 'tiktok', 'youtube', 'instagram', 'tiktok'];
  const followers = [8_000, 45_000, 250_000, 120_000, 900];
  return {
    campaigns: [{
      id: 'c1', name: 'Autumn Glow launch', kind: 'campaign', budget: usd(12_000), ownerId: 'ann', startsOn: '2026-08-01', endsOn: '2026-10-31',
      kpiTargets: [{ kpi: 'Posts', target: 12 }, { kpi: 'reach', target: 500_000 }, { kpi: 'revenue', target: 20_000 }],
      buckets: [{ id: 'b1', name: 'Core' }, { id: 'b2', name: 'Rising' }],
    }],
    creators: creatorNames.map((name, i) => ({ id: `k${i}`, name, accounts: [{ platform: platforms[i], handle: `handle${i}`, followers: followers[i] }] })),
    engagements: creatorNames.map((_, i) => ({
      id: `e-k${i}`, campaignId: 'c1', creatorId: `k${i}`, bucketId: i % 2 ? 'b2' : 'b1', ownerId: 'ann',
      terms: { fee: i === 4 ? null : usd(800 + i * 400), productValue: usd(60), deliverables: [{ id: 'd1', platform: platforms[i], dueOn: '2026-10-20' }] },
    })),
    content: [
      // August (the previous period when comparing Sep–Oct against the two months before).
      post('p0', 'k0', '2026-07-10T10:00:00Z', 'instagram', 20_000),
      post('p1', 'k1', '2026-08-05T10:00:00Z', 'tiktok', 60_000),
      post('p2', 'k0', '2026-09-02T10:00:00Z', 'instagram', 42_000),
      post('p3', 'k1', '2026-09-15T10:00:00Z', 'tiktok', 150_000),
      post('p4', 'k2', '2026-09-28T10:00:00Z', 'youtube', 310_000),
      post('p5', 'k0', '2026-10-06T10:00:00Z', 'instagram', 38_000),
      post('p6', 'k2', '2026-10-19T10:00:00Z', 'youtube', null),
      post('p7', 'k1', '2026-10-27T10:00:00Z', 'tiktok', 95_000),
    ],
    shipments: [],
    products: [],
  };
}

export const leadershipOptions = { timeZone: 'Europe/Warsaw', today: '2026-10-31', currency: 'USD' };
export const leadershipFilters: ReportFilters = { ...defaultFilters, campaignIds: ['c1'], period: { start: '2026-09-01', end: '2026-10-31' }, comparison: 'previous', granularity: 'week', topBy: 'reach' };
export const leadershipView: ReportView = { ...defaultReportView, campaignIds: ['c1'], periodMode: 'custom', customPeriod: { start: '2026-09-01', end: '2026-10-31' }, comparison: 'previous', granularity: 'week', topBy: 'reach', platforms: [], tiers: [] };

export function leadershipReport(): Report {
  return buildReport(leadershipData(), leadershipFilters, leadershipOptions);
}

export const brand = { name: 'Lumen Skin', primary: '#2f3e8f', accent: '#f06a3c', font: 'noto-sans' as const, logoSha256: null };
