import { Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { Report } from '../../../../shared/reports/build-report';
import { formatKpi, kpiById } from '../../../../shared/reports/kpis';

const money = (micros: number | null, currency: string) => formatKpi({ format: 'money' }, micros, currency);

/** Spend against budget, and each KPI target the campaigns set against where it stands. */
export function SpendCard({ report }: { report: Report }) {
  const t = report.totals;
  const spend = report.kpis.spend.value;
  const budget = report.budgetMicros;
  const used = spend != null && budget ? spend / budget : null;
  return (
    <Card withBorder radius="lg" p="lg" data-testid="spend-card">
      <Title order={4} mb="sm">Spend against budget</Title>
      <Group justify="space-between">
        <Text fz={24} fw={750}>{money(spend, report.currency)}</Text>
        <Text c="dimmed" size="sm">{budget ? `of ${money(budget, report.currency)} budget` : 'No budget set for these campaigns'}</Text>
      </Group>
      {used != null && <Progress value={Math.min(100, used * 100)} color={used > 1 ? 'red' : used > 0.9 ? 'orange' : 'teal'} mt={6} aria-label="Budget used" />}
      {used != null && <Text size="xs" c={used > 1 ? 'red' : 'dimmed'} mt={4}>{used > 1 ? `Over budget by ${money(spend! - budget!, report.currency)}` : `${(used * 100).toFixed(0)}% used · ${money(budget! - spend!, report.currency)} left`}</Text>}
      <Stack gap={2} mt="sm">
        <Text size="sm">Fees and bonuses: <b>{t.feesMicros.reported ? money(t.feesMicros.sum, report.currency) : '— none logged'}</b></Text>
        <Text size="sm">Product: <b>{t.productMicros.reported ? money(t.productMicros.sum, report.currency) : '— none logged'}</b></Text>
        <Text size="sm">Shipping: <b>{t.shippingMicros.reported ? money(t.shippingMicros.sum, report.currency) : '— set a cost per parcel to count it'}</b></Text>
        {report.otherCurrencyAmounts > 0 && <Text size="xs" c="orange">{report.otherCurrencyAmounts} amount(s) in another currency than {report.currency} are left out: they cannot be added up.</Text>}
      </Stack>
      <Title order={4} mt="lg" mb="sm">Targets</Title>
      {report.targets.length === 0 ? <Text size="sm" c="dimmed">These campaigns have no KPI targets. Add them in the campaign's plan.</Text> : (
        <Stack gap="xs">
          {report.targets.map((target) => (
            <div key={target.kpi} data-testid="target-row">
              <Group justify="space-between">
                <Text size="sm" fw={600}>{target.label}</Text>
                <Text size="sm">{formatKpi(kpiById[target.kpi], target.actual, report.currency)} of {formatKpi(kpiById[target.kpi], target.targetValue, report.currency)}</Text>
              </Group>
              <Progress value={Math.min(100, (target.progress ?? 0) * 100)} color={target.progress != null && target.progress >= 1 ? 'teal' : 'indigo'} size="sm" aria-label={`${target.label} against target`} />
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
