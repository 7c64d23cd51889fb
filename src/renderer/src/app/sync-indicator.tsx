import { Badge, Tooltip } from '@mantine/core';
import { IconCloud, IconCloudCheck, IconCloudOff, IconCloudPause, IconCloudUp, IconCloudX } from '@tabler/icons-react';
import { useSyncStatus } from '../hooks/use-sync-status';
import { navigate } from './routes';

const waitingText = (n: number) => (n === 0 ? '' : ` · ${n} ${n === 1 ? 'change' : 'changes'} not sent yet`);

/** Always visible while a workspace syncs with the team: what state it is in, and what is not sent yet. */
export function SyncIndicator() {
  const status = useSyncStatus();
  if (status.state === 'off') return null;
  // Connected, but the server has not yet confirmed the latest change: "Synced" only once it has.
  const sending = status.waiting > 0 || !!status.unsent;
  const view = {
    synced: sending
      ? { color: 'blue', icon: <IconCloudUp size={14} />, label: status.waiting > 0 ? `Sending ${status.waiting} ${status.waiting === 1 ? 'change' : 'changes'}…` : 'Sending…', tip: 'Your latest changes are on their way to the team server.' }
      : { color: 'teal', icon: <IconCloudCheck size={14} />, label: 'Synced', tip: 'Your teammates have all your changes.' },
    connecting: { color: 'blue', icon: <IconCloud size={14} />, label: `Connecting${waitingText(status.waiting)}`, tip: status.message ?? 'Reaching the team server.' },
    offline: status.message
      // The server is reachable but said why it cannot take changes now (disk full, restarting): it is retried.
      ? { color: 'orange', icon: <IconCloudOff size={14} />, label: `Waiting for the team server${waitingText(status.waiting)}`, tip: status.message }
      : { color: 'gray', icon: <IconCloudOff size={14} />, label: `Offline${waitingText(status.waiting)}`, tip: 'Keep working: changes are saved here and sent when the team server is reachable.' },
    paused: { color: 'yellow', icon: <IconCloudPause size={14} />, label: `Sync paused${waitingText(status.waiting)}`, tip: 'Resume sync in Settings.' },
    refused: { color: 'red', icon: <IconCloudX size={14} />, label: 'Invite not accepted', tip: status.message ?? 'Ask your teammate for a new invite.' },
  }[status.state];
  return (
    <Tooltip label={view.tip} multiline w={260}>
      <Badge component="a" href="#/settings" onClick={() => navigate({ screen: 'settings' })} variant="light" color={view.color}
        leftSection={view.icon} size="lg" tt="none" style={{ cursor: 'pointer' }} data-testid="sync-indicator"
        // Going offline, back to Synced or refused is news to someone not looking at the corner.
        aria-live="polite">
        {view.label}
      </Badge>
    </Tooltip>
  );
}
