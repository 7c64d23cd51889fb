import { Group, Loader, Text } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconCloudPause } from '@tabler/icons-react';
import type { RoomStatus } from '../../data/rich-text/room-status';

const why: Record<RoomStatus['state'], string> = { off: '', synced: '', connecting: 'connecting', offline: 'offline', paused: 'sync paused' };

/** "Sent to the team", or why not yet: the team server's side of a document, apart from this computer's. */
export function TeamStateLine({ status }: { status: RoomStatus }) {
  const { state, sent, waiting } = status;
  const [icon, words, color] = state === 'synced'
    ? sent ? [<IconCloudCheck key="i" size={12} />, 'Sent to the team', 'teal'] : [<Loader key="i" size={10} />, 'Sending to the team…', 'dimmed']
    : waiting > 0 ? [state === 'paused' ? <IconCloudPause key="i" size={12} /> : <IconCloudOff key="i" size={12} />, `Not sent to the team yet · ${why[state]}`, 'orange']
    // Nothing typed here is waiting; teammates' words arrive once back.
    : [<IconCloudOff key="i" size={12} />, `Nothing waiting to be sent · ${why[state]}`, 'dimmed'];
  return (
    <Group gap={4} c={color} data-testid="text-team-state" aria-live="polite">
      {icon}
      <Text size="xs">{words}</Text>
    </Group>
  );
}
