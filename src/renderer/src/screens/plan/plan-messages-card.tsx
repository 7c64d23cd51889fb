import { Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { PlanDocument } from '../../../../shared/domain/plan-document';

/** What every creator should get across, numbered as a brief would list them. */
export function PlanMessagesCard({ plan }: { plan: PlanDocument }) {
  return (
    <Card withBorder radius="lg" p="lg" data-testid="plan-messages">
      <Text fw={700} size="lg" mb="md">Key messages</Text>
      {plan.keyMessages.length === 0 && <Text size="sm" c="dimmed">No key messages yet. Edit the plan to write the two or three things every creator should say; briefs and outreach use them.</Text>}
      <Stack gap="sm">
        {plan.keyMessages.map((m, i) => (
          <Group key={i} gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon radius="xl" size={26} variant="light"><Text size="sm" fw={800}>{i + 1}</Text></ThemeIcon>
            <Text fz="md" fw={500} style={{ fontStyle: 'italic' }}>“{m}”</Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
