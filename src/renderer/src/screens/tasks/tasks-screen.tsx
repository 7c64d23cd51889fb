import { Badge, Button, Card, Collapse, Group, Kbd, Select, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconChecklist, IconChevronDown, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { todayIn } from '../../../../shared/domain/dates';
import { buildTasksTable } from '../../../../shared/domain/table-exports/lists';
import { groupTasks, taskGroupLabels, type TaskGroup } from '../../../../shared/domain/tasks';
import { EmptyState } from '../../components/empty-state';
import { ExportTableMenu } from '../../components/export-table-menu';
import { PageHeader } from '../../components/page-header';
import { useRxQuery } from '../../hooks/use-rx-query';
import { TaskFormModal } from './task-form-modal';
import { TaskRow } from './task-row';
import { viewerTimeZone, type TaskRecord } from './task-record';
import { useTasks } from './use-tasks';
import { useTeammates } from './use-teammates';

const EVERYONE = '__everyone__';
const openGroups: TaskGroup[] = ['overdue', 'today', 'this-week', 'later', 'no-date'];
const groupColors: Partial<Record<TaskGroup, string>> = { overdue: 'red', today: 'fanfare' };

/** "My tasks": what is late, for today, this week and later; a teammate's list one click away. */
export function TasksScreen() {
  const tasks = useTasks();
  const { me, teammates, nameOf } = useTeammates((tasks ?? []).map((t) => t.assigneeId));
  const [whose, setWhose] = useState<string>(me.id);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TaskRecord | null>(null);
  const [showDone, setShowDone] = useState(false);
  useHotkeys([['n', () => setAdding(true)]]);
  const timeZone = viewerTimeZone();
  const today = todayIn(timeZone);

  const shown = useMemo(() => (tasks ?? []).filter((t) => whose === EVERYONE || (t.assigneeId ?? null) === whose), [tasks, whose]);
  const groups = useMemo(() => groupTasks(shown, today, timeZone), [shown, today, timeZone]);
  const creatorIds = useMemo(() => [...new Set(shown.map((t) => t.creatorId).filter((id): id is string => !!id))].sort(), [shown]);
  const creators = useRxQuery<{ id: string; name: string }>('creators', { selector: { id: { $in: creatorIds } } }, `task-creators-${creatorIds.join(',')}`);
  const campaigns = useRxQuery<{ id: string; name: string }>('campaigns', { selector: {} }, 'task-campaigns');
  const creatorName = useMemo(() => new Map((creators ?? []).map((c) => [c.id, c.name])), [creators]);
  const campaignName = useMemo(() => new Map((campaigns ?? []).map((c) => [c.id, c.name])), [campaigns]);
  const openCount = openGroups.reduce((n, g) => n + groups[g].length, 0);
  const isMine = whose === me.id;
  const person = whose === EVERYONE ? 'everyone' : isMine ? 'you' : nameOf(whose) ?? 'this teammate';

  const options = [
    ...teammates.map((t) => ({ value: t.id, label: t.isMe ? 'My tasks' : `${t.name}’s tasks` })),
    { value: EVERYONE, label: 'Everyone’s tasks' },
  ];

  return (
    <Stack gap={0} maw={900}>
      <PageHeader title={isMine ? 'My tasks' : whose === EVERYONE ? 'Everyone’s tasks' : `${nameOf(whose)}’s tasks`}
        subtitle={tasks ? `${openCount} open${groups.overdue.length ? `, ${groups.overdue.length} overdue` : ''}` : ' '}
        actions={<>
          <Select aria-label="Whose tasks" data={options} value={whose} onChange={(v) => v && setWhose(v)} allowDeselect={false} w={220} />
          <ExportTableMenu size="sm" rowCount={openCount + (showDone ? groups.done.length : 0)} name="tasks" filters={[whose === EVERYONE ? 'everyone' : nameOf(whose) ?? 'teammate']} sheetName="Tasks" what={['task', 'tasks']}
            build={() => buildTasksTable([...openGroups, ...(showDone ? ['done' as const] : [])].flatMap((g) => groups[g].map((t) => ({
              group: taskGroupLabels[g], title: t.title, dueAt: t.dueAt, doneAt: t.doneAt, assignee: nameOf(t.assigneeId) ?? '', notes: t.body,
              creatorName: t.creatorId ? creatorName.get(t.creatorId) ?? '' : '', campaignName: t.campaignId ? campaignName.get(t.campaignId) ?? '' : '',
            }))))} />
          <Button leftSection={<IconPlus size={16} />} rightSection={<Kbd size="xs">N</Kbd>} onClick={() => setAdding(true)}>Add task</Button>
        </>} />
      {tasks && tasks.length === 0 && (
        <EmptyState icon={<IconChecklist />} title="Tasks keep the team on time"
          action={<Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>Add the first task</Button>}>
          Give yourself or a teammate something to do by a date: chase an address, send a brief, check a post. Attach it to a creator or a campaign, and it shows there too. Press N to add one from anywhere on this screen.
        </EmptyState>
      )}
      {tasks && tasks.length > 0 && openCount === 0 && (
        <Card withBorder radius="lg" p="xl" mb="md">
          <Text ta="center" c="dimmed">Nothing open for {person}. {groups.done.length ? 'Everything is done.' : ''}</Text>
        </Card>
      )}
      <Stack gap="lg">
        {openGroups.map((g) => groups[g].length > 0 && (
          <Stack key={g} gap={4} data-testid={`task-group-${g}`}>
            <Group gap="xs">
              <Title order={4} c={groupColors[g] ? `${groupColors[g]}.7` : undefined}>{taskGroupLabels[g]}</Title>
              <Badge variant="light" color={groupColors[g] ?? 'gray'}>{groups[g].length}</Badge>
            </Group>
            <Card withBorder radius="lg" p={4}>
              {groups[g].map((t) => (
                <TaskRow key={t.id} task={t} today={today} assigneeName={nameOf(t.assigneeId)} showAssignee={whose === EVERYONE}
                  creatorName={t.creatorId ? creatorName.get(t.creatorId) ?? 'A removed creator' : undefined}
                  campaignName={t.campaignId ? campaignName.get(t.campaignId) ?? 'A removed campaign' : undefined} onEdit={setEditing} />
              ))}
            </Card>
          </Stack>
        ))}
        {groups.done.length > 0 && (
          <Stack gap={4} data-testid="task-group-done">
            <UnstyledButton onClick={() => setShowDone((v) => !v)} aria-expanded={showDone}>
              <Group gap="xs">
                {showDone ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                <Title order={4} c="dimmed">Done</Title>
                <Badge variant="light" color="teal">{groups.done.length}</Badge>
              </Group>
            </UnstyledButton>
            <Collapse expanded={showDone}>
              <Card withBorder radius="lg" p={4}>
                {groups.done.slice(0, 100).map((t) => (
                  <TaskRow key={t.id} task={t} today={today} assigneeName={nameOf(t.assigneeId)} showAssignee={whose === EVERYONE}
                    creatorName={t.creatorId ? creatorName.get(t.creatorId) : undefined} campaignName={t.campaignId ? campaignName.get(t.campaignId) : undefined} onEdit={setEditing} />
                ))}
              </Card>
            </Collapse>
          </Stack>
        )}
      </Stack>
      <TaskFormModal opened={adding} onClose={() => setAdding(false)} defaultAssigneeId={whose === EVERYONE ? null : whose} />
      <TaskFormModal opened={!!editing} onClose={() => setEditing(null)} task={editing} />
    </Stack>
  );
}
