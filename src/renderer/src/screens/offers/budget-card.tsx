import { Alert, Card, Group, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { BudgetSummary } from '../../../../shared/domain/campaign-budget';
import { formatMoney } from '../../../../shared/domain/fields';

const money = (amountMicros: number | null, currency: string) => (amountMicros == null ? '—' : formatMoney({ amountMicros: Math.abs(amountMicros), currency }));

/**
 * The budget against what is spent, committed and planned. Live: while an
 * offer is being written, its amounts are already in "planned".
 */
export function BudgetCard({ summary, title = 'Budget', draft = false }: { summary: BudgetSummary; title?: string; draft?: boolean }) {
  const { currency, budgetMicros } = summary;
  const base = Math.max(budgetMicros ?? 0, summary.plannedMicros, summary.committedMicros, summary.spentMicros, 1);
  const pct = (micros: number) => (micros / base) * 100;
  const committedOnly = Math.max(0, summary.committedMicros - summary.spentMicros);
  const plannedOnly = Math.max(0, summary.plannedMicros - Math.max(summary.committedMicros, summary.spentMicros));
  return (
    <Card withBorder radius="lg" data-testid="budget-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700}>{title}{draft && <Text span size="xs" c="dimmed" fw={400}> · including the offer you are writing</Text>}</Text>
          <Text size="sm" c="dimmed">{budgetMicros == null ? 'No budget set for this campaign' : `${money(budgetMicros, currency)} budget`}</Text>
        </Group>
        <Progress.Root size={14} radius="xl">
          <Tooltip label={`Spent ${money(summary.spentMicros, currency)}`}><Progress.Section aria-label={`Spent ${money(summary.spentMicros, currency)}`} value={pct(summary.spentMicros)} color="teal.7" /></Tooltip>
          <Tooltip label={`Committed, not yet paid ${money(committedOnly, currency)}`}><Progress.Section aria-label={`Committed, not yet paid ${money(committedOnly, currency)}`} value={pct(committedOnly)} color="teal.4" /></Tooltip>
          <Tooltip label={`Open offers ${money(plannedOnly, currency)}`}><Progress.Section aria-label={`Open offers ${money(plannedOnly, currency)}`} value={pct(plannedOnly)} color={summary.over ? 'red.4' : 'yellow.4'} /></Tooltip>
        </Progress.Root>
        <SimpleGrid cols={4} spacing="sm">
          <Stat label="Planned" hint="Agreed terms plus open offers" value={money(summary.plannedMicros, currency)} testId="budget-planned" />
          <Stat label="Committed" hint={`${summary.agreedCount} creator${summary.agreedCount === 1 ? '' : 's'} agreed`} value={money(summary.committedMicros, currency)} testId="budget-committed" />
          <Stat label="Spent" hint="Payments logged" value={money(summary.spentMicros, currency)} testId="budget-spent" />
          <Stat label={summary.over ? 'Over budget' : 'Left'} hint="Budget minus planned" value={money(summary.leftMicros, currency)} testId="budget-left" color={summary.over ? 'red.7' : undefined} />
        </SimpleGrid>
        {summary.onCommission > 0 && <Text size="xs" c="dimmed">Plus commission on sales for {summary.onCommission} creator{summary.onCommission === 1 ? '' : 's'}: paid from revenue, not in these figures.</Text>}
        {summary.otherCurrencies.length > 0 && (
          <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="budget-other-currencies">
            Not added to the {currency} figures (another currency): {summary.otherCurrencies.map((o) => `${formatMoney({ amountMicros: o.planned, currency: o.currency })} planned, ${formatMoney({ amountMicros: o.committed, currency: o.currency })} committed, ${formatMoney({ amountMicros: o.spent, currency: o.currency })} spent`).join('; ')}.
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function Stat({ label, value, hint, testId, color }: { label: string; value: string; hint: string; testId: string; color?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={700} size="lg" c={color} data-testid={testId}>{value}</Text>
      <Text size="xs" c="dimmed">{hint}</Text>
    </Stack>
  );
}
