import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconLicense, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { formatMoney } from '../../../../shared/domain/fields';
import { buildRightsLedgerTable, filterLedger, type LedgerFilter, type LedgerRight } from '../../../../shared/domain/rights-ledger';
import { territoryNames } from '../../../../shared/domain/territories';
import { adAccessPlatformLabels, adAccessView, hasAdAccess } from '../../../../shared/domain/ad-access';
import { channelLabel, formatLongDate, formatShortDate, rightStatus } from '../../../../shared/domain/usage-rights';
import { localToday } from '../../../../shared/domain/dates';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { ExportTableMenu } from '../../components/export-table-menu';
import { useRxQuery } from '../../hooks/use-rx-query';
import { useNames, type AssetRow, type ContentRow } from '../review/review-data';
import { AdAccessCode } from './ad-access-code';
import { AdAccessFormModal } from './ad-access-form-modal';
import { RightsBadgeView } from './rights-badge';
import type { RightRow } from './rights-data';
import { RightsFormModal } from './rights-form-modal';
import { RenewalTasks } from './renewal-tasks';

/** A date never breaks across lines: "5 Dec / 2027" reads as two things. */
const nowrap = { whiteSpace: 'nowrap' } as const;

/** "Whitelisting & Spark Ads" (command palette) opens #/rights/ad-access: this ledger, filtered to ad access. */
const AD_ACCESS_HASH = /^#\/?rights\/ad-access\b/;

const filters: { value: LedgerFilter; label: string }[] = [
  { value: 'all', label: 'All' }, { value: 'paid-ok', label: 'Paid use OK' }, { value: 'expiring', label: 'Expiring in 30 days' }, { value: 'expired', label: 'Expired' },
  { value: 'ad-access', label: 'Whitelisting & Spark Ads' },
];

