import { Accordion, Alert, Badge, Card, Group, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { rowsAddUp, updatesExplained } from '../../../../shared/import/counts';
import type { ImportSummary as Summary, RowOutcome, RowOutcomeKind } from '../../../../shared/import/types';
import { OutcomeList } from './outcome-list';

const tiles: { kind: RowOutcomeKind; key: keyof Summary; label: string; color: string }[] = [
  { kind: 'create', key: 'created', label: 'New creators', color: 'teal' },
  { kind: 'update', key: 'updated', label: 'Updates', color: 'blue' },
  { kind: 'skip', key: 'skipped', label: 'Skipped', color: 'gray' },
  { kind: 'problem', key: 'problems', label: 'With problems', color: 'red' },
];

type Section = RowOutcomeKind | 'check';
const sections: { kind: Section; title: (n: number) => string }[] = [
  { kind: 'problem', title: (n) => `${n.toLocaleString()} ${n === 1 ? 'row' : 'rows'} with problems: not imported` },
  { kind: 'check', title: (n) => `${n.toLocaleString()} ${n === 1 ? 'row' : 'rows'} imported with something to check` },
  { kind: 'update', title: (n) => `${n.toLocaleString()} ${n === 1 ? 'row updates' : 'rows update'} a creator` },
  { kind: 'skip', title: (n) => `${n.toLocaleString()} ${n === 1 ? 'row' : 'rows'} skipped` },
];

/** The dry run or the final report: four numbers that add up to the file's rows, then the rows behind them, with reasons. */
export function ImportSummary({ summary, outcomes, final }: { summary: Summary; outcomes: RowOutcome[]; final: boolean }) {
  const of = (kind: Section) => outcomes.filter((o) => (kind === 'check' ? o.kind !== 'problem' && !!o.warnings?.length : o.kind === kind));
  const present = sections.filter((s) => of(s.kind).length > 0);
  const intoFileRows = outcomes.filter((o) => o.kind === 'update' && o.intoRow !== undefined).length;
  const explained = updatesExplained(summary, intoFileRows);
  // The wizard is told about created rows only in numbers, so warnings on them are counted here and listed in the report.
  const unlisted = summary.rowsWithWarnings - of('check').length;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="import-summary">
        {tiles.map((t) => (
          <Card key={t.kind} withBorder radius="lg" p="md" data-testid={`import-count-${t.kind}`}>
            <Group gap={6}>
              <Badge color={t.color} variant="dot" size="sm">{final && t.kind === 'create' ? 'Added' : t.label}</Badge>
            </Group>
            <Text fz={28} fw={750} mt={4}>{Number(summary[t.key]).toLocaleString()}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed" data-testid="import-rows-add-up">{rowsAddUp(summary)}{explained ? ` ${explained}` : ''}</Text>
      {summary.rowsWithWarnings > 0 && (
        <Alert color="yellow" variant="light" radius="md" icon={<IconAlertTriangle size={18} />} data-testid="import-warnings">
          {summary.rowsWithWarnings.toLocaleString()} {summary.rowsWithWarnings === 1 ? 'row is' : 'rows are'} imported with something to check: a value Fanfare does not know, kept in the notes as written, or a row with fewer values than the file has columns.
          {unlisted > 0 ? ` ${unlisted.toLocaleString()} of them ${unlisted === 1 ? 'is a new creator' : 'are new creators'}: the downloadable report lists ${unlisted === 1 ? 'it' : 'them'} with the reason.` : ''}
        </Alert>
      )}
      {present.length > 0 && (
        // The lists scroll inside the dialog, so its buttons stay in view however long they are.
        <ScrollArea.Autosize mah="42vh" type="auto" offsetScrollbars>
        <Accordion variant="separated" radius="md" multiple defaultValue={present[0].kind === 'problem' ? ['problem'] : []}>
          {present.map((s) => (
            <Accordion.Item key={s.kind} value={s.kind}>
              <Accordion.Control>{s.title(of(s.kind).length)}</Accordion.Control>
              <Accordion.Panel><OutcomeList outcomes={of(s.kind)} /></Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
