import { z } from 'zod';
import { topKpis } from '../reports/build-report';
import { formatChange, formatKpi, kpiById, kpiDefinitions, type KpiId } from '../reports/kpis';
import { MICROS } from '../domain/fields';
import { formatChartValue } from './chart-scale';
import type { Block, BrandKit, ChartBlock, DocumentSpec, Inline, StatTile, TableColumn } from './model';

/**
 * The report a director hands up: headline KPIs against targets and the
 * previous period, growth over time, breakdowns, spend against budget, the
 * best posts and who has (not) posted, with every KPI's formula at the end.
 * Built from the figures the Reports screen shows (money in micros, rates as
 * fractions); a missing figure stays missing ("—", with why), never 0.
 */

const figure = z.number().min(-1e18).max(1e18);
const maybe = figure.nullable();
const count = z.number().int().min(0).max(1e9);
const text = (max: number) => z.string().max(max);
const kpiId = z.enum(kpiDefinitions.map((k) => k.id) as [KpiId, ...KpiId[]]);

const breakdownRow = z.object({
  label: text(100), creators: count, posts: count, reach: maybe, engagements: maybe, engagementRate: maybe, spend: maybe, cpm: maybe,
});

export const leadershipReportShape = {
  title: z.string().trim().min(1, 'The report needs a title').max(200),
  periodLabel: text(120),
  /** "Previous period (1 May – 31 Jul 2026)"; null: no comparison. */
  comparisonLabel: text(200).nullable(),
  preparedOn: text(60),
  currency: z.string().regex(/^[A-Z]{3}$/, 'A currency code such as USD'),
  /** The report builder's filters as people read them: campaigns, platforms, tiers, owners. */
  filters: z.array(z.object({ label: text(60), value: text(1000) })).max(10),
  /** The KPIs shown as tiles on page one, in order. */
  headline: z.array(kpiId).max(12),
  kpis: z.array(z.object({
    id: kpiId, value: maybe, why: text(300).nullable(), previous: maybe, delta: maybe, percent: maybe, changeWhy: text(300).nullable(), target: maybe,
  })).max(kpiDefinitions.length),
  granularity: z.enum(['week', 'month']),
  trend: z.array(z.object({
    label: text(40), posts: count, creatorsPosting: count, reach: maybe, views: maybe, engagements: maybe, clicks: maybe,
  })).max(104),
  byPlatform: z.array(breakdownRow).max(40),
  byTier: z.array(breakdownRow).max(40),
  byBucket: z.array(breakdownRow).max(40),
  spend: z.object({ fees: maybe, product: maybe, shipping: maybe, total: maybe, budget: maybe, otherCurrencyAmounts: count }),
  topBy: z.enum(topKpis),
  top: z.array(z.object({
    creatorName: text(300), handle: text(100), platform: text(60), format: text(60), postedOn: text(20), value: maybe, url: text(2000),
    /** The post's picture in the media store, for a thumbnail. */
    imageSha256: z.string().regex(/^[a-f0-9]{64}$/, 'Not a file fingerprint (SHA-256)').nullable().optional(),
    /** Its figures cannot all be true (domain/metric-plausibility.ts), and whether whoever entered them confirmed them. */
    implausible: z.enum(['confirmed', 'unconfirmed']).nullable().optional(),
  })).max(20),
  creators: z.object({
    posted: count,
    notYet: count,
    rows: z.array(z.object({ name: text(300), handle: text(100), campaign: text(300), platform: text(60), tier: text(40), posts: count, fee: maybe, product: maybe })).max(400),
  }),
};
export const leadershipReportSource = z.object(leadershipReportShape);
export type LeadershipReportSource = z.output<typeof leadershipReportSource>;

const GOOD = '#0b7a4b';
const BAD = '#c92a2a';
const MUTED = '#667085';

const cell = (value: string, style: Omit<Inline, 'text'> = {}): Inline[] => [{ text: value, ...style }];
const missingCell = (why: string | null): Inline[] => [{ text: '— no data', color: MUTED }, ...(why ? [{ text: `\n${why}`, color: MUTED, italic: true }] : [])];

type Kpi = LeadershipReportSource['kpis'][number];

function changeTone(k: Kpi): string | undefined {
  if (k.delta == null || k.delta === 0) return undefined;
  return (k.delta > 0) === (kpiById[k.id].better === 'higher') ? GOOD : BAD;
}

