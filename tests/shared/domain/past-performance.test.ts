import { describe, expect, it } from 'vitest';
import { pastPerformance, type PerformanceCode, type PerformanceEngagement, type PerformancePost } from '../../../src/shared/domain/past-performance';
import { moneyFrom } from '../../../src/shared/domain/fields';

const engagement = (id: string, creatorId: string, fee: number | null, dueOn: string | null, currency = 'USD'): PerformanceEngagement => ({
  id, creatorId, campaignId: `campaign-${id}`, terms: { fee: fee == null ? null : moneyFrom(fee, currency), deliverables: [{ id: 'd1', dueOn }] },
});
const post = (creatorId: string, engagementId: string | null, postedAt: string | null, m: Partial<PerformancePost['metrics'][number]> | null): PerformancePost => ({
  creatorId, engagementId, deliverableId: 'd1', postedAt, metrics: m ? [{ at: '2026-05-01T00:00:00Z', ...m }] : [],
});

describe('past performance', () => {
  it('computes engagement rate, CPM and on-time rate from posts and agreed terms', () => {
    const result = pastPerformance(
      [engagement('e1', 'zoe', 500, '2026-04-10'), engagement('e2', 'zoe', 300, '2026-04-20')],
      [
        post('zoe', 'e1', '2026-04-10T18:00:00Z', { reach: 10_000, impressions: 20_000, likes: 400, comments: 50, shares: 30, saves: 20 }),
        post('zoe', 'e2', '2026-04-25T09:00:00Z', { reach: 10_000, impressions: 12_000, likes: 200, comments: 0, shares: 0, saves: 0 }),
      ],
    ).get('zoe')!;
    expect(result.posts).toBe(2);
    expect(result.campaigns).toBe(2);
    expect(result.engagementRate).toBeCloseTo((0.05 + 0.02) / 2);
    expect(result.cpm).toEqual({ amountMicros: 25_000_000, currency: 'USD' }); // $800 ÷ 32,000 × 1,000 = $25
    expect(result.onTimeRate).toBe(0.5);
    expect(result.lastPostedAt).toBe('2026-04-25T09:00:00Z');
  });

  it('says nothing rather than guess: no metrics, no due dates, mixed currencies', () => {
    const result = pastPerformance(
      [engagement('e1', 'ana', 500, null, 'EUR'), engagement('e2', 'ana', 300, null, 'USD')],
      [post('ana', 'e1', '2026-04-10T18:00:00Z', { impressions: 1000 }), post('ana', 'e2', '2026-04-11T18:00:00Z', null), post('ana', null, null, null)],
    ).get('ana')!;
    expect(result).toMatchObject({ posts: 2, engagementRate: null, cpm: null, onTimeRate: null });
  });

  it('works out cost per order from the orders on their codes and links, per collaboration with a fee', () => {
    const code = (creatorId: string | null, engagementId: string | null, campaignId: string | null, orders: number | null): PerformanceCode => ({ creatorId, engagementId, campaignId, orders });
    const result = pastPerformance(
      [engagement('e1', 'zoe', 600, null), engagement('e2', 'zoe', null, null), engagement('e3', 'zoe', 900, null)],
      [post('zoe', 'e1', '2026-04-10T18:00:00Z', null), post('zoe', 'e2', '2026-04-12T18:00:00Z', null)],
      [
        code('zoe', 'e1', 'campaign-e1', 20), // its own collaboration: $600 for 20 orders
        code('zoe', null, 'campaign-e1', 10), // a link made for the same campaign, not tied to the collaboration
        code(null, 'e2', 'campaign-e2', 5), // gifted (no fee): counts as orders, not in the cost per order
        code('zoe', 'e3', 'campaign-e3', null), // orders not recorded yet: no figure from it
        code('someone-else', null, 'campaign-e1', 99),
      ],
    ).get('zoe')!;
    expect(result.orders).toBe(35);
    expect(result.cpa).toEqual({ amountMicros: 20_000_000, currency: 'USD' }); // $600 ÷ 30 orders
  });

  it('has no cost per order without orders, or with fees in two currencies', () => {
    const none = pastPerformance([engagement('e1', 'ana', 500, null)], [post('ana', 'e1', '2026-04-10T18:00:00Z', null)],
      [{ creatorId: 'ana', engagementId: 'e1', campaignId: 'campaign-e1', orders: 0 }]).get('ana')!;
    expect(none).toMatchObject({ orders: 0, cpa: null });
    const mixed = pastPerformance(
      [engagement('e1', 'ana', 500, null, 'EUR'), engagement('e2', 'ana', 300, null, 'USD')],
      [post('ana', 'e1', '2026-04-10T18:00:00Z', null)],
      [{ creatorId: 'ana', engagementId: 'e1', campaignId: null, orders: 4 }, { creatorId: 'ana', engagementId: 'e2', campaignId: null, orders: 6 }],
    ).get('ana')!;
    expect(mixed).toMatchObject({ orders: 10, cpa: null });
    expect(pastPerformance([engagement('e1', 'ana', 500, null)], [post('ana', 'e1', '2026-04-10T18:00:00Z', null)]).get('ana')).toMatchObject({ orders: null, cpa: null });
  });
});
