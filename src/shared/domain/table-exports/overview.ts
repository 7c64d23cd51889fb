import { latestSnapshot } from '../engagement-rate';
import { exportTable } from '../export-columns';
import type { Money } from '../fields';
import type { CountMetric } from '../../import/metrics-import';
import type { ExportTable } from '../table-export';

type Snapshot = { at: string; source?: string; revenue?: Money | null } & { [K in CountMetric]?: number | null };

/** The overview's latest posts: who, for which campaign, and their latest views and reach. */
export function buildLatestPostsTable(rows: readonly { creatorName: string; campaignName: string; url: string; postedAt: string | null; metrics: readonly Snapshot[] }[]): ExportTable {
  return exportTable(rows, [
    { header: 'Creator', kind: 'text', value: (p) => p.creatorName },
    { header: 'Campaign', kind: 'text', value: (p) => p.campaignName },
    { header: 'Link', kind: 'text', value: (p) => p.url },
    { header: 'Posted', kind: 'date', value: (p) => p.postedAt },
    { header: 'Views', kind: 'count', value: (p) => latestSnapshot(p.metrics)?.views ?? null },
    { header: 'Reach', kind: 'count', value: (p) => latestSnapshot(p.metrics)?.reach ?? null },
  ]);
}
