import { describe, expect, it } from 'vitest';
import { formatChartValue, labelStep, niceTicks } from '../../../src/shared/documents/chart-scale';
import type { Block, ChartBlock, DocumentSpec } from '../../../src/shared/documents/model';
import { documentRequest, fileNameFor, specFor } from '../../../src/shared/documents/requests';
import { buildReport, defaultFilters } from '../../../src/shared/reports/build-report';
import { headlineKpis, leadershipRequestFrom, pdfCreatorsPerGroup } from '../../../src/shared/reports/leadership-request';
import { brand, leadershipData, leadershipFilters, leadershipOptions, leadershipReport, leadershipView } from './leadership-fixture';

const meta = { title: 'Autumn Glow launch', brand, preparedOn: '31 October 2026', ownerNames: { ann: 'Ann Director' } };
const specOf = (request: unknown): DocumentSpec => specFor(documentRequest.parse(request));
const textOf = (blocks: Block[]): string => JSON.stringify(blocks);
const charts = (spec: DocumentSpec) => spec.blocks.filter((b): b is ChartBlock => b.type === 'chart');
const kpiTable = (spec: DocumentSpec) => spec.blocks.find((b) => b.type === 'table' && b.columns[0].header === 'KPI and formula') as Extract<Block, { type: 'table' }>;
const headings = (spec: DocumentSpec) => spec.blocks.filter((b) => b.type === 'heading').map((b) => (b as Extract<Block, { type: 'heading' }>).runs.map((r) => r.text).join(''));

describe('the leadership report request', () => {
  it('carries the report exactly as on screen: KPIs, the previous period, targets, filters', () => {
    const report = leadershipReport();
    const request = leadershipRequestFrom(report, { ...leadershipView, ownerIds: ['ann'], platforms: ['instagram', 'tiktok'] }, meta);
    const parsed = documentRequest.parse(request);
    if (parsed.kind !== 'leadership-report') throw new Error('wrong kind');
    const posts = parsed.kpis.find((k) => k.id === 'posts')!;
    expect(posts).toMatchObject({ value: report.kpis.posts.value, previous: report.comparison!.kpis.posts.value, delta: 4, percent: 2, target: 12 });
    const revenue = parsed.kpis.find((k) => k.id === 'revenue')!;
    expect(revenue.value).toBeNull();
    expect(revenue.why).toBe('No post has revenue logged yet');
    expect(parsed.periodLabel).toBe('1 Sep 2026 – 31 Oct 2026');
    expect(parsed.comparisonLabel).toBe('The previous period (1 Jul 2026 – 31 Aug 2026)');
    expect(parsed.filters).toEqual(expect.arrayContaining([{ label: 'Campaigns', value: 'Autumn Glow launch' }, { label: 'Platforms', value: 'Instagram, TikTok' }, { label: 'Owners', value: 'Ann Director' }]));
    expect(parsed.headline).toEqual(headlineKpis);
    expect(parsed.trend.length).toBe(report.trend.length);
    expect(parsed.spend).toMatchObject({ total: report.kpis.spend.value, budget: 12_000_000_000, shipping: null });
    expect(parsed.top.map((p) => p.value)).toEqual([310_000, 150_000, 95_000, 42_000, 38_000]);
    expect(parsed.creators).toMatchObject({ posted: 3, notYet: 2 });
  });

  it('lists at most 200 creators per group for print, and says how many there are', () => {
    const data = leadershipData();
    for (let i = 0; i < 450; i++) {
      data.creators.push({ id: `w${i}`, name: `Waiting ${i}`, accounts: [] });
      data.engagements.push({ id: `e-w${i}`, campaignId: 'c1', creatorId: `w${i}`, bucketId: null, terms: null });
    }
    const report = buildReport(data, { ...defaultFilters, campaignIds: ['c1'] }, leadershipOptions);
    const parsed = documentRequest.parse(leadershipRequestFrom(report, leadershipView, meta));
    if (parsed.kind !== 'leadership-report') throw new Error('wrong kind');
    expect(parsed.creators.notYet).toBe(452);
    expect(parsed.creators.rows.filter((r) => r.posts === 0)).toHaveLength(pdfCreatorsPerGroup);
    expect(textOf(specOf(parsed).blocks)).toContain('Showing 200 of 452; the Excel report lists everyone.');
  });

  it('refuses what it cannot print, naming the field', () => {
    const request = leadershipRequestFrom(leadershipReport(), leadershipView, meta) as Extract<ReturnType<typeof leadershipRequestFrom>, { kind: 'leadership-report' }>;
    const tooLong = { ...request, trend: Array.from({ length: 105 }, (_, i) => ({ label: `W${i}`, posts: 1, creatorsPosting: 1, reach: null, views: null, engagements: null, clicks: null })) };
    const bad = documentRequest.safeParse(tooLong);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['trend']);
    expect(documentRequest.safeParse({ ...request, currency: 'dollars' }).error!.issues[0].message).toBe('A currency code such as USD');
    expect(documentRequest.safeParse({ ...request, kpis: [{ ...request.kpis[0], value: Number.POSITIVE_INFINITY }] }).success).toBe(false);
    expect(documentRequest.safeParse({ ...request, title: '  ' }).error!.issues[0].message).toBe('The report needs a title');
  });
});

