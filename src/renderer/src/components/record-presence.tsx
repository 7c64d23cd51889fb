import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import { initials } from '../../../shared/domain/initials';
import { useTeammatesOn } from '../hooks/use-presence';

const fieldNames: Record<string, string> = { notes: 'the notes', body: 'the brief' };

/** "Sam is here · editing the notes": so two people do not unknowingly work on the same record. */
export function RecordPresence({ recordId }: { recordId: string }) {
  const here = useTeammatesOn(recordId);
  if (here.length === 0) return null;
  const editing = here.filter((p) => p.editing?.recordId === recordId);
  const names = here.map((p) => p.user.name);
  const sentence = editing.length > 0
    ? `${editing.map((p) => p.user.name).join(' and ')} ${editing.length === 1 ? 'is' : 'are'} editing ${fieldNames[editing[0].editing!.field] ?? 'this'}`
    : `${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} looking at this too`;
  return (
    <Group gap={8} wrap="nowrap" data-testid="record-presence">
      <Avatar.Group spacing={6}>
        {here.map((p) => (
          <Tooltip key={p.user.id} label={p.user.name} withArrow>
            <Avatar size={26} radius="xl" variant="filled" color={p.user.color}>{initials(p.user.name)}</Avatar>
          </Tooltip>
        ))}
      </Avatar.Group>
      <Text size="sm" c="dimmed">{sentence}</Text>
    </Group>
  );
}
