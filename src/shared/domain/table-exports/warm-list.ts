import { exportTable, moneyAmount } from '../export-columns';
import type { PastPerformance } from '../past-performance';
import type { ExportTable } from '../table-export';

/** The warm list in its ranking, with the filters applied: how each creator did for us before. */
export function buildWarmListTable(rows: readonly { name: string; platforms: string; tier: string; perf: PastPerformance }[]): ExportTable {
  return exportTable(rows.map((r, i) => ({ ...r, rank: i + 1 })), [
    { header: 'Rank', kind: 'count', value: (r) => r.rank },
    { header: 'Creator', kind: 'text', value: (r) => r.name },
    { header: 'Platforms', kind: 'text', value: (r) => r.platforms },
    { header: 'Tier', kind: 'text', value: (r) => r.tier },
    { header: 'Campaigns', kind: 'count', value: (r) => r.perf.campaigns },
    { header: 'Posts', kind: 'count', value: (r) => r.perf.posts },
    { header: 'Engagement rate', kind: 'percent', value: (r) => r.perf.engagementRate },
    { header: 'CPM', kind: 'money', value: (r) => moneyAmount(r.perf.cpm) },
    { header: 'CPM currency', kind: 'text', value: (r) => r.perf.cpm?.currency ?? '' },
    { header: 'Orders', kind: 'count', value: (r) => r.perf.orders },
    { header: 'CPA', kind: 'money', value: (r) => moneyAmount(r.perf.cpa) },
    { header: 'CPA currency', kind: 'text', value: (r) => r.perf.cpa?.currency ?? '' },
    { header: 'On time', kind: 'percent', value: (r) => r.perf.onTimeRate },
    { header: 'Last post', kind: 'date', value: (r) => r.perf.lastPostedAt },
  ]);
}
