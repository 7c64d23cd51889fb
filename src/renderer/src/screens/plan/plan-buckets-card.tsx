import { Card, Group, Progress, Stack, Text } from '@mantine/core';
import { followerRange, type PlanDocument } from '../../../../shared/domain/plan-document';
import { planMoney } from './plan-money';

/** Who we want: each bucket's target against the creators in it so far, and the money committed there. */
export function PlanBucketsCard({ plan }: { plan: PlanDocument }) {
  const target = plan.buckets.reduce((n, b) => n + b.targetCount, 0);
  const count = plan.buckets.reduce((n, b) => n + Math.min(b.count, b.targetCount), 0);
  return (
    <Card withBorder radius="lg" p="lg" data-testid="plan-buckets">
      <Group justify="space-between" mb="md">
        <Text fw={700} size="lg">Audience buckets</Text>
        {target > 0 && <Text size="sm" c="dimmed">{count} of {target} places filled</Text>}
      </Group>
      {plan.buckets.length === 0 && <Text size="sm" c="dimmed">No buckets yet. Edit the plan to say how many nano, micro or macro creators you want; each fills up here as creators join.</Text>}
      <Stack gap="md">
        {plan.buckets.map((b) => {
          const full = b.targetCount > 0 && b.count >= b.targetCount;
          return (
            <Stack key={b.name} gap={4}>
              <Group justify="space-between" wrap="nowrap">
                <Group gap={8} wrap="nowrap">
                  <Text fw={600}>{b.name}</Text>
                  <Text size="xs" c="dimmed">{followerRange(b.minFollowers, b.maxFollowers)}</Text>
                </Group>
                <Text size="sm" fw={600} c={full ? 'teal.7' : undefined}>{b.count} of {b.targetCount}</Text>
              </Group>
              <Progress size="lg" radius="xl" value={b.targetCount ? Math.min(100, (b.count / b.targetCount) * 100) : 0} color={full ? 'teal' : 'fanfare'}
                aria-label={`${b.name}: ${b.count} of ${b.targetCount} creators`} />
              {b.committedMicros > 0 && <Text size="xs" c="dimmed">{planMoney(b.committedMicros, plan.budget.currency)} committed</Text>}
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
