import { engagementRate } from '../domain/engagement-rate';
import { MICROS } from '../domain/fields';

/**
 * Every KPI Fanfare reports, defined once: its name, the formula people see
 * next to it, how it is shown and how it is computed from a report's totals.
 * A KPI that cannot be computed is `null` with the reason, never 0: "no
 * post reported clicks" is not the same as "nobody clicked".
 */
export type KpiFormat = 'count' | 'percent' | 'money' | 'ratio';

export type KpiId =
  | 'creatorsActivated' | 'creatorsPosted' | 'posts' | 'reach' | 'impressions' | 'views' | 'engagements'
  | 'engagementRate' | 'clicks' | 'ctr' | 'orders' | 'revenue' | 'spend' | 'cpm' | 'cpe' | 'cpc' | 'cpa'
  | 'roas' | 'roi' | 'emv' | 'onTimeRate' | 'firstRoundApprovalRate';

/** A sum over posts, and how many posts reported it (a sum over none is missing). */
export interface MetricSum {
  sum: number;
  reported: number;
}

/** Sums of money are in micros of the report's currency. */
export interface ReportTotals {
  currency: string;
  creatorsActivated: number;
  creatorsPosted: number;
  posts: number;
  reach: MetricSum;
  impressions: MetricSum;
  views: MetricSum;
  likes: MetricSum;
  comments: MetricSum;
  shares: MetricSum;
  saves: MetricSum;
  clicks: MetricSum;
  orders: MetricSum;
  revenueMicros: MetricSum;
  /** Engagements (likes + comments + shares + saves) and reach, over the posts that report both. */
  erEngagements: number;
  erReach: number;
  /** Clicks and impressions over the posts that report both. */
  ctrClicks: number;
  ctrImpressions: number;
  /** Spend parts in micros; `reported` counts creators with that cost known. */
  feesMicros: MetricSum;
  productMicros: MetricSum;
  shippingMicros: MetricSum;
  /** How many amounts were in another currency and left out (they cannot be added). */
  otherCurrencyAmounts: number;
  /** Deliverables due by the report date, and those posted on or before their due date. */
  deliverablesDue: number;
  deliverablesOnTime: number;
  firstRoundDecided: number;
  firstRoundApproved: number;
  /** EMV in micros, when rates are set and anything it counts is logged. */
  emvMicros: number | null;
  /** Whether EMV rates are set, so a missing EMV says the right reason. */
  emvRatesSet: boolean;
}

export interface KpiValue {
  /** Counts and ratios as numbers, percents as fractions (0.034), money in micros. */
  value: number | null;
  /** Why the value is missing, in words a marketer reads. */
  why?: string;
}

export interface KpiDefinition {
  id: KpiId;
  label: string;
  short: string;
  /** The formula as shown in the app and in the workbook. */
  formula: string;
  format: KpiFormat;
  /** Which way is good, for colouring changes. */
  better: 'higher' | 'lower';
  compute(t: ReportTotals): KpiValue;
}

const missing = (why: string): KpiValue => ({ value: null, why });

function summed(m: MetricSum, what: string): KpiValue {
  return m.reported > 0 ? { value: m.sum } : missing(`No post has ${what} logged yet`);
}

/** Spend is known when at least one cost is; the parts not logged count as none spent on them. */
export function spendMicros(t: ReportTotals): number | null {
  if (t.feesMicros.reported + t.productMicros.reported + t.shippingMicros.reported === 0) return null;
  return t.feesMicros.sum + t.productMicros.sum + t.shippingMicros.sum;
}

function costPer(t: ReportTotals, base: KpiValue, what: string, per = 1): KpiValue {
  const spend = spendMicros(t);
  if (spend == null) return missing('No fee, product or shipping cost is logged');
  if (base.value == null) return missing(base.why ?? `No ${what} logged`);
  if (base.value === 0) return missing(`No ${what} yet, so there is nothing to divide by`);
  return { value: Math.round((spend / base.value) * per) };
}

function engagementsOf(t: ReportTotals): KpiValue {
  const parts = [t.likes, t.comments, t.shares, t.saves];
  if (parts.every((p) => p.reported === 0)) return missing('No post has likes, comments, shares or saves logged yet');
  return { value: parts.reduce((s, p) => s + p.sum, 0) };
}

function revenueOf(t: ReportTotals): KpiValue {
  return t.revenueMicros.reported > 0 ? { value: t.revenueMicros.sum } : missing('No post has revenue logged yet');
}

