import { Alert, Button, FileButton, Group, Modal, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconFileImport } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { latestSnapshot } from '../../../../shared/domain/engagement-rate';
import {
  carryForward, detectLayout, layoutLabels, planAffiliateImport, planGenericImport, problemsCsv, type ImportPlan, type MetricsLayout,
} from '../../../../shared/domain/metrics-import';
import { parseCsv } from '../../../../shared/import/csv';
import type { Table as ReadTable } from '../../../../shared/import/types';
import { downloadBlob } from '../../components/download-file';
import { useUndoableApply } from '../../components/use-undoable-apply';
import { getMe } from '../../data/me';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { ContentRow, CreatorLite } from '../review/review-data';

const postCount = (plan: ImportPlan) => new Set(plan.snapshots.map((s) => s.contentId)).size;

/**
 * Metrics from a file: Fanfare's one-row-per-post sheet, or an impact.com
 * action listing (one row per order). Rows that cannot be read or matched
 * are listed with their reason and left out; the rest become snapshots.
 */
export function MetricsImportModal({ opened, onClose, posts, creators, currency }: { opened: boolean; onClose: () => void; posts: ContentRow[]; creators: Map<string, CreatorLite>; currency: string }) {
  const { saving, apply } = useUndoableApply();
  const [file, setFile] = useState<File | null>(null);
  const [table, setTable] = useState<ReadTable | null>(null);
  const [layout, setLayout] = useState<MetricsLayout | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const codes = useRxQuery<{ code: string; creatorId: string | null }>('codes', { selector: { deletedAt: null } }, 'import-codes');
  useEffect(() => { if (!opened) { setFile(null); setTable(null); setLayout(null); setReadError(null); } }, [opened]);

  const read = async (chosen: File | null) => {
    setFile(chosen); setTable(null); setReadError(null);
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

  const commit = async () => {
    if (!plan) return;
    const me = getMe();
    const byPost = new Map<string, ImportPlan['snapshots']>();
    for (const s of plan.snapshots) byPost.set(s.contentId, [...(byPost.get(s.contentId) ?? []), s]);
    const operations = [...byPost].map(([id, planned]) => {
      const post = posts.find((p) => p.id === id)!;
      const metrics = [...post.metrics];
      for (const s of [...planned].sort((a, b) => (a.at < b.at ? -1 : 1))) {
        // Each snapshot carries what was known before its own date, so a back-dated row does not borrow later numbers.
        const before = latestSnapshot(metrics.filter((m) => m.at <= s.at));
        metrics.push({ at: s.at, source: 'csv-import', ...carryForward(before, s.values), evidenceAssetId: null, enteredBy: me.id });
      }
      return { kind: 'update' as const, collection: 'content' as const, id, patch: { metrics } };
    });
    const done = `Imported ${plan.snapshots.length} snapshot${plan.snapshots.length === 1 ? '' : 's'} for ${operations.length} post${operations.length === 1 ? '' : 's'}${plan.problems.length ? `; ${plan.problems.length} row${plan.problems.length === 1 ? '' : 's'} skipped` : ''}`;
    if (await apply(operations, done, 'The metrics were not imported')) onClose();
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
            <Text size="sm"><b>{plan.rowsRead}</b> rows read · <b>{plan.snapshots.length}</b> snapshot{plan.snapshots.length === 1 ? '' : 's'} for <b>{postCount(plan)}</b> post{postCount(plan) === 1 ? '' : 's'} · <b>{plan.problems.length}</b> row problem{plan.problems.length === 1 ? '' : 's'} (skipped)</Text>
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void commit()} loading={saving} disabled={!plan || plan.snapshots.length === 0}>Import {plan?.snapshots.length ?? ''} snapshot{plan?.snapshots.length === 1 ? '' : 's'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
