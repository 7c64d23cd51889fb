import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/shared/import/csv';
import {
  carryForward, detectLayout, parseAmount, parseMetricDate, parsePastedGrid, pasteIntoGrid, planAffiliateImport, planGenericImport, problemsCsv,
  type PostForImport,
} from '../../../src/shared/import/metrics-import';
import { ENGAGEMENT_RATE_FORMULA, latestSnapshot, postEngagementRate } from '../../../src/shared/domain/engagement-rate';

const csv = (text: string) => parseCsv(new TextEncoder().encode(text));
const now = '2026-11-21T10:00:00.000Z';
const posts: PostForImport[] = [
  { id: 'p1', creatorId: 'ana', campaignId: 'k', url: 'https://www.instagram.com/p/C3xYz/', platform: 'instagram', platformPostId: 'C3xYz', postedAt: '2026-11-01T17:00:00.000Z' },
  { id: 'p2', creatorId: 'ana', campaignId: 'k', url: 'https://www.tiktok.com/@ana/video/7301234567890123456', platform: 'tiktok', platformPostId: '7301234567890123456', postedAt: '2026-11-10T17:00:00.000Z' },
  { id: 'p3', creatorId: 'ben', campaignId: 'k', url: 'https://youtu.be/dQw4w9WgXcQ', platform: 'youtube', platformPostId: 'dQw4w9WgXcQ', postedAt: '2026-11-05T17:00:00.000Z' },
];

describe('reading numbers and dates', () => {
  it('reads money as people write it', () => {
    expect(parseAmount('1,234.50', 'USD')).toEqual({ ok: true, value: { amountMicros: 1_234_500_000, currency: 'USD' } });
    expect(parseAmount('$99', 'EUR')).toEqual({ ok: true, value: { amountMicros: 99_000_000, currency: 'USD' } });
    expect(parseAmount('1.234,50 €', 'USD')).toEqual({ ok: true, value: { amountMicros: 1_234_500_000, currency: 'EUR' } });
    expect(parseAmount('GBP 12.5', 'USD')).toEqual({ ok: true, value: { amountMicros: 12_500_000, currency: 'GBP' } });
    expect(parseAmount(42.1, 'USD')).toEqual({ ok: true, value: { amountMicros: 42_100_000, currency: 'USD' } });
    expect(parseAmount('', 'USD')).toEqual({ ok: true, value: null });
    expect(parseAmount('-5', 'USD').ok).toBe(false);
    expect(parseAmount('lots', 'USD').ok).toBe(false);
    expect(parseAmount('1.2.3', 'USD').ok).toBe(false);
  });

  it('reads dates and refuses to guess day and month', () => {
    expect(parseMetricDate('2026-11-01')).toEqual({ ok: true, value: '2026-11-01T12:00:00.000Z' });
    expect(parseMetricDate('2026-11-01 14:03')).toEqual({ ok: true, value: '2026-11-01T14:03:00.000Z' });
    expect(parseMetricDate('2026-11-01T14:03:00+02:00')).toEqual({ ok: true, value: '2026-11-01T12:03:00.000Z' });
    expect(parseMetricDate('2028-02-29').ok).toBe(true);
    expect(parseMetricDate('2027-02-29')).toMatchObject({ ok: false, reason: expect.stringMatching(/calendar/) });
    expect(parseMetricDate('03/04/2026')).toMatchObject({ ok: false, reason: expect.stringMatching(/could be/) });
    expect(parseMetricDate('25/04/2026')).toEqual({ ok: true, value: '2026-04-25T12:00:00.000Z' });
    expect(parseMetricDate('04/25/2026')).toEqual({ ok: true, value: '2026-04-25T12:00:00.000Z' });
    expect(parseMetricDate('')).toEqual({ ok: true, value: null });
    expect(parseMetricDate('yesterday').ok).toBe(false);
  });
});

describe('the grid', () => {
  it('reads a block pasted from a spreadsheet and places it from the focused cell', () => {
    const block = parsePastedGrid('1200\t340\t12\r\n1,500\tx\t\r\n9\t9\t9\t9\r\n');
    expect(block).toEqual([['1200', '340', '12'], ['1,500', 'x', ''], ['9', '9', '9', '9']]);
    const result = pasteIntoGrid(block, 0, 1, ['views', 'likes', 'comments', 'revenue'], 2, 'USD');
    expect(result.cells).toEqual([
      { row: 0, column: 'likes', value: 1200 }, { row: 0, column: 'comments', value: 340 }, { row: 0, column: 'revenue', value: { amountMicros: 12_000_000, currency: 'USD' } },
      { row: 1, column: 'likes', value: 1500 }, { row: 1, column: 'revenue', value: null },
    ]);
    expect(result.problems).toEqual([{ row: 1, column: 'comments', reason: expect.any(String) }]);
    expect(result.cutOff).toBe(true);
  });

  it('carries totals the new numbers do not mention', () => {
    expect(carryForward({ likes: 10, reach: 1000 }, { likes: 12, comments: null })).toMatchObject({ likes: 12, reach: 1000, comments: null });
  });
});