/** The usage-rights ledger: every right, what it covers and until when, with renewals due first; exportable for legal and finance. */
export function RightsScreen() {
  const names = useNames();
  const rights = useRxQuery<RightRow>('rights', { selector: { deletedAt: null } }, 'rights-ledger');
  const content = useRxQuery<ContentRow>('content', { selector: {} }, 'rights-ledger-content');
  const assets = useRxQuery<AssetRow>('assets', { selector: {} }, 'rights-ledger-assets');
  const [filter, setFilter] = useState<LedgerFilter>(() => (AD_ACCESS_HASH.test(window.location.hash) ? 'ad-access' : 'all'));
  const [editing, setEditing] = useState<{ right: RightRow | null } | null>(null);
  const [editingAccess, setEditingAccess] = useState<{ right: RightRow | null } | null>(null);
  useEffect(() => {
    const follow = () => { if (AD_ACCESS_HASH.test(window.location.hash)) setFilter('ad-access'); };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const today = localToday();

  const ledger = useMemo(() => {
    const contentById = new Map((content ?? []).map((c) => [c.id, c]));
    const assetById = new Map((assets ?? []).map((a) => [a.id, a]));
    return (rights ?? []).map((r): LedgerRight & { row: RightRow } => {
      const post = r.contentId ? contentById.get(r.contentId) : undefined;
      const asset = r.assetId ? assetById.get(r.assetId) : undefined;
      return {
        ...r, row: r,
        creatorName: names.creator.get(r.creatorId ?? post?.creatorId ?? asset?.creatorId ?? '')?.name ?? '',
        campaignName: names.campaignName.get(r.campaignId ?? post?.campaignId ?? '') ?? '',
        covers: post ? post.url || `${post.platform ?? ''} ${post.kind === 'post' ? 'post' : `draft v${post.round}`}`.trim() : asset?.fileName ?? '',
      };
    });
  }, [rights, content, assets, names]);
  const rows = useMemo(() => filterLedger(ledger, filter, today), [ledger, filter, today]);
  const counts = useMemo(() => Object.fromEntries(filters.map((f) => [f.value, filterLedger(ledger, f.value, today).length])), [ledger, today]);

  return (
    <Stack>
      <PageHeader title="Usage rights" subtitle="Where each post or file may be used, until when, and on what terms. Renewal tasks are raised 30, 14 and 7 days before a right ends."
        actions={<>
          <ExportTableMenu size="sm" build={() => buildRightsLedgerTable(rows, today)} rowCount={rows.length} name="usage-rights" filters={[filter]} sheetName="Usage rights" what={['usage right', 'usage rights']} />
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditingAccess({ right: null })}>Record ad access</Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ right: null })}>Add a usage right</Button>
        </>} />
      <RenewalTasks />
      <SegmentedControl value={filter} onChange={(v) => setFilter(v as LedgerFilter)} style={{ alignSelf: 'flex-start' }} data={filters.map((f) => ({ value: f.value, label: `${f.label} (${counts[f.value] ?? 0})` }))} />
      {rights && (rights.length === 0 ? (
        <EmptyState icon={<IconLicense />} title="No usage rights recorded yet" action={<Button onClick={() => setEditing({ right: null })}>Add the first usage right</Button>}>
          Record what each creator granted: channels (organic, paid social per platform, website, email, out-of-home, print…), territory, dates or duration,
          fee, exclusivity and the extension option, with the contract or DM as evidence. Every post and library file then shows whether it may run in paid ads.
        </EmptyState>
      ) : rows.length === 0 ? <Text c="dimmed" size="sm" ta="center" py="lg">No usage right matches this filter.</Text> : (
        <Table highlightOnHover verticalSpacing="sm" data-testid="rights-ledger">
          <Table.Thead>
            <Table.Tr><Table.Th>Creator</Table.Th><Table.Th>Covers</Table.Th><Table.Th>Channels</Table.Th><Table.Th>Territory</Table.Th><Table.Th>Period</Table.Th><Table.Th>Fee</Table.Th><Table.Th miw={200}>Status</Table.Th><Table.Th>Ad access</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const status = rightStatus(r, today);
              return (
                <Table.Tr key={r.id} onClick={() => setEditing({ right: r.row })} style={{ cursor: 'pointer' }} data-testid="rights-row">
                  <Table.Td><Text size="sm" fw={600}>{r.creatorName || '—'}</Text><Text size="xs" c="dimmed">{r.campaignName}</Text></Table.Td>
                  <Table.Td maw={220}>{/^https?:/.test(r.covers) ? <Anchor href={r.covers} target="_blank" rel="noreferrer" size="sm" lineClamp={1} onClick={(e) => e.stopPropagation()}>{r.covers}</Anchor> : <Text size="sm" lineClamp={1}>{r.covers || '—'}</Text>}</Table.Td>
                  <Table.Td><Group gap={4}>{r.channels.map((c) => <Badge key={c} size="sm" variant="outline" color="gray" tt="none" fw={500}>{channelLabel(c).replace(/ \(.*\)$/, '')}</Badge>)}</Group></Table.Td>
                  <Table.Td><Text size="sm" title={r.territories.join(', ')}>{territoryNames(r.territories)}</Text></Table.Td>
                  <Table.Td><Text size="sm" title={`${r.startsOn ? formatLongDate(r.startsOn) : 'No start date'} to ${r.endsOn ? formatLongDate(r.endsOn) : 'no end date'}`}>
                    <span style={nowrap}>{r.startsOn ? formatShortDate(r.startsOn, undefined, today) : '—'}</span> → <span style={nowrap}>{r.endsOn ? formatShortDate(r.endsOn, undefined, today) : 'no end date'}</span></Text>
                    {status.state === 'expiring' && <Text size="xs" c="orange">{status.daysLeft === 1 ? 'Last day today' : `${status.daysLeft} days left`}{r.extensionOption ? ` · option: ${r.extensionOption}` : ''}</Text>}</Table.Td>
                  <Table.Td><Text size="sm">{formatMoney(r.fee)}</Text>{r.exclusivity && <Text size="xs" c="dimmed" lineClamp={1}>{r.exclusivity}</Text>}</Table.Td>
                  <Table.Td><RightsBadgeView rights={[r]} today={today} /></Table.Td>
                  <Table.Td onClick={(e) => { e.stopPropagation(); setEditingAccess({ right: r.row }); }} data-testid="ledger-ad-access">
                    {hasAdAccess(r.whitelisting) ? (
                      <Stack gap={2} align="flex-start">
                        <Text size="xs" fw={600}>{r.whitelisting.platform ? adAccessPlatformLabels[r.whitelisting.platform] : 'Ad access'}</Text>
                        <Badge size="sm" variant="light" tt="none" color={adAccessView(r.whitelisting, today, (d) => formatShortDate(d, undefined, today)).color}>{adAccessView(r.whitelisting, today, (d) => formatShortDate(d, undefined, today)).label}</Badge>
                        <AdAccessCode code={r.whitelisting.sparkCode} platform={r.whitelisting.platform} />
                      </Stack>
                    ) : <Text size="xs" c="dimmed">—</Text>}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ))}
      <RightsFormModal opened={!!editing} right={editing?.right} onClose={() => setEditing(null)} />
      <AdAccessFormModal opened={!!editingAccess} right={editingAccess?.right} onClose={() => setEditingAccess(null)} />
    </Stack>
  );
}
