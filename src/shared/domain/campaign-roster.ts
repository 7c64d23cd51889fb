import type { Address, Money } from './fields';
import { weightedScore, type Criterion, type CriterionScore } from './scorecard';

/**
 * The creators of one campaign as a table: where each one is, how they
 * scored, what was offered, and what their opt-in still lacks.
 */
export interface RosterEngagement {
  id: string;
  creatorId: string;
  stepId: string;
  bucketId?: string | null;
  scorecard: CriterionScore[];
  terms: { fee: Money | null } | null;
  optIn: OptInDetails | null;
  lastContactedAt: string | null;
  repliedAt: string | null;
  declinedAt: string | null;
}

export interface OptInDetails {
  sizes: Record<string, string>;
  productPreferences: string[];
  addressConfirmedAt: string | null;
  agreedAt?: string | null;
}

export interface RosterCreator {
  id: string;
  name: string;
  followersMax: number;
  shippingAddress: Address | null;
}

export interface RosterBucket { id: string; name: string; minFollowers: number | null; maxFollowers: number | null }

export interface RosterRow {
  engagementId: string;
  creatorId: string;
  name: string;
  stepId: string;
  stepName: string;
  stepPosition: number;
  bucket: string | null;
  followers: number;
  score: number | null;
  fee: Money | null;
  lastContactedAt: string | null;
  repliedAt: string | null;
  declinedAt: string | null;
  optInGaps: OptInGap[];
}

export type RosterColumn = 'name' | 'step' | 'bucket' | 'followers' | 'score' | 'fee' | 'lastContactedAt' | 'optIn';

export type OptInGap = 'address' | 'sizes' | 'product' | 'agreement';

export const optInGapLabels: Record<OptInGap, string> = {
  address: 'Shipping address',
  sizes: 'Sizes',
  product: 'Product choice',
  agreement: 'Agreement',
};

/** A shipping address good enough for a parcel: someone to send it to, a street, a city and a country. */
export function addressComplete(address: Address | null | undefined): boolean {
  return !!address && !!address.line1.trim() && !!address.city.trim() && !!address.country && !!(address.name.trim() || address.postalCode.trim());
}

/**
 * What an opt-in still needs before the product can ship. Nothing is asked
 * of a creator who has not said yes yet (no opt-in started): the gaps are
 * for the ones in the middle of it.
 */
export function optInGaps(optIn: OptInDetails | null, address: Address | null | undefined): OptInGap[] {
  if (!optIn) return [];
  const gaps: OptInGap[] = [];
  if (!addressComplete(address) || !optIn.addressConfirmedAt) gaps.push('address');
  if (Object.values(optIn.sizes).every((v) => !v.trim())) gaps.push('sizes');
  if (!optIn.productPreferences.some((p) => p.trim())) gaps.push('product');
  if (!optIn.agreedAt) gaps.push('agreement');
  return gaps;
}

const EMPTY_OPT_IN: OptInDetails = { sizes: {}, productPreferences: [], addressConfirmedAt: null, agreedAt: null };

/**
 * Steps where a creator has said yes but nothing has shipped yet: from the
 * first step called "opted in" (or "agreed", "confirmed") up to the first
 * one about shipping. There a missing opt-in is all gaps, not "not started".
 */
export function optInWindow(steps: readonly { id: string; name: string; position: number }[]): Set<string> {
  const sorted = [...steps].sort((a, b) => a.position - b.position);
  const start = sorted.findIndex((s) => /opt(ed)?[\s-]?in|agreed|confirmed/i.test(s.name));
  if (start < 0) return new Set();
  const end = sorted.findIndex((s, i) => i > start && /ship|deliver|post|sent/i.test(s.name));
  return new Set(sorted.slice(start, end < 0 ? undefined : end).map((s) => s.id));
}

export function bucketOf(followers: number, buckets: readonly RosterBucket[], assigned?: string | null): RosterBucket | null {
  if (assigned) return buckets.find((b) => b.id === assigned) ?? null;
  return buckets.find((b) => (b.minFollowers == null || followers >= b.minFollowers) && (b.maxFollowers == null || followers <= b.maxFollowers)) ?? null;
}

export function buildRoster(
  engagements: readonly RosterEngagement[],
  creators: ReadonlyMap<string, RosterCreator>,
  steps: readonly { id: string; name: string; position: number }[],
  buckets: readonly RosterBucket[],
  criteria: readonly Criterion[],
): RosterRow[] {
  const stepById = new Map(steps.map((s) => [s.id, s]));
  const window = optInWindow(steps);
  return engagements.map((e) => {
    const creator = creators.get(e.creatorId);
    const step = stepById.get(e.stepId);
    const followers = creator?.followersMax ?? 0;
    return {
      engagementId: e.id,
      creatorId: e.creatorId,
      name: creator?.name ?? '…',
      stepId: e.stepId,
      stepName: step?.name ?? 'Step removed',
      stepPosition: step?.position ?? -1,
      bucket: bucketOf(followers, buckets, e.bucketId)?.name ?? null,
      followers,
      score: weightedScore(e.scorecard, [...criteria]),
      fee: e.terms?.fee ?? null,
      lastContactedAt: e.lastContactedAt,
      repliedAt: e.repliedAt,
      declinedAt: e.declinedAt,
      optInGaps: optInGaps(e.optIn ?? (window.has(e.stepId) ? EMPTY_OPT_IN : null), creator?.shippingAddress),
    };
  });
}

type Key = string | number | null;
const keyOf: Record<RosterColumn, (r: RosterRow) => Key> = {
  name: (r) => r.name.toLocaleLowerCase(),
  step: (r) => r.stepPosition,
  bucket: (r) => r.bucket,
  followers: (r) => r.followers,
  score: (r) => r.score,
  fee: (r) => r.fee?.amountMicros ?? null,
  lastContactedAt: (r) => r.lastContactedAt,
  optIn: (r) => r.optInGaps.length || null,
};

/** Sorted by a column; rows without a value go last in either direction (unknown is neither best nor worst). */
export function sortRoster(rows: readonly RosterRow[], column: RosterColumn, desc: boolean): RosterRow[] {
  const key = keyOf[column];
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return desc ? -order : order;
  });
}
