import { Badge, Table, Text } from '@mantine/core';
import { mergePreview } from '../../../shared/domain/merge-creator-fields';
import { describeValue, fieldLabel } from '../components/history-format';
import type { CreatorRow } from './creator-row';

type Creator = Parameters<typeof mergePreview>[0];

/** Every value that differs between the records, and what the one record will hold after the merge. */
export function MergePreviewTable({ keep, others }: { keep: CreatorRow; others: CreatorRow[] }) {
  const rows = others.flatMap((other) => mergePreview(keep as unknown as Creator, other as unknown as Creator).map((row) => ({ ...row, otherName: other.name })));
  if (rows.length === 0) return <Text size="sm" c="dimmed" mt="md">The records hold the same values: merging only removes the copy.</Text>;
  return (
    <Table mt="md" verticalSpacing={6} data-testid="merge-preview" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Field</Table.Th>
          <Table.Th>Kept record</Table.Th>
          <Table.Th>Other record</Table.Th>
          <Table.Th>After the merge</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={`${row.otherName}-${row.field}`}>
            <Table.Td><Text size="sm" fw={600}>{fieldLabel(row.field)}</Text></Table.Td>
            <Table.Td><Text size="sm">{describeValue(row.kept)}</Text></Table.Td>
            <Table.Td>
              <Text size="sm" td={row.dropped ? 'line-through' : undefined} c={row.dropped ? 'dimmed' : undefined}>{describeValue(row.other)}</Text>
              {row.dropped && <Badge size="xs" variant="light" color="gray">kept in history</Badge>}
            </Table.Td>
            <Table.Td><Text size="sm">{describeValue(row.result)}</Text></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
