import { Button, Code, CopyButton, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SyncHostStatus } from '../../../shared/api/contract';
import { count } from '../../../shared/domain/number-fields';
import { parseInvite } from '../../../shared/sync/invite';
import { useWorkspace } from '../app/workspace-context';
import { NumberField } from '../components/number-field';
import { readTyped } from '../components/number-locale';
import { host } from '../host';

/** Below 1024 needs administrator rights; 65535 is the last port there is. */
const portSpec = count('Port', { min: 1024, max: 65535, minReason: 'Use a port from 1024 up: lower ones need administrator rights.', maxReason: 'Ports go up to 65535.' });

const reachLabels = { 'this-computer': 'This computer only', 'office-network': 'Office network' } as const;

/** The invite just made, kept for the page's reload when this computer's own server was new to it (see team-server-access.ts). */
const HOSTED_INVITE_KEY = 'fanfare.hostedInvite';

function takeHostedInvite(workspaceId: string | undefined): string | null {
  const kept = sessionStorage.getItem(HOSTED_INVITE_KEY);
  if (!kept || !workspaceId) return null;
  try {
    const { id, invite } = JSON.parse(kept) as { id?: unknown; invite?: unknown };
    return id === workspaceId && typeof invite === 'string' ? invite : null;
  } catch {
    return null;
  }
}

/**
 * "Host sync on this computer": no server to install; this laptop serves the
 * workspace to teammates while Fanfare is open, and hands out invites.
 */
export function HostSyncPanel() {
  const { current, session, connectTeam, disconnectTeam } = useWorkspace();
  const [status, setStatus] = useState<SyncHostStatus | null>(null);
  const [reach, setReach] = useState<'this-computer' | 'office-network'>('office-network');
  const [port, setPort] = useState('1234');
  const [invite, setInvite] = useState<string | null>(() => takeHostedInvite(current?.id));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void host['sync-host-status']({}).then(setStatus, () => setStatus(null)), []);
  // Shown once, after the reload it was kept for.
  useEffect(() => sessionStorage.removeItem(HOSTED_INVITE_KEY), []);
  if (!current || !session) return null;
  // This computer syncs with the server it hosts over loopback, whatever address teammates use.
  const selfUrl = status?.running ? `ws://127.0.0.1:${status.port}` : null;
  const hostingThis = !!selfUrl && current.invite?.server === selfUrl;
  // Connected to a server somewhere else: hosting here would split the team.
  if (current.invite && !hostingThis) return null;

  const share = async () => {
    const read = readTyped(port, portSpec);
    // An empty port means the usual one; one that cannot be used is said under the field (pressing the button leaves it) and nothing starts.
    if (!read.ok) return;
    setBusy(true);
    setError(null);
    try {
      const result = await host['sync-host-share']({ reach, port: read.value ?? 1234, workspaceId: session.id, workspaceName: current.name });
      setStatus(result.status);
      const parsed = parseInvite(result.invite);
      if (!parsed.ok) return setError(parsed.message);
      if (!current.invite) {
        sessionStorage.setItem(HOSTED_INVITE_KEY, JSON.stringify({ id: current.id, invite: result.invite }));
        const problem = await connectTeam({ ...parsed.invite, server: `ws://127.0.0.1:${result.status.port}` });
        sessionStorage.removeItem(HOSTED_INVITE_KEY);
        if (problem) return setError(problem);
      }
      setInvite(result.invite);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const stop = async () => {
    // Teammates keep their copies; they sync again when this computer hosts again.
    setStatus(await host['sync-host-stop']({}));
    setInvite(null);
    await disconnectTeam();
  };

  return (
    <Stack gap="sm" mt="md" data-testid="host-sync">
      <Text fw={600} size="sm">{hostingThis ? 'This computer hosts sync for your team' : 'Or host sync on this computer'}</Text>
      {hostingThis ? (
        <Text size="sm" c="dimmed">Teammates reach it at {status!.addresses.join(', ')} while Fanfare is open here. Give each teammate their own invite, so one can be withdrawn without affecting the others.</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">No server to install: while Fanfare is open on this computer, teammates sync through it.</Text>
          <Group align="flex-end">
            <SegmentedControl value={reach} onChange={(v) => setReach(v as typeof reach)}
              data={Object.entries(reachLabels).map(([value, label]) => ({ value, label }))} />
            <NumberField label="Port" w={110} spec={portSpec} placeholder="1234" value={port} onChange={setPort} />
          </Group>
        </>
      )}
      {!hostingThis && status?.problem && <Text size="sm" c="orange">{status.problem} Choose a port and press Start hosting; teammates’ invites keep working on the same port.</Text>}
      {error && <Text size="sm" c="red">{error}</Text>}
      <Group>
        <Button variant={hostingThis ? 'light' : 'filled'} loading={busy} onClick={() => void share()}>
          {hostingThis ? 'Create an invite for a teammate' : 'Start hosting'}
        </Button>
        {hostingThis && (
          <Button variant="default" color="red" onClick={() => void stop()}>Stop hosting</Button>
        )}
      </Group>
      {invite && (
        <Stack gap={4}>
          <Text size="sm">Send this invite to one teammate:</Text>
          <Code block data-testid="hosted-invite" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{invite}</Code>
          <Group>
            <CopyButton value={invite}>{({ copied, copy }) => <Button size="xs" variant="default" onClick={copy}>{copied ? 'Copied' : 'Copy invite'}</Button>}</CopyButton>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
