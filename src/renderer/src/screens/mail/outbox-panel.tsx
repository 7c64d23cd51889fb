import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { newId } from '../../../../shared/data/ids';
import { canChange, sentMailActivity, type OutboxMessage, type OutboxStatus } from '../../../../shared/domain/mail-outbox';
import type { OutboxRoundOutput } from '../../../../shared/mail/mail-contract';
import { useWorkspace } from '../../app/workspace-context';
import { host } from '../../host';

const statusLabel: Record<OutboxStatus, { label: string; color: string }> = {
  queued: { label: 'Waiting to send', color: 'blue' },
  held: { label: 'On hold', color: 'gray' },
  sending: { label: 'Sending', color: 'yellow' },
  sent: { label: 'Sent', color: 'teal' },
  failed: { label: 'Not sent', color: 'red' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

/**
 * The outbox on this computer: what waits, what went, what failed and why.
 * A sent message goes on its creator's timeline from here, once, while a
 * workspace is open (the host remembers which ones are on it).
 */
export function OutboxPanel() {
  const { session } = useWorkspace();
  const [messages, setMessages] = useState<OutboxMessage[]>([]);
  const [lastRound, setLastRound] = useState<OutboxRoundOutput | null>(null);
  const [error, setError] = useState<string | null>(null);
  const logging = useRef(false);

  const refresh = async () => {
    try {
      const list = await host['outbox-list']({});
      setMessages(list.messages);
      setLastRound(list.lastRound);
      const unlogged = list.messages.filter((m) => m.status === 'sent' && !m.logged && m.creatorId);
      if (session && unlogged.length && !logging.current) {
        logging.current = true;
        try {
          await session.commands.applyAll(unlogged.map((m) => sentMailActivity(m, newId())));
          await host['outbox-mark-logged']({ ids: unlogged.map((m) => m.id) });
        } finally {
          logging.current = false;
        }
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 3000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);

  const change = async (id: string, action: 'hold' | 'release' | 'cancel') => {
    try {
      await host['outbox-change']({ id, action });
      await refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const shown = [...messages].reverse().slice(0, 200);
  return (
    <Stack gap="xs" data-testid="outbox">
      <Group justify="space-between">
        <Text fw={700}>Outbox</Text>
        <Button size="xs" variant="default" onClick={() => void host['outbox-send-now']({}).then(() => refresh(), (e: unknown) => setError(String(e)))}>Try sending now</Button>
      </Group>
      {lastRound?.problem && <Text size="sm" c="red.8">Waiting to send: {lastRound.problem.message}</Text>}
      {error && <Text size="sm" c="red.8">{error}</Text>}
      {shown.length === 0 ? <Text size="sm" c="dimmed">Nothing in the outbox yet. Send a batch from Outreach with “Send through my mailbox”.</Text> : (
        <Stack gap={4} role="list" aria-label="Outbox">
            {shown.map((m) => (
              <Paper key={m.id} withBorder p="xs" role="listitem" data-testid="outbox-row" data-status={m.status}>
               <Group justify="space-between" wrap="nowrap">
                <Stack gap={0}><Text size="sm">{m.to}</Text><Text size="xs" c="dimmed">{m.subject}</Text></Stack>
                <Stack gap={0}>
                  <Badge color={statusLabel[m.status].color} variant="light">{statusLabel[m.status].label}</Badge>
                  {m.failure && <Text size="xs" c="red.8">{m.failure}</Text>}
                </Stack>
                <Text size="xs" c="dimmed">{m.sentAt ? `Sent ${new Date(m.sentAt).toLocaleString()}` : `From ${new Date(m.sendAt).toLocaleString()}`}</Text>
                  {canChange(m) && (
                    <Group gap={4} wrap="nowrap">
                      {m.status === 'queued' && <Button size="compact-xs" variant="default" onClick={() => void change(m.id, 'hold')}>Hold</Button>}
                      {(m.status === 'held' || m.status === 'failed') && <Button size="compact-xs" variant="default" onClick={() => void change(m.id, 'release')}>{m.status === 'failed' ? 'Send again' : 'Release'}</Button>}
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => void change(m.id, 'cancel')}>Cancel</Button>
                    </Group>
                  )}
               </Group>
              </Paper>
            ))}
        </Stack>
      )}
    </Stack>
  );
}
