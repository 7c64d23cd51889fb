import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { useRxQuery } from '../../hooks/use-rx-query';
import { formatDay, useNames } from '../review/review-data';

interface TaskRow { id: string; title: string; body: string; dueAt: string | null; doneAt: string | null; creatorId: string | null; data: { rightId?: string } }

/** Open renewal tasks raised by expiring rights, soonest first; marking one done keeps it in the creator's timeline. */
export function RenewalTasks() {
  const session = useSession();
  const names = useNames();
  const tasks = useRxQuery<TaskRow>('activities', { selector: { kind: 'task', deletedAt: null, doneAt: null } }, 'renewal-tasks');
  const open = (tasks ?? []).filter((t) => t.data.rightId).sort((a, b) => ((a.dueAt ?? '') < (b.dueAt ?? '') ? -1 : 1));
  if (open.length === 0) return null;
  const done = (task: TaskRow) => session.commands.update('activities', task.id, { doneAt: new Date().toISOString() })
    .then(() => notifyWithUndo('Renewal task done', () => void session.commands.undo()), reportError('The task was not updated'));
  return (
    <Card withBorder radius="lg" p="sm" data-testid="renewal-tasks" bg="var(--mantine-color-yellow-light)">
      <Group gap="xs" mb="xs"><IconAlarm size={18} /><Text fw={700}>Renewals to handle ({open.length})</Text></Group>
      <Stack gap="xs">
        {open.map((t) => (
          <Group key={t.id} justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text size="sm" fw={600}>{names.creator.get(t.creatorId ?? '')?.name ?? 'A creator'}: {t.title}</Text>
              <Text size="xs">{t.body} Due {formatDay(t.dueAt)}.</Text>
            </Stack>
            <Button size="compact-sm" variant="default" onClick={() => void done(t)} style={{ flexShrink: 0 }}>Done</Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
