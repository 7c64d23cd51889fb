import { z } from 'zod';

/**
 * Compound field types, as in Twenty CRM: money is integer micros plus a
 * currency so sums never drift, and emails/links/addresses keep their parts.
 */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD or EUR');

export const money = z.object({
  amountMicros: z.number().int('Amounts are stored in whole micros').min(0, 'An amount cannot be negative'),
  currency: currencyCode,
});
export type Money = z.infer<typeof money>;

export const MICROS = 1_000_000;

export function moneyFrom(amount: number, currency: string): Money {
  return { amountMicros: Math.round(amount * MICROS), currency };
}

export function formatMoney(value: Money | null | undefined, locale = 'en-US'): string {
  if (!value) return '—';
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency, maximumFractionDigits: 2 })
    .format(value.amountMicros / MICROS);
}

export const emailAddress = z.string().trim().toLowerCase().email('This is not an email address');

export const emailEntry = z.object({
  address: emailAddress,
  primary: z.boolean(),
});
export type EmailEntry = z.infer<typeof emailEntry>;

export const link = z.object({
  url: z.string().url('This is not a web address (it should start with https://)'),
  label: z.string().max(200).default(''),
});
export type Link = z.infer<typeof link>;

export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as US or PL');

export const address = z.object({
  name: z.string().max(200).default(''),
  line1: z.string().max(300).default(''),
  line2: z.string().max(300).default(''),
  city: z.string().max(200).default(''),
  region: z.string().max(200).default(''),
  postalCode: z.string().max(40).default(''),
  country: countryCode.or(z.literal('')).default(''),
});
export type Address = z.infer<typeof address>;

/** Calendar dates are YYYY-MM-DD; instants are full ISO strings in UTC. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-31');
export const isoInstant = z.string().datetime({ offset: true, message: 'Use a date and time' });
