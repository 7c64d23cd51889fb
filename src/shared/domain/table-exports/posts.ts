import { engagementRate, latestSnapshot, postEngagementRate } from '../engagement-rate';
import { exportTable, moneyAmount, type ExportColumn } from '../export-columns';
import type { Money } from '../fields';
import { countMetrics, metricLabels, metricsSourceLabels, type CountMetric, type MetricsSource } from '../../import/metrics-import';
import type { MissingPost } from '../not-posted';
import type { ExportTable } from '../table-export';

type Snapshot = { at: string; source?: string; revenue?: Money | null; evidenceAssetId?: string | null } & { [K in CountMetric]?: number | null };

/** A live post with the names the screen resolved for it. */
export interface ExportPost {
  creatorName: string;
  platform: string;
  format: string;
  url: string;
  postedAt: string | null;
  metrics: readonly Snapshot[];
  /** The creator's followers on the post's platform, for engagement rate without reach. */
  followers: number | null;
  usageRights: string;
  /** The file name of the latest snapshot's screenshot, when one is attached. */
  screenshot?: string;
}

const post: ExportColumn<ExportPost>[] = [
  { header: 'Creator', kind: 'text', value: (p) => p.creatorName },
  { header: 'Platform', kind: 'text', value: (p) => p.platform },
  { header: 'Format', kind: 'text', value: (p) => p.format },
  { header: 'Link', kind: 'text', value: (p) => p.url },
  { header: 'Posted', kind: 'date', value: (p) => p.postedAt },
];
const rate: ExportColumn<ExportPost> = { header: 'Engagement rate', kind: 'percent', value: (p) => postEngagementRate(p.metrics, p.followers) };
const metric = (key: CountMetric): ExportColumn<ExportPost> => ({ header: metricLabels[key], kind: 'count', value: (p) => latestSnapshot(p.metrics)?.[key] ?? null });

/** The live posts list: reach, views and engagement rate from each post's latest numbers, and its usage rights. */
export function buildLivePostsTable(rows: readonly ExportPost[]): ExportTable {
  return exportTable(rows, [...post, metric('reach'), metric('views'), rate, { header: 'Usage rights', kind: 'text', value: (p) => p.usageRights }]);
}

/** The metrics grid as saved: every metric of each post's latest snapshot, revenue with its currency. */
export function buildMetricsGridTable(rows: readonly ExportPost[]): ExportTable {
  return exportTable(rows, [
    ...post,
    ...countMetrics.map(metric),
    { header: 'Revenue', kind: 'money', value: (p) => moneyAmount(latestSnapshot(p.metrics)?.revenue) },
    { header: 'Currency', kind: 'text', value: (p) => latestSnapshot(p.metrics)?.revenue?.currency ?? '' },
    rate,
    { header: 'Numbers as of', kind: 'date', value: (p) => latestSnapshot(p.metrics)?.at ?? null },
    { header: 'Screenshot', kind: 'text', value: (p) => p.screenshot ?? '' },
  ]);
}

/** Who still owes a post: the deliverable, its due date and how late it is. */
export function buildNotPostedTable(rows: readonly (MissingPost & { creatorName: string; platformName: string })[]): ExportTable {
  return exportTable(rows, [
    { header: 'Creator', kind: 'text', value: (m) => m.creatorName },
    { header: 'Platform', kind: 'text', value: (m) => m.platformName },
    { header: 'Format', kind: 'text', value: (m) => m.format },
    { header: 'Posts owed', kind: 'count', value: (m) => m.owed },
    { header: 'Due', kind: 'date', value: (m) => m.dueOn },
    { header: 'Days late', kind: 'count', value: (m) => (m.daysLate != null && m.daysLate > 0 ? m.daysLate : null) },
  ]);
}


/** One post's numbers over time, newest first: each snapshot as a row. */
export function buildSnapshotsTable(snapshots: readonly (Snapshot & { screenshot?: string })[], followers: number | null): ExportTable {
  return exportTable<Snapshot & { screenshot?: string }>(snapshots, [
    { header: 'As of', kind: 'date', value: (s) => s.at },
    ...countMetrics.map((k) => ({ header: metricLabels[k], kind: 'count' as const, value: (s: Snapshot) => s[k] ?? null })),
    { header: 'Revenue', kind: 'money', value: (s) => moneyAmount(s.revenue) },
    { header: 'Currency', kind: 'text', value: (s) => s.revenue?.currency ?? '' },
    { header: 'Engagement rate', kind: 'percent', value: (s) => engagementRate({ ...s, followers }) },
    { header: 'Source', kind: 'text', value: (s) => metricsSourceLabels[s.source as MetricsSource] ?? '' },
    { header: 'Screenshot', kind: 'text', value: (s) => s.screenshot ?? '' },
  ]);
}
