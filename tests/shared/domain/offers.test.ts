import { describe, expect, it } from 'vitest';
import { acceptOffer, changedFields, describeTerms, negotiationStatus, openOffer, withOffer, type Offer, type OfferTerms } from '../../../src/shared/domain/offers';

const terms = (fee: number, over: Partial<OfferTerms> = {}): OfferTerms => ({ fee: { amountMicros: fee * 1_000_000, currency: 'USD' }, productIds: [], productValue: null, deliverables: [], bonus: null, commissionPercent: null, exclusivityDays: null, ...over });

describe('negotiation', () => {
  it('goes offer → counter → accept, and the accepted offer becomes the terms', () => {
    let e = { terms: null as OfferTerms | null, offers: [] as Offer[], declinedAt: null };
    expect(negotiationStatus(e)).toBe('no-offer');
    e = { ...e, offers: withOffer(e.offers, { at: '2026-11-01T10:00:00Z', by: 'brand', terms: terms(400), note: '' }) };
    expect(negotiationStatus(e)).toBe('awaiting-creator');
    e = { ...e, offers: withOffer(e.offers, { at: '2026-11-02T10:00:00Z', by: 'creator', terms: terms(550), note: 'Two reels' }) };
    expect(negotiationStatus(e)).toBe('awaiting-brand');
    expect(() => acceptOffer(e, '2026-11-01T10:00:00Z', '2026-11-03T10:00:00Z')).toThrow(/latest offer/);
    const accepted = acceptOffer(e, '2026-11-02T10:00:00Z', '2026-11-03T10:00:00Z');
    expect(accepted.terms.fee?.amountMicros).toBe(550_000_000);
    expect(accepted.offers[1].acceptedAt).toBe('2026-11-03T10:00:00Z');
    expect(accepted.offers[0].acceptedAt).toBeUndefined();
    e = { ...e, ...accepted };
    expect(negotiationStatus(e)).toBe('agreed');
    expect(openOffer(e)).toBeNull();
  });

  it('says what a counter-offer changed', () => {
    expect(changedFields(terms(400), terms(550, { exclusivityDays: 30 }))).toEqual(['fee', 'exclusivity']);
    expect(changedFields(null, terms(1))).toEqual([]);
  });
});

describe('describeTerms', () => {
  it('reads like a deal memo', () => {
    const t = terms(550, { productIds: ['p1'], productValue: { amountMicros: 38_000_000, currency: 'USD' }, commissionPercent: 10, exclusivityDays: 30,
      deliverables: [{ id: 'd1', platform: 'instagram', format: 'reel', quantity: 2, dueOn: '2027-03-15', usageRights: '' }] });
    expect(describeTerms(t, (id) => (id === 'p1' ? 'Glow Serum' : undefined))).toBe('$550.00 fee · Glow Serum ($38.00) · 2 × Instagram reel by 2027-03-15 · 10% commission · 30 days exclusive');
    expect(describeTerms({ ...t, fee: null, productIds: [], productValue: null, deliverables: [], commissionPercent: null, exclusivityDays: null })).toBe('No terms yet');
  });
});
