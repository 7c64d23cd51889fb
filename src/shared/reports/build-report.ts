import { engagementCount, engagementRate } from '../domain/engagement-rate';
import { checkPlausibility } from '../domain/metric-plausibility';
import { MICROS, type Money } from '../domain/fields';
import { tierFor, tierLabels, tierRank, type Tier, type TierThresholds, defaultTierThresholds } from '../domain/tiers';
import type { MetricSnapshot } from '../data/schemas/content';
import { computeKpis, emptyTotals, kpiById, kpiChange, kpiDefinitions, type EmvRates, type KpiChange, type KpiId, type KpiValues, type MetricSum, type ReportTotals } from './kpis';
import { localDate } from '../domain/dates';
import { bucketKey, bucketsIn, comparisonPeriod, inPeriod, type Comparison, type Granularity, type Period } from './periods';

/**
 * Builds a campaign or program report from the workspace's records: one
 * linear pass over posts and creators-in-campaigns, so 50,000 posts take a
 * fraction of a second. Inputs are the records as the projection holds
 * them (only the fields read here are declared).
 */

export interface ReportCampaign {
  id: string; name: string; kind: string; budget: Money | null; ownerId: string | null; deletedAt?: string | null;
  startsOn: string | null; endsOn: string | null;
  kpiTargets: { kpi: string; target: number }[];
  buckets: { id: string; name: string }[];
}
export interface ReportEngagement {
  id: string; campaignId: string; creatorId: string; bucketId: string | null; ownerId?: string | null; deletedAt?: string | null;
  declinedAt?: string | null;
  terms: {
    fee: Money | null; bonus?: Money | null; productValue?: Money | null; productIds?: string[];
    deliverables: { id: string; platform: string; dueOn: string | null; quantity?: number }[];
  } | null;
}
export interface ReportCreator {
  id: string; name: string;
  accounts: { platform: string; handle: string; followers: number | null }[];
}
export interface ReportContent {
  id: string; kind: 'submission' | 'post'; creatorId: string; campaignId: string | null; engagementId: string | null;
  deliverableId: string | null; round: number; url: string; platform: string | null; format: string; postedAt: string | null;
  assetIds: string[]; caption?: string; deletedAt?: string | null;
  review: { status: string } | null;
  metrics: (Pick<MetricSnapshot, 'at' | 'views' | 'reach' | 'impressions' | 'likes' | 'comments' | 'shares' | 'saves' | 'clicks' | 'orders' | 'revenue'> & { implausibleConfirmed?: boolean })[];
}
export interface ReportShipment {
  id: string; creatorId: string; campaignId: string | null; engagementId: string | null; status: string;
  shippedAt: string | null; items: { productId: string; quantity: number }[]; deletedAt?: string | null;
}
export interface ReportProduct { id: string; value: Money | null }

export interface ReportData {
  campaigns: ReportCampaign[];
  engagements: ReportEngagement[];
  creators: ReportCreator[];
  content: ReportContent[];
  shipments: ReportShipment[];
  products: ReportProduct[];
}

/** What a saved report view holds: the report builder's filters and choices. */
export interface ReportFilters {
  campaignIds: string[];
  /** null: all time. */
  period: Period | null;
  platforms: string[];
  tiers: Tier[];
  ownerIds: string[];
  comparison: Comparison | null;
  granularity: Granularity;
  topBy: TopKpi;
  /** Posts whose latest figures cannot all be true still count as posts, but their figures are left out of every sum, rate and ranking. */
  leaveOutImplausible?: boolean;
}

export interface ReportOptions {
  /** The team's calendar: posts and due dates are counted on its days. */
  timeZone: string;
  /** Today in the team's time zone: deliverables due after it are not late yet. */
  today: string;
  currency: string;
  tierThresholds?: TierThresholds;
  /** Shipping is not on shipment records: a cost per parcel sent, when the team sets one. */
  shippingPerParcelMicros?: number | null;
  emvRates?: EmvRates | null;
}

export const topKpis = ['views', 'reach', 'engagements', 'engagementRate', 'clicks', 'orders', 'revenue'] as const;
export type TopKpi = (typeof topKpis)[number];

