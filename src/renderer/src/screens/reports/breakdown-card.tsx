import { BarChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Report } from '../../../../shared/reports/build-report';
import { formatKpi, kpiById, type KpiId } from '../../../../shared/reports/kpis';

const columns: KpiId[] = ['posts', 'reach', 'engagements', 'engagementRate', 'clicks', 'spend', 'cpm', 'cpe'];

/** The same KPIs split by platform, tier or bucket, with a chart of reach. */
export function BreakdownCard({ report }: { report: Report }) {
  const [by, setBy] = useState<'byPlatform' | 'byTier' | 'byBucket'>('byPlatform');
  const rows = report[by];
  return (
    <Card withBorder radius="lg" p="lg" data-testid="breakdown-card">
      <Group justify="space-between" mb="md">
        <Title order={4}>Breakdown</Title>
        <SegmentedControl size="xs" value={by} onChange={(v) => setBy(v as typeof by)}
          data={[{ value: 'byPlatform', label: 'Platform' }, { value: 'byTier', label: 'Tier' }, { value: 'byBucket', label: 'Bucket' }]} />
      </Group>
      {rows.length === 0 ? <Text c="dimmed" size="sm">Nothing to break down yet.</Text> : (
        <>
          <BarChart h={180} data={rows.map((r) => ({ label: r.label, reach: r.kpis.reach.value ?? 0, engagements: r.kpis.engagements.value ?? 0 }))} dataKey="label"
            series={[{ name: 'reach', label: 'Reach', color: 'grape.6' }, { name: 'engagements', label: 'Engagements', color: 'orange.6' }]}
            valueFormatter={(v) => new Intl.NumberFormat('en-US', { notation: 'compact' }).format(v)} withLegend />
          <Table.ScrollContainer minWidth={640} mt="md">
            <Table striped verticalSpacing={6} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th />
                  <Table.Th ta="right">Creators</Table.Th>
                  {columns.map((id) => <Table.Th key={id} ta="right" title={kpiById[id].formula}>{kpiById[id].short}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Td fw={600}>{r.label}</Table.Td>
                    <Table.Td ta="right">{r.creators}</Table.Td>
                    {columns.map((id) => <Table.Td key={id} ta="right" title={r.kpis[id].why}>{formatKpi(kpiById[id], r.kpis[id].value, report.currency)}</Table.Td>)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Card>
  );
}
