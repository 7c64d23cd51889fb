import { describe, expect, it } from 'vitest';
import { buildWarmListTable } from '../../../../src/shared/domain/table-exports/warm-list';
import { toCsv } from '../../../../src/shared/domain/table-export';

const perf = { campaigns: 2, posts: 5, engagementRate: 0.0425, cpm: { amountMicros: 12_500_000, currency: 'USD' }, orders: 40, cpa: { amountMicros: 15_000_000, currency: 'USD' }, onTimeRate: 0.8, lastPostedAt: '2026-10-30T12:00:00Z' };

describe('the warm list export', () => {
  it('keeps the ranking it is given, with rates as fractions and CPM and CPA in currency units', () => {
    const table = buildWarmListTable([
      { name: 'Ana', platforms: 'Instagram, TikTok', tier: 'Micro', perf },
      { name: 'Ben', platforms: 'YouTube', tier: '', perf: { ...perf, engagementRate: null, cpm: null, orders: null, cpa: null, onTimeRate: null, lastPostedAt: null } },
    ]);
    expect(table.headers).toEqual(['Rank', 'Creator', 'Platforms', 'Tier', 'Campaigns', 'Posts', 'Engagement rate', 'CPM', 'CPM currency', 'Orders', 'CPA', 'CPA currency', 'On time', 'Last post']);
    expect(table.rows[0]).toEqual([1, 'Ana', 'Instagram, TikTok', 'Micro', 2, 5, 0.0425, 12.5, 'USD', 40, 15, 'USD', 0.8, '2026-10-30T12:00:00Z']);
    // Missing figures stay missing, never 0.
    expect(table.rows[1]).toEqual([2, 'Ben', 'YouTube', '', 2, 5, null, null, '', null, null, '', null, null]);
    expect(toCsv(table).split('\r\n')[1]).toBe('1,Ana,"Instagram, TikTok",Micro,2,5,4.25%,12.5,USD,40,15,USD,80%,2026-10-30');
  });
});