export interface PostRow {
  id: string; creatorId: string; creatorName: string; handle: string; campaignId: string | null; campaignName: string;
  platform: string; format: string; url: string; postedOn: string; tier: Tier | null; bucket: string;
  assetId: string | null; deliverableId: string | null;
  views: number | null; reach: number | null; impressions: number | null; likes: number | null; comments: number | null;
  shares: number | null; saves: number | null; clicks: number | null; orders: number | null;
  /** Micros in the report's currency; null when missing or in another currency. */
  revenueMicros: number | null;
  engagements: number | null; engagementRate: number | null;
  metricsAt: string | null;
  /**
   * Its latest figures cannot all be true (domain/metric-plausibility.ts):
   * "confirmed" when whoever entered them kept them anyway; null when they can.
   */
  implausible?: 'confirmed' | 'unconfirmed' | null;
  /** Why, in words; '' when plausible. */
  implausibleWhy?: string;
  /** The report left this post's figures out (it still counts as a post). */
  figuresLeftOut?: boolean;
}

export interface CreatorRow {
  engagementId: string; creatorId: string; name: string; handle: string; campaignId: string; campaignName: string;
  platform: string; tier: Tier | null; bucket: string; posted: boolean; posts: number; activated: boolean;
  /** When the costs count: the first post, else the product's shipping date. */
  costOn: string | null;
  feeMicros: number | null; productMicros: number | null; shippingMicros: number | null;
  deliverablesDue: number; deliverablesOnTime: number;
  /** Parcels sent (not counting ones still to ship). */
  parcels: number;
  /** In the report: posts in its period, and whether this creator's costs count in it. */
  postsInReport: number;
  costedHere: boolean;
}

export interface Breakdown {
  key: string; label: string; creators: number; posts: number; kpis: KpiValues;
}

export interface TrendPoint {
  key: string; label: string; period: Period;
  creatorsPosting: number; posts: number; reach: number | null; impressions: number | null; views: number | null;
  engagements: number | null; clicks: number | null; orders: number | null; revenueMicros: number | null;
}

export interface TargetRow { kpi: KpiId; label: string; targetValue: number; actual: number | null; progress: number | null }

export interface Report {
  currency: string;
  period: Period | null;
  campaigns: { id: string; name: string }[];
  totals: ReportTotals;
  kpis: KpiValues;
  posts: PostRow[];
  creators: CreatorRow[];
  byPlatform: Breakdown[];
  byTier: Breakdown[];
  byBucket: Breakdown[];
  trend: TrendPoint[];
  budgetMicros: number | null;
  targets: TargetRow[];
  comparison: { comparison: Comparison; period: Period; kpis: KpiValues; changes: Record<KpiId, KpiChange> } | null;
  /** Amounts left out because they are in another currency than the report's. */
  otherCurrencyAmounts: number;
  /** Posts in the selection whose figures cannot all be true, and whether their figures were left out. */
  implausible: { posts: number; confirmed: number; leftOut: boolean };
}

export const defaultFilters: ReportFilters = {
  campaignIds: [], period: null, platforms: [], tiers: [], ownerIds: [], comparison: null, granularity: 'week', topBy: 'engagements',
};

function latest(metrics: ReportContent['metrics']): ReportContent['metrics'][number] | null {
  let best: ReportContent['metrics'][number] | null = null;
  for (const m of metrics) if (!best || m.at > best.at) best = m;
  return best;
}

function add(sum: MetricSum, value: number | null | undefined): void {
  if (value == null) return;
  sum.sum += value;
  sum.reported += 1;
}

function money(value: Money | null | undefined, currency: string, other: { count: number }): number | null {
  if (!value) return null;
  if (value.currency !== currency) {
    other.count += 1;
    return null;
  }
  return value.amountMicros;
}

interface Prepared {
  posts: PostRow[];
  creators: CreatorRow[];
  /** Round-1 review decisions: campaign, creator, date decided (or submitted), approved. */
  reviews: { campaignId: string | null; platform: string; tier: Tier | null; ownerId: string | null; on: string | null; approved: boolean }[];
  ownerOfEngagement: Map<string, string | null>;
  otherCurrency: number;
}

