import { engagementRate } from './engagement-rate';
import type { Money } from './fields';

/**
 * How a creator did when they worked with us, from their live posts, the
 * terms we agreed and the orders on their codes and links: engagement rate of
 * the posts, cost per thousand impressions, cost per order, and how often they
 * posted by the agreed date. Every figure is null when the data behind it is
 * missing: never a guess, never a 0.
 */
export interface PastPerformance {
  campaigns: number;
  posts: number;
  engagementRate: number | null;
  /** Fees ÷ impressions × 1000, in one currency; null when fees or impressions are unknown or mixed currencies. */
  cpm: Money | null;
  /** Orders recorded on their discount codes and tracked links; null when none has orders recorded. */
  orders: number | null;
  /** Fees ÷ orders, over the collaborations with both a fee and orders, in one currency; null otherwise. */
  cpa: Money | null;
  /** Posts published by their deliverable's due date ÷ posts with a due date. */
  onTimeRate: number | null;
  lastPostedAt: string | null;
}

export interface PerformanceEngagement {
  id: string;
  creatorId: string;
  campaignId: string;
  terms: { fee: Money | null; deliverables: { id: string; dueOn: string | null }[] } | null;
}

export interface PerformancePost {
  creatorId: string;
  engagementId: string | null;
  deliverableId: string | null;
  postedAt: string | null;
  metrics: { at: string; impressions?: number | null; reach?: number | null; likes?: number | null; comments?: number | null; shares?: number | null; saves?: number | null }[];
}

/** A discount code or tracked link, with the orders recorded against it (null: not recorded yet). */
export interface PerformanceCode {
  creatorId: string | null;
  campaignId: string | null;
  engagementId: string | null;
  orders: number | null;
}

export const PERFORMANCE_FORMULAS = {
  engagementRate: 'Average of each post’s engagement rate: (likes + comments + shares + saves) ÷ reach, from its latest metrics.',
  cpm: 'CPM = fees paid ÷ impressions of their posts × 1,000.',
  cpa: 'CPA = fees paid ÷ orders on their discount codes and tracked links, over the collaborations with both a fee and orders.',
  onTime: 'On time = posts published on or before the deliverable’s due date ÷ posts that had a due date.',
};

/** Whether a live post went up by its deliverable's due date; null when it has no due date (or is not live). */
export function postedOnTime(post: Pick<PerformancePost, 'deliverableId' | 'postedAt'>, engagement: { terms?: PerformanceEngagement['terms'] }): boolean | null {
  const due = engagement.terms?.deliverables.find((d) => d.id === post.deliverableId)?.dueOn;
  return due && post.postedAt ? post.postedAt.slice(0, 10) <= due : null;
}

/** One currency's total, or null when there are none or several: amounts in different currencies are never added up. */
function single(fees: Map<string, number>): { currency: string; micros: number } | null {
  if (fees.size !== 1) return null;
  const [[currency, micros]] = fees;
  return { currency, micros };
}

function addFee(fees: Map<string, number>, fee: Money) {
  fees.set(fee.currency, (fees.get(fee.currency) ?? 0) + fee.amountMicros);
}

export function pastPerformance(engagements: PerformanceEngagement[], posts: PerformancePost[], codes: readonly PerformanceCode[] = []): Map<string, PastPerformance> {
  type Tally = PastPerformance & {
    rates: number[]; impressions: number; fees: Map<string, number>; due: number; onTime: number; campaignIds: Set<string>;
    soldFees: Map<string, number>; soldOrders: number;
  };
  const out = new Map<string, Tally>();
  const of = (creatorId: string) => {
    let p = out.get(creatorId);
    if (!p) {
      p = {
        campaigns: 0, posts: 0, engagementRate: null, cpm: null, orders: null, cpa: null, onTimeRate: null, lastPostedAt: null,
        rates: [], impressions: 0, fees: new Map(), due: 0, onTime: 0, campaignIds: new Set(), soldFees: new Map(), soldOrders: 0,
      };
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
    if (e.terms?.fee) addFee(of(e.creatorId).fees, e.terms.fee);
  }
  // Orders belong to the collaboration the code or link was made for: its own, or the creator's in that campaign.
  const byCampaign = new Map(engagements.map((e) => [`${e.creatorId}\u0000${e.campaignId}`, e]));
  const sold = new Map<string, number>();
  for (const code of codes) {
    const own = code.engagementId ? byEngagement.get(code.engagementId) : undefined;
    const creatorId = code.creatorId ?? own?.creatorId;
    const p = creatorId ? out.get(creatorId) : undefined;
    if (code.orders === null || !p) continue;
    p.orders = (p.orders ?? 0) + code.orders;
    const e = own ?? byCampaign.get(`${creatorId}\u0000${code.campaignId}`);
    if (e && e.creatorId === creatorId) sold.set(e.id, (sold.get(e.id) ?? 0) + code.orders);
  }
  for (const [id, orders] of sold) {
    const e = byEngagement.get(id)!;
    if (!e.terms?.fee) continue;
    const p = out.get(e.creatorId)!;
    addFee(p.soldFees, e.terms.fee);
    p.soldOrders += orders;
  }
  const result = new Map<string, PastPerformance>();
  for (const [creatorId, p] of out) {
    const fees = single(p.fees);
    const soldFees = single(p.soldFees);
    result.set(creatorId, {
      campaigns: p.campaignIds.size,
      posts: p.posts,
      engagementRate: p.rates.length ? p.rates.reduce((s, r) => s + r, 0) / p.rates.length : null,
      cpm: fees && p.impressions > 0 ? { amountMicros: Math.round((fees.micros / p.impressions) * 1000), currency: fees.currency } : null,
      orders: p.orders,
      cpa: soldFees && p.soldOrders > 0 ? { amountMicros: Math.round(soldFees.micros / p.soldOrders), currency: soldFees.currency } : null,
      onTimeRate: p.due ? p.onTime / p.due : null,
      lastPostedAt: p.lastPostedAt,
    });
  }
  return result;
}
