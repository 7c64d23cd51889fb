import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { todayIn } from '../../../../shared/domain/dates';
import { groupTasks } from '../../../../shared/domain/tasks';
import { TaskFormModal } from './task-form-modal';
import { TaskRow } from './task-row';
import { viewerTimeZone, type TaskRecord } from './task-record';
import { useTasks } from './use-tasks';
import { useTeammates } from './use-teammates';

/** The open tasks about one creator or campaign, and a button to add one. */
export function RecordTasksCard({ creatorId, campaignId, aboutLabel, readOnly = false }: { creatorId?: string; campaignId?: string; aboutLabel: string; readOnly?: boolean }) {
  const tasks = useTasks({ creatorId, campaignId });
  const { nameOf } = useTeammates();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TaskRecord | null>(null);
  const timeZone = viewerTimeZone();
  const today = todayIn(timeZone);
  const groups = useMemo(() => groupTasks(tasks ?? [], today, timeZone), [tasks, today, timeZone]);
  const open = [...groups.overdue, ...groups.today, ...groups['this-week'], ...groups.later, ...groups['no-date']];
  const done = groups.done.length;
  return (
    <Card withBorder radius="lg" data-testid="record-tasks-card">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>Tasks</Text>
        {!readOnly && <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>Add task</Button>}
      </Group>
      {tasks && open.length === 0 && (
        <Text size="sm" c="dimmed">{done ? `All ${done} done.` : `Nothing to do about ${aboutLabel} yet. Add a task to remind yourself or a teammate, with a due date.`}</Text>
      )}
      <Stack gap={0}>
        {open.map((t) => <TaskRow key={t.id} task={t} today={today} assigneeName={nameOf(t.assigneeId)} onEdit={setEditing} />)}
      </Stack>
      {open.length > 0 && done > 0 && <Text size="xs" c="dimmed" mt={6}>{done} done</Text>}
      <TaskFormModal opened={adding} onClose={() => setAdding(false)} creatorId={creatorId ?? null} campaignId={campaignId ?? null} aboutLabel={aboutLabel} />
      <TaskFormModal opened={!!editing} onClose={() => setEditing(null)} task={editing} />
    </Card>
  );
}
