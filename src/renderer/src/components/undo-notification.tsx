import { Anchor, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

/** "Moved to trash · Undo": mistakes that cost get one click back. */
export function notifyWithUndo(message: string, undo: () => void): void {
  const id = `undo-${Date.now()}`;
  notifications.show({
    id,
    autoClose: 6000,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Anchor component="button" size="sm" fw={600} onClick={() => { undo(); notifications.hide(id); }}>Undo</Anchor>
      </Group>
    ),
  });
}
