import { describe, expect, it } from 'vitest';
import { buildRoster, optInGaps, optInWindow, sortRoster, type RosterCreator, type RosterEngagement } from '../../../src/shared/domain/campaign-roster';

const address = { name: 'Zoë Łukasiewicz', line1: 'ul. Długa 5', line2: '', city: 'Kraków', region: '', postalCode: '31-001', country: 'PL' };
const steps = [{ id: 'short', name: 'Shortlisted', position: 1 }, { id: 'contacted', name: 'Contacted', position: 2 }];
const buckets = [{ id: 'nano', name: 'Nano', minFollowers: 1_000, maxFollowers: 9_999 }, { id: 'micro', name: 'Micro', minFollowers: 10_000, maxFollowers: 99_999 }];
const criteria = [{ id: 'fit', name: 'Audience fit', weight: 2 }, { id: 'quality', name: 'Content quality', weight: 1 }];

function engagement(id: string, creatorId: string, extra: Partial<RosterEngagement> = {}): RosterEngagement {
  return { id, creatorId, stepId: 'short', scorecard: [], terms: null, optIn: null, lastContactedAt: null, repliedAt: null, declinedAt: null, ...extra };
}

describe('optInGaps', () => {
  it('asks nothing of a creator who has not opted in yet', () => {
    expect(optInGaps(null, null)).toEqual([]);
  });

  it('lists what is missing, and nothing once all is there', () => {
    expect(optInGaps({ sizes: {}, productPreferences: [], addressConfirmedAt: null }, null)).toEqual(['address', 'sizes', 'product', 'agreement']);
    expect(optInGaps({ sizes: { top: 'M' }, productPreferences: ['Serum'], addressConfirmedAt: '2026-11-01T10:00:00Z', agreedAt: '2026-11-01T10:00:00Z' }, address)).toEqual([]);
  });

  it('an address without a street or a confirmed one is a gap', () => {
    const optIn = { sizes: { top: 'M' }, productPreferences: ['Serum'], addressConfirmedAt: '2026-11-01T10:00:00Z', agreedAt: '2026-11-01T10:00:00Z' };
    expect(optInGaps(optIn, { ...address, line1: ' ' })).toEqual(['address']);
    expect(optInGaps({ ...optIn, addressConfirmedAt: null }, address)).toEqual(['address']);
  });
});

describe('optInWindow', () => {
  it('runs from the opt-in step to before shipping', () => {
    const gifting = ['Shortlisted', 'Contacted', 'Replied', 'Opted in', 'Address collected', 'Shipped', 'Posted'].map((name, i) => ({ id: String(i), name, position: i }));
    expect([...optInWindow(gifting)]).toEqual(['3', '4']);
    expect([...optInWindow(steps)]).toEqual([]);
  });
});

describe('buildRoster and sortRoster', () => {
  const creators = new Map<string, RosterCreator>([
    ['a', { id: 'a', name: 'Alena', followersMax: 5_000, shippingAddress: null }],
    ['b', { id: 'b', name: 'Bruno', followersMax: 50_000, shippingAddress: address }],
    ['c', { id: 'c', name: 'Chloé', followersMax: 20_000, shippingAddress: null }],
  ]);
  const rows = buildRoster([
    engagement('e1', 'a', { scorecard: [{ criterionId: 'fit', score: 5, note: '' }, { criterionId: 'quality', score: 2, note: '' }] }),
    engagement('e2', 'b', { stepId: 'contacted', terms: { fee: { amountMicros: 500_000_000, currency: 'EUR' } } }),
    engagement('e3', 'c', { bucketId: 'nano', scorecard: [{ criterionId: 'quality', score: 3, note: '' }] }),
  ], creators, steps, buckets, criteria);

  it('joins step, bucket (assigned or by followers) and the weighted score', () => {
    expect(rows.map((r) => [r.name, r.stepName, r.bucket, r.score])).toEqual([
      ['Alena', 'Shortlisted', 'Nano', 4], ['Bruno', 'Contacted', 'Micro', null], ['Chloé', 'Shortlisted', 'Nano', 3],
    ]);
  });

  it('sorts by score either way with the unscored last', () => {
    expect(sortRoster(rows, 'score', true).map((r) => r.name)).toEqual(['Alena', 'Chloé', 'Bruno']);
    expect(sortRoster(rows, 'score', false).map((r) => r.name)).toEqual(['Chloé', 'Alena', 'Bruno']);
    expect(sortRoster(rows, 'fee', false).map((r) => r.name)).toEqual(['Bruno', 'Alena', 'Chloé']);
    expect(sortRoster(rows, 'step', true).map((r) => r.name)).toEqual(['Bruno', 'Alena', 'Chloé']);
  });
});
