import { Alert, Badge, Button, FileButton, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { StoreOperation } from '../../../../shared/data/store';
import { AttributionFileError, planAttributionImport } from '../../../../shared/domain/attribution-import';
import { formatMoney } from '../../../../shared/domain/fields';
import { useCsvPlan } from '../../components/use-csv-plan';
import { useUndoableApply } from '../../components/use-undoable-apply';
import type { CodeRow } from './code-rows';

/** Orders and revenue per code from the shop's report or orders export: totals replace the codes' figures, in one undoable step. */
export function AttributionImportModal({ opened, onClose, codes, creatorName, currency }: { opened: boolean; onClose: () => void; codes: CodeRow[]; creatorName: (id: string | null) => string; currency: string }) {
  const { saving, apply } = useUndoableApply();
  const { plan, fileName, error, read, reset } = useCsvPlan(
    (table) => planAttributionImport(table, codes.filter((c) => c.kind === 'discount').map((c) => ({ id: c.id, code: c.code, creatorName: creatorName(c.creatorId) })), currency),
    AttributionFileError,
  );
  const close = () => { reset(); onClose(); };
  const save = async () => {
    if (!plan) return;
    const operations: StoreOperation[] = plan.totals.map((t) => ({ kind: 'update', collection: 'codes', id: t.codeId, patch: { orders: t.orders, revenue: { amountMicros: t.revenueMicros, currency: plan.currency } } }));
    if (await apply(operations, `Orders and revenue updated for ${operations.length} code${operations.length === 1 ? '' : 's'}`, 'The figures were not saved')) close();
  };
  return (
    <Modal opened={opened} onClose={close} title="Import orders and revenue per code" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          Shopify’s “Sales by discount” report (code, orders, total sales), an affiliate platform’s export, or Shopify’s orders export (each order counted once
          under its “Discount Code”). The file’s totals replace each code’s orders and revenue.
        </Text>
        <Group>
          <FileButton onChange={(f) => void read(f)} accept=".csv,.tsv,.txt,text/csv">{(props) => <Button {...props} variant={plan ? 'default' : 'filled'}>Choose a CSV file</Button>}</FileButton>
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
            <ScrollArea.Autosize mah={300}>
              <Table verticalSpacing={4}>
                <Table.Tbody>
                  {plan.totals.map((t) => (
                    <Table.Tr key={t.codeId}><Table.Td ff="monospace">{t.code}</Table.Td><Table.Td>{t.creatorName}</Table.Td><Table.Td ta="right">{t.orders} orders</Table.Td><Table.Td ta="right">{formatMoney({ amountMicros: t.revenueMicros, currency: plan.currency })}</Table.Td></Table.Tr>
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
          <Button disabled={!plan?.totals.length} loading={saving} onClick={() => void save()}>Update {plan?.totals.length || ''} codes</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
