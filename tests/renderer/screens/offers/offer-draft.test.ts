import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../../src/shared/data/command-error';
import type { OfferTerms } from '../../../../src/shared/domain/offers';
import { draftFrom, newDeliverable, termsFrom, termsPreview, type OfferDraft } from '../../../../src/renderer/src/screens/offers/offer-draft';

const blank = (over: Partial<OfferDraft> = {}): OfferDraft => ({ ...draftFrom(null, 'brand', 'USD'), ...over });

function refusals(draft: OfferDraft): Record<string, string> {
  try {
    termsFrom(draft);
  } catch (error) {
    if (error instanceof CommandError) return error.fields;
    throw error;
  }
  return {};
}

describe('the offer form’s numbers', () => {
  it('refuses what cannot be stored, each under its own field, instead of clamping', () => {
    expect(refusals(blank({ fee: '-500', commissionPercent: '250', exclusivityDays: '99,999' }))).toEqual({
      fee: 'Fee cannot be negative (“-500”).',
      commissionPercent: 'Commission is a share of each sale: at most 100%.',
      exclusivityDays: 'Exclusivity is at most ten years (3,650 days).',
    });
    expect(refusals(blank({ bonus: '12.345' }))).toEqual({ bonus: 'Bonus has at most 2 decimals; “12.345” has more. Nothing is rounded for you.' });
    expect(refusals(blank({ deliverables: [{ ...newDeliverable(), quantity: '0' }, { ...newDeliverable(), quantity: '' }] }))).toEqual({
      'deliverables.0.quantity': 'Quantity is at least 1: remove the deliverable instead.',
      'deliverables.1.quantity': 'How many? At least 1.',
    });
  });

  it('reads "1.5k", "$1,200.50" and "12.5 %" into exact micros and percentage points', () => {
    const terms = termsFrom(blank({ fee: '1.5k', bonus: '$1,200.50', productValue: '0.1', commissionPercent: '12.5 %', exclusivityDays: '30 days' }));
    expect(terms.fee).toEqual({ amountMicros: 1_500_000_000, currency: 'USD' });
    expect(terms.bonus?.amountMicros).toBe(1_200_500_000);
    expect(terms.productValue?.amountMicros).toBe(100_000);
    expect(terms).toMatchObject({ commissionPercent: 12.5, exclusivityDays: 30 });
    expect(termsFrom(blank()).fee).toBeNull();
  });

  it('starts an edit from what is stored, as a person would type it, and reads it back unchanged', () => {
    const stored: OfferTerms = {
      fee: { amountMicros: 1_234_560_000, currency: 'EUR' }, productIds: [], productValue: null, bonus: null, commissionPercent: 7.25, exclusivityDays: 90,
      deliverables: [{ id: 'd1', platform: 'tiktok', format: 'video', quantity: 3, dueOn: null, usageRights: '' }],
    };
    const draft = draftFrom(stored, 'creator', 'USD');
    expect(draft).toMatchObject({ fee: '1234.56', currency: 'EUR', commissionPercent: '7.25', exclusivityDays: '90' });
    expect(draft.deliverables[0].quantity).toBe('3');
    expect(termsFrom(draft)).toEqual(stored);
  });

  it('counts only what it can read in the live budget impact, without refusing while typing', () => {
    expect(termsPreview(blank({ fee: '-', bonus: '250' })).fee).toBeNull();
    expect(termsPreview(blank({ fee: '-', bonus: '250' })).bonus?.amountMicros).toBe(250_000_000);
  });
});
