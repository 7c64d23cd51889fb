import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { matchSentence, type CreatorMatch } from '../../../shared/domain/creator-match';

interface Props {
  matches: CreatorMatch[];
  onOpen(match: CreatorMatch): void;
  onAddAnyway(): void;
}

/**
 * Said as soon as a typed handle or email is already someone's, the way an
 * import says it: open the person who is already there, or add a second
 * record knowingly (two people can share an agency email).
 */
export function CreatorMatchNotice({ matches, onOpen, onAddAnyway }: Props) {
  if (!matches.length) return null;
  return (
    <Alert color="yellow" variant="light" radius="md" icon={<IconCopy size={18} />} data-testid="creator-match"
      title={matches.length === 1 ? 'This creator may already be in your list' : `${matches.length} creators in your list share these details`}>
      <Stack gap="xs">
        {matches.map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap" gap="sm">
            <Text size="sm">{matchSentence(m)}</Text>
            <Button size="xs" variant="white" color="yellow.9" style={{ flexShrink: 0 }} onClick={() => onOpen(m)}>{`Open ${m.name}`}</Button>
          </Group>
        ))}
        <Group justify="flex-end">
          <Button size="xs" variant="subtle" color="gray" onClick={onAddAnyway}>Add anyway</Button>
        </Group>
      </Stack>
    </Alert>
  );
}
