import { z } from 'zod';
import { MICROS } from '../domain/fields';
import { tierLabels } from '../domain/tiers';
import { platformLabel, type Report } from './build-report';
import { kpiDefinitions, type KpiId } from './kpis';
import { formatPeriod } from './periods';
import type { ReportView } from './report-view';

/**
 * What the renderer sends the host to write a report's workbook: the data
 * sheets' rows as plain values (money in whole currency units, as Excel
 * wants them) and the app's own KPI figures, so the workbook's formulas can
 * be checked against them. Rows are tuples to keep the message small.
 */
type Cell = string | number | null;
const money = z.number().nullable();

/**
 * Rows are checked in place rather than parsed into copies: a report of
 * 100,000 posts would otherwise sit in memory twice while it is written.
 */
function rows(width: number, what: string) {
  return z.custom<Cell[][]>().superRefine((value, ctx) => {
    if (!Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: `The ${what} must be a list of rows` });
      return;
    }
    for (let r = 0; r < value.length; r++) {
      const row: unknown = value[r];
      if (!Array.isArray(row) || row.length !== width) {
        ctx.addIssue({ code: 'custom', path: [r], message: `Row ${r + 1} of the ${what} needs ${width} values` });
        return;
      }
      for (let c = 0; c < width; c++) {
        const v: unknown = row[c];
        const ok = v === null || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 2000);
        if (!ok) {
          ctx.addIssue({ code: 'custom', path: [r, c], message: `Row ${r + 1} of the ${what}, column ${c + 1}: a number, a short text or nothing` });
          return;
        }
      }
    }
  });
}

export const postColumns = [
  'Posted on', 'Creator', 'Handle', 'Campaign', 'Platform', 'Format', 'Tier', 'Bucket', 'Post link',
  'Views', 'Reach', 'Impressions', 'Likes', 'Comments', 'Shares', 'Saves', 'Clicks', 'Orders', 'Revenue', 'Engagements',
] as const;
/**
 * The last two columns identify the creator and the campaign, so formulas on
 * other sheets find a creator's row by who they are, not where the row sits:
 * sorting the Creators sheet cannot re-point them.
 */
export const creatorColumns = ['Creator', 'Handle', 'Campaign', 'Platform', 'Tier', 'Bucket', 'Activated', 'Posts in report', 'Parcels sent', 'Deliverables due', 'On time', 'Creator ID', 'Campaign ID'] as const;
export const spendColumns = ['Creator', 'Campaign', 'Cost', 'Amount', 'Creator ID', 'Campaign ID'] as const;

export const reportWorkbookInput = z.object({
  title: z.string().min(1).max(200),
  subtitle: z.string().max(400),
  currency: z.string().regex(/^[A-Z]{3}$/),
  fileName: z.string().min(1).max(120),
  comparisonLabel: z.string().max(200).nullable(),
  /** The report's period in words ("1 Sep – 31 Oct 2026", "All time"), for figures counted by the app. */
  periodLabel: z.string().max(100).optional(),
  kpis: z.array(z.object({
    id: z.enum(kpiDefinitions.map((k) => k.id) as [KpiId, ...KpiId[]]),
    value: z.number().nullable(),
    previous: z.number().nullable(),
    target: z.number().nullable(),
    why: z.string().max(300).nullable(),
  })),
  assumptions: z.object({
    shippingPerParcel: money,
    emv: z.object({ perThousandImpressions: z.number(), perEngagement: z.number(), perClick: z.number() }).nullable(),
    firstRoundDecided: z.number().int().min(0),
    firstRoundApproved: z.number().int().min(0),
    budget: money,
  }),
  posts: rows(postColumns.length, 'posts'),
  creators: rows(creatorColumns.length, 'creators'),
  spend: rows(spendColumns.length, 'spend lines'),
  trend: z.array(z.object({ label: z.string().max(40), posts: z.number(), creatorsPosting: z.number(), reach: z.number().nullable(), engagements: z.number().nullable() })).max(200),
  byPlatform: z.array(z.object({ label: z.string().max(60), posts: z.number(), reach: z.number().nullable() })).max(20),
});
export type ReportWorkbookInput = z.infer<typeof reportWorkbookInput>;

