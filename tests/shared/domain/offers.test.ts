import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CommandError } from '../../../src/shared/data/command-error';
import { WorkspaceStore } from '../../../src/shared/data/store';
import {
  acceptOffer, acceptOfferOperations, changedFields, logOfferOperations, OfferError, describeTerms, latestOffer, negotiationStatus, offerHistory, openOffer, reinstateOffer, reinstateOfferOperations,
  withdrawalEffect, withdrawOffer, withdrawOfferOperations, withOffer, type Offer, type OfferTerms,
} from '../../../src/shared/domain/offers';

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

describe('withdrawing an offer', () => {
  const ours = (fee: number, at: string, over: Partial<Offer> = {}): Offer => ({ at, by: 'brand', terms: terms(fee), note: '', ...over });
  const theirs = (fee: number, at: string, over: Partial<Offer> = {}): Offer => ({ at, by: 'creator', terms: terms(fee), note: '', ...over });

  it('keeps the offer in the history, marked with who and when, and puts the offer it answered back on the table', () => {
    const e = { terms: null, declinedAt: null, offers: [ours(400, '2026-11-01T10:00:00Z'), theirs(550, '2026-11-02T10:00:00Z')] };
    const change = withdrawOffer(e, '2026-11-02T10:00:00Z', '2026-11-05T09:00:00Z', 'sam');
    expect(change.offers).toHaveLength(2);
    expect(change.offers[1]).toMatchObject({ withdrawnAt: '2026-11-05T09:00:00Z', withdrawnById: 'sam', terms: terms(550) });
    expect(change.termsChanged).toBe(false);
    expect(change.onTable?.at).toBe('2026-11-01T10:00:00Z');
    const after = { ...e, offers: change.offers };
    expect(negotiationStatus(after)).toBe('awaiting-creator');
    expect(offerHistory(after)).toHaveLength(2);
    expect(() => withdrawOffer(after, '2026-11-02T10:00:00Z', '2026-11-06T00:00:00Z', 'sam')).toThrow(/already withdrawn/);
  });

  it('withdrawing our only offer leaves nothing on the table', () => {
    const e = { terms: null, declinedAt: null, offers: [ours(400, '2026-11-01T10:00:00Z')] };
    const change = withdrawOffer(e, '2026-11-01T10:00:00Z', '2026-11-05T09:00:00Z', 'sam');
    expect(negotiationStatus({ ...e, offers: change.offers })).toBe('no-offer');
    expect(withdrawalEffect(e, '2026-11-01T10:00:00Z')).toBe('Nothing will be on the table.');
  });

  it('an accepted offer withdrawn is no longer the terms: they fall back to the acceptance before it, or to none', () => {
    let e = { terms: null as OfferTerms | null, declinedAt: null, offers: [ours(400, '2026-11-01T10:00:00Z'), theirs(550, '2026-11-02T10:00:00Z')] };
    e = { ...e, ...acceptOffer(e, '2026-11-02T10:00:00Z', '2026-11-03T10:00:00Z') };
    expect(withdrawalEffect(e, '2026-11-02T10:00:00Z')).toBe('No terms will be agreed: the budget no longer counts them as committed. The offer before it is on the table again: $400.00 fee.');
    const dropped = withdrawOffer(e, '2026-11-02T10:00:00Z', '2026-11-05T09:00:00Z', 'sam');
    expect(dropped).toMatchObject({ terms: null, termsChanged: true });
    expect(dropped.offers[1].acceptedAt).toBe('2026-11-03T10:00:00Z');

    // A renegotiation accepted, then withdrawn: the earlier agreement stands again.
    e = { ...e, offers: withOffer(e.offers, ours(700, '2026-12-01T10:00:00Z')) };
    e = { ...e, ...acceptOffer(e, '2026-12-01T10:00:00Z', '2026-12-02T10:00:00Z') };
    expect(e.terms?.fee?.amountMicros).toBe(700_000_000);
    const back = withdrawOffer(e, '2026-12-01T10:00:00Z', '2026-12-03T10:00:00Z', 'sam');
    expect(back.terms?.fee?.amountMicros).toBe(550_000_000);
    expect(negotiationStatus({ ...e, ...back })).toBe('agreed');
    expect(withdrawalEffect(e, '2026-12-01T10:00:00Z')).toBe('The agreed terms go back to $550.00 fee.');
    // Withdrawing an older offer that is not the terms changes nothing else.
    expect(withdrawOffer(e, '2026-11-01T10:00:00Z', '2026-12-03T10:00:00Z', 'sam')).toMatchObject({ termsChanged: false });
    expect(withdrawalEffect(e, '2026-11-01T10:00:00Z')).toBe('The agreed terms stay as they are.');
  });

  it('falls back to the terms agreed outside the negotiation, and putting the offer back makes it the terms again', () => {
    const agreed = terms(200);
    let e = { terms: agreed as OfferTerms | null, declinedAt: null, offers: [theirs(350, '2026-11-02T10:00:00Z')] };
    e = { ...e, ...acceptOffer(e, '2026-11-02T10:00:00Z', '2026-11-03T10:00:00Z') };
    expect(e.offers[0].replacedTerms).toEqual(agreed);
    const withdrawn = { ...e, ...withdrawOffer(e, '2026-11-02T10:00:00Z', '2026-11-04T10:00:00Z', 'sam') };
    expect(withdrawn.terms).toEqual(agreed);
    const back = reinstateOffer(withdrawn, '2026-11-02T10:00:00Z');
    expect(back.terms?.fee?.amountMicros).toBe(350_000_000);
    expect(back.offers[0]).toMatchObject({ withdrawnAt: null, withdrawnById: null, acceptedAt: '2026-11-03T10:00:00Z' });
    expect(() => reinstateOffer(e, '2026-11-02T10:00:00Z')).toThrow(/not withdrawn/);
    expect(() => withdrawOffer(e, '2026-01-01T00:00:00Z', '2026-11-04T10:00:00Z', 'sam')).toThrow(/no longer in the history/);
  });

  it('a withdrawn offer cannot be accepted, and only a standing one is on the table', () => {
    const e = { terms: null, declinedAt: null, offers: [ours(400, '2026-11-01T10:00:00Z'), theirs(550, '2026-11-02T10:00:00Z', { withdrawnAt: '2026-11-03T00:00:00Z' })] };
    expect(latestOffer(e)?.at).toBe('2026-11-01T10:00:00Z');
    expect(() => acceptOffer(e, '2026-11-02T10:00:00Z', '2026-11-04T00:00:00Z')).toThrow(/latest offer/);
  });
});