describe('generic CSV import', () => {
  it('matches rows to posts by link or id, one snapshot per row, bad rows reported and skipped whole', () => {
    const table = csv([
      'Post URL,Date,Views,Reach,Likes,Comments,Shares,Saves,Clicks,Orders,Revenue',
      'https://instagram.com/p/C3xYz/?igsh=zz,2026-11-15,12000,8000,640,40,12,30,90,4,$180.00',
      'https://www.tiktok.com/@ana/video/7301234567890123456,2026-11-15,"45,000",,2100,80,60,,,,',
      'https://www.instagram.com/p/UNKNOWN/,2026-11-15,100,,,,,,,,',
      'https://youtu.be/dQw4w9WgXcQ,2026-11-15,lots,10,,,,,,,',
      'https://youtu.be/dQw4w9WgXcQ,31/31/2026,5,,,,,,,,',
      'https://instagram.com/p/C3xYz/,2026-11-15,13000,,,,,,,,',
      ',,,,,,,,,,',
      'https://youtu.be/dQw4w9WgXcQ,,,,,,,,,,',
    ].join('\n'));
    expect(detectLayout(table.headers)).toBe('generic');
    const plan = planGenericImport(table, posts, { currency: 'USD', now });
    expect(plan.rowsRead).toBe(7);
    expect(plan.snapshots).toEqual([
      { contentId: 'p1', at: '2026-11-15T12:00:00.000Z', rows: [2], values: { views: 12000, reach: 8000, likes: 640, comments: 40, shares: 12, saves: 30, clicks: 90, orders: 4, revenue: { amountMicros: 180_000_000, currency: 'USD' } } },
      { contentId: 'p2', at: '2026-11-15T12:00:00.000Z', rows: [3], values: { views: 45000, likes: 2100, comments: 80, shares: 60 } },
    ]);
    expect(plan.problems.map((p) => [p.row, p.column])).toEqual([[4, 'Post URL'], [5, 'Views'], [6, 'Date'], [7, ''], [9, '']]);
    expect(plan.problems[0].reason).toMatch(/No logged post matches/);
    expect(problemsCsv(plan.problems).split('\r\n')[0]).toBe('Row,Column,Problem');
  });

  it('matches a bare platform post id too', () => {
    const plan = planGenericImport(csv('Post ID,Likes\ndQw4w9WgXcQ,12\n'), posts, { currency: 'USD', now });
    expect(plan.snapshots).toMatchObject([{ contentId: 'p3', at: now, values: { likes: 12 } }]);
  });
});

describe('impact.com action listing import', () => {
  const matchers = { codeToCreator: new Map([['ana15', 'ana']]), partnerToCreator: new Map([['ben rivers', 'ben']]) };
  it('counts orders and sums sale amounts per post; reversed, duplicate and unmatched rows are reported', () => {
    const table = csv([
      'Action Id,Action Date,Partner,Promo Code,Sub Id 1,Referring URL,Sale Amount,Payout,Currency,State',
      '19816.4410.1,2026-11-12 09:10,Ana K,ANA15,,,60.00,6.00,USD,Approved',
      '19816.4410.2,2026-11-03 11:00,Ana K,ana15,,,40.00,4.00,USD,Pending',
      '19816.4410.3,2026-11-12 12:00,Ana K,,,https://www.instagram.com/p/C3xYz/,25.50,2.55,USD,Approved',
      '19816.4410.4,2026-11-13 12:00,Ben Rivers,,,,100,10,USD,Reversed',
      '19816.4410.5,2026-11-13 12:00,Ben Rivers,,,,100,10,USD,Approved',
      '19816.4410.5,2026-11-13 12:00,Ben Rivers,,,,100,10,USD,Approved',
      '19816.4410.6,2026-11-13 12:00,Zed,ZED10,,,30,3,USD,Approved',
      '19816.4410.7,2026-11-13 12:00,Ana K,ANA15,,,abc,3,USD,Approved',
    ].join('\n'));
    expect(detectLayout(table.headers)).toBe('impact');
    const plan = planAffiliateImport(table, posts, matchers, { currency: 'USD', now });
    const byPost = Object.fromEntries(plan.snapshots.map((s) => [s.contentId, s]));
    // The 12 Nov order goes to Ana's latest post before it (p2, 10 Nov); the 3 Nov one to p1; the referring URL names p1.
    expect(byPost.p2.values).toEqual({ orders: 1, revenue: { amountMicros: 60_000_000, currency: 'USD' } });
    expect(byPost.p1.values).toEqual({ orders: 2, revenue: { amountMicros: 65_500_000, currency: 'USD' } });
    expect(byPost.p3.values).toEqual({ orders: 1, revenue: { amountMicros: 100_000_000, currency: 'USD' } });
    expect(plan.problems.map((p) => p.row)).toEqual([5, 7, 8, 9]);
    expect(plan.problems[0].reason).toMatch(/reversed/);
    expect(plan.problems[1].reason).toMatch(/counted once/);
    expect(plan.problems[2].reason).toMatch(/ZED10/);
  });

  it('reads the Action Feed spelling of the same columns', () => {
    const table = csv('ActionId,EventDate,MediaPartnerName,PromoCode,Amount,Currency\nA1,2026-11-12T09:10:00Z,Ben Rivers,,19.99,USD\n');
    expect(detectLayout(table.headers)).toBe('impact');
    expect(planAffiliateImport(table, posts, matchers, { currency: 'USD', now }).snapshots).toMatchObject([{ contentId: 'p3', values: { orders: 1 } }]);
  });
});

describe('engagement rate per post', () => {
  it('uses the latest snapshot and the one formula', () => {
    const snapshots = [{ at: '2026-11-02T00:00:00Z', likes: 1, reach: 10 }, { at: '2026-11-09T00:00:00Z', likes: 90, comments: 10, reach: 2000 }];
    expect(latestSnapshot(snapshots)?.likes).toBe(90);
    expect(postEngagementRate(snapshots, 50_000)).toBeCloseTo(0.05);
    expect(postEngagementRate([{ at: '2026-11-02T00:00:00Z', likes: 100 }], 10_000)).toBeCloseTo(0.01);
    expect(postEngagementRate([], 10_000)).toBeNull();
    expect(postEngagementRate([{ at: '2026-11-02T00:00:00Z', reach: 100 }], 10_000)).toBeNull();
    expect(ENGAGEMENT_RATE_FORMULA).toMatch(/reach/);
  });
});
