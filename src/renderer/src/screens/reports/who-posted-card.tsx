import { Badge, Card, Group, ScrollArea, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { tierLabels } from '../../../../shared/domain/tiers';
import { platformLabel, type Report } from '../../../../shared/reports/build-report';
import { formatKpi } from '../../../../shared/reports/kpis';

const money = (micros: number | null, currency: string) => formatKpi({ format: 'money' }, micros, currency);

/** Who posted and who has not yet, with what each creator cost. */
export function WhoPostedCard({ report }: { report: Report }) {
  const [show, setShow] = useState<'all' | 'posted' | 'waiting'>('all');
  const waiting = report.creators.filter((c) => c.postsInReport === 0).length;
  const rows = report.creators.filter((c) => show === 'all' || (show === 'posted') === (c.postsInReport > 0));
  return (
    <Card withBorder radius="lg" p="lg" data-testid="who-posted">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={4}>Who posted</Title>
          <Text size="xs" c="dimmed">{report.creators.length - waiting} posted · {waiting} not yet</Text>
        </div>
        <SegmentedControl size="xs" value={show} onChange={(v) => setShow(v as typeof show)}
          data={[{ value: 'all', label: 'Everyone' }, { value: 'posted', label: 'Posted' }, { value: 'waiting', label: 'Not yet' }]} />
      </Group>
      {/* Takes focus so the keyboard can scroll it, named for what it holds (WCAG 2.1.1). */}
      <ScrollArea.Autosize mah={360} viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Who posted table' }}>
        {/* A floor width: on a narrow window the table scrolls sideways instead of squeezing "Posted" to "PO…". */}
        <Table stickyHeader striped fz="sm" verticalSpacing={4} miw={720}>
          <Table.Thead>
            <Table.Tr><Table.Th>Creator</Table.Th><Table.Th>Campaign</Table.Th><Table.Th>Tier</Table.Th><Table.Th>Status</Table.Th><Table.Th ta="right">Posts</Table.Th><Table.Th ta="right">Fee</Table.Th><Table.Th ta="right">Product</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, 500).map((c) => (
              <Table.Tr key={c.engagementId}>
                <Table.Td><Text size="sm" fw={600}>{c.name}</Text><Text size="xs" c="dimmed">{c.handle ? `@${c.handle} · ${platformLabel(c.platform)}` : ''}</Text></Table.Td>
                <Table.Td>{c.campaignName}</Table.Td>
                <Table.Td>{c.tier ? tierLabels[c.tier] : '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.postsInReport > 0 ? <Badge color="teal" variant="light">Posted</Badge> : <Badge color="gray" variant="light">Not yet</Badge>}</Table.Td>
                <Table.Td ta="right">{c.postsInReport}</Table.Td>
                <Table.Td ta="right">{money(c.feeMicros, report.currency)}</Table.Td>
                <Table.Td ta="right">{money(c.productMicros, report.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {rows.length > 500 && <Text size="xs" c="dimmed" mt="xs">Showing 500 of {rows.length}; the Excel export has everyone.</Text>}
        {rows.length === 0 && <Text size="sm" c="dimmed" mt="xs">Nobody here in this selection.</Text>}
      </ScrollArea.Autosize>
    </Card>
  );
}
