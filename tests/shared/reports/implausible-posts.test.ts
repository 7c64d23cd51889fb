import { describe, expect, it } from 'vitest';
import { buildReport, defaultFilters, topContent, type ReportContent, type ReportData } from '../../../src/shared/reports/build-report';
import { documentRequest, specFor } from '../../../src/shared/documents/requests';
import { defaultBrandKit } from '../../../src/shared/documents/model';
import { leadershipRequestFrom } from '../../../src/shared/reports/leadership-request';
import { defaultReportView, parseReportView, viewFilters } from '../../../src/shared/reports/report-view';

const options = { timeZone: 'UTC', today: '2026-03-31', currency: 'USD' };
const empty = { views: null, reach: null, impressions: null, likes: null, comments: null, shares: null, saves: null, clicks: null, orders: null, revenue: null };

function post(id: string, creatorId: string, metrics: Partial<ReportContent['metrics'][number]>): ReportContent {
  return {
    id, kind: 'post', creatorId, campaignId: 'c1', engagementId: `e-${creatorId}`, deliverableId: null, round: 1, url: `https://x.test/${id}`,
    platform: 'instagram', format: 'reel', postedAt: '2026-03-05T12:00:00Z', assetIds: [], review: null,
    metrics: [{ at: '2026-03-06T00:00:00Z', ...empty, ...metrics }],
  };
}

/** The workspace: one post with "12k" shares typed against 5,027 reach, among ordinary ones. */
function data(confirmed = false): ReportData {
  return {
    campaigns: [{ id: 'c1', name: 'Spring', kind: 'campaign', budget: null, ownerId: null, startsOn: null, endsOn: null, kpiTargets: [], buckets: [] }],
    creators: ['a', 'b', 'c'].map((id) => ({ id, name: id.toUpperCase(), accounts: [{ platform: 'instagram', handle: id, followers: 8_000 }] })),
    engagements: ['a', 'b', 'c'].map((id) => ({ id: `e-${id}`, campaignId: 'c1', creatorId: id, bucketId: null, terms: null })),
    content: [
      post('typo', 'a', { reach: 5027, likes: 700, comments: 40, shares: 12_000, saves: 20, implausibleConfirmed: confirmed }),
      post('ok1', 'b', { reach: 4000, likes: 160, comments: 20, shares: 10, saves: 10 }),
      post('ok2', 'c', { reach: 6000, likes: 250, comments: 30, shares: 10, saves: 10 }),
    ],
    shipments: [],
    products: [],
  };
}

describe('posts whose figures cannot all be true, in reports', () => {
  it('are marked with the reason and whether anyone confirmed them', () => {
    const report = buildReport(data(), defaultFilters, options);
    const typo = report.posts.find((p) => p.id === 'typo')!;
    expect(typo.implausible).toBe('unconfirmed');
    expect(typo.implausibleWhy).toMatch(/12,760 engagements but only 5,027 reach/);
    expect(report.posts.find((p) => p.id === 'ok1')!.implausible).toBeNull();
    expect(report.implausible).toEqual({ posts: 1, confirmed: 0, leftOut: false });
    expect(buildReport(data(true), defaultFilters, options).posts.find((p) => p.id === 'typo')!.implausible).toBe('confirmed');
  });

  it('can be left out: the post still counts, its figures do not skew the rate, the tiers or top content', () => {
    const kept = buildReport(data(), defaultFilters, options);
    expect(kept.kpis.engagementRate.value!).toBeGreaterThan(0.8);
    expect(topContent(kept, 'engagementRate', 1)[0].id).toBe('typo');

    const report = buildReport(data(), { ...defaultFilters, leaveOutImplausible: true }, options);
    expect(report.kpis.posts.value).toBe(3);
    expect(report.kpis.creatorsPosted.value).toBe(3);
    // (200 + 300) engagements over (4,000 + 6,000) reach.
    expect(report.kpis.engagementRate.value).toBeCloseTo(0.05, 6);
    expect(report.byTier[0].kpis.engagementRate.value).toBeCloseTo(0.05, 6);
    expect(topContent(report, 'engagementRate', 3).map((p) => p.id)).toEqual(['ok1', 'ok2']);
    expect(report.posts.find((p) => p.id === 'typo')).toMatchObject({ figuresLeftOut: true, reach: null, shares: null, implausible: 'unconfirmed' });
    expect(report.implausible).toEqual({ posts: 1, confirmed: 0, leftOut: true });
  });

  it('the choice is kept in a saved view and said in the leadership PDF', () => {
    expect(parseReportView({}).leaveOutImplausible).toBe(false);
    const view = parseReportView({ ...defaultReportView, leaveOutImplausible: true });
    expect(viewFilters(view, '2026-03-31').leaveOutImplausible).toBe(true);
    const report = buildReport(data(), viewFilters(view, '2026-03-31'), options);
    const request = leadershipRequestFrom(report, view, { title: 'Spring', brand: defaultBrandKit, preparedOn: '31 March 2026' }) as unknown as { filters: { label: string; value: string }[]; implausible: unknown };
    expect(request.filters).toContainEqual({ label: 'Figures that cannot all be true', value: '1 post: its figures are left out (it still counts as a post)' });
    const included = leadershipRequestFrom(buildReport(data(), defaultFilters, options), defaultReportView, { title: 'Spring', brand: defaultBrandKit, preparedOn: '31 March 2026' }) as unknown as { filters: { label: string; value: string }[] };
    expect(included.filters).toContainEqual({ label: 'Figures that cannot all be true', value: '1 post, included (not confirmed by anyone)' });
  });
});

describe('the leadership PDF', () => {
  it('marks a top post whose figures cannot all be true, and says on the cover they are included', () => {
    const report = buildReport(data(), defaultFilters, options);
    const request = leadershipRequestFrom(report, { ...defaultReportView, topBy: 'engagementRate' }, { title: 'Spring', brand: defaultBrandKit, preparedOn: '31 March 2026' });
    const spec = specFor(documentRequest.parse(request));
    const text = JSON.stringify(spec.blocks);
    expect(text).toContain('figures cannot all be true');
    expect(JSON.stringify(spec)).toContain('1 post, included (not confirmed by anyone)');
  });
});