/** Turns records into rows once; filters and periods then only select among them. */
export function prepareReport(data: ReportData, options: ReportOptions): Prepared {
  const { currency, timeZone } = options;
  const thresholds = options.tierThresholds ?? defaultTierThresholds;
  const other = { count: 0 };
  const campaigns = new Map(data.campaigns.filter((c) => !c.deletedAt).map((c) => [c.id, c]));
  const creators = new Map(data.creators.map((c) => [c.id, c]));
  const products = new Map(data.products.map((p) => [p.id, p]));
  const engagements = new Map<string, ReportEngagement>();
  const engagementByPair = new Map<string, ReportEngagement>();
  for (const e of data.engagements) {
    if (e.deletedAt || !campaigns.has(e.campaignId)) continue;
    engagements.set(e.id, e);
    engagementByPair.set(`${e.campaignId}|${e.creatorId}`, e);
  }
  const engagementOf = (c: { engagementId: string | null; campaignId: string | null; creatorId: string }) =>
    (c.engagementId ? engagements.get(c.engagementId) : undefined) ?? (c.campaignId ? engagementByPair.get(`${c.campaignId}|${c.creatorId}`) : undefined);

  const mainAccount = (creator: ReportCreator | undefined, platform?: string | null) => {
    if (!creator || creator.accounts.length === 0) return null;
    return creator.accounts.find((a) => a.platform === platform)
      ?? creator.accounts.reduce((best, a) => ((a.followers ?? 0) > (best.followers ?? 0) ? a : best));
  };
  const tiers = new Map<string, Tier | null>();
  const tierOf = (creator: ReportCreator | undefined) => {
    if (!creator) return null;
    let tier = tiers.get(creator.id);
    if (tier === undefined) {
      let max: number | null = null;
      for (const a of creator.accounts) if (a.followers != null && (max == null || a.followers > max)) max = a.followers;
      tiers.set(creator.id, (tier = tierFor(max, thresholds)));
    }
    return tier;
  };
  const bucketName = (e: ReportEngagement | undefined) => {
    if (!e?.bucketId) return '';
    return campaigns.get(e.campaignId)?.buckets.find((b) => b.id === e.bucketId)?.name ?? '';
  };

  const posts: PostRow[] = [];
  const postsByEngagement = new Map<string, PostRow[]>();
  const reviews: Prepared['reviews'] = [];
  const ownerOfEngagement = new Map<string, string | null>();
  for (const e of engagements.values()) ownerOfEngagement.set(e.id, e.ownerId ?? campaigns.get(e.campaignId)?.ownerId ?? null);

  for (const c of data.content) {
    if (c.deletedAt) continue;
    if (c.campaignId && !campaigns.has(c.campaignId)) continue;
    const creator = creators.get(c.creatorId);
    const engagement = engagementOf(c);
    if (c.kind === 'submission') {
      if (c.round === 1 && c.review && (c.review.status === 'approved' || c.review.status === 'changes-requested')) {
        const decided = (c.review as { decidedAt?: string | null }).decidedAt ?? null;
        reviews.push({
          campaignId: c.campaignId, platform: c.platform ?? mainAccount(creator)?.platform ?? '', tier: tierOf(creator),
          ownerId: engagement ? ownerOfEngagement.get(engagement.id) ?? null : campaigns.get(c.campaignId ?? '')?.ownerId ?? null,
          on: decided ? localDate(decided, timeZone) : null, approved: c.review.status === 'approved',
        });
      }
      continue;
    }
    if (!c.postedAt) continue;
    const m = latest(c.metrics);
    const account = mainAccount(creator, c.platform);
    // Plain literals, not spreads: copying objects was the costliest line over 50,000 posts.
    const parts = m ? { likes: m.likes, comments: m.comments, shares: m.shares, saves: m.saves } : {};
    const row: PostRow = {
      id: c.id, creatorId: c.creatorId, creatorName: creator?.name ?? 'Creator no longer in the workspace', handle: account?.handle ?? '',
      campaignId: c.campaignId, campaignName: c.campaignId ? campaigns.get(c.campaignId)?.name ?? '' : '',
      platform: c.platform ?? account?.platform ?? '', format: c.format, url: c.url, postedOn: localDate(c.postedAt, timeZone),
      tier: tierOf(creator), bucket: bucketName(engagement), assetId: c.assetIds[0] ?? null, deliverableId: c.deliverableId,
      views: m?.views ?? null, reach: m?.reach ?? null, impressions: m?.impressions ?? null, likes: m?.likes ?? null,
      comments: m?.comments ?? null, shares: m?.shares ?? null, saves: m?.saves ?? null, clicks: m?.clicks ?? null,
      orders: m?.orders ?? null, revenueMicros: money(m?.revenue, currency, other),
      engagements: engagementCount(parts),
      engagementRate: m ? engagementRate({ likes: m.likes, comments: m.comments, shares: m.shares, saves: m.saves, reach: m.reach, followers: account?.followers }) : null,
      metricsAt: m?.at ?? null,
      implausible: null, implausibleWhy: '',
    };
    if (m) {
      const issues = checkPlausibility({ likes: m.likes, comments: m.comments, shares: m.shares, saves: m.saves, reach: m.reach, views: m.views, impressions: m.impressions, followers: account?.followers });
      if (issues.length) {
        row.implausible = m.implausibleConfirmed ? 'confirmed' : 'unconfirmed';
        row.implausibleWhy = issues.map((i) => i.message).join(' ');
      }
    }
    posts.push(row);
    if (engagement) {
      const list = postsByEngagement.get(engagement.id);
      if (list) list.push(row);
      else postsByEngagement.set(engagement.id, [row]);
    }
  }

  const parcels = new Map<string, { count: number; productMicros: number; firstShipped: string | null }>();
  for (const s of data.shipments) {
    if (s.deletedAt || s.status === 'to-ship') continue;
    const e = engagementOf(s);
    if (!e) continue;
    const entry = parcels.get(e.id) ?? { count: 0, productMicros: 0, firstShipped: null };
    entry.count += 1;
    for (const item of s.items) entry.productMicros += (money(products.get(item.productId)?.value, currency, other) ?? 0) * item.quantity;
    const on = s.shippedAt ? localDate(s.shippedAt, timeZone) : null;
    if (on && (!entry.firstShipped || on < entry.firstShipped)) entry.firstShipped = on;
    parcels.set(e.id, entry);
  }

  const rows: CreatorRow[] = [];
  for (const e of engagements.values()) {
    const creator = creators.get(e.creatorId);
    const own = postsByEngagement.get(e.id) ?? [];
    const shipped = parcels.get(e.id);
    const terms = e.terms;
    const fee = money(terms?.fee, currency, other);
    const bonus = money(terms?.bonus, currency, other);
    const productValue = money(terms?.productValue, currency, other);
    const firstPost = own.reduce<string | null>((first, p) => (!first || p.postedOn < first ? p.postedOn : first), null);
    let due = 0;
    let onTime = 0;
    for (const d of terms?.deliverables ?? []) {
      if (!d.dueOn) continue;
      // A deliverable of three posts is three units; each is on time when posted by the due date.
      const units = Math.max(1, d.quantity ?? 1);
      const posted = own.filter((p) => p.deliverableId === d.id).map((p) => p.postedOn).sort().slice(0, units);
      // Units not due yet and not posted yet are not late yet: they are not counted.
      due += d.dueOn >= options.today ? posted.length : units;
      for (const on of posted) if (on <= d.dueOn) onTime += 1;
    }
    const account = mainAccount(creator, terms?.deliverables[0]?.platform);
    rows.push({
      engagementId: e.id, creatorId: e.creatorId, name: creator?.name ?? 'Creator no longer in the workspace', handle: account?.handle ?? '',
      campaignId: e.campaignId, campaignName: campaigns.get(e.campaignId)?.name ?? '', platform: account?.platform ?? '',
      tier: tierOf(creator), bucket: bucketName(e), posted: own.length > 0, posts: own.length,
      activated: !e.declinedAt && (terms != null || shipped != null || own.length > 0),
      costOn: firstPost ?? shipped?.firstShipped ?? null,
      feeMicros: fee == null && bonus == null ? null : (fee ?? 0) + (bonus ?? 0),
      productMicros: productValue ?? (shipped && shipped.productMicros > 0 ? shipped.productMicros : null),
      shippingMicros: shipped && options.shippingPerParcelMicros != null ? shipped.count * options.shippingPerParcelMicros : null,
      deliverablesDue: due, deliverablesOnTime: onTime, parcels: shipped?.count ?? 0, postsInReport: own.length, costedHere: true,
    });
  }
  return { posts, creators: rows, reviews, ownerOfEngagement, otherCurrency: other.count };
}