describe('withdrawOfferOperations', () => {
  function stored() {
    const store = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
    const engagement = store.create('engagements', { campaignId: 'ca', creatorId: 'cr', stepId: 's1' });
    store.update('engagements', engagement.id, { offers: [{ at: '2026-11-01T10:00:00.000Z', by: 'brand', terms: terms(400), note: '' }] });
    const accepted = acceptOffer(store.get('engagements', engagement.id)!, '2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z');
    store.update('engagements', engagement.id, accepted);
    return { store, id: engagement.id };
  }

  it('writes the history, the fallen-back terms and a timeline line in one step the store accepts, and the put-back restores them', () => {
    const { store, id } = stored();
    const engagement = store.get('engagements', id)!;
    const ops = withdrawOfferOperations(engagement, '2026-11-01T10:00:00.000Z', { at: '2026-11-05T10:00:00.000Z', actorId: 'sam', activityId: 'act-1' });
    expect(ops.map((o) => o.kind)).toEqual(['update', 'create']);
    store.applyAll(ops);
    const after = store.get('engagements', id)!;
    expect(after.terms).toBeNull();
    expect(after.offers[0]).toMatchObject({ withdrawnAt: '2026-11-05T10:00:00.000Z', withdrawnById: 'sam', acceptedAt: '2026-11-02T10:00:00.000Z' });
    expect(store.get('activities', 'act-1')).toMatchObject({ kind: 'offer', title: 'Offer withdrawn: $400.00 fee', engagementId: id, data: { withdrawn: true, offerAt: '2026-11-01T10:00:00.000Z', termsChanged: true } });

    store.applyAll(reinstateOfferOperations(after, '2026-11-01T10:00:00.000Z', { at: '2026-11-06T10:00:00.000Z', actorId: 'sam', activityId: 'act-2' }));
    expect(store.get('engagements', id)!.terms?.fee?.amountMicros).toBe(400_000_000);
    expect(store.get('activities', 'act-2')?.title).toBe('Offer put back: $400.00 fee');
  });
});

