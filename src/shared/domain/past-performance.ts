import { engagementRate } from './engagement-rate';

/**
 * How a creator did when they worked with us, from their live posts and the
 * terms we agreed: engagement rate of the posts, cost per thousand
 * impressions, and how often they posted by the agreed date. Every figure is
 * null when the data behind it is missing: never a guess, never a 0.
 */
export interface PastPerformance {
  campaigns: number;
  posts: number;
  engagementRate: number | null;
  /** Fees ÷ impressions × 1000, in one currency; null when fees or impressions are unknown or mixed currencies. */
  cpm: { amountMicros: number; currency: string } | null;
  /** Posts published by their deliverable's due date ÷ posts with a due date. */
  onTimeRate: number | null;
  lastPostedAt: string | null;
}

export interface PerformanceEngagement {
  id: string;
  creatorId: string;
  campaignId: string;
  terms: { fee: { amountMicros: number; currency: string } | null; deliverables: { id: string; dueOn: string | null }[] } | null;
}

export interface PerformancePost {
  creatorId: string;
  engagementId: string | null;
  deliverableId: string | null;
  postedAt: string | null;
  metrics: { at: string; impressions?: number | null; reach?: number | null; likes?: number | null; comments?: number | null; shares?: number | null; saves?: number | null }[];
}

export const PERFORMANCE_FORMULAS = {
  engagementRate: 'Average of each post’s engagement rate: (likes + comments + shares + saves) ÷ reach, from its latest metrics.',
  cpm: 'CPM = fees paid ÷ impressions of their posts × 1,000.',
  onTime: 'On time = posts published on or before the deliverable’s due date ÷ posts that had a due date.',
};

/** Whether a live post went up by its deliverable's due date; null when it has no due date (or is not live). */
export function postedOnTime(post: Pick<PerformancePost, 'deliverableId' | 'postedAt'>, engagement: { terms?: PerformanceEngagement['terms'] }): boolean | null {
  const due = engagement.terms?.deliverables.find((d) => d.id === post.deliverableId)?.dueOn;
  return due && post.postedAt ? post.postedAt.slice(0, 10) <= due : null;
}

export function pastPerformance(engagements: PerformanceEngagement[], posts: PerformancePost[]): Map<string, PastPerformance> {
  const out = new Map<string, PastPerformance & { rates: number[]; impressions: number; fees: Map<string, number>; due: number; onTime: number; campaignIds: Set<string> }>();
  const of = (creatorId: string) => {
    let p = out.get(creatorId);
    if (!p) {
      p = { campaigns: 0, posts: 0, engagementRate: null, cpm: null, onTimeRate: null, lastPostedAt: null, rates: [], impressions: 0, fees: new Map(), due: 0, onTime: 0, campaignIds: new Set() };
      out.set(creatorId, p);
    }
    return p;
  };
  const byEngagement = new Map(engagements.map((e) => [e.id, e]));
  const worked = new Set<string>();
  for (const post of posts) {
    if (!post.postedAt) continue;
    const p = of(post.creatorId);
    p.posts++;
    if (!p.lastPostedAt || post.postedAt > p.lastPostedAt) p.lastPostedAt = post.postedAt;
    const latest = post.metrics.reduce<PerformancePost['metrics'][number] | null>((best, m) => (!best || m.at > best.at ? m : best), null);
    const rate = latest ? engagementRate(latest) : null;
    if (rate !== null) p.rates.push(rate);
    if (latest?.impressions) p.impressions += latest.impressions;
    const engagement = post.engagementId ? byEngagement.get(post.engagementId) : undefined;
    if (engagement) {
      p.campaignIds.add(engagement.campaignId);
      worked.add(engagement.id);
      const onTime = postedOnTime(post, engagement);
      if (onTime !== null) {
        p.due++;
        if (onTime) p.onTime++;
      }
    }
  }
  // A fee counts once per engagement that produced posts.
  for (const id of worked) {
    const e = byEngagement.get(id)!;
    if (!e.terms?.fee) continue;
    const fees = of(e.creatorId).fees;
    fees.set(e.terms.fee.currency, (fees.get(e.terms.fee.currency) ?? 0) + e.terms.fee.amountMicros);
  }
  const result = new Map<string, PastPerformance>();
  for (const [creatorId, p] of out) {
    const [currency, micros] = p.fees.size === 1 ? [...p.fees][0] : [null, 0];
    result.set(creatorId, {
      campaigns: p.campaignIds.size,
      posts: p.posts,
      engagementRate: p.rates.length ? p.rates.reduce((s, r) => s + r, 0) / p.rates.length : null,
      cpm: currency && p.impressions > 0 ? { amountMicros: Math.round((micros / p.impressions) * 1000), currency } : null,
      onTimeRate: p.due ? p.onTime / p.due : null,
      lastPostedAt: p.lastPostedAt,
    });
  }
  return result;
}
