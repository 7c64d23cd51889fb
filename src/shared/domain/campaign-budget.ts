import type { Money } from './fields';
import { openOffer, termsCost, type Negotiable, type OfferTerms } from './offers';

/**
 * A campaign's budget against what it has agreed and paid, in integer money
 * micros (never floating-point sums). Amounts in another currency than the
 * budget's are reported apart, never added as if they were the same money.
 *
 * - committed: the agreed terms (fee, bonus, products' value) of every
 *   creator still in the campaign;
 * - planned: committed plus every offer still on the table, as it stands;
 * - spent: payments logged against the campaign.
 */
export interface BudgetEngagement extends Negotiable {
  id: string;
  deletedAt?: string | null;
}

export interface BudgetPayment {
  amount: Money;
  deletedAt?: string | null;
}

export interface OtherCurrency {
  currency: string;
  planned: number;
  committed: number;
  spent: number;
}

export interface BudgetSummary {
  currency: string;
  budgetMicros: number | null;
  plannedMicros: number;
  committedMicros: number;
  spentMicros: number;
  /** Budget minus planned; negative when the plan is over budget; null without a budget. */
  leftMicros: number | null;
  over: boolean;
  /** Amounts in currencies other than the budget's: shown, not summed. */
  otherCurrencies: OtherCurrency[];
  /** Creators on commission, whose cost depends on their sales. */
  onCommission: number;
  agreedCount: number;
  openOfferCount: number;
}

export interface BudgetOptions {
  /** The currency to count in when the campaign has no budget (the workspace's). */
  fallbackCurrency?: string;
  /** An offer being written: counted as that creator's open offer, live while typing. */
  draft?: { engagementId: string; terms: OfferTerms } | null;
}

export function campaignBudget(budget: Money | null, engagements: readonly BudgetEngagement[], payments: readonly BudgetPayment[], options: BudgetOptions = {}): BudgetSummary {
  const currency = budget?.currency ?? options.fallbackCurrency ?? 'USD';
  const others = new Map<string, OtherCurrency>();
  const totals = { planned: 0, committed: 0, spent: 0 };
  const add = (money: Money, which: keyof typeof totals) => {
    if (money.currency === currency) {
      totals[which] += money.amountMicros;
      return;
    }
    const other = others.get(money.currency) ?? { currency: money.currency, planned: 0, committed: 0, spent: 0 };
    other[which] += money.amountMicros;
    others.set(money.currency, other);
  };

  let onCommission = 0;
  let agreedCount = 0;
  let openOfferCount = 0;
  for (const engagement of engagements) {
    if (engagement.deletedAt || engagement.declinedAt) continue;
    const draft = options.draft?.engagementId === engagement.id ? options.draft.terms : null;
    const open = draft ?? openOffer(engagement)?.terms ?? null;
    if (engagement.terms) {
      agreedCount += 1;
      for (const part of termsCost(engagement.terms).parts) {
        add(part.money, 'committed');
        // A renegotiation on the table replaces the agreed terms in the plan, not adds to them.
        if (!open) add(part.money, 'planned');
      }
    }
    if (open) {
      openOfferCount += 1;
      for (const part of termsCost(open).parts) add(part.money, 'planned');
    }
    const commission = open?.commissionPercent ?? engagement.terms?.commissionPercent ?? null;
    if (commission) onCommission += 1;
  }
  for (const payment of payments) if (!payment.deletedAt) add(payment.amount, 'spent');

  const budgetMicros = budget?.amountMicros ?? null;
  const leftMicros = budgetMicros == null ? null : budgetMicros - totals.planned;
  return {
    currency,
    budgetMicros,
    plannedMicros: totals.planned,
    committedMicros: totals.committed,
    spentMicros: totals.spent,
    leftMicros,
    over: leftMicros != null && leftMicros < 0,
    otherCurrencies: [...others.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    onCommission,
    agreedCount,
    openOfferCount,
  };
}

/** A payment logged as an activity (kind "payment", `data.amount`); anything malformed is not money. */
export function paymentFromActivity(data: Record<string, unknown>): Money | null {
  const amount = data.amount as Partial<Money> | undefined;
  if (!amount || typeof amount !== 'object') return null;
  if (!Number.isInteger(amount.amountMicros) || (amount.amountMicros as number) < 0) return null;
  if (typeof amount.currency !== 'string' || !/^[A-Z]{3}$/.test(amount.currency)) return null;
  return { amountMicros: amount.amountMicros as number, currency: amount.currency };
}