/** The post still went live (it counts as a post, on time or not); only its doubtful figures are dropped. */
function withoutFigures(p: PostRow): PostRow {
  return {
    ...p, views: null, reach: null, impressions: null, likes: null, comments: null, shares: null, saves: null, clicks: null, orders: null,
    revenueMicros: null, engagements: null, engagementRate: null, figuresLeftOut: true,
  };
}

interface Selection {
  posts: PostRow[];
  /** Creators whose costs count here. */
  creators: CreatorRow[];
  reviews: Prepared['reviews'];
  /** In a period: creators listed but not costed here (nothing posted or shipped yet, or costs in another period). */
  waiting?: CreatorRow[];
}

function select(prepared: Prepared, filters: ReportFilters, period: Period | null): Selection {
  const campaigns = filters.campaignIds.length ? new Set(filters.campaignIds) : null;
  const platforms = filters.platforms.length ? new Set(filters.platforms) : null;
  const tiers = filters.tiers.length ? new Set<string>(filters.tiers) : null;
  const owners = filters.ownerIds.length ? new Set(filters.ownerIds) : null;
  const engagementOk = new Map<string, boolean>();
  const others: CreatorRow[] = [];
  const creators = prepared.creators.filter((c) => {
    const ok = (!campaigns || campaigns.has(c.campaignId)) && (!tiers || (c.tier != null && tiers.has(c.tier)))
      && (!owners || owners.has(prepared.ownerOfEngagement.get(c.engagementId) ?? ''));
    engagementOk.set(`${c.campaignId}|${c.creatorId}`, ok);
    if (!ok || (platforms && !platforms.has(c.platform))) return false;
    const here = !period || inPeriod(c.costOn, period);
    if (!here) others.push(c);
    return here;
  });
  const kept = prepared.posts.filter((p) => {
    if (campaigns && (!p.campaignId || !campaigns.has(p.campaignId))) return false;
    if (platforms && !platforms.has(p.platform)) return false;
    if (tiers && (p.tier == null || !tiers.has(p.tier))) return false;
    if (owners && !engagementOk.get(`${p.campaignId}|${p.creatorId}`)) return false;
    return !period || inPeriod(p.postedOn, period);
  });
  const posts = filters.leaveOutImplausible ? kept.map((p) => (p.implausible ? withoutFigures(p) : p)) : kept;
  const reviews = prepared.reviews.filter((r) => (!campaigns || (r.campaignId != null && campaigns.has(r.campaignId)))
    && (!platforms || platforms.has(r.platform)) && (!tiers || (r.tier != null && tiers.has(r.tier)))
    && (!owners || owners.has(r.ownerId ?? '')) && (!period || inPeriod(r.on, period)));
  // Who is listed: those costed here, and, in a period, those who posted in it (costs counted in
  // another period) or have nothing posted or shipped yet (still waited for).
  const postsByPair = new Map<string, number>();
  for (const p of posts) postsByPair.set(`${p.campaignId}|${p.creatorId}`, (postsByPair.get(`${p.campaignId}|${p.creatorId}`) ?? 0) + 1);
  const listed = (c: CreatorRow, costedHere: boolean): CreatorRow => ({ ...c, costedHere, postsInReport: postsByPair.get(`${c.campaignId}|${c.creatorId}`) ?? 0 });
  const waiting = others.filter((c) => c.costOn == null || postsByPair.has(`${c.campaignId}|${c.creatorId}`)).map((c) => listed(c, false));
  return { posts, creators: creators.map((c) => listed(c, true)), reviews, waiting };
}

