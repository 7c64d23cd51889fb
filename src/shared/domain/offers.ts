import type { z } from 'zod';
import type { offerTerms } from '../data/schemas/engagements';
import { platformLabels } from '../data/schemas/creators';
import { formatMoney, type Money } from './fields';

/**
 * Negotiation: offers and counter-offers between the brand and a creator,
 * and the agreed terms. An offer is kept forever in the engagement's history;
 * accepting one copies its terms into `terms` (what the budget commits).
 */
export type OfferTerms = z.output<typeof offerTerms>;
export type OfferTermsInput = z.input<typeof offerTerms>;

export interface Offer {
  at: string;
  by: 'brand' | 'creator';
  terms: OfferTerms;
  note: string;
  actorId?: string | null;
  acceptedAt?: string | null;
}

export interface Negotiable {
  terms: OfferTerms | null;
  offers: Offer[];
  declinedAt: string | null;
}

export type NegotiationStatus =
  | 'no-offer'
  /** The brand made the last offer: the creator's turn. */
  | 'awaiting-creator'
  /** The creator countered: the brand's turn. */
  | 'awaiting-brand'
  | 'agreed'
  | 'declined';

export function latestOffer(engagement: Pick<Negotiable, 'offers'>): Offer | null {
  return engagement.offers.reduce<Offer | null>((latest, o) => (!latest || o.at >= latest.at ? o : latest), null);
}

/** The latest offer if nobody has accepted it yet: the one on the table. */
export function openOffer(engagement: Negotiable): Offer | null {
  if (engagement.declinedAt) return null;
  const latest = latestOffer(engagement);
  return latest && !latest.acceptedAt ? latest : null;
}

export function negotiationStatus(engagement: Negotiable): NegotiationStatus {
  if (engagement.declinedAt) return 'declined';
  const latest = latestOffer(engagement);
  if (latest && !latest.acceptedAt) return latest.by === 'brand' ? 'awaiting-creator' : 'awaiting-brand';
  if (engagement.terms) return 'agreed';
  return 'no-offer';
}

export const statusLabels: Record<NegotiationStatus, string> = {
  'no-offer': 'No offer yet',
  'awaiting-creator': 'Waiting for the creator',
  'awaiting-brand': 'Creator countered',
  agreed: 'Agreed',
  declined: 'Declined',
};

/** The history, oldest first (as a conversation reads). */
export function offerHistory(engagement: Pick<Negotiable, 'offers'>): Offer[] {
  return [...engagement.offers].sort((a, b) => a.at.localeCompare(b.at));
}

/** Adds an offer (brand) or a counter-offer (creator) to the history. */
export function withOffer(offers: readonly Offer[], offer: Offer): Offer[] {
  return [...offers, offer];
}

/**
 * Accepting the offer made at `at`: it is marked accepted and becomes the
 * terms. Only the offer on the table may be accepted; an older one was
 * superseded by a counter.
 */
export function acceptOffer(engagement: Negotiable, at: string, acceptedAt: string): { offers: Offer[]; terms: OfferTerms } {
  const open = openOffer(engagement);
  if (!open || open.at !== at) throw new Error('Only the latest offer can be accepted: a newer one replaced it.');
  return {
    offers: engagement.offers.map((o) => (o === open ? { ...o, acceptedAt } : o)),
    terms: open.terms,
  };
}

export interface TermsCost {
  /** The fixed costs to the brand: fee, bonus and products' value. */
  parts: { label: 'Fee' | 'Bonus' | 'Products'; money: Money }[];
  commissionPercent: number | null;
}

/** What a set of terms would cost the brand, part by part (commission is a share of sales, not a fixed cost). */
export function termsCost(terms: OfferTerms): TermsCost {
  const parts: TermsCost['parts'] = [];
  if (terms.fee && terms.fee.amountMicros > 0) parts.push({ label: 'Fee', money: terms.fee });
  if (terms.bonus && terms.bonus.amountMicros > 0) parts.push({ label: 'Bonus', money: terms.bonus });
  if (terms.productValue && terms.productValue.amountMicros > 0) parts.push({ label: 'Products', money: terms.productValue });
  return { parts, commissionPercent: terms.commissionPercent };
}

/** What changed between two offers, for a line in the history ("Fee $400 → $550"). */
export function changedFields(before: OfferTerms | null, after: OfferTerms): string[] {
  if (!before) return [];
  const changes: string[] = [];
  const moneyKey = (m: Money | null) => (m ? `${m.amountMicros}${m.currency}` : '');
  if (moneyKey(before.fee) !== moneyKey(after.fee)) changes.push('fee');
  if (moneyKey(before.bonus) !== moneyKey(after.bonus)) changes.push('bonus');
  if (moneyKey(before.productValue) !== moneyKey(after.productValue) || before.productIds.join() !== after.productIds.join()) changes.push('products');
  if (before.commissionPercent !== after.commissionPercent) changes.push('commission');
  if (before.exclusivityDays !== after.exclusivityDays) changes.push('exclusivity');
  if (JSON.stringify(before.deliverables.map(({ id: _id, ...d }) => d)) !== JSON.stringify(after.deliverables.map(({ id: _id, ...d }) => d))) changes.push('deliverables');
  return changes;
}

/** "$550.00 fee · 2 × Instagram reel · 10% commission · 30 days exclusive", for a list or a timeline line. */
export function describeTerms(terms: OfferTerms, productName: (id: string) => string | undefined = () => undefined): string {
  const parts: string[] = [];
  if (terms.fee) parts.push(`${formatMoney(terms.fee)} fee`);
  const products = terms.productIds.map(productName).filter((n): n is string => !!n);
  if (products.length) parts.push(products.join(', ') + (terms.productValue ? ` (${formatMoney(terms.productValue)})` : ''));
  else if (terms.productValue) parts.push(`${formatMoney(terms.productValue)} in product`);
  for (const d of terms.deliverables) parts.push(`${d.quantity} × ${platformLabels[d.platform] ?? d.platform} ${d.format}${d.dueOn ? ` by ${d.dueOn}` : ''}`);
  if (terms.bonus) parts.push(`${formatMoney(terms.bonus)} bonus`);
  if (terms.commissionPercent) parts.push(`${terms.commissionPercent}% commission`);
  if (terms.exclusivityDays) parts.push(`${terms.exclusivityDays} days exclusive`);
  return parts.length ? parts.join(' · ') : 'No terms yet';
}
