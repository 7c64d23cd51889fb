import { describe, expect, it } from 'vitest';
import { moneyFrom } from '../../../src/shared/domain/fields';
import { committedByBucket, paymentAmount, planBudget, shareOf, type BudgetEngagement } from '../../../src/shared/domain/plan-budget';

const usd = (n: number) => moneyFrom(n, 'USD');
const terms = (fee: number | null, product: number | null, currency = 'USD') => ({
  fee: fee === null ? null : moneyFrom(fee, currency), productValue: product === null ? null : moneyFrom(product, currency),
});

describe('plan budget', () => {
  const engagements: BudgetEngagement[] = [
    { id: 'a', bucketId: 'micro', terms: terms(500, 38) },
    { id: 'b', bucketId: 'nano', terms: terms(null, 38) },
    { id: 'c', bucketId: 'nano', terms: null },
    { id: 'd', bucketId: 'micro', terms: terms(900, 0), declinedAt: '2026-03-01T00:00:00.000Z' },
    { id: 'e', bucketId: 'micro', terms: terms(300, 0), deletedAt: '2026-03-01T00:00:00.000Z' },
    { id: 'f', terms: terms(200, null, 'EUR') },
  ];
  const activities = [
    { id: 'p1', kind: 'payment', data: { amount: usd(250) } },
    { id: 'p2', kind: 'payment', data: { amount: usd(0.1) } },
    { id: 'p3', kind: 'payment', data: { amount: moneyFrom(50, 'EUR') } },
    { id: 'p4', kind: 'payment', data: { amount: { amountMicros: -5, currency: 'USD' } } },
    { id: 'p5', kind: 'payment', data: {} },
    { id: 'p6', kind: 'payment', data: { amount: usd(999) }, deletedAt: '2026-03-01T00:00:00.000Z' },
    { id: 'n1', kind: 'note', data: { amount: usd(1000) } },
  ];

  it('adds fees and product value of creators who did not decline, payments as spent, in whole micros', () => {
    const b = planBudget({ budget: usd(1000), fallbackCurrency: 'EUR', engagements, activities });
    expect(b.currency).toBe('USD');
    expect(b.feesMicros).toBe(500_000_000);
    expect(b.productMicros).toBe(76_000_000);
    expect(b.committedMicros).toBe(576_000_000);
    expect(b.spentMicros).toBe(250_100_000);
    expect(b.uncommittedMicros).toBe(424_000_000);
    expect(b.toPayMicros).toBe(325_900_000);
    expect(b.creatorsCommitted).toBe(3); // the one in euros too
    expect(b.payments).toBe(3);
    expect(b.unreadablePayments).toBe(2);
    expect(b.overCommitted).toBe(false);
    expect(b.foreign).toEqual([{ currency: 'EUR', committedMicros: 200_000_000, spentMicros: 50_000_000 }]);
  });

  it('never drifts the way floating point does', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ id: `x${i}`, terms: terms(0.1, null) }));
    expect(planBudget({ budget: null, fallbackCurrency: 'USD', engagements: many, activities: [] }).committedMicros).toBe(1_000_000);
  });

  it('flags over-commitment and over-spending, and works without a planned budget', () => {
    const over = planBudget({ budget: usd(100), fallbackCurrency: 'USD', engagements, activities });
    expect(over.overCommitted).toBe(true);
    expect(over.overSpent).toBe(true);
    expect(over.uncommittedMicros).toBe(-476_000_000);
    const none = planBudget({ budget: null, fallbackCurrency: 'EUR', engagements, activities });
    expect(none.currency).toBe('EUR');
    expect(none.plannedMicros).toBeNull();
    expect(none.uncommittedMicros).toBeNull();
    expect(none.committedMicros).toBe(200_000_000);
    expect(none.foreign.map((f) => f.currency)).toEqual(['USD']);
  });

  it('reads only well-formed payment amounts', () => {
    expect(paymentAmount({ id: 'p', kind: 'payment', data: { amount: usd(1) } })).toEqual(usd(1));
    expect(paymentAmount({ id: 'p', kind: 'payment', data: { amount: { amountMicros: 1.5, currency: 'USD' } } })).toBeNull();
    expect(paymentAmount({ id: 'p', kind: 'payment', data: { amount: { amountMicros: 1, currency: 'usd' } } })).toBeNull();
  });

  it('splits the commitment by bucket and gives shares of the plan', () => {
    const split = committedByBucket(engagements, 'USD', (e) => e.bucketId ?? null);
    expect(Object.fromEntries(split)).toEqual({ micro: 538_000_000, nano: 38_000_000 });
    expect(shareOf(250_000_000, 1_000_000_000)).toBe(0.25);
    expect(shareOf(1, null)).toBeNull();
    expect(shareOf(1, 0)).toBeNull();
  });
});
