import { engagementCount, engagementRate, type EngagementInput } from './engagement-rate';

/**
 * Figures that cannot all be true of one post. The one rule the metrics
 * grid, both metrics imports and the reports use: the person is asked before
 * such figures are stored, and reports mark the posts (and can leave their
 * figures out). Each check names the figures involved, so a form can mark
 * the very cells.
 */
export interface PlausibilityInput extends EngagementInput {
  views?: number | null;
  impressions?: number | null;
}

export type PlausibilityCode = 'engagements-above-reach' | 'engagement-rate-high' | 'engagements-above-views' | 'shares-above-views' | 'reach-above-impressions';

export interface PlausibilityIssue {
  code: PlausibilityCode;
  /** The figures that disagree, as metric keys (for marking cells). */
  fields: ('reach' | 'views' | 'impressions' | 'likes' | 'comments' | 'shares' | 'saves')[];
  /** What is wrong, in words a marketer reads, with the numbers. */
  message: string;
}

/**
 * Above this engagement rate a post is flagged. Published benchmarks put a
 * typical rate per reach in the low single digits (Instagram about 1–5%,
 * TikTok rarely above 15–20% even for small accounts); a real post past 50%
 * is a rare viral outlier, while the usual mistakes (a "k" typed by habit,
 * a figure pasted into the wrong column, another post's numbers) land far
 * above it. So 50% catches the mistakes and asks about the rare real case.
 */
export const ENGAGEMENT_RATE_FLAG = 0.5;

const n = (value: number) => value.toLocaleString('en-US');
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
const engagementParts: PlausibilityIssue['fields'] = ['likes', 'comments', 'shares', 'saves'];

export function checkPlausibility(values: PlausibilityInput): PlausibilityIssue[] {
  const issues: PlausibilityIssue[] = [];
  const engagements = engagementCount(values);
  const { reach, views, impressions, shares } = values;
  // Reach counts people and each person who engages was reached: more
  // engagements than reach needs every reached person to like, comment,
  // share and save, which no real post gets. It is nearly always a typo.
  if (engagements != null && reach != null && reach > 0 && engagements > reach) {
    issues.push({ code: 'engagements-above-reach', fields: [...engagementParts, 'reach'], message: `${n(engagements)} engagements but only ${n(reach)} reach: more people engaged than saw the post.` });
  } else {
    // Per followers when reach is unknown: the same formula as everywhere (engagement-rate.ts).
    const rate = engagementRate(values);
    if (rate != null && rate > ENGAGEMENT_RATE_FLAG) {
      const base = reach != null && reach > 0 ? 'reach' : 'followers';
      issues.push({ code: 'engagement-rate-high', fields: base === 'reach' ? [...engagementParts, 'reach'] : engagementParts, message: `An engagement rate of ${percent(rate)} (of ${base}) is far above what real posts reach; anything over ${percent(ENGAGEMENT_RATE_FLAG)} is checked.` });
    }
  }
  // Views of a video count every play; engaging needs watching it, so engagements above views cannot happen.
  if (engagements != null && views != null && views > 0 && engagements > views) {
    issues.push({ code: 'engagements-above-views', fields: [...engagementParts, 'views'], message: `${n(engagements)} engagements but only ${n(views)} views.` });
  }
  // Sharing a post is done from the post: more shares than views is impossible. (0 views is read as
  // "not a video", as people type 0 for a photo.)
  if (shares != null && views != null && views > 0 && shares > views) {
    issues.push({ code: 'shares-above-views', fields: ['shares', 'views'], message: `${n(shares)} shares but only ${n(views)} views.` });
  }
  // Every account reached saw it at least once, so reach can never exceed impressions.
  if (reach != null && impressions != null && impressions > 0 && reach > impressions) {
    issues.push({ code: 'reach-above-impressions', fields: ['reach', 'impressions'], message: `Reach ${n(reach)} is above impressions ${n(impressions)}: each person reached is at least one impression.` });
  }
  return issues;
}

/** The issues in one sentence, for a preview row or a report's mark. */
export function plausibilitySummary(issues: readonly PlausibilityIssue[]): string {
  return issues.map((i) => i.message).join(' ');
}
