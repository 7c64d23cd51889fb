import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { activityInput } from '../../../../shared/domain/activities';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { CommandError } from '../../../../shared/data/command-error';
import { todayIn } from '../../../../shared/domain/dates';
import { dueAtFor, dueDateOf } from '../../../../shared/domain/tasks';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { useRxQuery } from '../../hooks/use-rx-query';
import { TeammateSelect } from './teammate-select';
import { viewerTimeZone, type TaskRecord } from './task-record';
import { useTeammates } from './use-teammates';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Editing this task; otherwise a new one. */
  task?: TaskRecord | null;
  /** Attach a new task to this creator or campaign (the picker is then fixed). */
  creatorId?: string | null;
  campaignId?: string | null;
  /** What it is attached to, in words ("Maya Lopez"), when fixed. */
  aboutLabel?: string;
  /** Who a new task is for at first (else the person adding it). */
  defaultAssigneeId?: string | null;
}

interface Option { id: string; name: string }

/** A task for someone on the team: what, by when, who, and what it is about. */
export function TaskFormModal({ opened, onClose, task = null, creatorId = null, campaignId = null, aboutLabel, defaultAssigneeId = null }: Props) {
  const session = useSession();
  const { me, teammates } = useTeammates();
  const timeZone = viewerTimeZone();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [creator, setCreator] = useState<string | null>(null);
  const [campaign, setCampaign] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const fixed = !task && (creatorId || campaignId);
  const campaigns = useRxQuery<Option>('campaigns', { selector: { deletedAt: null } }, 'task-form-campaigns');
  const creators = useRxQuery<Option>('creators', { selector: { deletedAt: null } }, 'task-form-creators');
  const creatorOptions = useMemo(() => (creators ?? []).map((c) => ({ value: c.id, label: c.name })).sort((a, b) => a.label.localeCompare(b.label)), [creators]);

  useEffect(() => {
    if (!opened) return;
    setTitle(task?.title ?? '');
    setDue(task ? dueDateOf(task, timeZone) ?? '' : todayIn(timeZone));
    setAssigneeId(task ? task.assigneeId ?? null : defaultAssigneeId ?? me.id);
    setCreator(task ? task.creatorId : creatorId);
    setCampaign(task ? task.campaignId : campaignId);
    setBody(task?.body ?? '');
    setErrors({});
    // Only on opening, so a teammate's edit never wipes what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const save = async () => {
    const problems: Record<string, string> = {};
    if (!title.trim()) problems.title = 'Say what needs doing';
    if (!assigneeId) problems.assigneeId = 'Choose who does it';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const fields = {
      title, body, assigneeId, dueAt: due ? dueAtFor(due, timeZone) : null, creatorId: creator, campaignId: campaign,
    };
    setBusy(true);
    try {
      const person = teammates.find((t) => t.id === assigneeId);
      if (task) await session.commands.update('activities', task.id, fields);
      else await session.commands.create('activities', activityInput({ ...fields, kind: 'task', at: new Date().toISOString(), actorId: me.id }));
      const who = person?.isMe ? 'you' : person?.name ?? 'a teammate';
      notifications.show({ color: 'teal', message: task ? 'Task saved' : `Task added for ${who}` });
      onClose();
    } catch (error) {
      if (error instanceof CommandError) setErrors(error.fields);
      else reportError('This task was not saved')(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={task ? 'Edit task' : 'New task'} size="lg" centered>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <Stack>
          <TextInput label="Task" placeholder="Chase Maya for her shipping address" withAsterisk data-autofocus value={title}
            onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TeammateSelect label="For" value={assigneeId} onChange={setAssigneeId} error={errors.assigneeId} />
            <TextInput type="date" label="Due" value={due} onChange={(e) => setDue(e.currentTarget.value)} error={errors.dueAt}
              description="Leave empty for no due date" />
          </SimpleGrid>
          {fixed ? (
            <Text size="sm" c="dimmed">About: <Text span fw={600} c="var(--mantine-color-text)">{aboutLabel ?? 'this record'}</Text></Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select label="About a creator" placeholder="Search creators" searchable clearable limit={50} data={creatorOptions} value={creator} onChange={setCreator}
                nothingFoundMessage="No creator by that name" error={errors.creatorId} />
              <Select label="About a campaign" placeholder="Any campaign" searchable clearable data={(campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))}
                value={campaign} onChange={setCampaign} error={errors.campaignId} />
            </SimpleGrid>
          )}
          <Textarea label="Notes" placeholder="Anything that helps do it" autosize minRows={2} maxRows={6} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors.body} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy}>{task ? 'Save task' : 'Add task'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
