import type { z } from 'zod';
import { newId } from '../data/ids';
import type { offerTerms } from '../data/schemas/engagements';
import { platformLabels } from '../data/schemas/creators';
import type { StoreOperation } from '../data/store';
import { activityRecord, aboutEngagement } from './activities';
import { formatMoney, type Money } from './fields';

/**
 * Negotiation: offers and counter-offers between the brand and a creator,
 * and the agreed terms. An offer is kept forever in the engagement's history;
 * accepting one copies its terms into `terms` (what the budget commits).
 * An offer logged by mistake, or taken back, is withdrawn: it stays in the
 * history, marked, and everything else reads the history without it.
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
  /** The terms in place when this offer was accepted: what withdrawing it puts back. */
  replacedTerms?: OfferTerms | null;
  withdrawnAt?: string | null;
  withdrawnById?: string | null;
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

/** Offers not withdrawn: the negotiation as it stands. */
export function standingOffers(offers: readonly Offer[]): Offer[] {
  return offers.filter((o) => !o.withdrawnAt);
}

/** The latest offer still standing (a withdrawn one is as if never made). */
/**
 * When the creator first answered within a negotiation: a counter-offer of
 * theirs, or their acceptance of one of ours. Withdrawn offers were logged by
 * mistake or taken back, so they prove nothing. Null when neither happened.
 */
export function creatorAnswerInOffers(offers: readonly Pick<Offer, 'at' | 'by' | 'acceptedAt' | 'withdrawnAt'>[]): string | null {
  const times = offers.filter((o) => !o.withdrawnAt).flatMap((o) => [o.by === 'creator' ? o.at : null, o.by === 'brand' ? o.acceptedAt ?? null : null]).filter((t): t is string => !!t);
  return times.sort()[0] ?? null;
}

export function latestOffer(engagement: Pick<Negotiable, 'offers'>): Offer | null {
  return standingOffers(engagement.offers).reduce<Offer | null>((latest, o) => (!latest || o.at >= latest.at ? o : latest), null);
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

/** The history, oldest first (as a conversation reads), withdrawn offers included. */
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
  if (!open || open.at !== at) throw new OfferError('not-latest', 'Only the latest offer can be accepted: a newer one replaced it.');
  return {
    offers: engagement.offers.map((o) => (o === open ? { ...o, acceptedAt, replacedTerms: engagement.terms } : o)),
    terms: open.terms,
  };
}

const byAcceptance = (a: Offer, b: Offer) => (a.acceptedAt ?? '').localeCompare(b.acceptedAt ?? '');

/**
 * The terms the offers make: the most recently accepted offer still
 * standing; with none standing, the terms in place before the first
 * acceptance (set outside a negotiation, or none). `current` is kept when
 * no offer was ever accepted, since then the offers never set the terms.
 */
export function termsFromOffers(offers: readonly Offer[], current: OfferTerms | null): OfferTerms | null {
  const accepted = offers.filter((o) => o.acceptedAt).sort(byAcceptance);
  if (accepted.length === 0) return current;
  const standing = accepted.filter((o) => !o.withdrawnAt);
  return standing.length ? standing[standing.length - 1].terms : accepted[0].replacedTerms ?? null;
}

/** Why an offer action was refused; the message is for the person, the code for code. */
export type OfferErrorCode = 'not-latest' | 'not-in-history' | 'already-withdrawn' | 'not-withdrawn';

export class OfferError extends Error {
  readonly code: OfferErrorCode;

  constructor(code: OfferErrorCode, message: string) {
    super(message);
    this.name = 'OfferError';
    this.code = code;
  }
}

function findOffer(engagement: Pick<Negotiable, 'offers'>, at: string): Offer {
  const offer = engagement.offers.find((o) => o.at === at);
  if (!offer) throw new OfferError('not-in-history', 'This offer is no longer in the history: a teammate may have changed it. Close and open the negotiation again.');
  return offer;
}

export interface OfferChange {
  offers: Offer[];
  terms: OfferTerms | null;
  /** Whether the agreed terms change (withdrawing the accepted offer, or putting it back). */
  termsChanged: boolean;
  /** What is on the table afterwards. */
  onTable: Offer | null;
}

function changeOf(engagement: Negotiable, offers: Offer[]): OfferChange {
  const terms = termsFromOffers(offers, engagement.terms);
  const after = { ...engagement, offers, terms };
  return { offers, terms, termsChanged: JSON.stringify(terms) !== JSON.stringify(engagement.terms), onTable: openOffer(after) };
}

/**
 * Withdrawing the offer made at `at`. It stays in the history marked with
 * who withdrew it and when; if it was the agreed terms, they fall back as
 * `termsFromOffers` says, and an offer it had answered is on the table again.
 */
export function withdrawOffer(engagement: Negotiable, at: string, withdrawnAt: string, withdrawnById: string | null): OfferChange {
  const offer = findOffer(engagement, at);
  if (offer.withdrawnAt) throw new OfferError('already-withdrawn', 'This offer is already withdrawn.');
  return changeOf(engagement, engagement.offers.map((o) => (o === offer ? { ...o, withdrawnAt, withdrawnById } : o)));
}

