import { ActionIcon, Anchor, Avatar, Checkbox, Group, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { describeDue, dueDateOf } from '../../../../shared/domain/tasks';
import { presenceColor } from '../../../../shared/sync/presence';
import { initials } from '../../../../shared/domain/initials';
import { hrefFor } from '../../app/routes';
import { useSession } from '../../app/workspace-context';
import { deleteTask, toggleTaskDone } from './task-actions';
import { formatDay, viewerTimeZone, type TaskRecord } from './task-record';

interface Props {
  task: TaskRecord;
  today: string;
  assigneeName: string | null;
  creatorName?: string;
  campaignName?: string;
  onEdit: (task: TaskRecord) => void;
  /** Hide the avatar when every task shown is one person's. */
  showAssignee?: boolean;
}

/** One task: tick it off, see when it is due and what it is about, open that. */
export function TaskRow({ task, today, assigneeName, creatorName, campaignName, onEdit, showAssignee = true }: Props) {
  const session = useSession();
  const due = dueDateOf(task, viewerTimeZone());
  const late = !task.doneAt && due !== null && due < today;
  return (
    <Group wrap="nowrap" gap="sm" py={8} px="sm" data-testid="task-row" align="flex-start"
      style={{ borderRadius: 8, background: late ? 'var(--mantine-color-red-light)' : undefined }}>
      <Checkbox mt={2} checked={!!task.doneAt} onChange={() => void toggleTaskDone(session, task)} radius="xl" color="teal"
        aria-label={task.doneAt ? `Mark “${task.title}” not done` : `Mark “${task.title}” done`} />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={500} td={task.doneAt ? 'line-through' : undefined} c={task.doneAt ? 'dimmed' : undefined} style={{ cursor: 'pointer' }} onClick={() => onEdit(task)}>
          {task.title}
        </Text>
        <Group gap={8} wrap="wrap">
          {due && <Text size="xs" c={late ? 'red.7' : 'dimmed'} fw={late ? 700 : undefined}>{describeDue(due, today, (d) => formatDay(d))}</Text>}
          {creatorName && task.creatorId && <Anchor size="xs" href={hrefFor({ screen: 'creator', id: task.creatorId })}>{creatorName}</Anchor>}
          {campaignName && task.campaignId && <Anchor size="xs" href={hrefFor({ screen: 'campaign', id: task.campaignId })}>{campaignName}</Anchor>}
          {task.body && <Text size="xs" c="dimmed" lineClamp={1} maw={360}>{task.body}</Text>}
        </Group>
      </Stack>
      {showAssignee && assigneeName && task.assigneeId && (
        <Tooltip label={assigneeName}>
          <Avatar size={24} radius="xl" variant="filled" color={presenceColor(task.assigneeId)} aria-label={`For ${assigneeName}`}>{initials(assigneeName)}</Avatar>
        </Tooltip>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target><ActionIcon variant="subtle" color="gray" aria-label={`More for “${task.title}”`}><IconDots size={16} /></ActionIcon></Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onEdit(task)}>Edit</Menu.Item>
          <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={() => void deleteTask(session, task)}>Delete</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
