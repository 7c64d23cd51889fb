import { Card, Group, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PlanDocument } from '../../../../shared/domain/plan-document';
import { planMoney } from './plan-money';

/** The budget: planned, what is committed (fees and product) and spent, and what is left to promise. */
export function PlanBudgetCard({ plan, action }: { plan: PlanDocument; action?: ReactNode }) {
  const b = plan.budget;
  const m = (micros: number) => planMoney(micros, b.currency);
  const base = Math.max(b.plannedMicros ?? 0, b.committedMicros, b.spentMicros, 1);
  const pct = (micros: number) => (micros / base) * 100;
  const over = b.plannedMicros !== null && b.committedMicros > b.plannedMicros;
  return (
    <Card withBorder radius="lg" p="lg" data-testid="plan-budget">
      <Group justify="space-between" mb="md" align="flex-end">
        <Text fw={700} size="lg">Budget</Text>
        <Stack gap={0} align="flex-end">
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>Planned</Text>
          <Text fz={26} fw={800} lh={1.1}>{b.plannedMicros === null ? 'Not set' : m(b.plannedMicros)}</Text>
        </Stack>
      </Group>
      <Stack gap={6}>
        <Text size="sm" fw={600}>Committed</Text>
        <Progress.Root size={22} radius="md">
          <Tooltip label={`Creator fees: ${m(b.feesMicros)}`}><Progress.Section aria-label={`Creator fees: ${m(b.feesMicros)}`} value={pct(b.feesMicros)} color="fanfare">{pct(b.feesMicros) > 12 && <Progress.Label>Fees</Progress.Label>}</Progress.Section></Tooltip>
          <Tooltip label={`Product value: ${m(b.productMicros)}`}><Progress.Section aria-label={`Product value: ${m(b.productMicros)}`} value={pct(b.productMicros)} color="grape.4">{pct(b.productMicros) > 12 && <Progress.Label>Product</Progress.Label>}</Progress.Section></Tooltip>
        </Progress.Root>
        <Text size="sm" fw={600} mt={4}>Spent</Text>
        <Progress.Root size={22} radius="md">
          <Tooltip label={`Payments logged: ${m(b.spentMicros)}`}><Progress.Section aria-label={`Payments logged: ${m(b.spentMicros)}`} value={pct(b.spentMicros)} color="teal">{pct(b.spentMicros) > 12 && <Progress.Label>Paid</Progress.Label>}</Progress.Section></Tooltip>
        </Progress.Root>
      </Stack>
      <SimpleGrid cols={3} mt="md" spacing="xs">
        <Stack gap={0}><Text size="xs" c="dimmed">Committed</Text><Text fw={700} data-testid="plan-committed">{m(b.committedMicros)}</Text><Text size="xs" c="dimmed">{m(b.feesMicros)} fees · {m(b.productMicros)} product</Text></Stack>
        <Stack gap={0}><Text size="xs" c="dimmed">Spent</Text><Text fw={700} data-testid="plan-spent">{m(b.spentMicros)}</Text><Text size="xs" c="dimmed">payments logged</Text></Stack>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">{over ? 'Over the plan by' : 'Left to commit'}</Text>
          <Text fw={700} c={over ? 'red.7' : 'teal.7'}>{b.uncommittedMicros === null ? '—' : m(Math.abs(b.uncommittedMicros))}</Text>
          <Text size="xs" c="dimmed">{b.uncommittedMicros === null ? 'set a budget to track it' : over ? 'commitments exceed the budget' : 'of the planned budget'}</Text>
        </Stack>
      </SimpleGrid>
      {action && <Group justify="flex-end" mt="sm">{action}</Group>}
      {b.foreign.map((f) => (
        <Text key={f.currency} size="xs" c="orange.8" mt="xs">Also {planMoney(f.committedMicros, f.currency)} committed and {planMoney(f.spentMicros, f.currency)} spent in {f.currency}, not converted into {b.currency}.</Text>
      ))}
    </Card>
  );
}
