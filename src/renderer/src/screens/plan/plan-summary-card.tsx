import { Avatar, Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import type { PlanDocument } from '../../../../shared/domain/plan-document';
import { kpiName } from '../../../../shared/reports/kpi-names';
import { presenceColor } from '../../../../shared/sync/presence';
import { initials } from '../../../../shared/domain/initials';
import { formatDay } from '../tasks/task-record';
import { compactNumber } from './plan-money';

/** The top of the plan: the objective, the KPI targets, how we activate, who owns it and when it runs. */
export function PlanSummaryCard({ plan, ownerId }: { plan: PlanDocument; ownerId: string | null }) {
  const when = plan.startsOn
    ? `${formatDay(plan.startsOn, { day: 'numeric', month: 'long', year: 'numeric' })} – ${plan.endsOn ? formatDay(plan.endsOn, { day: 'numeric', month: 'long', year: 'numeric' }) : plan.kind === 'program' ? 'ongoing' : 'no end date yet'}`
    : 'No dates yet';
  return (
    <Card withBorder radius="lg" p="xl" data-testid="plan-summary"
      style={{ background: 'linear-gradient(135deg, var(--mantine-color-fanfare-light) 0%, var(--mantine-color-body) 60%)' }}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xl">
        <Stack gap={6} maw={520}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">Objective</Text>
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon size={44} radius="xl" variant="filled"><IconTarget size={26} /></ThemeIcon>
            <Text fz={32} fw={800} lh={1.1}>{plan.objective}</Text>
          </Group>
          <Group gap={6} mt={6}>
            {plan.activationModels.map((m) => <Badge key={m} variant="light" size="lg" radius="sm">{m}</Badge>)}
          </Group>
        </Stack>
        <Stack gap="xs" miw={240}>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" w={64}>Owner</Text>
            {plan.owner ? (
              <Group gap={6} wrap="nowrap">
                <Avatar size={24} radius="xl" variant="filled" color={presenceColor(ownerId ?? '')}>{initials(plan.owner)}</Avatar>
                <Text size="sm" fw={600}>{plan.owner}</Text>
              </Group>
            ) : <Text size="sm" c="dimmed">Nobody yet</Text>}
          </Group>
          <Group gap="xs" wrap="nowrap"><Text size="sm" c="dimmed" w={64}>Runs</Text><Text size="sm" fw={600}>{when}</Text></Group>
          <Group gap="xs" wrap="nowrap"><Text size="sm" c="dimmed" w={64}>Status</Text><Badge variant="dot">{plan.status}</Badge></Group>
        </Stack>
      </Group>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mt="xl" mb={6}>KPI targets</Text>
      {plan.kpis.length === 0 ? (
        <Text size="sm" c="dimmed">No KPI targets yet: edit the plan to say what success looks like (reach, posts, orders…).</Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="plan-kpis">
          {plan.kpis.map((k) => (
            <Card key={k.kpi} radius="md" p="md" withBorder>
              <Text fz={26} fw={800} c="fanfare.7" lh={1.1}>{compactNumber(k.target)}</Text>
              <Text size="sm" c="dimmed">{kpiName(k.kpi)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
