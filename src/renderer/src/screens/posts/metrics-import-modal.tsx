import { Alert, Button, Checkbox, FileButton, Group, Modal, Radio, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { detectLayout, layoutLabels, planAffiliateImport, planGenericImport, problemsCsv, type ImportPlan, type MetricsLayout } from '../../../../shared/import/metrics-import';
import {
  metricsChangeOperations, needsOrdersChoice, ordersModeLabels, planMetricsChanges, type OrdersMode,
} from '../../../../shared/import/metrics-import-changes';
import { parseCsv } from '../../../../shared/import/csv';
import type { Table as ReadTable } from '../../../../shared/import/types';
import { downloadBlob } from '../../components/download-file';
import { useUndoableApply } from '../../components/use-undoable-apply';
import { getMe } from '../../data/me';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { ContentRow, CreatorLite } from '../review/review-data';
import { ImportChangesList } from './import-changes-list';

const postCount = (plan: ImportPlan) => new Set(plan.snapshots.map((s) => s.contentId)).size;

/**
 * Metrics from a file: Fanfare's one-row-per-post sheet, or an impact.com
 * action listing (one row per order). Rows that cannot be read or matched
 * are listed with their reason and left out; the rest become snapshots.
 * Before anything is written, each post's figures are shown before → after;
 * affiliate orders wait for "add to" or "replace"; figures that cannot all
 * be true wait for a confirmation, else those posts are left out.
 */
export function MetricsImportModal({ opened, onClose, posts, creators, currency }: { opened: boolean; onClose: () => void; posts: ContentRow[]; creators: Map<string, CreatorLite>; currency: string }) {
  const { saving, apply } = useUndoableApply();
  const [file, setFile] = useState<File | null>(null);
  const [table, setTable] = useState<ReadTable | null>(null);
  const [layout, setLayout] = useState<MetricsLayout | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const codes = useRxQuery<{ code: string; creatorId: string | null }>('codes', { selector: { deletedAt: null } }, 'import-codes');
  const [ordersMode, setOrdersMode] = useState<OrdersMode | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  useEffect(() => { if (!opened) { setFile(null); setTable(null); setLayout(null); setReadError(null); setOrdersMode(null); setConfirmed(false); } }, [opened]);

  const read = async (chosen: File | null) => {
    setFile(chosen); setTable(null); setReadError(null); setOrdersMode(null); setConfirmed(false);
    if (!chosen) return;
    try {
      const parsed = parseCsv(new Uint8Array(await chosen.arrayBuffer()));
      if (parsed.headers.length === 0) throw new Error('The file is empty.');
      setTable(parsed);
      setLayout(detectLayout(parsed.headers));
    } catch (error) {
      setReadError(`${chosen.name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const plan: ImportPlan | null = useMemo(() => {
    if (!table || !layout) return null;
    const forImport = posts.map((p) => ({ id: p.id, creatorId: p.creatorId, campaignId: p.campaignId, url: p.url, platform: p.platform, platformPostId: p.platformPostId, postedAt: p.postedAt }));
    const now = new Date().toISOString();
    if (layout === 'generic') return planGenericImport(table, forImport, { currency, now });
    const codeToCreator = new Map((codes ?? []).filter((c) => c.creatorId).map((c) => [c.code.toLowerCase(), c.creatorId!]));
    const partnerToCreator = new Map<string, string>();
    for (const c of creators.values()) {
      partnerToCreator.set(c.name.toLowerCase(), c.id);
      for (const a of c.accounts) partnerToCreator.set(a.handle.toLowerCase(), c.id);
    }
    return planAffiliateImport(table, forImport, { codeToCreator, partnerToCreator }, { currency, now });
  }, [table, layout, posts, codes, creators, currency]);

  const byId = useMemo(() => new Map(posts.map((p) => [p.id, p])), [posts]);
  const askOrders = plan ? needsOrdersChoice(plan, posts) : false;
  const changes = useMemo(() => (plan ? planMetricsChanges(plan, posts, ordersMode) : []), [plan, posts, ordersMode]);
  const flagged = changes.filter((c) => !c.problem && c.issues.length > 0).length;
  const writes = useMemo(() => metricsChangeOperations(changes, posts, { enteredBy: getMe().id, confirmImplausible: confirmed }), [changes, posts, confirmed]);

  const commit = async () => {
    if (!plan) return;
    const postsWritten = writes.operations.length;
    const skipped = [
      plan.problems.length ? `${plan.problems.length} row${plan.problems.length === 1 ? '' : 's'} skipped` : '',
      writes.leftOut.length ? `${writes.leftOut.length} post${writes.leftOut.length === 1 ? '' : 's'} left out` : '',
    ].filter(Boolean).join(', ');
    const done = `Imported ${writes.snapshots} snapshot${writes.snapshots === 1 ? '' : 's'} for ${postsWritten} post${postsWritten === 1 ? '' : 's'}${skipped ? `; ${skipped}` : ''}`;
    if (await apply(writes.operations, done, 'The metrics were not imported')) onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Import metrics from a CSV" size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          Two layouts are read. <b>{layoutLabels.generic}</b>: a “Post URL” (or “Post ID”) column, an optional “Date”, and any of Impressions, Reach, Views, Likes,
          Comments, Shares, Saves, Clicks, Orders, Revenue. <b>{layoutLabels.impact}</b>: the Action Listing report downloaded as CSV; each order is matched by its
          referring URL or Sub Id, else by promo code or partner name to the creator’s post, and orders and sale amounts are totalled per post.
        </Text>
        <Group>
          <FileButton onChange={(f) => void read(f)} accept=".csv,text/csv,.txt,text/tab-separated-values">
            {(props) => <Button {...props} variant="light" leftSection={<IconFileImport size={16} />}>{file ? 'Choose another file' : 'Choose a CSV file'}</Button>}
          </FileButton>
          {file && <Text size="sm">{file.name}</Text>}
        </Group>
        {readError && <Alert color="red">{readError}</Alert>}
        {table && (
          <Select label="Layout" data={(Object.keys(layoutLabels) as MetricsLayout[]).map((l) => ({ value: l, label: layoutLabels[l] }))} value={layout} onChange={(v) => setLayout(v as MetricsLayout | null)}
            error={!layout ? `The columns (${table.headers.slice(0, 6).join(', ')}${table.headers.length > 6 ? '…' : ''}) match neither layout: choose one, or rename the columns.` : undefined} />
        )}
        {plan && (
          <Stack gap="xs" data-testid="import-summary">
            <Text size="sm"><b>{plan.rowsRead}</b> row{plan.rowsRead === 1 ? '' : 's'} read · <b>{plan.snapshots.length}</b> snapshot{plan.snapshots.length === 1 ? '' : 's'} for <b>{postCount(plan)}</b> post{postCount(plan) === 1 ? '' : 's'} · <b>{plan.problems.length}</b> row problem{plan.problems.length === 1 ? '' : 's'} (skipped)</Text>
            {plan.problems.length > 0 && (
              <>
                <ScrollArea.Autosize mah={220}>
                  <Table striped verticalSpacing={4} data-testid="import-problems">
                    <Table.Thead><Table.Tr><Table.Th>Row</Table.Th><Table.Th>Column</Table.Th><Table.Th>Why it was skipped</Table.Th></Table.Tr></Table.Thead>
                    <Table.Tbody>{plan.problems.map((p, i) => <Table.Tr key={i}><Table.Td>{p.row}</Table.Td><Table.Td>{p.column || '—'}</Table.Td><Table.Td>{p.reason}</Table.Td></Table.Tr>)}</Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
                <Button variant="subtle" size="xs" leftSection={<IconDownload size={14} />} style={{ alignSelf: 'flex-start' }}
                  onClick={() => downloadBlob(`metrics-import-problems.csv`, new Blob([`\uFEFF${problemsCsv(plan.problems)}`], { type: 'text/csv;charset=utf-8' }))}>Download the skipped rows as CSV</Button>
              </>
            )}
          </Stack>
        )}
        {plan && askOrders && (
          <Radio.Group label="This file counts orders. Some of these posts already have orders logged:" value={ordersMode} onChange={(v) => setOrdersMode(v as OrdersMode)} data-testid="orders-mode"
            description="Add to: the file holds only new orders since the last import. Replace: it holds every order since the post went live.">
            <Group mt="xs">{(Object.keys(ordersModeLabels) as OrdersMode[]).map((m) => <Radio key={m} value={m} label={ordersModeLabels[m]} />)}</Group>
          </Radio.Group>
        )}
        {changes.length > 0 && <ImportChangesList changes={changes} posts={byId} creators={creators} />}
        {flagged > 0 && (
          <Alert color="orange" variant="light" title={`${flagged} post${flagged === 1 ? ' has' : 's have'} figures that cannot all be true`}>
            <Checkbox label="I checked them: the figures are right, import them too" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
            {!confirmed && <Text size="xs" c="dimmed" mt={4}>Left unticked, those posts are left out and the others are imported.</Text>}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void commit()} loading={saving} disabled={!plan || writes.snapshots === 0 || (askOrders && !ordersMode)}>Import {writes.snapshots || ''} snapshot{writes.snapshots === 1 ? '' : 's'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
