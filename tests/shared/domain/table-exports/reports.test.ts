import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../src/shared/domain/table-export';
import { buildReportCreatorsTable, buildReportPostsTable } from '../../../../src/shared/domain/table-exports/reports';
import type { CreatorRow, PostRow, Report } from '../../../../src/shared/reports/build-report';

const post = (over: Partial<PostRow>): PostRow => ({
  id: 'p1', creatorId: 'c1', creatorName: 'Zoë Łukasiewicz', handle: 'zoe.runs', campaignId: 'k1', campaignName: 'Spring Glow', platform: 'instagram', format: 'Reel',
  url: 'https://www.instagram.com/reel/abc/', postedOn: '2026-11-02', tier: 'micro', bucket: '', assetId: null, deliverableId: null,
  views: 8000, reach: 2000, impressions: null, likes: 150, comments: 50, shares: null, saves: null, clicks: 12, orders: 3, revenueMicros: 120_500_000,
  engagements: 200, engagementRate: 0.1, metricsAt: '2026-11-09', ...over,
});
const creator = (over: Partial<CreatorRow>): CreatorRow => ({
  engagementId: 'e1', creatorId: 'c1', name: 'Zoë Łukasiewicz', handle: 'zoe.runs', campaignId: 'k1', campaignName: 'Spring Glow', platform: 'tiktok', tier: null, bucket: 'Runners',
  posted: true, posts: 2, activated: true, costOn: '2026-11-02', feeMicros: 450_000_000, productMicros: null, shippingMicros: null,
  deliverablesDue: 2, deliverablesOnTime: 2, parcels: 1, postsInReport: 2, costedHere: true, ...over,
});
const report = (posts: PostRow[], creators: CreatorRow[]) => ({ currency: 'EUR', posts, creators }) as unknown as Report;

describe('the Reports screen’s CSV tables', () => {
  it('posts: counts as numbers, revenue in euros, the rate as a fraction, missing figures empty', () => {
    const table = buildReportPostsTable(report([post({})], []));
    const at = (h: string) => table.rows[0][table.headers.indexOf(h)];
    expect(table.headers).toContain('Revenue (EUR)');
    expect([at('Platform'), at('Tier'), at('Views'), at('Impressions'), at('Revenue (EUR)'), at('Engagement rate')]).toEqual(['Instagram', 'Micro', 8000, null, 120.5, 0.1]);
    expect(table.kinds[table.headers.indexOf('Posted on')]).toBe('date');
    expect(toCsv(table)).toContain('2026-11-02,Zoë Łukasiewicz,zoe.runs,Spring Glow,Instagram,Reel,Micro');
  });

  it('who posted: "Not yet" for a creator without posts in the period, and unknown costs empty', () => {
    const table = buildReportCreatorsTable(report([], [creator({}), creator({ creatorId: 'c2', name: 'Ana', postsInReport: 0, feeMicros: null })]));
    const col = (h: string) => table.rows.map((r) => r[table.headers.indexOf(h)]);
    expect(col('Posted')).toEqual(['Yes', 'Not yet']);
    expect(col('Fee (EUR)')).toEqual([450, null]);
    expect(col('Product (EUR)')).toEqual([null, null]);
    expect(col('Platform')).toEqual(['TikTok', 'TikTok']);
  });
});
