import { useMemo } from 'react';
import { readTierThresholds } from '../../../../shared/domain/tier-settings';
import type { ReportData } from '../../../../shared/reports/build-report';
import { localDate } from '../../../../shared/domain/dates';
import { useRxQuery } from '../../hooks/use-rx-query';

export interface SettingRow { id: string; kind: string; name: string; data: Record<string, unknown> }

const active = { selector: { deletedAt: null } };

/**
 * Everything a report reads, live from the projection: a teammate's logged
 * metrics change the report as they arrive. Only the creators who are in a
 * campaign or posted are read, so a 50,000-creator CRM costs nothing here.
 */
export function useReportData() {
  const campaigns = useRxQuery<ReportData['campaigns'][number]>('campaigns', active, 'reports-campaigns');
  const engagements = useRxQuery<ReportData['engagements'][number]>('engagements', active, 'reports-engagements');
  const content = useRxQuery<ReportData['content'][number]>('content', active, 'reports-content');
  const shipments = useRxQuery<ReportData['shipments'][number]>('shipments', active, 'reports-shipments');
  const products = useRxQuery<ReportData['products'][number]>('products', active, 'reports-products');
  const settings = useRxQuery<SettingRow>('settings', active, 'reports-settings');
  const creatorIds = useMemo(() => {
    const ids = new Set<string>();
    for (const e of engagements ?? []) ids.add(e.creatorId);
    for (const c of content ?? []) ids.add(c.creatorId);
    return [...ids].sort();
  }, [engagements, content]);
  const creators = useRxQuery<ReportData['creators'][number]>('creators', { selector: { id: { $in: creatorIds } } }, `reports-creators-${creatorIds.length}-${creatorIds[0] ?? ''}-${creatorIds[creatorIds.length - 1] ?? ''}-${hash(creatorIds)}`);

  const workspace = settings?.find((s) => s.kind === 'workspace') ?? null;
  const timeZone = typeof workspace?.data.timeZone === 'string' ? workspace.data.timeZone : Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const currency = typeof workspace?.data.currency === 'string' ? workspace.data.currency : 'USD';
  const thresholds = useMemo(() => readTierThresholds(workspace?.data), [workspace]);
  const data: ReportData | null = useMemo(() => (campaigns && engagements && content && shipments && products && creators
    ? { campaigns, engagements, content, shipments, products, creators } : null), [campaigns, engagements, content, shipments, products, creators]);
  const views = useMemo(() => (settings ?? []).filter((s) => s.kind === 'report-view').sort((a, b) => a.name.localeCompare(b.name)), [settings]);
  const members = useMemo(() => (settings ?? []).filter((s) => s.kind === 'member'), [settings]);
  return { data, views, members, timeZone, currency, thresholds, today: localDate(new Date().toISOString(), timeZone) };
}

function hash(ids: string[]): number {
  let h = 0;
  for (const id of ids) for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) | 0;
  return h;
}
