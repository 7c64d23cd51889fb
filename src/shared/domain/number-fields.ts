import { z } from 'zod';
import { MICROS, money as moneySchema } from './fields';
import type { NumberSpec } from './number-reader';

/**
 * The domain's own ranges, in one place: the form fields, the importers and
 * the record schemas (which every write, local or merged, is checked
 * against) all read them from here, so a value a form refuses is refused by
 * an import too, with the same words.
 *
 * Bounds are what the thing is, not what looks tidy: a share of an audience
 * is 0–100%; money is never negative; a wait in days is within a year or so.
 */

/** Largest amount in one field: keeps integer micros exact (2^53 micros is 9 billion). */
const MONEY_MAX = 1_000_000_000;
/** The most followed accounts have under a billion; ten is a typo, not a creator. */
const AUDIENCE_MAX = 10_000_000_000;

export const money = (label: string, extra: Partial<NumberSpec> = {}): NumberSpec =>
  ({ label, kind: 'money', min: 0, max: MONEY_MAX, decimals: 2, ...extra });

export const count = (label: string, extra: Partial<NumberSpec> = {}): NumberSpec =>
  ({ label, kind: 'count', min: 0, ...extra });

export const percent = (label: string, extra: Partial<NumberSpec> = {}): NumberSpec =>
  ({ label, kind: 'percent', min: 0, max: 100, maxReason: `${label} is a share: at most 100%.`, ...extra });

export const days = (label: string, min: number, max: number, maxReason?: string): NumberSpec =>
  ({ label, kind: 'count', unit: 'days', min, max, maxReason });

export const numberFields = {
  followers: count('Followers', { max: AUDIENCE_MAX, maxReason: 'No account has ten billion followers; check the number.' }),
  averageViews: count('Average views', { max: AUDIENCE_MAX * 10 }),
  engagementRate: percent('Engagement rate', { storedAsFraction: true, decimals: 4, maxReason: 'Engagement rate is a share of the audience: at most 100%.' }),
  audienceShare: percent('Share of audience', { decimals: 2 }),
  commissionPercent: percent('Commission', { decimals: 2, maxReason: 'Commission is a share of each sale: at most 100%.' }),
  /** Ten years: exclusivity is counted in months in practice; 99,999 days is a typo. */
  exclusivityDays: days('Exclusivity', 0, 3650, 'Exclusivity is at most ten years (3,650 days).'),
  quantity: count('Quantity', { min: 1, max: 1000, minReason: 'Quantity is at least 1: remove the deliverable instead.' }),
  /** Net 180 is the longest payment term in common use. */
  paymentTermsDays: days('Payment terms', 0, 180, 'Payment terms are at most 180 days.'),
  followUpAfterDays: { ...days('Follow up after', 1, 60, 'Follow up within 60 days.'), minReason: 'Wait at least one day.' },
  maxFollowUps: count('Follow-ups', { min: 0, max: 5, maxReason: 'At most 5 follow-ups: more reads as spam.' }),
  vettingWeight: { label: 'Weight', kind: 'decimal', min: 0, max: 5, decimals: 1, minReason: 'A weight is 0 (not counted) or more.' } satisfies NumberSpec,
  score: { label: 'Score', kind: 'decimal', min: 1, max: 5, decimals: 1 } satisfies NumberSpec,
  fee: money('Fee'),
  bonus: money('Bonus'),
  productValue: money('Products’ value'),
  budget: money('Budget'),
  price: money('Price'),
  amountPaid: money('Amount paid'),
  /** A campaign's KPI target: reach, orders, revenue or a rate, so decimals are allowed. */
  kpiTarget: { label: 'Target', kind: 'decimal', min: 0, max: 1e12, decimals: 2, maxReason: 'A target above a trillion is a typo; check the number.' } satisfies NumberSpec,
  /** How many creators a campaign bucket wants. */
  bucketCreators: count('Creators wanted', { max: 100_000, maxReason: 'A bucket wants at most 100,000 creators.' }),
  /** The women in a creator's audience, as a media kit gives it. */
  womenShare: percent('Women', { decimals: 2, maxReason: 'Women are a share of the audience: at most 100%.' }),
  /** Where a tier starts, in followers ("Macro from"). */
  tierStart: (label: string) => count(label, { max: AUDIENCE_MAX, maxReason: 'No account has ten billion followers; check the number.' }),
  /** A workspace's own number field: its meaning is the team's, so any finite amount, negative too. */
  customNumber: (label: string): NumberSpec => ({ label, kind: 'decimal', min: -1e15, max: 1e15 }),
  /** What extending a usage right costs. */
  extensionPrice: money('Extension price'),
  /** One product's retail value, for reports and customs. */
  unitValue: money('Value of one'),
  /** How long a usage right lasts: a century is already "no end date", said as such. */
  rightsDuration: (unit: 'days' | 'months' | 'years') => count('Duration', {
    min: 1, max: unit === 'days' ? 36_500 : unit === 'months' ? 1200 : 100,
    minReason: 'A duration is at least 1: or choose No end date.',
    maxReason: 'A right lasts at most 100 years: for one that does not end, choose No end date.',
  }),
  /** A discount code's length: Shopify takes at most 255 characters. */
  codeLength: count('Maximum length', { min: 4, max: 255, minReason: 'A code has at least 4 characters.', maxReason: 'Shopify allows at most 255 characters.' }),
  discountPercent: percent('Percent off', { min: 0.01, decimals: 2, minReason: 'The discount must be more than 0.', maxReason: 'A discount is at most 100% off.' }),
  discountAmount: money('Amount off', { min: 0.01, minReason: 'The discount must be more than 0.' }),
  /** How many times a code may be used; no limit is an empty field, not 0. */
  usageLimit: count('Usage limit', { min: 1, max: 100_000_000, minReason: 'A usage limit is at least 1: leave it empty for no limit.' }),
  /** Platform metrics: a post's views, reach and interactions. */
  metric: (label: string) => count(label, { max: AUDIENCE_MAX * 10 }),
} as const;

/**
 * A zod number with the same bounds and words as the form field, for record
 * schemas: a number that reaches the store by another way (an import, a
 * teammate's older version) meets the same rule.
 */
export function boundedNumber(spec: NumberSpec): z.ZodNumber {
  const factor = spec.kind === 'percent' && spec.storedAsFraction ? 100 : 1;
  let schema = z.number();
  if (spec.kind === 'count') schema = schema.int(`${spec.label} should be a whole number`);
  const min = spec.min ?? 0;
  schema = schema.min(min / factor, min === 0 ? `${spec.label} cannot be negative` : (spec.minReason ?? `${spec.label} is at least ${min}`));
  if (spec.max != null) schema = schema.max(spec.max / factor, spec.maxReason ?? `${spec.label} is at most ${spec.max}`);
  return schema;
}

/**
 * Money as records keep it (integer micros and a currency) within the
 * field's bounds, which are in major units like the form's.
 */
export function boundedMoney(spec: NumberSpec) {
  const max = spec.max ?? 1_000_000_000;
  return moneySchema.extend({
    amountMicros: z.number().int('Amounts are stored in whole micros').min(0, `${spec.label} cannot be negative`)
      .max(max * MICROS, spec.maxReason ?? `${spec.label} is at most ${max.toLocaleString('en-US')}`),
  });
}