/** Putting a withdrawn offer back, as it was: if it was accepted and nothing was accepted since, it is the terms again. */
export function reinstateOffer(engagement: Negotiable, at: string): OfferChange {
  const offer = findOffer(engagement, at);
  if (!offer.withdrawnAt) throw new OfferError('not-withdrawn', 'This offer is not withdrawn.');
  return changeOf(engagement, engagement.offers.map((o) => (o === offer ? { ...o, withdrawnAt: null, withdrawnById: null } : o)));
}

export interface NegotiationRecord extends Negotiable {
  id: string;
  creatorId: string;
  campaignId: string;
}

export interface OfferActionContext {
  at: string;
  actorId: string | null;
  productName?: (id: string) => string | undefined;
  /** Chosen by the caller in tests; a new id otherwise. */
  activityId?: string;
}

function offerWrites(engagement: NegotiationRecord, change: OfferChange, title: string, data: Record<string, unknown>, context: OfferActionContext): StoreOperation[] {
  const patch: Record<string, unknown> = { offers: change.offers };
  if (change.termsChanged) patch.terms = change.terms;
  return [
    { kind: 'update', collection: 'engagements', id: engagement.id, patch },
    activityRecord({ kind: 'offer', title: title.slice(0, 300), at: context.at, actorId: context.actorId, ...aboutEngagement(engagement), data }, context.activityId ?? newId()),
  ];
}

const offerNoun = (offer: Offer) => (offer.by === 'brand' ? 'Offer' : 'Counter-offer');

/** The writes that withdraw an offer (one undoable step): the engagement's history and terms, and a line in the timeline. */
export function withdrawOfferOperations(engagement: NegotiationRecord, offerAt: string, context: OfferActionContext): StoreOperation[] {
  const offer = findOffer(engagement, offerAt);
  const change = withdrawOffer(engagement, offerAt, context.at, context.actorId);
  const title = `${offerNoun(offer)} withdrawn: ${describeTerms(offer.terms, context.productName)}`;
  return offerWrites(engagement, change, title, { withdrawn: true, offerAt, termsChanged: change.termsChanged }, context);
}

/** The writes that put a withdrawn offer back. */
export function reinstateOfferOperations(engagement: NegotiationRecord, offerAt: string, context: OfferActionContext): StoreOperation[] {
  const offer = findOffer(engagement, offerAt);
  const change = reinstateOffer(engagement, offerAt);
  const title = `${offerNoun(offer)} put back: ${describeTerms(offer.terms, context.productName)}`;
  return offerWrites(engagement, change, title, { reinstated: true, offerAt, termsChanged: change.termsChanged }, context);
}

/** The writes that log an offer or the creator's counter: the engagement's history and a line in the timeline. */
export function logOfferOperations(engagement: NegotiationRecord, offer: Offer, context: OfferActionContext): StoreOperation[] {
  const summary = describeTerms(offer.terms, context.productName);
  return [
    { kind: 'update', collection: 'engagements', id: engagement.id, patch: { offers: withOffer(engagement.offers, offer) } },
    activityRecord({
      kind: 'offer', title: (offer.by === 'brand' ? `Offer: ${summary}` : `Counter-offer: ${summary}`).slice(0, 300), body: offer.note, at: context.at,
      actorId: context.actorId, ...aboutEngagement(engagement), data: { by: offer.by, offerAt: offer.at },
    }, context.activityId ?? newId()),
  ];
}

/** The writes that accept the offer on the table: it becomes the terms, with a line in the timeline. */
export function acceptOfferOperations(engagement: NegotiationRecord, offerAt: string, context: OfferActionContext): StoreOperation[] {
  const accepted = acceptOffer(engagement, offerAt, context.at);
  return [
    { kind: 'update', collection: 'engagements', id: engagement.id, patch: { offers: accepted.offers, terms: accepted.terms } },
    activityRecord({
      kind: 'offer', title: `Terms agreed: ${describeTerms(accepted.terms, context.productName)}`.slice(0, 300), at: context.at,
      actorId: context.actorId, ...aboutEngagement(engagement), data: { accepted: true, offerAt },
    }, context.activityId ?? newId()),
  ];
}

/**
 * What withdrawing an offer would do, in words for the confirmation: the
 * terms it falls back to, and what is on the table then.
 */
export function withdrawalEffect(engagement: Negotiable, at: string, productName?: (id: string) => string | undefined): string {
  const change = withdrawOffer(engagement, at, new Date(0).toISOString(), null);
  const parts: string[] = [];
  if (change.termsChanged) {
    parts.push(change.terms ? `The agreed terms go back to ${describeTerms(change.terms, productName)}.` : 'No terms will be agreed: the budget no longer counts them as committed.');
  } else if (engagement.terms) {
    parts.push('The agreed terms stay as they are.');
  }
  const before = openOffer(engagement);
  if (change.onTable && change.onTable.at !== before?.at) {
    parts.push(`The ${change.onTable.by === 'brand' ? 'offer' : 'counter-offer'} before it is on the table again: ${describeTerms(change.onTable.terms, productName)}.`);
  } else if (!change.onTable && before?.at === at) {
    parts.push('Nothing will be on the table.');
  }
  return parts.join(' ');
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
