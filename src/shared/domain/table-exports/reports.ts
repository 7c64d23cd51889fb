import { platformLabel, type CreatorRow, type PostRow, type Report } from '../../reports/build-report';
import { exportTable, microsAmount, type ExportColumn } from '../export-columns';
import type { ExportTable } from '../table-export';
import { tierLabels } from '../tiers';

const count = (header: string, value: (p: PostRow) => number | null): ExportColumn<PostRow> => ({ header, kind: 'count', value });

/** The report's posts, as on the Reports screen: each one with its latest numbers and revenue in the report's currency. */
export function buildReportPostsTable(report: Report): ExportTable {
  return exportTable(report.posts, [
    { header: 'Posted on', kind: 'date', value: (p) => p.postedOn },
    { header: 'Creator', kind: 'text', value: (p) => p.creatorName },
    { header: 'Handle', kind: 'text', value: (p) => p.handle },
    { header: 'Campaign', kind: 'text', value: (p) => p.campaignName },
    { header: 'Platform', kind: 'text', value: (p) => platformLabel(p.platform) },
    { header: 'Format', kind: 'text', value: (p) => p.format },
    { header: 'Tier', kind: 'text', value: (p) => (p.tier ? tierLabels[p.tier] : '') },
    { header: 'Post link', kind: 'text', value: (p) => p.url },
    count('Views', (p) => p.views), count('Reach', (p) => p.reach), count('Impressions', (p) => p.impressions),
    count('Likes', (p) => p.likes), count('Comments', (p) => p.comments), count('Shares', (p) => p.shares), count('Saves', (p) => p.saves),
    count('Clicks', (p) => p.clicks), count('Orders', (p) => p.orders),
    { header: `Revenue (${report.currency})`, kind: 'money', value: (p) => microsAmount(p.revenueMicros) },
    { header: 'Engagement rate', kind: 'percent', value: (p) => p.engagementRate },
  ]);
}

/** Who was in the report's campaigns: whether each has posted in the period, and what they cost. */
export function buildReportCreatorsTable(report: Report): ExportTable {
  const columns: ExportColumn<CreatorRow>[] = [
    { header: 'Creator', kind: 'text', value: (c) => c.name },
    { header: 'Handle', kind: 'text', value: (c) => c.handle },
    { header: 'Campaign', kind: 'text', value: (c) => c.campaignName },
    { header: 'Platform', kind: 'text', value: (c) => platformLabel(c.platform) },
    { header: 'Tier', kind: 'text', value: (c) => (c.tier ? tierLabels[c.tier] : '') },
    { header: 'Bucket', kind: 'text', value: (c) => c.bucket },
    { header: 'Posted', kind: 'text', value: (c) => (c.postsInReport > 0 ? 'Yes' : 'Not yet') },
    { header: 'Posts', kind: 'count', value: (c) => c.postsInReport },
    { header: `Fee (${report.currency})`, kind: 'money', value: (c) => microsAmount(c.feeMicros) },
    { header: `Product (${report.currency})`, kind: 'money', value: (c) => microsAmount(c.productMicros) },
  ];
  return exportTable(report.creators, columns);
}