const units = (micros: number | null) => (micros == null ? null : micros / MICROS);

/** Money KPIs travel in micros inside the app; the workbook holds currency units. */
function kpiUnits(id: KpiId, value: number | null): number | null {
  const def = kpiDefinitions.find((k) => k.id === id)!;
  return def.format === 'money' ? units(value) : value;
}

export function reportWorkbookFrom(report: Report, view: ReportView, meta: { title: string; subtitle: string; fileName: string }): ReportWorkbookInput {
  const creators: ReportWorkbookInput['creators'] = [];
  const spend: ReportWorkbookInput['spend'] = [];
  for (const c of report.creators) {
    // Creators listed but not costed in this period are neither counted as activated nor costed here.
    const here = c.costedHere;
    creators.push([c.name, c.handle, c.campaignName, platformLabel(c.platform), c.tier ? tierLabels[c.tier] : '', c.bucket,
      (c.activated && here) || c.postsInReport > 0 ? 'Yes' : 'No', c.postsInReport, here ? c.parcels : 0, here ? c.deliverablesDue : 0, here ? c.deliverablesOnTime : 0,
      c.creatorId, c.campaignId]);
    if (!here) continue;
    if (c.feeMicros != null) spend.push([c.name, c.campaignName, 'Fee and bonus', units(c.feeMicros), c.creatorId, c.campaignId]);
    if (c.productMicros != null) spend.push([c.name, c.campaignName, 'Product', units(c.productMicros), c.creatorId, c.campaignId]);
  }
  // Posts logged without the creator being in the campaign's pipeline still count as a creator who posted.
  const listed = new Set(report.creators.map((c) => `${c.campaignId}|${c.creatorId}`));
  const loose = new Map<string, { post: Report['posts'][number]; count: number }>();
  for (const p of report.posts) {
    const key = `${p.campaignId}|${p.creatorId}`;
    if (listed.has(key)) continue;
    const entry = loose.get(key);
    if (entry) entry.count += 1;
    else loose.set(key, { post: p, count: 1 });
  }
  for (const { post: p, count } of loose.values()) {
    creators.push([p.creatorName, p.handle, p.campaignName, platformLabel(p.platform), p.tier ? tierLabels[p.tier] : '', p.bucket, 'Yes', count, 0, 0, 0, p.creatorId, p.campaignId ?? '']);
  }
  return {
    ...meta,
    currency: report.currency,
    comparisonLabel: report.comparison ? (report.comparison.comparison === 'last-year' ? 'Same period last year' : 'Previous period') : null,
    periodLabel: report.period ? formatPeriod(report.period) : 'All time',
    kpis: kpiDefinitions.map((k) => ({
      id: k.id,
      value: kpiUnits(k.id, report.kpis[k.id].value),
      previous: report.comparison ? kpiUnits(k.id, report.comparison.kpis[k.id].value) : null,
      target: (() => {
        const t = report.targets.find((x) => x.kpi === k.id);
        return t ? kpiUnits(k.id, t.targetValue) : null;
      })(),
      why: report.kpis[k.id].why ?? null,
    })),
    assumptions: {
      shippingPerParcel: view.shippingPerParcel, emv: view.emv,
      firstRoundDecided: report.totals.firstRoundDecided, firstRoundApproved: report.totals.firstRoundApproved,
      budget: units(report.budgetMicros),
    },
    posts: report.posts.map((p) => [p.postedOn, p.creatorName, p.handle, p.campaignName, platformLabel(p.platform), p.format, p.tier ? tierLabels[p.tier] : '', p.bucket, p.url,
      p.views, p.reach, p.impressions, p.likes, p.comments, p.shares, p.saves, p.clicks, p.orders, units(p.revenueMicros), p.engagements]),
    creators,
    spend,
    trend: report.trend.slice(-104).map((t) => ({ label: t.label, posts: t.posts, creatorsPosting: t.creatorsPosting, reach: t.reach, engagements: t.engagements })),
    byPlatform: report.byPlatform.slice(0, 20).map((b) => ({ label: b.label, posts: b.posts, reach: b.kpis.reach.value })),
  };
}