export function totalsOf(selection: Selection, options: ReportOptions): ReportTotals {
  const t = emptyTotals(options.currency);
  const posting = new Set<string>();
  for (const p of selection.posts) {
    t.posts += 1;
    posting.add(`${p.campaignId}|${p.creatorId}`);
    add(t.reach, p.reach); add(t.impressions, p.impressions); add(t.views, p.views);
    add(t.likes, p.likes); add(t.comments, p.comments); add(t.shares, p.shares); add(t.saves, p.saves);
    add(t.clicks, p.clicks); add(t.orders, p.orders); add(t.revenueMicros, p.revenueMicros);
    if (p.engagements != null && p.reach != null) {
      t.erEngagements += p.engagements;
      t.erReach += p.reach;
    }
    if (p.clicks != null && p.impressions != null) {
      t.ctrClicks += p.clicks;
      t.ctrImpressions += p.impressions;
    }
  }
  t.creatorsPosted = posting.size;
  const activated = new Set<string>();
  for (const c of selection.creators) {
    if (c.activated) activated.add(`${c.campaignId}|${c.creatorId}`);
    add(t.feesMicros, c.feeMicros); add(t.productMicros, c.productMicros); add(t.shippingMicros, c.shippingMicros);
    t.deliverablesDue += c.deliverablesDue;
    t.deliverablesOnTime += c.deliverablesOnTime;
  }
  // A creator who posted in the period was activated, even when their costs count in another period.
  for (const key of posting) activated.add(key);
  t.creatorsActivated = activated.size;
  for (const r of selection.reviews) {
    t.firstRoundDecided += 1;
    if (r.approved) t.firstRoundApproved += 1;
  }
  const rates = options.emvRates;
  if (rates) {
    t.emvRatesSet = true;
    const engagements = t.likes.sum + t.comments.sum + t.shares.sum + t.saves.sum;
    const anything = t.impressions.reported + t.likes.reported + t.comments.reported + t.shares.reported + t.saves.reported + t.clicks.reported;
    t.emvMicros = anything === 0 ? null : Math.round((t.impressions.sum / 1000) * rates.perThousandImpressionsMicros + engagements * rates.perEngagementMicros + t.clicks.sum * rates.perClickMicros);
  }
  return t;
}

