import { Alert, Button, Group, Paper, ScrollArea, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { ENGAGEMENT_RATE_FORMULA, engagementRate, formatPercent, latestSnapshot } from '../../../../shared/domain/engagement-rate';
import { MICROS, type Money } from '../../../../shared/domain/fields';
import { checkPlausibility, type PlausibilityIssue } from '../../../../shared/domain/metric-plausibility';
import { carryForward, metricKeys, metricLabels, parseAmount, parseMetricCount, parsePastedGrid, pasteIntoGrid, type MetricKey, type MetricValues } from '../../../../shared/import/metrics-import';
import { useUndoableApply } from '../../components/use-undoable-apply';
import { getMe } from '../../data/me';
import { platformLabel, type AssetRow, type ContentRow, type CreatorLite } from '../review/review-data';
import { ImplausibleConfirmModal, type FlaggedRow } from './implausible-confirm-modal';

type Drafts = Record<string, string>;
const keyOf = (postId: string, column: MetricKey) => `${postId}:${column}`;

function shown(value: number | Money | null | undefined): string {
  if (value == null) return '';
  if (typeof value === 'number') return String(value);
  return String(value.amountMicros / MICROS);
}

export function followersFor(post: ContentRow, creator: CreatorLite | undefined): number | null {
  const accounts = creator?.accounts ?? [];
  return (accounts.find((a) => a.platform === post.platform) ?? accounts[0])?.followers ?? null;
}

/**
 * Metrics typed fast: one row per post, one column per metric. Arrow keys
 * move between cells, Enter goes down (Shift+Enter up), Tab goes right, and
 * a block copied from a spreadsheet pastes from the focused cell. Saving
 * adds one snapshot per changed post (earlier snapshots stay, so the post's
 * numbers over time are kept); one Undo takes the whole save back. Figures
 * that cannot all be true are marked as they are typed, and saving them
 * needs a confirmation (the snapshot then says so).
 */
export function MetricsGrid({ posts, creators, assets, currency }: { posts: ContentRow[]; creators: Map<string, CreatorLite>; assets: AssetRow[]; currency: string }) {
  const { saving, apply } = useUndoableApply();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [evidence, setEvidence] = useState<Record<string, string | null>>({});
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);

  const base = useMemo(() => new Map(posts.map((p) => [p.id, latestSnapshot(p.metrics)])), [posts]);
  const valueText = (post: ContentRow, column: MetricKey) => drafts[keyOf(post.id, column)] ?? shown(base.get(post.id)?.[column]);
  const parse = (column: MetricKey, text: string) => (column === 'revenue' ? parseAmount(text, currency) : parseMetricCount(text, column));
  const changed = (post: ContentRow) => metricKeys.some((c) => drafts[keyOf(post.id, c)] !== undefined && drafts[keyOf(post.id, c)] !== shown(base.get(post.id)?.[c])) || !!evidence[post.id];
  // What a typed figure was read as ("12k" → "= 12,000"), so a slip shows before it is saved.
  const echoOf = (post: ContentRow, column: MetricKey) => {
    const text = drafts[keyOf(post.id, column)];
    if (text === undefined) return null;
    const result = parse(column, text);
    if (!result.ok || result.value == null) return null;
    const value = typeof result.value === 'number' ? result.value : result.value.amountMicros / MICROS;
    return text.trim() === String(value) ? null : `= ${value.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
  };
  const errorOf = (post: ContentRow, column: MetricKey) => {
    const text = drafts[keyOf(post.id, column)];
    if (text === undefined) return null;
    const result = parse(column, text);
    return result.ok ? null : result.reason;
  };
  const dirty = posts.filter(changed);
  const invalid = posts.some((p) => metricKeys.some((c) => errorOf(p, c)));
  const liveValues = (post: ContentRow) => Object.fromEntries(metricKeys.map((c) => { const r = parse(c, valueText(post, c)); return [c, r.ok ? r.value : null]; })) as Partial<MetricValues>;
  const issuesOf = (post: ContentRow): PlausibilityIssue[] => checkPlausibility({ ...(liveValues(post) as Record<string, number | null>), followers: followersFor(post, creators.get(post.creatorId)) });
  const nameOf = (post: ContentRow) => creators.get(post.creatorId)?.name ?? 'Post';
  const flaggedDirty: FlaggedRow[] = dirty.map((p) => ({ postId: p.id, name: nameOf(p), messages: issuesOf(p).map((i) => i.message) })).filter((r) => r.messages.length > 0);
  const [asking, setAsking] = useState(false);

  const focus = (row: number, col: number) => {
    const input = table.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
    if (input) { input.focus(); input.select(); }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const input = event.currentTarget;
    // A cell just arrived at has all its text selected: arrows then move between cells, like a spreadsheet.
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const atStart = whole || (input.selectionStart === 0 && input.selectionEnd === 0);
    const atEnd = whole || input.selectionStart === input.value.length;
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.shiftKey)) { event.preventDefault(); focus(row + 1, col); }
    else if (event.key === 'ArrowUp' || (event.key === 'Enter' && event.shiftKey)) { event.preventDefault(); focus(row - 1, col); }
    else if (event.key === 'ArrowLeft' && atStart) { event.preventDefault(); focus(row, col - 1); }
    else if (event.key === 'ArrowRight' && atEnd) { event.preventDefault(); focus(row, col + 1); }
    else if (event.key === 'Escape') {
      setDrafts((d) => { const next = { ...d }; delete next[keyOf(posts[row].id, metricKeys[col])]; return next; });
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    const result = pasteIntoGrid(parsePastedGrid(text), row, col, metricKeys, posts.length, currency);
    setDrafts((d) => {
      const next = { ...d };
      const block = parsePastedGrid(text);
      block.forEach((line, r) => line.forEach((raw, c) => {
        const post = posts[row + r];
        const column = metricKeys[col + c];
        if (post && column) next[keyOf(post.id, column)] = raw.trim();
      }));
      return next;
    });
    const notes = [`Pasted ${result.cells.length + result.problems.length} cells`];
    if (result.problems.length) notes.push(`${result.problems.length} are not numbers and are marked in red`);
    if (result.cutOff) notes.push('values beyond the last row or column were left out');
    setPasteNote(`${notes.join('; ')}.`);
  };

  const save = async (confirmed: boolean) => {
    if (flaggedDirty.length && !confirmed) { setAsking(true); return; }
    setAsking(false);
    const flaggedIds = new Set(flaggedDirty.map((r) => r.postId));
    const at = new Date().toISOString();
    const me = getMe();
    const operations = dirty.map((post) => {
      const values: Partial<MetricValues> = {};
      for (const column of metricKeys) {
        const text = drafts[keyOf(post.id, column)];
        if (text === undefined) continue;
        const result = parse(column, text);
        if (result.ok) (values as Record<string, unknown>)[column] = result.value;
      }
      const previous = base.get(post.id) ?? null;
      // A cell emptied on purpose clears that metric; untouched cells carry the last known value.
      const merged = carryForward(previous, values);
      for (const column of metricKeys) if (drafts[keyOf(post.id, column)] === '') (merged as Record<string, unknown>)[column] = null;
      const snapshot = { at, source: evidence[post.id] ? 'screenshot' as const : 'manual' as const, ...merged, evidenceAssetId: evidence[post.id] ?? null, enteredBy: me.id, implausibleConfirmed: flaggedIds.has(post.id) };
      return { kind: 'update' as const, collection: 'content' as const, id: post.id, patch: { metrics: [...post.metrics, snapshot] } };
    });
    if (await apply(operations, `Metrics saved for ${operations.length} post${operations.length === 1 ? '' : 's'}`, 'The metrics were not saved')) {
      setDrafts({}); setEvidence({}); setPasteNote(null);
    }
  };

  const screenshots = assets.filter((a) => a.kind === 'image');
  return (
    <Paper withBorder radius="lg" p="sm">
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">Type or paste from a spreadsheet. Arrow keys move, Enter goes down, Esc undoes a cell. Each save adds a snapshot dated now.</Text>
        <Button leftSection={<IconDeviceFloppy size={16} />} disabled={dirty.length === 0 || invalid} loading={saving} onClick={() => void save(false)}>
          {dirty.length ? `Save metrics for ${dirty.length} post${dirty.length === 1 ? '' : 's'}` : 'Save metrics'}
        </Button>
      </Group>
      {pasteNote && <Alert color="blue" variant="light" mb="xs" withCloseButton onClose={() => setPasteNote(null)}>{pasteNote}</Alert>}
      {flaggedDirty.length > 0 && (
        <Alert color="orange" variant="light" mb="xs" icon={<IconAlertTriangle size={18} />} title="Figures that cannot all be true" data-testid="plausibility-warning">
          {flaggedDirty.map((r) => <Text key={r.postId} size="sm"><b>{r.name}:</b> {r.messages.join(' ')}</Text>)}
          <Text size="xs" c="dimmed" mt={4}>Check them; saving them asks you to confirm.</Text>
        </Alert>
      )}
      <ImplausibleConfirmModal rows={asking ? flaggedDirty : []} onCancel={() => setAsking(false)} onConfirm={() => void save(true)} saving={saving} />
      <ScrollArea type="auto">
        <Table ref={table} withColumnBorders verticalSpacing={2} horizontalSpacing={4} data-testid="metrics-grid" style={{ minWidth: 1200 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Post</Table.Th>
              {metricKeys.map((c) => <Table.Th key={c} ta="right">{metricLabels[c]}{c === 'revenue' ? ` (${currency})` : ''}</Table.Th>)}
              <Table.Th ta="right"><Tooltip label={`Engagement rate = ${ENGAGEMENT_RATE_FORMULA}`} multiline maw={280} withArrow><Group gap={4} justify="flex-end" wrap="nowrap">Eng. rate <IconInfoCircle size={14} /></Group></Tooltip></Table.Th>
              <Table.Th>Screenshot</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {posts.map((post, row) => {
              const creator = creators.get(post.creatorId);
              const live = liveValues(post);
              const rate = engagementRate({ ...(live as Record<string, number | null>), followers: followersFor(post, creator) });
              const issues = issuesOf(post);
              const doubtful = new Set(issues.flatMap((i) => i.fields as string[]));
              return (
                <Table.Tr key={post.id} bg={changed(post) ? 'var(--mantine-color-yellow-light)' : undefined}>
                  <Table.Td miw={170}><Text size="sm" fw={600} lineClamp={1}>{creator?.name ?? '…'}</Text><Text size="xs" c="dimmed">{platformLabel(post.platform)} {post.format} · {post.postedAt ? new Date(post.postedAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short' }) : ''}</Text></Table.Td>
                  {metricKeys.map((column, col) => {
                    const error = errorOf(post, column);
                    const warn = !error && doubtful.has(column);
                    const echo = error ? null : echoOf(post, column);
                    const label = error ?? [echo, ...(warn ? issues.map((i) => i.message) : [])].filter(Boolean).join(' · ');
                    return (
                      <Table.Td key={column} p={0}>
                        <Tooltip label={label} disabled={!label} events={{ hover: true, focus: true, touch: false }} withArrow color={error ? 'red' : warn ? 'orange' : 'dark'} multiline maw={320}>
                          <input data-row={row} data-col={col} aria-label={`${metricLabels[column]} for ${creator?.name ?? 'post'}`} inputMode="decimal"
                            value={valueText(post, column)} onChange={(e) => { const v = e.currentTarget.value; setDrafts((d) => ({ ...d, [keyOf(post.id, column)]: v })); }}
                            onKeyDown={(e) => onKeyDown(e, row, col)} onPaste={(e) => onPaste(e, row, col)} onFocus={(e) => e.currentTarget.select()}
                            style={{ width: '100%', minWidth: 76, border: 'none', outline: error ? '2px solid var(--mantine-color-red-6)' : warn ? '2px solid var(--mantine-color-orange-5)' : undefined, background: 'transparent', textAlign: 'right', padding: '6px 8px', font: 'inherit', fontVariantNumeric: 'tabular-nums', color: 'inherit' }} />
                        </Tooltip>
                      </Table.Td>
                    );
                  })}
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {issues.length > 0 && <Tooltip label={issues.map((i) => i.message).join(' ')} multiline maw={320} withArrow color="orange"><IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-label="Figures that cannot all be true" /></Tooltip>}
                      <Text size="sm" fw={600} data-testid="engagement-rate" c={issues.length ? 'orange.8' : undefined}>{formatPercent(rate, 2)}</Text>
                    </Group>
                  </Table.Td>
                  <Table.Td miw={170}>
                    <Select size="xs" placeholder={screenshots.length ? 'Attach a screenshot' : 'No images in the library'} data={screenshots.map((a) => ({ value: a.id, label: a.fileName }))}
                      value={evidence[post.id] ?? base.get(post.id)?.evidenceAssetId ?? null} onChange={(v) => setEvidence((e) => ({ ...e, [post.id]: v }))} clearable searchable aria-label={`Screenshot for ${creator?.name ?? 'post'}`} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Text size="xs" c="dimmed" mt="xs">Engagement rate = {ENGAGEMENT_RATE_FORMULA}. The same formula is used in every list and report.</Text>
    </Paper>
  );
}