/** Against its target: reaching it is good for what should be high, staying under it for costs (CPM, CPA, spend). */
function targetTone(k: Kpi, progress: number): string | undefined {
  if (kpiById[k.id].better === 'higher') return progress >= 1 ? GOOD : undefined;
  return progress > 1 ? BAD : GOOD;
}

function changeText(k: Kpi, currency: string): string {
  if (k.value == null) return 'no data';
  if (k.delta == null) return 'nothing to compare';
  return formatChange(kpiById[k.id], { delta: k.delta, percent: k.percent }, currency);
}

const pct = (fraction: number) => `${Math.round(fraction * 100)}%`;
const int = (n: number) => n.toLocaleString('en-US');
const compactNumber = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Figures for a narrow table column: in full, or for the whole column in short form (2.5M) when any would not fit. */
function columnFigures(values: Array<number | null>, full: (v: number) => string, short: (v: number) => string, maxChars = 10): Array<string | null> {
  const written = values.map((v) => (v == null ? null : full(v)));
  if (written.every((w) => w == null || w.length <= maxChars)) return written;
  return values.map((v) => (v == null ? null : short(v)));
}

export function leadershipReportSpec(src: LeadershipReportSource, brand: BrandKit): DocumentSpec {
  const money = (micros: number | null) => formatKpi({ format: 'money' }, micros, src.currency);
  const kpis = new Map(src.kpis.map((k) => [k.id, k]));
  const value = (id: KpiId) => formatKpi(kpiById[id], kpis.get(id)?.value ?? null, src.currency);
  const unit = src.granularity;
  const blocks: Block[] = [];
  const compared = src.comparisonLabel != null;

  // ── At a glance
  blocks.push({ type: 'heading', level: 1, runs: [{ text: 'At a glance' }] });
  const sentences: Inline[] = [];
  const listed = src.creators.posted + src.creators.notYet;
  if (listed > 0) sentences.push({ text: `${int(src.creators.posted)} of ${int(listed)} creators have posted` }, { text: src.creators.notYet ? ` (${int(src.creators.notYet)} not yet). ` : '. ' });
  const posts = kpis.get('posts')?.value;
  const reach = kpis.get('reach')?.value;
  if (posts != null) sentences.push({ text: `${value('posts')} ${posts === 1 ? 'post' : 'posts'} went live` }, { text: reach != null ? `, reaching ${value('reach')} people. ` : '; no reach is logged for them yet. ' });
  if (src.spend.total != null && src.spend.budget) {
    const used = src.spend.total / src.spend.budget;
    sentences.push({ text: `Spend is ${money(src.spend.total)} of a ${money(src.spend.budget)} budget` }, used > 1
      ? { text: ` — over budget by ${money(src.spend.total - src.spend.budget)}. `, bold: true, color: BAD }
      : { text: ` (${pct(used)} used, ${money(src.spend.budget - src.spend.total)} left). ` });
  } else if (src.spend.total != null) sentences.push({ text: `Spend is ${money(src.spend.total)}; no budget is set for these campaigns. ` });
  if (src.comparisonLabel) sentences.push({ text: `Changes are against ${src.comparisonLabel.charAt(0).toLowerCase()}${src.comparisonLabel.slice(1)}.` });
  if (sentences.length) blocks.push({ type: 'paragraph', runs: sentences });

  const tiles: StatTile[] = src.headline.map((id) => {
    const k = kpis.get(id);
    const def = kpiById[id];
    if (!k || k.value == null) {
      return { label: def.label, value: '—', muted: true, lines: [[{ text: `No data: ${k?.why ?? 'not logged yet'}` }]] };
    }
    const lines: Inline[][] = [];
    if (compared) lines.push([{ text: changeText(k, src.currency), color: changeTone(k), bold: changeTone(k) != null }]);
    if (k.target != null) lines.push([{ text: `Target ${formatKpi(def, k.target, src.currency)}${k.target !== 0 ? ` · ${pct(k.value / k.target)}` : ''}` }]);
    return { label: def.label, value: formatKpi(def, k.value, src.currency), lines };
  });
  if (tiles.length) blocks.push({ type: 'stats', items: tiles, columns: 4 });

  // ── Targets
  const targeted = src.kpis.filter((k) => k.target != null);
  if (targeted.length) {
    blocks.push({ type: 'heading', level: 2, runs: [{ text: 'Against targets' }] });
    blocks.push({
      type: 'table',
      columns: [{ header: 'KPI', width: 2 }, { header: 'Target', width: 1.2, align: 'right' }, { header: 'Actual', width: 1.2, align: 'right' }, { header: 'Progress', width: 1, align: 'right' }],
      rows: targeted.map((k) => {
        const def = kpiById[k.id];
        const progress = k.value != null && k.target ? k.value / k.target : null;
        return [cell(def.label, { bold: true }), cell(formatKpi(def, k.target, src.currency)), k.value == null ? missingCell(null) : cell(formatKpi(def, k.value, src.currency)),
          progress == null ? cell('—', { color: MUTED }) : cell(pct(progress), { color: targetTone(k, progress), bold: targetTone(k, progress) != null })];
      }),
    });
    blocks.push({
      type: 'chart', kind: 'bar', title: 'Progress to target', subtitle: 'Each KPI as a share of its target; the dashed line is the target.',
      categories: targeted.map((k) => kpiById[k.id].short), series: [{ name: 'Share of target', values: targeted.map((k) => (k.value != null && k.target ? k.value / k.target : null)) }],
      format: { kind: 'percent' }, reference: { value: 1, label: 'Target' }, valueLabels: true, height: 130, yLabel: 'Share of target',
    });
  }

  // ── Growth over time
  blocks.push({ type: 'heading', level: 1, runs: [{ text: `Growth by ${unit}` }] });
  if (src.trend.length === 0) {
    blocks.push({ type: 'paragraph', muted: true, runs: [{ text: 'No posts in this selection yet, so there is no growth to show.' }] });
  } else {
    const labels = src.trend.map((t) => t.label);
    const xLabel = unit === 'week' ? 'Week posted' : 'Month posted';
    // A week with no post reached nobody new: 0. A week with posts but no figure logged is a gap.
    const metric = (key: 'reach' | 'views' | 'engagements' | 'clicks') => src.trend.map((t) => (t.posts === 0 ? 0 : t[key]));
    blocks.push({
      type: 'chart', kind: 'bar', title: `Posts and creators posting by ${unit}`, subtitle: `Posts count in the ${unit} they went live, with their latest figures.`, categories: labels,
      series: [{ name: 'Posts', values: src.trend.map((t) => t.posts) }, { name: 'Creators posting', values: src.trend.map((t) => t.creatorsPosting) }],
      xLabel, yLabel: 'Count', valueLabels: labels.length <= 8, height: 140, wholeNumbers: true,
    });
    const hasAny = (key: 'reach' | 'views' | 'engagements' | 'clicks') => src.trend.some((t) => t[key] != null);
    const gapNote = `A gap in a line is a ${unit} whose posts have no figure logged, not a zero.`;
    if (hasAny('reach') || hasAny('views')) {
      blocks.push({
        type: 'chart', kind: 'line', title: `Reach and views by ${unit}`, subtitle: gapNote, categories: labels,
        series: [{ name: 'Reach', values: metric('reach') }, { name: 'Views', values: metric('views') }], xLabel, yLabel: 'People and views', height: 140,
      });
    }
    if (hasAny('engagements') || hasAny('clicks')) {
      blocks.push({
        type: 'chart', kind: 'line', title: `Engagements and clicks by ${unit}`, subtitle: gapNote, categories: labels,
        series: [{ name: 'Engagements', values: metric('engagements') }, { name: 'Clicks', values: metric('clicks') }], xLabel, yLabel: 'Count', height: 140,
      });
    }
  }

  // ── Breakdowns (a heading each, so none is left alone at the foot of a page)
  const breakdownTable = (rows: LeadershipReportSource['byPlatform'], first: string): Block => {
    const columns: TableColumn[] = [{ header: first, width: 1.6 }, { header: 'Creators', width: 1.1, align: 'right' }, { header: 'Posts', width: 0.8, align: 'right' },
      { header: 'Reach', width: 1.1, align: 'right' }, { header: 'Eng.', width: 1, align: 'right' }, { header: 'ER', width: 0.8, align: 'right' },
      { header: 'Spend', width: 1.2, align: 'right' }, { header: 'CPM', width: 1, align: 'right' }];
    const full = (id: KpiId) => (v: number) => formatKpi(kpiById[id], v, src.currency);
    const shortMoney = (v: number) => formatChartValue(v / MICROS, { kind: 'money', currency: src.currency });
    const column = (id: KpiId, pick: (r: (typeof rows)[number]) => number | null, short: (v: number) => string) => columnFigures(rows.map(pick), full(id), short);
    const reach = column('reach', (r) => r.reach, (v) => compactNumber.format(v));
    const eng = column('engagements', (r) => r.engagements, (v) => compactNumber.format(v));
    const spend = column('spend', (r) => r.spend, shortMoney);
    const cpm = column('cpm', (r) => r.cpm, shortMoney);
    const show = (v: string | null) => (v == null ? cell('—', { color: MUTED }) : cell(v));
    return {
      type: 'table', columns,
      rows: rows.map((r, i) => [cell(r.label, { bold: true }), cell(int(r.creators)), cell(int(r.posts)), show(reach[i]), show(eng[i]),
        show(r.engagementRate == null ? null : formatKpi(kpiById.engagementRate, r.engagementRate, src.currency)), show(spend[i]), show(cpm[i])]),
    };
  };
  const section = (title: string, rows: LeadershipReportSource['byPlatform'], first: string, chart: Omit<ChartBlock, 'type' | 'categories'>) => {
    blocks.push({ type: 'heading', level: 1, runs: [{ text: title }] });
    if (rows.length === 0) {
      blocks.push({ type: 'paragraph', muted: true, runs: [{ text: 'Nothing to break down yet.' }] });
      return;
    }
    blocks.push({ type: 'chart', ...chart, categories: rows.map((r) => r.label) });
    blocks.push(breakdownTable(rows, first));
  };
  section('Breakdown by platform', src.byPlatform, 'Platform', {
    kind: 'bar', title: 'Reach and engagements by platform', series: [{ name: 'Reach', values: src.byPlatform.map((r) => r.reach) }, { name: 'Engagements', values: src.byPlatform.map((r) => r.engagements) }],
    xLabel: 'Platform', yLabel: 'Count', valueLabels: true, height: 130,
  });
  section('Breakdown by tier', src.byTier, 'Tier', {
    kind: 'bar', title: 'Engagement rate by tier', subtitle: 'Engagements ÷ reach, over the posts that report both.', series: [{ name: 'Engagement rate', values: src.byTier.map((r) => r.engagementRate) }],
    format: { kind: 'percent' }, xLabel: 'Creator tier (by followers)', yLabel: 'Engagement rate', valueLabels: true, height: 120,
  });
  const buckets = src.byBucket.filter((r) => r.label !== 'No bucket');
  if (buckets.length) {
    section('Breakdown by bucket', src.byBucket, 'Bucket', {
      kind: 'bar', title: 'Posts and creators by bucket', series: [{ name: 'Posts', values: src.byBucket.map((r) => r.posts) }, { name: 'Creators', values: src.byBucket.map((r) => r.creators) }],
      xLabel: 'Bucket', yLabel: 'Count', valueLabels: true, height: 120, wholeNumbers: true,
    });
  }

  // ── Spend
  blocks.push({ type: 'heading', level: 1, runs: [{ text: 'Spend' }] });
  const parts: Array<[string, number | null, string]> = [
    ['Fees and bonuses', src.spend.fees, 'none logged'], ['Product', src.spend.product, 'none logged'], ['Shipping', src.spend.shipping, 'no cost per parcel set'],
  ];
  blocks.push({
    type: 'chart', kind: 'bar', title: 'Spend against budget', subtitle: src.spend.budget ? undefined : 'No budget is set for these campaigns.',
    categories: [...parts.map((p) => p[0]), 'Total spend'], series: [{ name: 'Spend', values: [...parts.map((p) => p[1]), src.spend.total].map((v) => (v == null ? null : v / MICROS)) }],
    format: { kind: 'money', currency: src.currency }, reference: src.spend.budget ? { value: src.spend.budget / MICROS, label: 'Budget' } : undefined, valueLabels: true, height: 130,
  });
  blocks.push({
    type: 'table', columns: [{ header: 'Cost', width: 2 }, { header: 'Amount', width: 1.2, align: 'right' }, { header: 'Share of spend', width: 1, align: 'right' }],
    rows: [
      ...parts.map(([label, v, none]) => [cell(label), v == null ? cell(`— ${none}`, { color: MUTED }) : cell(money(v)), v == null || !src.spend.total ? cell('—', { color: MUTED }) : cell(pct(v / src.spend.total))]),
      [cell('Total spend', { bold: true }), src.spend.total == null ? missingCell(null) : cell(money(src.spend.total), { bold: true }), cell('')],
      ...(src.spend.budget ? [[cell('Budget'), cell(money(src.spend.budget)), src.spend.total == null ? cell('—', { color: MUTED }) : cell(`${pct(src.spend.total / src.spend.budget)} used`, { color: src.spend.total > src.spend.budget ? BAD : undefined, bold: src.spend.total > src.spend.budget })]] : []),
    ],
  });
  if (src.spend.otherCurrencyAmounts > 0) {
    blocks.push({ type: 'callout', title: 'Other currencies left out', runs: [{ text: `${src.spend.otherCurrencyAmounts} amount(s) are in another currency than ${src.currency} and are not added in: amounts in different currencies cannot be summed.` }] });
  }

  // ── Top content
  const topDef = kpiById[src.topBy];
  blocks.push({ type: 'heading', level: 1, runs: [{ text: `Top content by ${topDef.label.toLowerCase()}` }] });
  if (src.top.length === 0) {
    blocks.push({ type: 'paragraph', muted: true, runs: [{ text: `No post has ${topDef.label.toLowerCase()} logged yet, so none is ranked.` }] });
  } else {
    // Thumbnails when the posts' pictures are in the library; a row of empty frames would say nothing.
    if (src.top.some((p) => p.imageSha256)) {
      blocks.push({
        type: 'gallery', columns: 4,
        items: src.top.slice(0, 8).map((p, i) => ({
          sha256: p.imageSha256 ?? null,
          placeholder: [p.platform, p.format].filter(Boolean).join(' ') || 'Post',
          lines: [[{ text: `${i + 1}. ${p.creatorName}`, bold: true }], [{ text: `${topDef.short} ${formatKpi(topDef, p.value, src.currency)} · ${p.postedOn}`, color: MUTED }],
            ...(p.implausible ? [[{ text: p.implausible === 'confirmed' ? 'Unusual figures, confirmed' : 'Figures cannot all be true', color: BAD, italic: true }]] : [])],
        })),
      });
    }
    blocks.push({
      type: 'table',
      columns: [{ header: '#', width: 0.4, align: 'right' }, { header: 'Creator', width: 2 }, { header: 'Post', width: 1.5 }, { header: 'Posted', width: 1 }, { header: topDef.label, width: 1.2, align: 'right' }, { header: 'Link', width: 0.7 }],
      rows: src.top.map((p, i) => [
        cell(String(i + 1)),
        [{ text: p.creatorName, bold: true }, ...(p.handle ? [{ text: `\n@${p.handle}`, color: MUTED }] : [])],
        cell([p.platform, p.format].filter(Boolean).join(' ')),
        cell(p.postedOn),
        p.implausible
          ? [{ text: formatKpi(topDef, p.value, src.currency), bold: true }, { text: `\n${p.implausible === 'confirmed' ? 'unusual figures, confirmed' : 'figures cannot all be true'}`, color: BAD, italic: true }]
          : cell(formatKpi(topDef, p.value, src.currency), { bold: true }),
        /^https?:\/\//i.test(p.url) ? cell('Open', { href: p.url }) : cell('—', { color: MUTED }),
      ]),
    });
  }

  // ── Every KPI with how it is worked out
  blocks.push({ type: 'page-break' });
  blocks.push({ type: 'heading', level: 1, runs: [{ text: 'Every KPI, and how it is worked out' }] });
  blocks.push({ type: 'paragraph', muted: true, size: 9, runs: [{ text: `A KPI without the figures it needs shows “— no data” with the reason: it is missing, not zero. Money is in ${src.currency}; posts count with their latest figures; each creator's fees, bonus, product and shipping count once, in the period of their first post (or first parcel when nothing is posted yet).` }] });
  const columns: TableColumn[] = [{ header: 'KPI and formula', width: 2.4 }, { header: 'This period', width: 1.3, align: 'right' }];
  if (compared) columns.push({ header: 'Previous', width: 1.1, align: 'right' }, { header: 'Change', width: 1.75, align: 'right' });
  columns.push({ header: 'Target', width: 0.95, align: 'right' });
  blocks.push({
    type: 'table', columns,
    rows: kpiDefinitions.filter((d) => kpis.has(d.id)).map((def) => {
      const k = kpis.get(def.id)!;
      const row: Inline[][] = [[{ text: /^[A-Z]{2,}$/.test(def.short) ? `${def.label} (${def.short})` : def.label, bold: true }, { text: `\n${def.formula}`, color: MUTED }], k.value == null ? missingCell(k.why) : cell(formatKpi(def, k.value, src.currency))];
      if (compared) {
        row.push(k.previous == null ? cell('—', { color: MUTED }) : cell(formatKpi(def, k.previous, src.currency)));
        row.push(k.delta == null ? cell(changeText(k, src.currency), { color: MUTED }) : cell(changeText(k, src.currency), { color: changeTone(k) }));
      }
      row.push(k.target == null ? cell('—', { color: MUTED }) : cell(formatKpi(def, k.target, src.currency)));
      return row;
    }),
  });

  // ── Who posted
  blocks.push({ type: 'page-break' });
  blocks.push({ type: 'heading', level: 1, runs: [{ text: 'Who posted' }] });
  blocks.push({ type: 'paragraph', runs: [{ text: `${int(src.creators.posted)} posted`, bold: true }, { text: ' · ' }, { text: `${int(src.creators.notYet)} not yet`, bold: true }, { text: ' in this selection.' }] });
  const waiting = src.creators.rows.filter((r) => r.posts === 0);
  const posted = src.creators.rows.filter((r) => r.posts > 0);
  const more = (shown: number, all: number) => (all > shown ? [{ type: 'paragraph', muted: true, size: 9, runs: [{ text: `Showing ${int(shown)} of ${int(all)}; the Excel report lists everyone.` }] } as Block] : []);
  const name = (r: (typeof waiting)[number]): Inline[] => [{ text: r.name, bold: true }, ...(r.handle ? [{ text: `\n@${r.handle}${r.platform ? ` · ${r.platform}` : ''}`, color: MUTED }] : [])];
  const maybeMoney = (v: number | null) => (v == null ? cell('—', { color: MUTED }) : cell(money(v)));
  blocks.push({ type: 'heading', level: 2, runs: [{ text: `Not posted yet (${int(src.creators.notYet)})` }] });
  if (waiting.length) {
    blocks.push({
      type: 'table', columns: [{ header: 'Creator', width: 2.2 }, { header: 'Campaign', width: 1.8 }, { header: 'Tier', width: 0.9 }, { header: 'Fee', width: 1, align: 'right' }, { header: 'Product', width: 1, align: 'right' }],
      rows: waiting.map((r) => [name(r), cell(r.campaign), cell(r.tier || '—'), maybeMoney(r.fee), maybeMoney(r.product)]),
    });
    blocks.push(...more(waiting.length, src.creators.notYet));
  } else blocks.push({ type: 'paragraph', muted: true, runs: [{ text: 'Everyone in this selection has posted.' }] });
  blocks.push({ type: 'heading', level: 2, runs: [{ text: `Posted (${int(src.creators.posted)})` }] });
  if (posted.length) {
    blocks.push({
      type: 'table', columns: [{ header: 'Creator', width: 2.2 }, { header: 'Campaign', width: 1.8 }, { header: 'Tier', width: 0.9 }, { header: 'Posts', width: 0.7, align: 'right' }, { header: 'Fee', width: 1, align: 'right' }, { header: 'Product', width: 1, align: 'right' }],
      rows: posted.map((r) => [name(r), cell(r.campaign), cell(r.tier || '—'), cell(String(r.posts)), maybeMoney(r.fee), maybeMoney(r.product)]),
    });
    blocks.push(...more(posted.length, src.creators.posted));
  } else blocks.push({ type: 'paragraph', muted: true, runs: [{ text: 'Nobody has posted in this selection yet.' }] });

  const facts = [
    { label: 'Period', value: src.periodLabel },
    { label: 'Compared with', value: src.comparisonLabel ?? 'No comparison chosen' },
    ...src.filters.map((f) => ({ label: f.label, value: f.value })),
    { label: 'Prepared on', value: src.preparedOn },
  ];
  return {
    title: `${src.title} – leadership report`,
    eyebrow: 'Influencer marketing report',
    subtitle: `${brand.name} · ${src.periodLabel}`,
    facts,
    brand,
    footer: `${brand.name} · ${src.title} · ${src.periodLabel}`,
    subject: `Influencer marketing report: ${src.title}, ${src.periodLabel}`,
    keywords: ['influencer marketing', 'report', src.title],
    blocks,
  };
}
