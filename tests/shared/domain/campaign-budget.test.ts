import { describe, expect, it } from 'vitest';
import { campaignBudget, paymentFromActivity, type BudgetEngagement } from '../../../src/shared/domain/campaign-budget';
import type { OfferTerms } from '../../../src/shared/domain/offers';

const usd = (dollars: number) => ({ amountMicros: Math.round(dollars * 1_000_000), currency: 'USD' });
const terms = (over: Partial<OfferTerms>): OfferTerms => ({ fee: null, productIds: [], productValue: null, deliverables: [], bonus: null, commissionPercent: null, exclusivityDays: null, ...over });
const engagement = (id: string, over: Partial<BudgetEngagement> = {}): BudgetEngagement => ({ id, terms: null, offers: [], declinedAt: null, ...over });

describe('campaignBudget', () => {
  it('commits agreed terms, plans open offers on top, and sums in micros without drift', () => {
    const list = [
      engagement('a', { terms: terms({ fee: usd(0.1), bonus: usd(0.2), productValue: usd(38) }) }),
      engagement('b', { offers: [{ at: '2026-11-01T00:00:00Z', by: 'brand', terms: terms({ fee: usd(500) }), note: '' }] }),
      engagement('c', { offers: [{ at: '2026-11-01T00:00:00Z', by: 'brand', terms: terms({ fee: usd(300) }), note: '', acceptedAt: '2026-11-02T00:00:00Z' }], terms: terms({ fee: usd(300) }) }),
    ];
    const s = campaignBudget(usd(1000), list, [{ amount: usd(150) }]);
    expect(s.committedMicros).toBe(338_300_000);
    expect(s.plannedMicros).toBe(838_300_000);
    expect(s.spentMicros).toBe(150_000_000);
    expect(s.leftMicros).toBe(161_700_000);
    expect(s).toMatchObject({ over: false, agreedCount: 2, openOfferCount: 1 });
  });

  it('reports other currencies apart instead of adding them', () => {
    const s = campaignBudget(usd(1000), [
      engagement('a', { terms: terms({ fee: { amountMicros: 400_000_000, currency: 'EUR' } }) }),
      engagement('b', { terms: terms({ fee: usd(100) }) }),
    ], [{ amount: { amountMicros: 50_000_000, currency: 'GBP' } }]);
    expect(s.committedMicros).toBe(100_000_000);
    expect(s.otherCurrencies).toEqual([
      { currency: 'EUR', planned: 400_000_000, committed: 400_000_000, spent: 0 },
      { currency: 'GBP', planned: 0, committed: 0, spent: 50_000_000 },
    ]);
  });

  it('counts a renegotiation once, a draft offer live, and leaves out declined and deleted creators', () => {
    const renegotiating = engagement('a', { terms: terms({ fee: usd(200) }), offers: [{ at: '2026-11-03T00:00:00Z', by: 'creator', terms: terms({ fee: usd(350) }), note: '' }] });
    const list = [renegotiating, engagement('d', { declinedAt: '2026-11-01T00:00:00Z', terms: terms({ fee: usd(999) }) }), engagement('x', { deletedAt: '2026-11-01T00:00:00Z', terms: terms({ fee: usd(999) }) })];
    expect(campaignBudget(usd(300), list, []).plannedMicros).toBe(350_000_000);
    expect(campaignBudget(usd(300), list, []).committedMicros).toBe(200_000_000);
    expect(campaignBudget(usd(300), list, []).over).toBe(true);
    const live = campaignBudget(usd(300), list, [], { draft: { engagementId: 'a', terms: terms({ fee: usd(250), commissionPercent: 10 }) } });
    expect(live.plannedMicros).toBe(250_000_000);
    expect(live.leftMicros).toBe(50_000_000);
    expect(live.onCommission).toBe(1);
  });

  it('works without a budget, in the workspace currency', () => {
    const s = campaignBudget(null, [engagement('a', { terms: terms({ fee: { amountMicros: 5, currency: 'EUR' } }) })], [], { fallbackCurrency: 'EUR' });
    expect(s).toMatchObject({ currency: 'EUR', budgetMicros: null, leftMicros: null, committedMicros: 5, over: false });
  });
});

describe('paymentFromActivity', () => {
  it('reads only well-formed money', () => {
    expect(paymentFromActivity({ amount: usd(5) })).toEqual(usd(5));
    expect(paymentFromActivity({ amount: { amountMicros: 1.5, currency: 'USD' } })).toBeNull();
    expect(paymentFromActivity({ amount: { amountMicros: 1, currency: 'usd' } })).toBeNull();
    expect(paymentFromActivity({})).toBeNull();
  });
});
