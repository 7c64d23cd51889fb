import { Accordion, Badge, Card, Group, ScrollArea, SimpleGrid, Text } from '@mantine/core';
import type { ImportSummary as Summary, RowOutcome, RowOutcomeKind } from '../../../../shared/import/types';
import { OutcomeList } from './outcome-list';

const tiles: { kind: RowOutcomeKind; key: keyof Summary; label: string; color: string }[] = [
  { kind: 'create', key: 'created', label: 'New creators', color: 'teal' },
  { kind: 'update', key: 'updated', label: 'Updated', color: 'blue' },
  { kind: 'skip', key: 'skipped', label: 'Skipped', color: 'gray' },
  { kind: 'problem', key: 'problems', label: 'With problems', color: 'red' },
];

const sections: { kind: RowOutcomeKind; title: (n: number) => string }[] = [
  { kind: 'problem', title: (n) => `${n.toLocaleString()} ${n === 1 ? 'row' : 'rows'} with problems: not imported` },
  { kind: 'update', title: (n) => `${n.toLocaleString()} ${n === 1 ? 'row updates' : 'rows update'} a creator` },
  { kind: 'skip', title: (n) => `${n.toLocaleString()} ${n === 1 ? 'row' : 'rows'} skipped` },
];

/** The dry run or the final report: four numbers, then the rows behind them, with reasons. */
export function ImportSummary({ summary, outcomes, final }: { summary: Summary; outcomes: RowOutcome[]; final: boolean }) {
  const of = (kind: RowOutcomeKind) => outcomes.filter((o) => o.kind === kind);
  const present = sections.filter((s) => of(s.kind).length > 0);
  return (
    <>
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
    </>
  );
}
