import { z } from 'zod';
import { tierNames } from '../domain/tiers';
import type { EmvRates } from './kpis';
import { topKpis, type ReportFilters } from './build-report';
import { presetPeriod, type Period, type PresetPeriod } from './periods';

/**
 * What the report builder remembers, and what a saved report view keeps (a
 * `settings` record of kind "report-view"). A period chosen as "last month"
 * is kept as that, so the view still means last month next month.
 */
export const presetPeriods = ['this-week', 'last-week', 'this-month', 'last-month', 'last-30-days', 'last-90-days', 'this-quarter', 'this-year'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const reportViewSchema = z.object({
  campaignIds: z.array(z.string()).catch([]),
  periodMode: z.enum(['all', 'custom', ...presetPeriods]).catch('all'),
  customPeriod: z.object({ start: isoDate, end: isoDate }).nullable().catch(null),
  platforms: z.array(z.string()).catch([]),
  tiers: z.array(z.enum(tierNames)).catch([]),
  ownerIds: z.array(z.string()).catch([]),
  comparison: z.enum(['previous', 'last-year']).nullable().catch(null),
  granularity: z.enum(['week', 'month']).catch('week'),
  topBy: z.enum(topKpis).catch('engagements'),
  /** Shipping cost per parcel in whole currency units; null: not counted. */
  shippingPerParcel: z.number().min(0).nullable().catch(null),
  /** EMV rates in whole currency units; null: EMV not estimated. */
  emv: z.object({ perThousandImpressions: z.number().min(0), perEngagement: z.number().min(0), perClick: z.number().min(0) }).nullable().catch(null),
  /** Leave out the figures of posts whose numbers cannot all be true (they still count as posts). */
  leaveOutImplausible: z.boolean().catch(false),
});
export type ReportView = z.infer<typeof reportViewSchema>;

export const defaultReportView: ReportView = {
  campaignIds: [], periodMode: 'all', customPeriod: null, platforms: [], tiers: [], ownerIds: [], comparison: null,
  granularity: 'week', topBy: 'engagements', shippingPerParcel: null, emv: null, leaveOutImplausible: false,
};

/** Rates many teams start from; shown as suggestions, never applied without the user turning EMV on. */
export const suggestedEmvRates = { perThousandImpressions: 5, perEngagement: 0.1, perClick: 0.5 };

export function parseReportView(data: unknown): ReportView {
  const parsed = reportViewSchema.safeParse(data ?? {});
  return parsed.success ? parsed.data : defaultReportView;
}

export function viewPeriod(view: ReportView, today: string): Period | null {
  if (view.periodMode === 'all') return null;
  if (view.periodMode === 'custom') return view.customPeriod && view.customPeriod.start <= view.customPeriod.end ? view.customPeriod : null;
  return presetPeriod(view.periodMode as PresetPeriod, today);
}

export function viewFilters(view: ReportView, today: string): ReportFilters {
  const period = viewPeriod(view, today);
  return {
    campaignIds: view.campaignIds, period, platforms: view.platforms, tiers: view.tiers, ownerIds: view.ownerIds,
    comparison: period ? view.comparison : null, granularity: view.granularity, topBy: view.topBy, leaveOutImplausible: view.leaveOutImplausible,
  };
}

export function viewEmvRates(view: ReportView): EmvRates | null {
  if (!view.emv) return null;
  return {
    perThousandImpressionsMicros: Math.round(view.emv.perThousandImpressions * 1_000_000),
    perEngagementMicros: Math.round(view.emv.perEngagement * 1_000_000),
    perClickMicros: Math.round(view.emv.perClick * 1_000_000),
  };
}

export const periodModeLabels: Record<ReportView['periodMode'], string> = {
  all: 'All time', custom: 'Custom dates', 'this-week': 'This week', 'last-week': 'Last week', 'this-month': 'This month',
  'last-month': 'Last month', 'last-30-days': 'Last 30 days', 'last-90-days': 'Last 90 days', 'this-quarter': 'This quarter', 'this-year': 'This year',
};
