import { Table, Text } from '@mantine/core';
import type { RowOutcome } from '../../../../shared/import/types';

const SHOWN = 200;

/** Rows of one kind (problems, updates, skips): row number, creator, and why; problems per column. */
export function OutcomeList({ outcomes }: { outcomes: RowOutcome[] }) {
  const shown = outcomes.slice(0, SHOWN);
  const problems = shown.some((o) => o.kind === 'problem');
  return (
    <>
      <Table verticalSpacing={6} fz="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={64}>Row</Table.Th>
            <Table.Th w="22%">Creator</Table.Th>
            {problems && <Table.Th w="18%">Column</Table.Th>}
            <Table.Th>{problems ? 'What is wrong' : 'What happens'}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.flatMap((o) => (o.kind === 'problem' && o.problems?.length ? o.problems.map((p, i) => (
            <Table.Tr key={`${o.row}-${i}`} data-testid="import-outcome">
              <Table.Td>{i === 0 ? o.row : ''}</Table.Td>
              <Table.Td>{i === 0 ? o.creator : ''}</Table.Td>
              <Table.Td>{p.column === '—' ? '' : p.column}</Table.Td>
              <Table.Td>{p.reason}</Table.Td>
            </Table.Tr>
          )) : [(
            <Table.Tr key={o.row} data-testid="import-outcome">
              <Table.Td>{o.row}</Table.Td>
              <Table.Td>{o.creator}</Table.Td>
              {problems && <Table.Td />}
              <Table.Td>
                {o.reason}{o.notes?.length ? <Text span size="xs" c="dimmed"> {o.notes.join(' ')}</Text> : null}
                {o.warnings?.map((w) => <Text key={w} size="xs" c="orange.8" mt={2}>{w}</Text>)}
              </Table.Td>
            </Table.Tr>
          )]))}
        </Table.Tbody>
      </Table>
      {outcomes.length > SHOWN && (
        <Text size="xs" c="dimmed" mt="xs">Showing the first {SHOWN} of {outcomes.length.toLocaleString()}. The downloadable report lists every row.</Text>
      )}
    </>
  );
}
