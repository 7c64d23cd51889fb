import { Group, Kbd, Text } from '@mantine/core';

const keys: [string, string][] = [['J', 'next'], ['K', 'previous'], ['O', 'open post'], ['L C H', 'like, comment, share'], ['D', 'done'], ['S', 'skip']];

/** The keys that work the queue, always in view (they are off while typing in a field). */
export function ShortcutsHint() {
  return (
    <Group gap="md" data-testid="engage-shortcuts">
      {keys.map(([key, what]) => (
        <Group key={key} gap={4} wrap="nowrap">
          {key.split(' ').map((k) => <Kbd key={k} size="xs">{k}</Kbd>)}
          <Text size="xs" c="dimmed">{what}</Text>
        </Group>
      ))}
    </Group>
  );
}
