import { CommandError } from '../../../../shared/data/command-error';
import { newId } from '../../../../shared/data/ids';
import type { Platform } from '../../../../shared/data/schemas/creators';
import { MICROS, moneyFrom, type Money } from '../../../../shared/domain/fields';
import { typedText, type NumberSpec } from '../../../../shared/domain/number-reader';
import { numberFields } from '../../../../shared/domain/number-fields';
import type { OfferTerms } from '../../../../shared/domain/offers';
import { numberLocale, numbersOrThrow, readTyped } from '../../components/number-locale';

/**
 * An offer being written. Numbers are kept as typed ("1.5k", "10 %") so
 * nothing is rewritten under the person; they are read only on saving, and a
 * value that cannot be stored refuses the save with its reason.
 */
export interface OfferDraft {
  by: 'brand' | 'creator';
  currency: string;
  fee: string;
  productIds: string[];
  productValue: string;
  bonus: string;
  commissionPercent: string;
  exclusivityDays: string;
  deliverables: { id: string; platform: Platform; format: string; quantity: string; dueOn: string; usageRights: string }[];
  note: string;
}

export type OfferNumberKey = 'fee' | 'productValue' | 'bonus' | 'commissionPercent' | 'exclusivityDays';

export const offerSpecs: Record<OfferNumberKey, NumberSpec> = {
  fee: numberFields.fee,
  productValue: numberFields.productValue,
  bonus: numberFields.bonus,
  commissionPercent: numberFields.commissionPercent,
  exclusivityDays: numberFields.exclusivityDays,
};

/** Money as a person types it back: major units of the stored micros. */
export function moneyText(money: Money | null | undefined, spec: NumberSpec): string {
  return money ? typedText(money.amountMicros / MICROS, spec, numberLocale()) : '';
}

export function newDeliverable(): OfferDraft['deliverables'][number] {
  return { id: newId('d-'), platform: 'instagram', format: 'reel', quantity: '1', dueOn: '', usageRights: '' };
}

/** A draft from terms (the last offer, so a counter starts from what is on the table). */
export function draftFrom(terms: OfferTerms | null, by: OfferDraft['by'], currency: string): OfferDraft {
  const locale = numberLocale();
  return {
    by,
    currency: terms?.fee?.currency ?? terms?.productValue?.currency ?? terms?.bonus?.currency ?? currency,
    fee: moneyText(terms?.fee, numberFields.fee),
    productIds: terms?.productIds ?? [],
    productValue: moneyText(terms?.productValue, numberFields.productValue),
    bonus: moneyText(terms?.bonus, numberFields.bonus),
    commissionPercent: typedText(terms?.commissionPercent, numberFields.commissionPercent, locale),
    exclusivityDays: typedText(terms?.exclusivityDays, numberFields.exclusivityDays, locale),
    deliverables: (terms?.deliverables ?? []).map((d) => ({
      id: d.id, platform: d.platform, format: d.format, quantity: typedText(d.quantity, numberFields.quantity, locale), dueOn: d.dueOn ?? '', usageRights: d.usageRights,
    })),
    note: '',
  };
}

function termsOf(draft: OfferDraft, values: Record<string, number | null>): OfferTerms {
  // The reader refuses more than two decimals, so major units × a million is exact micros, never a rounded amount.
  const money = (value: number | null) => (value == null ? null : moneyFrom(value, draft.currency));
  return {
    fee: money(values.fee), productIds: draft.productIds, productValue: money(values.productValue), bonus: money(values.bonus),
    commissionPercent: values.commissionPercent, exclusivityDays: values.exclusivityDays,
    deliverables: draft.deliverables.map((d, i) => ({ ...d, quantity: values[`deliverables.${i}.quantity`] ?? 1, dueOn: d.dueOn || null })),
  };
}

function entriesOf(draft: OfferDraft) {
  const entries: Record<string, { text: string; spec: NumberSpec }> = {};
  for (const key of Object.keys(offerSpecs) as OfferNumberKey[]) entries[key] = { text: draft[key], spec: offerSpecs[key] };
  draft.deliverables.forEach((d, i) => { entries[`deliverables.${i}.quantity`] = { text: d.quantity, spec: numberFields.quantity }; });
  return entries;
}

/**
 * The terms to log, or a CommandError naming each field that cannot be
 * stored ("Fee cannot be negative (“-500”)"), keyed as the form's fields.
 * A deliverable's quantity left empty is refused too: one is not assumed.
 */
export function termsFrom(draft: OfferDraft): OfferTerms {
  const missing: Record<string, string> = {};
  draft.deliverables.forEach((d, i) => { if (!d.quantity.trim()) missing[`deliverables.${i}.quantity`] = 'How many? At least 1.'; });
  let values: Record<string, number | null>;
  try {
    values = numbersOrThrow(entriesOf(draft));
  } catch (error) {
    if (error instanceof CommandError) throw new CommandError('invalid', error.message, { ...error.fields, ...missing });
    throw error;
  }
  if (Object.keys(missing).length) throw new CommandError('invalid', Object.values(missing)[0], missing);
  return termsOf(draft, values);
}

/** The terms as far as they can be read, for the live budget impact while typing; a refused value counts as empty. */
export function termsPreview(draft: OfferDraft): OfferTerms {
  const values: Record<string, number | null> = {};
  for (const [key, { text, spec }] of Object.entries(entriesOf(draft))) {
    const read = readTyped(text, spec);
    values[key] = read.ok ? read.value : null;
  }
  return termsOf(draft, values);
}