describe('the leadership report layout', () => {
  it('puts period, comparison and filters on the cover and the headline KPIs first', () => {
    const spec = specOf(leadershipRequestFrom(leadershipReport(), leadershipView, meta));
    expect(spec.title).toBe('Autumn Glow launch – leadership report');
    expect(fileNameFor(spec)).toBe('Autumn Glow launch – leadership report.pdf');
    expect(spec.facts).toEqual(expect.arrayContaining([
      { label: 'Period', value: '1 Sep 2026 – 31 Oct 2026' }, { label: 'Compared with', value: 'The previous period (1 Jul 2026 – 31 Aug 2026)' },
      { label: 'Campaigns', value: 'Autumn Glow launch' }, { label: 'Prepared on', value: '31 October 2026' },
    ]));
    const stats = spec.blocks.find((b) => b.type === 'stats') as Extract<Block, { type: 'stats' }>;
    expect(stats.items.map((i) => i.label)).toEqual(['Creators posted', 'Posts', 'Reach', 'Views', 'Engagements', 'Engagement rate', 'Clicks', 'Orders', 'Spend', 'Cost per thousand impressions', 'Revenue', 'Return on spend']);
    const posts = stats.items[1];
    expect(posts.value).toBe('6');
    expect(JSON.stringify(posts.lines)).toContain('+4 (+200.0%)');
    expect(JSON.stringify(posts.lines)).toContain('Target 12 · 50%');
    // Missing is missing: a dash and the reason, never 0.
    const revenue = stats.items[10];
    expect(revenue).toMatchObject({ value: '—', muted: true });
    expect(JSON.stringify(revenue.lines)).toContain('No data: No post has revenue logged yet');
  });

  it('charts growth, breakdowns, targets and spend against the budget', () => {
    const spec = specOf(leadershipRequestFrom(leadershipReport(), leadershipView, meta));
    const byTitle = new Map(charts(spec).map((c) => [c.title, c]));
    expect([...byTitle.keys()]).toEqual(['Progress to target', 'Posts and creators posting by week', 'Reach and views by week', 'Engagements and clicks by week',
      'Reach and engagements by platform', 'Engagement rate by tier', 'Posts and creators by bucket', 'Spend against budget']);
    const weekly = byTitle.get('Posts and creators posting by week')!;
    expect(weekly.categories).toHaveLength(9);
    expect(weekly.xLabel).toBe('Week posted');
    expect(weekly.wholeNumbers).toBe(true);
    // A week with posts but no reach logged is a gap (null); a week with no posts reached nobody (0).
    const reach = byTitle.get('Reach and views by week')!.series[0].values;
    const week = leadershipReport().trend.findIndex((t) => t.label.includes('19 Oct'));
    expect(reach[week]).toBeNull();
    expect(reach[1]).toBe(0);
    const spend = byTitle.get('Spend against budget')!;
    expect(spend.reference).toEqual({ value: 12_000, label: 'Budget' });
    expect(spend.series[0].values).toEqual([1_600, 60, null, 1_660]);
    expect(spend.format).toEqual({ kind: 'money', currency: 'USD' });
    expect(byTitle.get('Engagement rate by tier')!.format).toEqual({ kind: 'percent' });
    expect(byTitle.get('Progress to target')!.series[0].values).toEqual([0.5, 1.27, null]);
  });

  it('shows a cost over its target as bad and one under it as good, unlike reach or posts', () => {
    const request = leadershipRequestFrom(leadershipReport(), leadershipView, meta) as { kpis: Array<{ id: string; value: number | null; target: number | null }> };
    const at = (id: string) => request.kpis.find((k) => k.id === id)!;
    // CPM at twice its target, CPE at half of it; reach over target.
    Object.assign(at('cpm'), { value: 8, target: 4 });
    Object.assign(at('cpe'), { value: 0.05, target: 0.1 });
    const spec = specOf(request);
    const targets = spec.blocks.find((b) => b.type === 'table' && b.columns[0].header === 'KPI') as Extract<Block, { type: 'table' }>;
    const progress = (label: string) => targets.rows.find((r) => r[0][0].text === label)![3][0];
    expect(progress('Cost per thousand impressions')).toMatchObject({ text: '200%', color: '#c92a2a' });
    expect(progress('Cost per engagement')).toMatchObject({ text: '50%', color: '#0b7a4b' });
    expect(progress('Reach')).toMatchObject({ color: '#0b7a4b' });
    expect(progress('Posts').color).toBeUndefined();
  });

  it('writes a breakdown column in short form when any figure in it would not fit in full', () => {
    const request = leadershipRequestFrom(leadershipReport(), leadershipView, meta) as Extract<ReturnType<typeof leadershipRequestFrom>, { kind: 'leadership-report' }>;
    const small = specOf(request);
    const big = specOf({ ...request, byPlatform: request.byPlatform.map((r, i) => (i === 0 ? { ...r, reach: 2_486_747_020 } : r)) });
    const platformTable = (spec: DocumentSpec) => spec.blocks.find((b) => b.type === 'table' && b.columns[0].header === 'Platform') as Extract<Block, { type: 'table' }>;
    expect(platformTable(small).rows.map((r) => r[3][0].text)).toEqual(['80,000', '245,000', '310,000']);
    expect(platformTable(big).rows.map((r) => r[3][0].text)).toEqual(['2.5B', '245K', '310K']);
    // The other columns keep their full figures.
    expect(platformTable(big).rows[0][4][0].text).toBe('4,414');
  });

  it('adds thumbnails of the top posts only when some have a picture in the library', () => {
    const without = specOf(leadershipRequestFrom(leadershipReport(), leadershipView, meta));
    expect(without.blocks.some((b) => b.type === 'gallery')).toBe(false);
    const data = leadershipData();
    data.content = data.content.map((c) => (c.id === 'p3' ? { ...c, assetIds: ['a1'] } : c));
    const report = buildReport(data, leadershipFilters, leadershipOptions);
    const spec = specOf(leadershipRequestFrom(report, leadershipView, { ...meta, pictures: { a1: 'a'.repeat(64) } }));
    const gallery = spec.blocks.find((b) => b.type === 'gallery') as Extract<Block, { type: 'gallery' }>;
    expect(gallery.items.map((i) => i.sha256)).toEqual([null, 'a'.repeat(64), null, null, null]);
    expect(gallery.items[0].placeholder).toBe('YouTube reel');
    expect(JSON.stringify(gallery.items[1].lines)).toContain('Reach 150,000 · 2026-09-15');
  });

  it('ends with every KPI, its formula and why a missing one is missing', () => {
    const spec = specOf(leadershipRequestFrom(leadershipReport(), leadershipView, meta));
    expect(headings(spec)).toEqual(expect.arrayContaining(['At a glance', 'Against targets', 'Growth by week', 'Breakdown by platform', 'Spend', 'Top content by reach', 'Who posted', 'Not posted yet (2)', 'Posted (3)', 'Every KPI, and how it is worked out']));
    const table = kpiTable(spec);
    expect(table.columns.map((c) => c.header)).toEqual(['KPI and formula', 'This period', 'Previous', 'Change', 'Target']);
    expect(table.rows).toHaveLength(22);
    const cpm = table.rows.find((r) => r[0][0].text.startsWith('Cost per thousand'))!;
    expect(cpm[0].map((r) => r.text).join('')).toBe('Cost per thousand impressions (CPM)\nSpend ÷ impressions × 1,000');
    const roas = table.rows.find((r) => r[0][0].text.startsWith('Return on spend'))!;
    expect(roas[1].map((r) => r.text).join('')).toBe('— no data\nNo post has revenue logged yet');
  });

  it('makes a sensible report of an empty selection, with no comparison', () => {
    const report = buildReport(leadershipData(), { ...leadershipFilters, period: { start: '2020-01-01', end: '2020-01-31' }, comparison: null }, leadershipOptions);
    const spec = specOf(leadershipRequestFrom(report, { ...leadershipView, comparison: null }, meta));
    const text = textOf(spec.blocks);
    expect(text).not.toContain('vs previous');
    expect(text).toContain('No post has reach logged yet');
    expect(text).toContain('No post has reach logged yet, so none is ranked.');
    expect(spec.facts).toContainEqual({ label: 'Compared with', value: 'No comparison chosen' });
    const table = kpiTable(spec);
    expect(table.columns.map((c) => c.header)).toEqual(['KPI and formula', 'This period', 'Target']);
  });
});

describe('chart axes', () => {
  it('pick round ticks that include zero and the largest value', () => {
    expect(niceTicks(0, 23_817)).toEqual([0, 5_000, 10_000, 15_000, 20_000, 25_000]);
    expect(niceTicks(0, 1.27)).toEqual([0, 0.5, 1, 1.5]);
    expect(niceTicks(-40, 90)).toEqual([-50, 0, 50, 100]);
    expect(niceTicks(0, 2, 5, 1)).toEqual([0, 1, 2]);
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('write values short, in the report’s currency', () => {
    expect(formatChartValue(1_250_000)).toBe('1.3M');
    expect(formatChartValue(0.034, { kind: 'percent' })).toBe('3.4%');
    expect(formatChartValue(0.5, { kind: 'percent' })).toBe('50%');
    expect(formatChartValue(12_000, { kind: 'money', currency: 'USD' })).toBe('$12K');
    expect(formatChartValue(0, { kind: 'money', currency: 'EUR' })).toBe('€0');
    expect(formatChartValue(Number.NaN)).toBe('—');
  });

  it('label every nth category so labels never overlap', () => {
    expect(labelStep(50, 40)).toBe(1);
    expect(labelStep(18, 40)).toBe(3);
  });
});
