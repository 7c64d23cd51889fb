import type { BrandKit } from '../documents/model';
import type { DocumentRequest } from '../documents/requests';
import type { LeadershipReportSource } from '../documents/leadership-report';
import { tierLabels } from '../domain/tiers';
import { platformLabel, postKpi, topContent, type Breakdown, type Report } from './build-report';
import { kpiDefinitions, type KpiId } from './kpis';
import { formatPeriod } from './periods';
import type { ReportView } from './report-view';

/** The tiles on page one of the leadership PDF, in reading order: who, how many, how far, at what cost, for what return. */
export const headlineKpis: KpiId[] = ['creatorsPosted', 'posts', 'reach', 'views', 'engagements', 'engagementRate', 'clicks', 'orders', 'spend', 'cpm', 'revenue', 'roas'];

/** The top posts the PDF shows, and so whose pictures it wants. */
export const pdfTopPosts = 10;

/** Creators listed in the PDF per group (not posted yet / posted); the Excel report has everyone. */
export const pdfCreatorsPerGroup = 200;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function listOf(names: string[], max = 6): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function breakdownRows(rows: Breakdown[]): LeadershipReportSource['byPlatform'] {
  return rows.slice(0, 40).map((b) => ({
    label: cut(b.label, 100), creators: b.creators, posts: b.posts, reach: b.kpis.reach.value, engagements: b.kpis.engagements.value,
    engagementRate: b.kpis.engagementRate.value, spend: b.kpis.spend.value, cpm: b.kpis.cpm.value,
  }));
}

/** How the cover says what was done with posts whose figures cannot all be true. */
function implausibleLine(i: Report['implausible']): string {
  const one = i.posts === 1;
  const posts = `${i.posts} post${one ? '' : 's'}`;
  if (i.leftOut) return `${posts}: ${one ? 'its' : 'their'} figures are left out (${one ? 'it still counts as a post' : 'they still count as posts'})`;
  const unconfirmed = i.posts - i.confirmed;
  const who = i.confirmed === 0 ? 'not confirmed by anyone' : unconfirmed === 0 ? 'confirmed by whoever entered them' : `${i.confirmed} confirmed by whoever entered them, ${unconfirmed} not`;
  return `${posts}, included (${who})`;
}

export interface LeadershipMeta {
  title: string;
  brand: BrandKit;
  /** "21 November 2026". */
  preparedOn: string;
  /** Owner ids to names, for the filters on the cover. */
  ownerNames?: Record<string, string>;
  /** Library pictures by asset id (SHA-256 in the media store), for top content's thumbnails. */
  pictures?: Record<string, string>;
}

/** What the Reports screen sends the host to make the leadership PDF: the report exactly as on screen, with its filters. */
export function leadershipRequestFrom(report: Report, view: ReportView, meta: LeadershipMeta): DocumentRequest {
  const filters: LeadershipReportSource['filters'] = [
    { label: 'Campaigns', value: cut(view.campaignIds.length ? listOf(report.campaigns.map((c) => c.name)) : 'All campaigns and programs', 1000) },
    { label: 'Platforms', value: view.platforms.length ? listOf(view.platforms.map(platformLabel)) : 'All platforms' },
    { label: 'Creator tiers', value: view.tiers.length ? listOf(view.tiers.map((t) => tierLabels[t])) : 'All tiers' },
  ];
  if (view.ownerIds.length) filters.push({ label: 'Owners', value: cut(listOf(view.ownerIds.map((id) => meta.ownerNames?.[id] ?? 'A teammate')), 1000) });
  if (view.shippingPerParcel != null) filters.push({ label: 'Shipping per parcel', value: `${view.shippingPerParcel.toFixed(2)} ${report.currency}` });
  if (report.implausible.posts > 0) filters.push({ label: 'Figures that cannot all be true', value: implausibleLine(report.implausible) });
  if (view.emv) filters.push({ label: 'EMV rates', value: `${view.emv.perThousandImpressions} per 1,000 impressions, ${view.emv.perEngagement} per engagement, ${view.emv.perClick} per click (${report.currency})` });

  const targets = new Map(report.targets.map((t) => [t.kpi, t.targetValue]));
  const t = report.totals;
  const waiting = report.creators.filter((c) => c.postsInReport === 0);
  const posted = report.creators.filter((c) => c.postsInReport > 0);
  const creatorRow = (c: Report['creators'][number]) => ({
    name: cut(c.name, 300), handle: cut(c.handle, 100), campaign: cut(c.campaignName, 300), platform: platformLabel(c.platform), tier: c.tier ? tierLabels[c.tier] : '',
    posts: c.postsInReport, fee: c.feeMicros, product: c.productMicros,
  });

  return {
    kind: 'leadership-report',
    brand: meta.brand,
    title: cut(meta.title, 200),
    periodLabel: report.period ? formatPeriod(report.period) : 'All time',
    comparisonLabel: report.comparison
      ? `${report.comparison.comparison === 'last-year' ? 'The same period last year' : 'The previous period'} (${formatPeriod(report.comparison.period)})`
      : null,
    preparedOn: meta.preparedOn,
    currency: report.currency,
    filters,
    headline: headlineKpis,
    kpis: kpiDefinitions.map((k) => {
      const change = report.comparison?.changes[k.id];
      return {
        id: k.id, value: report.kpis[k.id].value, why: report.kpis[k.id].why ?? null,
        previous: report.comparison ? report.comparison.kpis[k.id].value : null,
        delta: change?.delta ?? null, percent: change?.percent ?? null, changeWhy: change?.why ?? null,
        target: targets.get(k.id) ?? null,
      };
    }),
    granularity: view.granularity,
    trend: report.trend.slice(-104).map((p) => ({
      label: cut(p.label, 40), posts: p.posts, creatorsPosting: p.creatorsPosting, reach: p.reach, views: p.views, engagements: p.engagements, clicks: p.clicks,
    })),
    byPlatform: breakdownRows(report.byPlatform),
    byTier: breakdownRows(report.byTier),
    byBucket: breakdownRows(report.byBucket),
    spend: {
      fees: t.feesMicros.reported ? t.feesMicros.sum : null,
      product: t.productMicros.reported ? t.productMicros.sum : null,
      shipping: t.shippingMicros.reported ? t.shippingMicros.sum : null,
      total: report.kpis.spend.value,
      budget: report.budgetMicros,
      otherCurrencyAmounts: report.otherCurrencyAmounts,
    },
    topBy: view.topBy,
    top: topContent(report, view.topBy, pdfTopPosts).map((p) => ({
      creatorName: cut(p.creatorName, 300), handle: cut(p.handle, 100), platform: platformLabel(p.platform), format: cut(p.format, 60), postedOn: p.postedOn,
      value: postKpi(p, view.topBy), url: p.url.length <= 2000 ? p.url : '',
      imageSha256: (p.assetId ? meta.pictures?.[p.assetId] : undefined) ?? null,
      implausible: p.implausible ?? null,
    })),
    creators: {
      posted: posted.length,
      notYet: waiting.length,
      rows: [...waiting.slice(0, pdfCreatorsPerGroup), ...posted.slice(0, pdfCreatorsPerGroup)].map(creatorRow),
    },
  };
}
