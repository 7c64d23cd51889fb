import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useWorkspace } from '../app/workspace-context';
import { SyncIndicator } from '../app/sync-indicator';
import { InviteForm } from '../components/invite-form';
import { useSyncStatus } from '../hooks/use-sync-status';
import { HostSyncPanel } from './host-sync-panel';
import { MediaSyncLine } from './media-sync-line';

/** Settings → Team sync: connect this workspace with an invite, pause, or disconnect. */
export function TeamSyncCard() {
  const { current, connectTeam, disconnectTeam, setSyncPaused } = useWorkspace();
  const status = useSyncStatus();
  const invite = current?.invite;
  return (
    <Card withBorder radius="lg">
      <Group justify="space-between" mb="sm">
        <Stack gap={0}>
          <Text fw={700}>Team sync</Text>
          <Text size="sm" c="dimmed">Work offline as usual; when you are online, your changes and your teammates’ merge through your team’s server.</Text>
        </Stack>
        <SyncIndicator />
      </Group>
      {invite ? (
        <Stack gap="xs">
          <Text size="sm">Connected to <b>{invite.server}</b>{invite.name ? ` (${invite.name})` : ''}.</Text>
          {status.state === 'refused' && <Text size="sm" c="red">{status.message} Your work on this computer is untouched.</Text>}
          {(status.state === 'offline' || status.state === 'connecting') && status.message && (
            <Text size="sm" c="orange.8" data-testid="sync-notice">{status.message} Fanfare keeps trying by itself.</Text>
          )}
          <MediaSyncLine />
          <Group>
            {status.state === 'paused'
              ? <Button variant="light" onClick={() => void setSyncPaused(false)}>Resume sync</Button>
              : <Button variant="default" onClick={() => void setSyncPaused(true)}>Pause sync</Button>}
            <Button variant="default" color="red" onClick={() => void disconnectTeam()}>Disconnect</Button>
          </Group>
        </Stack>
      ) : (
        <InviteForm submitLabel="Connect to the team server" onInvite={connectTeam} />
      )}
      <HostSyncPanel />
    </Card>
  );
}