describe('logging and accepting offers', () => {
  it('logs a counter-offer then accepts it: the terms, the history and two timeline lines, each step undoable', () => {
    const store = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
    const { id } = store.create('engagements', { campaignId: 'ca', creatorId: 'cr', stepId: 's1' });
    const counter: Offer = { at: '2026-11-02T10:00:00.000Z', by: 'creator', terms: terms(550), note: 'Two reels', actorId: 'sam', acceptedAt: null };
    store.applyAll(logOfferOperations(store.get('engagements', id)!, counter, { at: counter.at, actorId: 'sam', activityId: 'act-1' }));
    expect(store.get('activities', 'act-1')).toMatchObject({
      kind: 'offer', title: 'Counter-offer: $550.00 fee', body: 'Two reels', actorId: 'sam', creatorId: 'cr', campaignId: 'ca', engagementId: id, data: { by: 'creator', offerAt: counter.at },
    });
    expect(negotiationStatus(store.get('engagements', id)!)).toBe('awaiting-brand');

    store.applyAll(acceptOfferOperations(store.get('engagements', id)!, counter.at, { at: '2026-11-03T10:00:00.000Z', actorId: 'sam', activityId: 'act-2' }));
    const agreed = store.get('engagements', id)!;
    expect(agreed.terms?.fee?.amountMicros).toBe(550_000_000);
    expect(agreed.offers[0]).toMatchObject({ acceptedAt: '2026-11-03T10:00:00.000Z' });
    expect(store.get('activities', 'act-2')).toMatchObject({ title: 'Terms agreed: $550.00 fee', at: '2026-11-03T10:00:00.000Z', data: { accepted: true, offerAt: counter.at } });

    expect(store.undo()).toBe(true);
    expect(store.get('engagements', id)!.terms).toBeNull();
    expect(store.get('activities', 'act-2')).toBeNull();
  });

  it('refuses to accept an offer a newer one replaced, with a code to tell it apart', () => {
    const e = { id: 'en', creatorId: 'cr', campaignId: 'ca', terms: null, declinedAt: null, offers: [
      { at: '2026-11-01T10:00:00.000Z', by: 'brand' as const, terms: terms(400), note: '' },
      { at: '2026-11-02T10:00:00.000Z', by: 'creator' as const, terms: terms(550), note: '' },
    ] };
    let refused: unknown;
    try {
      acceptOfferOperations(e, '2026-11-01T10:00:00.000Z', { at: '2026-11-03T10:00:00.000Z', actorId: 'sam' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(OfferError);
    expect((refused as OfferError).code).toBe('not-latest');
  });
});

describe('offer bounds in the record', () => {
  it('refuses what the offer form refuses: negative money, commission over 100%, ten years of exclusivity, a zero quantity', () => {
    const store = new WorkspaceStore(new Y.Doc(), { actorId: 'sam' });
    const engagement = store.create('engagements', { campaignId: 'ca', creatorId: 'cr', stepId: 's1' });
    const refused = (over: Partial<OfferTerms>): Record<string, string> => {
      try {
        store.update('engagements', engagement.id, { terms: terms(400, over) });
      } catch (error) {
        return (error as CommandError).fields;
      }
      return {};
    };
    expect(refused({ fee: { amountMicros: -500_000_000, currency: 'USD' } })).toEqual({ 'terms.fee.amountMicros': 'Fee cannot be negative' });
    expect(refused({ commissionPercent: 250 })).toEqual({ 'terms.commissionPercent': 'Commission is a share of each sale: at most 100%.' });
    expect(refused({ exclusivityDays: 99_999 })).toEqual({ 'terms.exclusivityDays': 'Exclusivity is at most ten years (3,650 days).' });
    expect(refused({ bonus: { amountMicros: 2_000_000_000 * 1_000_000, currency: 'USD' } })['terms.bonus.amountMicros']).toMatch(/Bonus is at most/);
    expect(refused({ deliverables: [{ id: 'd1', platform: 'instagram', format: 'reel', quantity: 0, dueOn: null, usageRights: '' }] }))
      .toEqual({ 'terms.deliverables.0.quantity': 'Quantity is at least 1: remove the deliverable instead.' });
    expect(refused({ commissionPercent: 100, exclusivityDays: 3650 })).toEqual({});
  });
});
