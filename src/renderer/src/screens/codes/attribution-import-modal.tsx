import { Alert, Badge, Button, FileButton, Group, Modal, Radio, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import {
  AttributionFileError, attributionNeedsChoice, attributionOperations, planAttributionChanges, planAttributionImport,
} from '../../../../shared/import/attribution-import';
import { formatMoney } from '../../../../shared/domain/fields';
import { ordersModeLabels, type OrdersMode } from '../../../../shared/import/metrics-import-changes';
import { useCsvPlan } from '../../components/use-csv-plan';
import { useUndoableApply } from '../../components/use-undoable-apply';
import type { CodeRow } from './code-rows';

/**
 * Orders and revenue per code from the shop's report or orders export. Each
 * code's figures are shown before → after; when a code already has figures
 * the person chooses whether the file's orders add to them or replace them.
 * One undoable step.
 */
export function AttributionImportModal({ opened, onClose, codes, creatorName, currency }: { opened: boolean; onClose: () => void; codes: CodeRow[]; creatorName: (id: string | null) => string; currency: string }) {
  const { saving, apply } = useUndoableApply();
  const [mode, setMode] = useState<OrdersMode | null>(null);
  const { plan, fileName, error, read, reset } = useCsvPlan(
    (table) => planAttributionImport(table, codes.filter((c) => c.kind === 'discount').map((c) => ({ id: c.id, code: c.code, creatorName: creatorName(c.creatorId) })), currency),
    AttributionFileError,
  );
  const current = codes.map((c) => ({ id: c.id, orders: c.orders, revenue: c.revenue }));
  const ask = plan ? attributionNeedsChoice(plan, current) : false;
  const changes = plan ? planAttributionChanges(plan, current, mode) : [];
  const operations = attributionOperations(changes);
  const close = () => { reset(); setMode(null); onClose(); };
  const save = async () => {
    if (await apply(operations, `Orders and revenue updated for ${operations.length} code${operations.length === 1 ? '' : 's'}`, 'The figures were not saved')) close();
  };
  return (
    <Modal opened={opened} onClose={close} title="Import orders and revenue per code" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          Shopify’s “Sales by discount” report (code, orders, total sales), an affiliate platform’s export, or Shopify’s orders export (each order counted once
          under its “Discount Code”). Each code’s figures are shown before → after before anything is saved.
        </Text>
        <Group>
          <FileButton onChange={(f) => { setMode(null); void read(f); }} accept=".csv,.tsv,.txt,text/csv">{(props) => <Button {...props} variant={plan ? 'default' : 'filled'}>Choose a CSV file</Button>}</FileButton>
          {fileName && <Text size="sm" c="dimmed">{fileName}</Text>}
        </Group>
        {error && <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="This file cannot be imported">{error}</Alert>}
        {plan && (
          <>
            <Group gap="xs" data-testid="attribution-summary">
              <Badge variant="light" color="teal">{plan.totals.length} codes matched</Badge>
              <Badge variant="light" color={plan.unknownCodes.length ? 'orange' : 'gray'}>{plan.unknownCodes.length} unknown codes</Badge>
              <Badge variant="light" color={plan.bad.length ? 'red' : 'gray'}>{plan.bad.length} rows skipped</Badge>
              <Text size="xs" c="dimmed">{plan.shape === 'per-code' ? 'One row per code' : 'One row per order'} · {plan.currency}</Text>
            </Group>
            {ask && (
              <Radio.Group label="Some of these codes already have orders logged:" value={mode} onChange={(v) => setMode(v as OrdersMode)}
                description="Add to: the file holds only new orders since the last import. Replace: it holds every order so far.">
                <Group mt="xs">{(Object.keys(ordersModeLabels) as OrdersMode[]).map((m) => <Radio key={m} value={m} label={ordersModeLabels[m]} />)}</Group>
              </Radio.Group>
            )}
            <ScrollArea.Autosize mah={300}>
              <Table verticalSpacing={4} data-testid="attribution-changes">
                <Table.Thead><Table.Tr><Table.Th>Code</Table.Th><Table.Th>Creator</Table.Th><Table.Th ta="right">Orders before → after</Table.Th><Table.Th ta="right">Revenue before → after</Table.Th></Table.Tr></Table.Thead>
                <Table.Tbody>
                  {changes.map((c) => (
                    <Table.Tr key={c.codeId}>
                      <Table.Td ff="monospace">{c.code}</Table.Td><Table.Td>{c.creatorName}</Table.Td>
                      {c.after ? (
                        <>
                          <Table.Td ta="right">{c.before.orders ?? '—'} → {c.after.orders}</Table.Td>
                          <Table.Td ta="right">{formatMoney(c.before.revenue)} → {formatMoney(c.after.revenue)}</Table.Td>
                        </>
                      ) : <Table.Td colSpan={2}><Text size="sm" c={mode ? 'red.9' : 'dimmed'}>{c.problem}</Text></Table.Td>}
                    </Table.Tr>
                  ))}
                  {plan.unknownCodes.map((u) => (
                    <Table.Tr key={u.code} bg="var(--mantine-color-orange-light)"><Table.Td ff="monospace">{u.code}</Table.Td><Table.Td colSpan={3}><Text size="sm" c="orange.9">Not a code in this workspace (rows {u.rows.join(', ')}): skipped</Text></Table.Td></Table.Tr>
                  ))}
                  {plan.bad.map((b) => (
                    <Table.Tr key={`b${b.row}`} bg="var(--mantine-color-red-light)"><Table.Td>Row {b.row}</Table.Td><Table.Td colSpan={3}><Text size="sm" c="red.9">Skipped: {b.reason}</Text></Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>Cancel</Button>
          <Button disabled={!operations.length || (ask && !mode)} loading={saving} onClick={() => void save()}>Update {operations.length || ''} code{operations.length === 1 ? '' : 's'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
