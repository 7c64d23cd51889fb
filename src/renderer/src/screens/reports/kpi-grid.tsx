import { Badge, Card, Group, SimpleGrid, Text, Tooltip } from '@mantine/core';
import { formatChange, formatKpi, kpiDefinitions, type KpiChange, type KpiId, type KpiValues } from '../../../../shared/reports/kpis';

interface Props {
  kpis: KpiValues;
  currency: string;
  changes: Record<KpiId, KpiChange> | null;
  comparedWith: string | null;
}

/** Every KPI with its formula under it; a missing one says why instead of showing 0. */
export function KpiGrid({ kpis, currency, changes, comparedWith }: Props) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 4, xl: 6 }} spacing="sm" mb="lg">
      {kpiDefinitions.map((def) => {
        const value = kpis[def.id];
        const change = changes?.[def.id];
        const good = change?.delta == null || change.delta === 0 ? null : (change.delta > 0) === (def.better === 'higher');
        return (
          <Card key={def.id} withBorder radius="md" p="sm" data-testid={`kpi-${def.id}`}>
            {/* Titles wrap onto a second line rather than lose words ("COST PER…" told nobody which cost). */}
            <Text size="xs" tt="uppercase" fw={700} c="dimmed" lh={1.25} data-testid="kpi-title">{def.label}</Text>
            <Tooltip label={value.why ?? def.formula} multiline w={240} withArrow>
              <Text fz={22} fw={750} mt={2} c={value.value == null ? 'dimmed' : undefined} data-testid="kpi-value">
                {formatKpi(def, value.value, currency)}
              </Text>
            </Tooltip>
            {value.value == null && <Text size="xs" c="dimmed">{value.why}</Text>}
            {change && comparedWith && (
              <Tooltip label={change.why ?? `Against ${comparedWith}`} withArrow>
                <Group gap={4} mt={2}>
                  <Badge size="sm" variant="light" color={good == null ? 'gray' : good ? 'teal' : 'red'} data-testid="kpi-change">
                    {change.delta == null && value.value != null ? 'nothing to compare' : formatChange(def, change, currency)}
                  </Badge>
                </Group>
              </Tooltip>
            )}
            <Text size="xs" c="dimmed" mt={4} data-testid="kpi-formula">{def.formula}</Text>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
