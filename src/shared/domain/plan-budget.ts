import { money, type Money } from './fields';

/**
 * A campaign's budget in three numbers a director asks for:
 * - planned: the budget set on the plan;
 * - committed: what the team has agreed to give creators: the fee and the
 *   product value of the terms of every creator in the campaign who has not
 *   declined (bonuses are conditional and commissions a share of sales, so
 *   neither is committed up front);
 * - spent: payments logged (activities of kind "payment" with
 *   `data.amount` as money).
 * Everything is added in integer micros, so sums never drift. Amounts in
 * another currency than the plan's are never converted with a guessed rate:
 * they are listed apart so nobody reads a wrong total.
 */

export interface BudgetTerms {
  fee: Money | null;
  productValue: Money | null;
}

export interface BudgetEngagement {
  id: string;
  bucketId?: string | null;
  declinedAt?: string | null;
  deletedAt?: string | null;
  terms: BudgetTerms | null;
}

export interface BudgetPayment {
  id: string;
  kind: string;
  campaignId?: string | null;
  deletedAt?: string | null;
  data?: Record<string, unknown>;
}

export interface ForeignAmount {
  currency: string;
  committedMicros: number;
  spentMicros: number;
}

export interface PlanBudget {
  currency: string;
  plannedMicros: number | null;
  feesMicros: number;
  productMicros: number;
  committedMicros: number;
  spentMicros: number;
  /** Planned minus committed: what is left to promise. Null without a plan. */
  uncommittedMicros: number | null;
  /** Committed minus spent: promised, not yet paid. */
  toPayMicros: number;
  /** Creators whose terms count towards the commitment. */
  creatorsCommitted: number;
  payments: number;
  /** Payment activities whose amount could not be read (no amount, a negative or malformed one). */
  unreadablePayments: number;
  overCommitted: boolean;
  overSpent: boolean;
  foreign: ForeignAmount[];
}

/** The amount a payment activity carries, or null when it carries none that can be read. */
export function paymentAmount(payment: BudgetPayment): Money | null {
  const parsed = money.safeParse(payment.data?.amount);
  return parsed.success ? parsed.data : null;
}

/** Fee plus product value of one creator's terms, per currency. */
export function committedOf(terms: BudgetTerms | null): Money[] {
  const out: Money[] = [];
  for (const part of [terms?.fee, terms?.productValue]) {
    if (!part) continue;
    const same = out.find((m) => m.currency === part.currency);
    if (same) same.amountMicros += part.amountMicros;
    else out.push({ ...part });
  }
  return out;
}

function counts(engagement: BudgetEngagement): boolean {
  return !engagement.deletedAt && !engagement.declinedAt && engagement.terms !== null;
}

export function planBudget(input: {
  budget: Money | null;
  /** Used when the plan has no budget yet (the workspace's currency). */
  fallbackCurrency: string;
  engagements: readonly BudgetEngagement[];
  /** Activities of the campaign; only kind "payment" counts. */
  activities: readonly BudgetPayment[];
}): PlanBudget {
  const currency = input.budget?.currency ?? input.fallbackCurrency;
  const foreign = new Map<string, ForeignAmount>();
  const foreignOf = (c: string) => {
    let entry = foreign.get(c);
    if (!entry) foreign.set(c, (entry = { currency: c, committedMicros: 0, spentMicros: 0 }));
    return entry;
  };
  let feesMicros = 0;
  let productMicros = 0;
  let creatorsCommitted = 0;
  for (const e of input.engagements) {
    if (!counts(e) || !e.terms) continue;
    let any = false;
    for (const [part, kind] of [[e.terms.fee, 'fee'], [e.terms.productValue, 'product']] as const) {
      if (!part || part.amountMicros === 0) continue;
      any = true;
      if (part.currency !== currency) foreignOf(part.currency).committedMicros += part.amountMicros;
      else if (kind === 'fee') feesMicros += part.amountMicros;
      else productMicros += part.amountMicros;
    }
    if (any) creatorsCommitted++;
  }
  let spentMicros = 0;
  let payments = 0;
  let unreadablePayments = 0;
  for (const a of input.activities) {
    if (a.kind !== 'payment' || a.deletedAt) continue;
    const amount = paymentAmount(a);
    if (!amount) { unreadablePayments++; continue; }
    payments++;
    if (amount.currency !== currency) foreignOf(amount.currency).spentMicros += amount.amountMicros;
    else spentMicros += amount.amountMicros;
  }
  const committedMicros = feesMicros + productMicros;
  const plannedMicros = input.budget?.amountMicros ?? null;
  return {
    currency,
    plannedMicros,
    feesMicros,
    productMicros,
    committedMicros,
    spentMicros,
    uncommittedMicros: plannedMicros === null ? null : plannedMicros - committedMicros,
    toPayMicros: Math.max(0, committedMicros - spentMicros),
    creatorsCommitted,
    payments,
    unreadablePayments,
    overCommitted: plannedMicros !== null && committedMicros > plannedMicros,
    overSpent: plannedMicros !== null && spentMicros > plannedMicros,
    foreign: [...foreign.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

/** Committed money per bucket (in the plan's currency), for the budget split; "" holds creators in no bucket. */
export function committedByBucket(
  engagements: readonly BudgetEngagement[],
  currency: string,
  bucketOf: (engagement: BudgetEngagement) => string | null,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of engagements) {
    if (!counts(e)) continue;
    const micros = committedOf(e.terms).filter((m) => m.currency === currency).reduce((sum, m) => sum + m.amountMicros, 0);
    if (micros === 0) continue;
    const key = bucketOf(e) ?? '';
    out.set(key, (out.get(key) ?? 0) + micros);
  }
  return out;
}

/** A share of the plan as a fraction 0..n (over 1 when over budget); null without a plan. */
export function shareOf(micros: number, plannedMicros: number | null): number | null {
  if (plannedMicros === null || plannedMicros === 0) return null;
  return micros / plannedMicros;
}