/** Revenue set against spend (ROAS, ROI): missing when either is, or when nothing was spent. */
function returnOnSpend(t: ReportTotals, ratio: (revenue: number, spend: number) => number): KpiValue {
  const revenue = revenueOf(t);
  const spend = spendMicros(t);
  if (revenue.value == null) return revenue;
  if (spend == null) return missing('No fee, product or shipping cost is logged');
  if (spend === 0) return missing('Nothing was spent, so there is nothing to divide by');
  return { value: ratio(revenue.value, spend) };
}

export const kpiDefinitions: KpiDefinition[] = [
  {
    id: 'creatorsActivated', label: 'Creators activated', short: 'Activated', format: 'count', better: 'higher',
    formula: 'Creators with agreed terms, product shipped or a post',
    compute: (t) => ({ value: t.creatorsActivated }),
  },
  {
    id: 'creatorsPosted', label: 'Creators posted', short: 'Posted', format: 'count', better: 'higher',
    formula: 'Creators with at least one live post',
    compute: (t) => ({ value: t.creatorsPosted }),
  },
  { id: 'posts', label: 'Posts', short: 'Posts', format: 'count', better: 'higher', formula: 'Live posts', compute: (t) => ({ value: t.posts }) },
  { id: 'reach', label: 'Reach', short: 'Reach', format: 'count', better: 'higher', formula: 'Sum of reach (latest figures per post)', compute: (t) => summed(t.reach, 'reach') },
  { id: 'impressions', label: 'Impressions', short: 'Impr.', format: 'count', better: 'higher', formula: 'Sum of impressions', compute: (t) => summed(t.impressions, 'impressions') },
  { id: 'views', label: 'Views', short: 'Views', format: 'count', better: 'higher', formula: 'Sum of views', compute: (t) => summed(t.views, 'views') },
  {
    id: 'engagements', label: 'Engagements', short: 'Eng.', format: 'count', better: 'higher',
    formula: 'Likes + comments + shares + saves', compute: engagementsOf,
  },
  {
    id: 'engagementRate', label: 'Engagement rate', short: 'ER', format: 'percent', better: 'higher',
    formula: 'Engagements ÷ reach, over posts that report both',
    compute: (t) => {
      const rate = engagementRate({ likes: t.erEngagements, reach: t.erReach });
      return rate == null || t.erReach === 0 ? missing('No post has both engagements and reach logged') : { value: rate };
    },
  },
  { id: 'clicks', label: 'Clicks', short: 'Clicks', format: 'count', better: 'higher', formula: 'Sum of link clicks', compute: (t) => summed(t.clicks, 'clicks') },
  {
    id: 'ctr', label: 'Click-through rate', short: 'CTR', format: 'percent', better: 'higher',
    formula: 'Clicks ÷ impressions, over posts that report both',
    compute: (t) => t.ctrImpressions > 0 ? { value: t.ctrClicks / t.ctrImpressions } : missing('No post has both clicks and impressions logged'),
  },
  { id: 'orders', label: 'Orders', short: 'Orders', format: 'count', better: 'higher', formula: 'Sum of attributed orders', compute: (t) => summed(t.orders, 'orders') },
  { id: 'revenue', label: 'Revenue', short: 'Revenue', format: 'money', better: 'higher', formula: 'Sum of attributed revenue', compute: revenueOf },
  {
    id: 'spend', label: 'Spend', short: 'Spend', format: 'money', better: 'lower',
    formula: 'Creator fees and bonuses + product cost + shipping',
    compute: (t) => {
      const spend = spendMicros(t);
      return spend == null ? missing('No fee, product or shipping cost is logged') : { value: spend };
    },
  },
  {
    id: 'cpm', label: 'Cost per thousand impressions', short: 'CPM', format: 'money', better: 'lower',
    formula: 'Spend ÷ impressions × 1,000', compute: (t) => costPer(t, summed(t.impressions, 'impressions'), 'impressions', 1000),
  },
  {
    id: 'cpe', label: 'Cost per engagement', short: 'CPE', format: 'money', better: 'lower',
    formula: 'Spend ÷ engagements', compute: (t) => costPer(t, engagementsOf(t), 'engagements'),
  },
  {
    id: 'cpc', label: 'Cost per click', short: 'CPC', format: 'money', better: 'lower',
    formula: 'Spend ÷ clicks', compute: (t) => costPer(t, summed(t.clicks, 'clicks'), 'clicks'),
  },
  {
    id: 'cpa', label: 'Cost per order', short: 'CPA', format: 'money', better: 'lower',
    formula: 'Spend ÷ orders', compute: (t) => costPer(t, summed(t.orders, 'orders'), 'orders'),
  },
  {
    id: 'roas', label: 'Return on spend', short: 'ROAS', format: 'ratio', better: 'higher',
    formula: 'Revenue ÷ spend',
    compute: (t) => returnOnSpend(t, (revenue, spend) => revenue / spend),
  },
  {
    id: 'roi', label: 'Return on investment', short: 'ROI', format: 'percent', better: 'higher',
    formula: '(Revenue − spend) ÷ spend',
    compute: (t) => returnOnSpend(t, (revenue, spend) => (revenue - spend) / spend),
  },
  {
    id: 'emv', label: 'Earned media value', short: 'EMV', format: 'money', better: 'higher',
    formula: 'Impressions × rate per 1,000 + engagements × rate + clicks × rate (your rates)',
    compute: (t) => t.emvMicros != null ? { value: t.emvMicros }
      : missing(t.emvRatesSet ? 'No impressions, engagements or clicks are logged yet' : 'Set EMV rates in the report to estimate it'),
  },
  {
    id: 'onTimeRate', label: 'On-time rate', short: 'On time', format: 'percent', better: 'higher',
    formula: 'Deliverables posted by their due date ÷ deliverables due',
    compute: (t) => t.deliverablesDue > 0 ? { value: t.deliverablesOnTime / t.deliverablesDue } : missing('No deliverable with a due date is due yet'),
  },
  {
    id: 'firstRoundApprovalRate', label: 'First-round approval rate', short: '1st-round OK', format: 'percent', better: 'higher',
    formula: 'Drafts approved in round 1 ÷ round-1 drafts decided',
    compute: (t) => t.firstRoundDecided > 0 ? { value: t.firstRoundApproved / t.firstRoundDecided } : missing('No first-round draft has been reviewed yet'),
  },
];