function breakdown<K extends string>(selection: Selection, options: ReportOptions, keyOf: (row: { platform: string; tier: Tier | null; bucket: string }) => K, label: (key: K) => string): Breakdown[] {
  const groups = new Map<K, Selection>();
  const group = (key: K) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { posts: [], creators: [], reviews: [] }));
    return g;
  };
  for (const p of selection.posts) group(keyOf(p)).posts.push(p);
  for (const c of selection.creators) group(keyOf(c)).creators.push(c);
  for (const r of selection.reviews) group(keyOf({ ...r, bucket: '' })).reviews.push(r);
  return [...groups.entries()].map(([key, g]) => ({
    key, label: label(key), creators: new Set(g.creators.map((c) => c.creatorId)).size, posts: g.posts.length, kpis: computeKpis(totalsOf(g, options)),
  })).sort((a, b) => b.posts - a.posts || a.label.localeCompare(b.label));
}

const platformLabels: Record<string, string> = { instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube', pinterest: 'Pinterest', twitch: 'Twitch', x: 'X', blog: 'Blog' };
export const platformLabel = (p: string) => platformLabels[p] ?? (p ? p[0].toUpperCase() + p.slice(1) : 'Not set');

function trendOf(posts: PostRow[], range: Period | null, granularity: Granularity): TrendPoint[] {
  if (posts.length === 0 && !range) return [];
  let span = range;
  if (!span) {
    let start = posts[0].postedOn;
    let end = start;
    for (const p of posts) {
      if (p.postedOn < start) start = p.postedOn;
      if (p.postedOn > end) end = p.postedOn;
    }
    span = { start, end };
  }
  const buckets = bucketsIn(span, granularity);
  // A very long span by week would be unreadable: it is capped to the latest 104 buckets.
  const shown = buckets.slice(-104);
  const points = new Map(shown.map((b) => [b.key, {
    key: b.key, label: b.label, period: b.period, creatorsPosting: 0, posts: 0, reach: null, impressions: null, views: null,
    engagements: null, clicks: null, orders: null, revenueMicros: null, creators: new Set<string>(),
  } as TrendPoint & { creators: Set<string> }]));
  const plus = (a: number | null, b: number | null) => (b == null ? a : (a ?? 0) + b);
  for (const p of posts) {
    const point = points.get(bucketKey(p.postedOn, granularity));
    if (!point) continue;
    point.posts += 1;
    point.creators.add(p.creatorId);
    point.reach = plus(point.reach, p.reach);
    point.impressions = plus(point.impressions, p.impressions);
    point.views = plus(point.views, p.views);
    point.engagements = plus(point.engagements, p.engagements);
    point.clicks = plus(point.clicks, p.clicks);
    point.orders = plus(point.orders, p.orders);
    point.revenueMicros = plus(point.revenueMicros, p.revenueMicros);
  }
  return [...points.values()].map(({ creators, ...point }) => ({ ...point, creatorsPosting: creators.size }));
}

/** Targets are typed by people ("reach", "Posts", "revenue"): matched to a KPI by id or name. Money targets are in whole currency units. */
export function targetKpi(name: string): KpiId | null {
  const key = name.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const def of kpiDefinitions) {
    if (def.id.toLowerCase() === key || def.label.toLowerCase().replace(/[^a-z0-9]/g, '') === key || def.short.toLowerCase().replace(/[^a-z0-9]/g, '') === key) return def.id;
  }
  return null;
}

