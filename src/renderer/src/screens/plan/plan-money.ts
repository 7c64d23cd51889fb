import { MICROS } from '../../../../shared/domain/fields';

/** "$12,000" for a plan: whole units when round, cents only when there are any. */
export function planMoney(micros: number, currency: string): string {
  const amount = micros / MICROS;
  return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount);
}

/** "1.5M", "12k": targets read at a glance. */
export function compactNumber(n: number): string {
  return new Intl.NumberFormat(undefined, { notation: n >= 10_000 ? 'compact' : 'standard', maximumFractionDigits: 1 }).format(n);
}
