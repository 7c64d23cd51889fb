import { describe, expect, it } from 'vitest';
import { moneyFrom } from '../../../../src/shared/domain/fields';
import { buildLivePostsTable, buildMetricsGridTable, buildNotPostedTable, type ExportPost } from '../../../../src/shared/domain/table-exports/posts';
import { toCsv } from '../../../../src/shared/domain/table-export';

const snap = (at: string, over: Record<string, unknown>) => ({ at, impressions: null, reach: null, views: null, likes: null, comments: null, shares: null, saves: null, clicks: null, orders: null, revenue: null, ...over });
const post = (over: Partial<ExportPost>): ExportPost => ({
  creatorName: 'Ana', platform: 'Instagram', format: 'Reel', url: 'https://www.instagram.com/reel/abc/', postedAt: '2026-11-01T10:00:00Z', followers: 10_000, usageRights: 'No usage rights',
  metrics: [snap('2026-11-02T00:00:00Z', { reach: 1000, views: 3000, likes: 50 }), snap('2026-11-09T00:00:00Z', { reach: 2000, views: 8000, likes: 150, comments: 50, revenue: moneyFrom(120.5, 'USD'), orders: 3 })],
  ...over,
});

describe('the posts exports', () => {
  it('live posts: the latest reach and views, and engagement rate as a fraction', () => {
    const table = buildLivePostsTable([post({})]);
    expect(table.headers).toEqual(['Creator', 'Platform', 'Format', 'Link', 'Posted', 'Reach', 'Views', 'Engagement rate', 'Usage rights']);
    expect(table.kinds[7]).toBe('percent');
    expect(table.rows[0].slice(5, 8)).toEqual([2000, 8000, 0.1]);
    expect(toCsv(table)).toContain(',2026-11-01,2000,8000,10%,No usage rights');
  });

  it('a post without numbers exports empty cells, not zeros', () => {
    const table = buildLivePostsTable([post({ metrics: [] })]);
    expect(table.rows[0].slice(5, 8)).toEqual([null, null, null]);
  });

  it('the metrics grid: every metric of the latest snapshot, revenue in currency units with its currency', () => {
    const table = buildMetricsGridTable([post({ screenshot: 'ana-story.png' })]);
    const at = (h: string) => table.rows[0][table.headers.indexOf(h)];
    expect(table.headers).toContain('Impressions');
    expect(at('Likes')).toBe(150);
    expect(at('Impressions')).toBeNull();
    expect(at('Orders')).toBe(3);
    expect(at('Revenue')).toBe(120.5);
    expect(table.kinds[table.headers.indexOf('Revenue')]).toBe('money');
    expect(at('Currency')).toBe('USD');
    expect(at('Numbers as of')).toBe('2026-11-09T00:00:00Z');
    expect(at('Screenshot')).toBe('ana-story.png');
  });

  it('not posted: how many are owed and how late, without counting days not yet due as late', () => {
    const table = buildNotPostedTable([
      { engagementId: 'e', creatorId: 'c', deliverableId: 'd', platform: 'tiktok', platformName: 'TikTok', format: 'video', dueOn: '2026-11-10', owed: 2, daysLate: 11, creatorName: '@risky' },
      { engagementId: 'e2', creatorId: 'c2', deliverableId: 'd2', platform: 'instagram', platformName: 'Instagram', format: 'story', dueOn: '2026-12-01', owed: 1, daysLate: -10, creatorName: 'Bo' },
    ]);
    expect(table.rows).toEqual([['@risky', 'TikTok', 'video', 2, '2026-11-10', 11], ['Bo', 'Instagram', 'story', 1, '2026-12-01', null]]);
    expect(toCsv(table).split('\r\n')[1]).toBe("'@risky,TikTok,video,2,2026-11-10,11");
  });
});