export function postKpi(post: PostRow, kpi: TopKpi): number | null {
  return kpi === 'revenue' ? post.revenueMicros : post[kpi];
}

export function buildReport(data: ReportData, filters: ReportFilters, options: ReportOptions, prepared = prepareReport(data, options)): Report {
  const selection = select(prepared, filters, filters.period);
  const totals = totalsOf(selection, options);
  const kpis = computeKpis(totals);
  const chosen = data.campaigns.filter((c) => !c.deletedAt && (filters.campaignIds.length === 0 || filters.campaignIds.includes(c.id)));

  let budgetMicros: number | null = null;
  for (const c of chosen) if (c.budget && c.budget.currency === options.currency) budgetMicros = (budgetMicros ?? 0) + c.budget.amountMicros;

  // Targets add up across the chosen campaigns (two campaigns of 40 posts each aim for 80).
  const targets = new Map<KpiId, number>();
  for (const c of chosen) {
    for (const t of c.kpiTargets) {
      const id = targetKpi(t.kpi);
      if (!id) continue;
      const value = kpiById[id].format === 'money' ? t.target * MICROS : kpiById[id].format === 'percent' && t.target > 1 ? t.target / 100 : t.target;
      const rate = kpiById[id].format === 'percent' || kpiById[id].format === 'ratio';
      targets.set(id, rate ? value : (targets.get(id) ?? 0) + value);
    }
  }

  let comparison: Report['comparison'] = null;
  if (filters.comparison && filters.period) {
    const period = comparisonPeriod(filters.period, filters.comparison);
    const previous = computeKpis(totalsOf(select(prepared, filters, period), options));
    const changes = Object.fromEntries(kpiDefinitions.map((k) => [k.id, kpiChange(kpis[k.id], previous[k.id])])) as Record<KpiId, KpiChange>;
    comparison = { comparison: filters.comparison, period, kpis: previous, changes };
  }

  const posts = [...selection.posts].sort((a, b) => (b.postedOn < a.postedOn ? -1 : b.postedOn > a.postedOn ? 1 : 0));
  return {
    currency: options.currency,
    period: filters.period,
    campaigns: chosen.map((c) => ({ id: c.id, name: c.name })),
    totals, kpis, posts,
    creators: [...selection.creators, ...(selection.waiting ?? [])].sort((a, b) => Number(b.postsInReport > 0) - Number(a.postsInReport > 0) || a.name.localeCompare(b.name)),
    byPlatform: breakdown(selection, options, (r) => r.platform, platformLabel),
    // Tiers read by size, as everywhere else; platforms and buckets by how much they posted.
    byTier: breakdown(selection, options, (r) => r.tier ?? '', (k) => (k ? tierLabels[k as Tier] : 'Under nano')).sort((a, b) => tierRank(a.key) - tierRank(b.key)),
    byBucket: breakdown(selection, options, (r) => r.bucket, (k) => k || 'No bucket'),
    trend: trendOf(selection.posts, filters.period, filters.granularity),
    budgetMicros,
    targets: [...targets.entries()].map(([kpi, targetValue]) => {
      const actual = kpis[kpi].value;
      return { kpi, label: kpiById[kpi].label, targetValue, actual, progress: actual == null || targetValue === 0 ? null : actual / targetValue };
    }),
    comparison,
    otherCurrencyAmounts: prepared.otherCurrency,
    implausible: {
      posts: selection.posts.filter((p) => p.implausible).length,
      confirmed: selection.posts.filter((p) => p.implausible === 'confirmed').length,
      leftOut: !!filters.leaveOutImplausible,
    },
  };
}

/** The best posts by one KPI; posts without that figure come last, never ranked as 0. */
export function topContent(report: Report, kpi: TopKpi, limit = 12): PostRow[] {
  return report.posts.filter((p) => postKpi(p, kpi) != null)
    .sort((a, b) => (postKpi(b, kpi) ?? 0) - (postKpi(a, kpi) ?? 0)).slice(0, limit);
}
