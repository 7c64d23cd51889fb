import { ActionIcon, Anchor, Badge, Button, Checkbox, Group, Menu, Paper, Popover, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconFileImport, IconHistory, IconSparkles, IconTicket } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { codeLineage } from '../../../../shared/domain/code-generation';
import { codeLimits, describeLimits, exportDiscountCodes } from '../../../../shared/domain/discount-csv';
import { formatMoney } from '../../../../shared/domain/fields';
import { buildCodesTable } from '../../../../shared/domain/table-exports/codes';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { downloadBlob, showDownloadNotice } from '../../components/download-file';
import { EmptyState } from '../../components/empty-state';
import { ExportTableMenu } from '../../components/export-table-menu';
import { RowActionsMenu } from '../../components/row-actions-menu';
import { AttributionImportModal } from './attribution-import-modal';
import { describeCodeDiscount, type CodeRow, type SavedRule } from './code-rows';
import { GenerateCodesModal } from './generate-codes-modal';
import { RevokeCodeModal } from './revoke-code-modal';

type StatusFilter = 'active' | 'revoked' | 'all';

/** Every discount code: who has it, what it gives, what it sold, and its history when it was revoked and reissued. */
export function CodesPanel({ codes, rules, campaigns, creatorNames, currency }: {
  codes: CodeRow[];
  rules: SavedRule[];
  campaigns: { value: string; label: string }[];
  creatorNames: Map<string, string>;
  currency: string;
}) {
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [status, setStatus] = useState<StatusFilter>('active');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [generating, setGenerating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [revoking, setRevoking] = useState<CodeRow | null>(null);
  const session = useSession();
  const remove = async (c: CodeRow) => {
    try {
      await session.commands.softDelete('codes', [c.id]);
      notifyWithUndo(`${c.code} deleted`, () => void session.commands.restore('codes', [c.id]));
    } catch (error) {
      reportError('The code was not deleted')(error);
    }
  };
  const discountCodes = useMemo(() => codes.filter((c) => c.kind === 'discount'), [codes]);
  const replacedBy = useMemo(() => new Map(discountCodes.filter((c) => c.replacesId).map((c) => [c.replacesId!, c])), [discountCodes]);
  const visible = discountCodes
    .filter((c) => (!campaignId || c.campaignId === campaignId) && (status === 'all' || c.status === status))
    .sort((a, b) => (creatorNames.get(a.creatorId ?? '') ?? '').localeCompare(creatorNames.get(b.creatorId ?? '') ?? '') || b.createdAt.localeCompare(a.createdAt));
  const name = (id: string | null) => (id ? creatorNames.get(id) ?? 'Creator' : 'No creator');
  const campaignName = (id: string | null) => campaigns.find((c) => c.value === id)?.label ?? '';
  const chosen = visible.filter((c) => selected.has(c.id));
  const allSelected = visible.length > 0 && visible.every((c) => selected.has(c.id));

  const exportCsv = () => {
    const out = exportDiscountCodes(chosen.map((c) => ({
      code: c.code, creatorName: name(c.creatorId), campaignName: campaignName(c.campaignId), discount: c.discount, ...codeLimits(c, rules), status: c.status, createdAt: c.createdAt,
    })), new Date().toISOString().slice(0, 10));
    if (out.rows) downloadBlob(out.fileName, new Blob([out.csv], { type: 'text/csv;charset=utf-8' }));
    showDownloadNotice({
      needsAction: out.skipped.length > 0,
      title: out.rows ? `${out.rows} code${out.rows === 1 ? '' : 's'} exported for Shopify (Matrixify discounts import)` : 'Nothing exported',
      message: out.skipped.length ? `Left out: ${out.skipped.map((s) => `${s.code} (${s.creatorName}): ${s.reason}`).join('; ')}` : `Saved as ${out.fileName}.`,
    });
  };

  const totals = visible.reduce((t, c) => ({ orders: t.orders + (c.orders ?? 0), revenue: t.revenue + (c.revenue?.currency === currency ? c.revenue.amountMicros : 0) }), { orders: 0, revenue: 0 });
  const header = (
    <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
      <Group gap="sm">
        <Select aria-label="Filter by campaign" placeholder="All campaigns" clearable size="xs" w={220} data={campaigns} value={campaignId} onChange={setCampaignId} />
        <SegmentedControl size="xs" value={status} onChange={(v) => setStatus(v as StatusFilter)} data={[{ value: 'active', label: 'Active' }, { value: 'revoked', label: 'Revoked' }, { value: 'all', label: 'All' }]} />
      </Group>
      <Group gap="xs">
        <Button size="xs" variant="default" leftSection={<IconFileImport size={14} />} onClick={() => setImporting(true)} disabled={!discountCodes.length}>Import orders & revenue</Button>
        <ExportTableMenu rowCount={visible.length} name="codes" filters={[status, campaignId && campaignName(campaignId)]} sheetName="Discount codes" what={['code', 'codes']}
          build={() => {
            const codeOf = new Map(discountCodes.map((d) => [d.id, d.code]));
            return buildCodesTable(visible.map((c) => ({
              code: c.code, status: c.status, creatorName: c.creatorId ? name(c.creatorId) : '', campaignName: campaignName(c.campaignId), gives: describeCodeDiscount(c.discount, currency),
              discount: c.discount, ...codeLimits(c, rules), orders: c.orders, revenue: c.revenue,
              replaces: (c.replacesId && codeOf.get(c.replacesId)) || '', revokedReason: c.status === 'revoked' ? c.revokedReason : '',
            })), currency);
          }} />
        <Button size="xs" leftSection={<IconSparkles size={14} />} onClick={() => setGenerating(true)}>Generate codes</Button>
      </Group>
    </Group>
  );
  const modals = (
    <>
      <GenerateCodesModal opened={generating} onClose={() => setGenerating(false)} rules={rules} campaigns={campaigns} codes={codes} />
      <AttributionImportModal opened={importing} onClose={() => setImporting(false)} codes={codes} creatorName={name} currency={currency} />
      <RevokeCodeModal code={revoking} creatorName={name(revoking?.creatorId ?? null)} onClose={() => setRevoking(null)} rules={rules} codes={codes} />
    </>
  );
  if (!discountCodes.length) {
    return (
      <>
        <EmptyState icon={<IconTicket />} title="No discount codes yet" action={<Button leftSection={<IconSparkles size={16} />} onClick={() => setGenerating(true)}>Generate codes</Button>}>
          Pick a code rule and the creators of a program; every code is checked against the ones you already issued and the ones live in your store, then exported for Shopify.
        </EmptyState>
        {modals}
      </>
    );
  }
  return (
    <Paper withBorder radius="lg" p="md">
      {header}
      <Group gap="xs" mb="sm">
        <Text size="sm" c="dimmed" mr="xs">{selected.size ? `${chosen.length} selected` : `${visible.length} codes · ${totals.orders} orders · ${formatMoney({ amountMicros: totals.revenue, currency })}`}</Text>
        <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} disabled={!chosen.length} onClick={exportCsv}>Export {chosen.length || ''} for Shopify</Button>
      </Group>
      <Table verticalSpacing="xs" highlightOnHover data-testid="codes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}><Checkbox aria-label="Select all shown codes" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(visible.map((c) => c.id)))} /></Table.Th>
            <Table.Th>Code</Table.Th><Table.Th>Creator</Table.Th><Table.Th>Gives</Table.Th><Table.Th>Limits</Table.Th><Table.Th ta="right">Orders</Table.Th><Table.Th ta="right">Revenue</Table.Th><Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visible.map((c) => {
            const lineage = codeLineage(discountCodes, c.id);
            const next = replacedBy.get(c.id);
            return (
              <Table.Tr key={c.id} data-testid="code-row" data-code={c.code}>
                <Table.Td><Checkbox aria-label={`Select ${c.code}`} checked={selected.has(c.id)} onChange={() => setSelected((s) => { const n = new Set(s); if (n.has(c.id)) n.delete(c.id); else n.add(c.id); return n; })} /></Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text ff="monospace" fw={700} size="sm" td={c.status === 'revoked' ? 'line-through' : undefined}>{c.code}</Text>
                    {c.status === 'revoked' && <Badge size="xs" color="red" variant="light">Revoked</Badge>}
                    {lineage.length > 1 && (
                      <Popover withinPortal position="bottom-start" shadow="md">
                        <Popover.Target><ActionIcon size="xs" variant="subtle" aria-label={`History of ${c.code}`}><IconHistory size={14} /></ActionIcon></Popover.Target>
                        <Popover.Dropdown>
                          <Stack gap={4}>
                            {lineage.map((l) => <Text key={l.id} size="xs"><Text span ff="monospace" fw={600} size="xs">{l.code}</Text> · {l.status === 'revoked' ? `revoked ${l.revokedAt?.slice(0, 10) ?? ''}${l.revokedReason ? `: ${l.revokedReason}` : ''}` : 'active'}</Text>)}
                          </Stack>
                        </Popover.Dropdown>
                      </Popover>
                    )}
                  </Group>
                  {c.status === 'revoked' && <Text size="xs" c="dimmed">{c.revokedReason}{next ? ` · replaced by ${next.code}` : ''}</Text>}
                  {c.replacesId && c.status === 'active' && <Text size="xs" c="dimmed">replaces {discountCodes.find((d) => d.id === c.replacesId)?.code}</Text>}
                </Table.Td>
                <Table.Td>{c.creatorId ? <Anchor href={hrefFor({ screen: 'creator', id: c.creatorId })} size="sm">{name(c.creatorId)}</Anchor> : '—'}<Text size="xs" c="dimmed">{campaignName(c.campaignId)}</Text></Table.Td>
                <Table.Td><Text size="sm">{describeCodeDiscount(c.discount, currency)}</Text></Table.Td>
                <Table.Td data-testid="code-limits"><Text size="xs" c="dimmed">{describeLimits(codeLimits(c, rules))}</Text></Table.Td>
                <Table.Td ta="right"><Text size="sm">{c.orders ?? '—'}</Text></Table.Td>
                <Table.Td ta="right"><Text size="sm">{formatMoney(c.revenue)}</Text></Table.Td>
                <Table.Td>
                  <RowActionsMenu name={c.code}>
                    {c.status === 'active' && <Menu.Item color="red" onClick={() => setRevoking(c)}>Revoke…</Menu.Item>}
                    {c.status === 'revoked' && !next && <Menu.Item onClick={() => setRevoking(c)}>Issue a replacement…</Menu.Item>}
                    <Menu.Item onClick={() => void navigator.clipboard.writeText(c.code).then(() => notifications.show({ message: `${c.code} copied` }))}>Copy code</Menu.Item>
                    {c.status === 'active' && !c.orders && !replacedBy.has(c.id) && (
                      // Only a code that never sold: one in use is revoked instead, so its history stays.
                      <Menu.Item color="red" onClick={() => void remove(c)}>Delete (made by mistake)</Menu.Item>
                    )}
                  </RowActionsMenu>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {visible.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md">No codes match these filters.</Text>}
      {modals}
    </Paper>
  );
}