export const kpiById = Object.fromEntries(kpiDefinitions.map((k) => [k.id, k])) as Record<KpiId, KpiDefinition>;

export type KpiValues = Record<KpiId, KpiValue>;

export function computeKpis(totals: ReportTotals): KpiValues {
  return Object.fromEntries(kpiDefinitions.map((k) => [k.id, k.compute(totals)])) as KpiValues;
}

/** EMV rates: money per 1,000 impressions, per engagement and per click, in micros of the report's currency. */
export interface EmvRates {
  perThousandImpressionsMicros: number;
  perEngagementMicros: number;
  perClickMicros: number;
}

export function emptyTotals(currency: string): ReportTotals {
  const zero = (): MetricSum => ({ sum: 0, reported: 0 });
  return {
    currency, creatorsActivated: 0, creatorsPosted: 0, posts: 0,
    reach: zero(), impressions: zero(), views: zero(), likes: zero(), comments: zero(), shares: zero(), saves: zero(),
    clicks: zero(), orders: zero(), revenueMicros: zero(), erEngagements: 0, erReach: 0, ctrClicks: 0, ctrImpressions: 0,
    feesMicros: zero(), productMicros: zero(), shippingMicros: zero(), otherCurrencyAmounts: 0,
    deliverablesDue: 0, deliverablesOnTime: 0, firstRoundDecided: 0, firstRoundApproved: 0, emvMicros: null, emvRatesSet: false,
  };
}

/** Change between two values of one KPI: null parts when either side is missing or the base is 0. */
export interface KpiChange {
  delta: number | null;
  percent: number | null;
  why?: string;
}

export function kpiChange(current: KpiValue, previous: KpiValue): KpiChange {
  if (current.value == null) return { delta: null, percent: null, why: current.why };
  if (previous.value == null) return { delta: null, percent: null, why: `Previous period: ${previous.why ?? 'missing'}` };
  const delta = current.value - previous.value;
  if (previous.value === 0) return { delta, percent: null, why: 'The previous period was 0, so there is no percentage' };
  return { delta, percent: delta / Math.abs(previous.value) };
}

/** How a KPI value reads on screen: "12,400", "3.4%", "$1,234.56", "2.35×", or "—". */
export function formatKpi(def: Pick<KpiDefinition, 'format'>, value: number | null, currency: string, locale = 'en-US'): string {
  if (value == null || !Number.isFinite(value)) return '—';
  switch (def.format) {
    case 'count': return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    case 'percent': return `${(value * 100).toFixed(1)}%`;
    case 'ratio': return `${value.toFixed(2)}×`;
    case 'money': return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 2 }).format(value / MICROS);
  }
}

export function formatChange(def: Pick<KpiDefinition, 'format'>, change: KpiChange, currency: string): string {
  if (change.delta == null) return '—';
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '−' : '±';
  const abs = formatKpi(def, Math.abs(change.delta), currency);
  const pct = change.percent == null ? '' : ` (${change.percent > 0 ? '+' : change.percent < 0 ? '−' : '±'}${Math.abs(change.percent * 100).toFixed(1)}%)`;
  // A change of a percentage is in points, not in percent of percent.
  return `${sign}${def.format === 'percent' ? abs.replace('%', ' pts') : abs}${pct}`;
}
