import { Button, Group, Select, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { actorOf } from '../../../../shared/domain/activities';
import { nextLocalHour, type OutboxDraft } from '../../../../shared/domain/mail-outbox';
import type { MailboxListOutput } from '../../../../shared/mail/mail-contract';
import { getMe } from '../../data/me';
import { host } from '../../host';
import { notifications } from '@mantine/notifications';
import { NumberField } from '../../components/number-field';
import { readTyped } from '../../components/number-locale';

const paceSpec = { label: 'Messages a minute', kind: 'count' as const, min: 1, max: 600, decimals: 0 };

/**
 * Puts a batch in the outbox on this computer, to go out from the person's
 * own mailbox now or at 9:00, at a pace they choose; it goes when the
 * connection allows, and each sent message lands on its creator's timeline.
 */
export function SendThroughMailbox({ drafts, onQueued }: { drafts: OutboxDraft[]; onQueued?: () => void }) {
  const [mailboxes, setMailboxes] = useState<MailboxListOutput['mailboxes'] | null>(null);
  const [when, setWhen] = useState<'now' | 'nine'>('now');
  const [pace, setPace] = useState('20');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    host['mailbox-list']({}).then((l) => setMailboxes(l.mailboxes.filter((m) => m.hasPassword)), () => setMailboxes([]));
  }, []);
  if (!mailboxes) return null;
  if (mailboxes.length === 0) return <Text size="xs" c="dimmed">To send from Fanfare, connect your mailbox in Settings → Mailbox.</Text>;

  const read = readTyped(pace, paceSpec);
  const perMinute = read.ok && read.value != null ? read.value : null;
  const send = async () => {
    if (perMinute === null) return;
    setBusy(true);
    try {
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const sendAt = when === 'now' ? new Date().toISOString() : nextLocalHour(new Date(), 9, timeZone);
      const { messages } = await host['outbox-queue']({ mailboxId: mailboxes[0].id, messages: drafts, sendAt, perMinute, actor: actorOf(getMe()) });
      notifications.show({ message: `${messages.length} ${messages.length === 1 ? 'message is' : 'messages are'} in your outbox (Settings → Mailbox). They go out when the connection allows.` });
      onQueued?.();
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" data-testid="send-through-mailbox" wrap="nowrap">
      <Select size="xs" w={150} aria-label="When to send" allowDeselect={false} value={when} onChange={(v) => v && setWhen(v as 'now' | 'nine')}
        data={[{ value: 'now', label: 'Send now' }, { value: 'nine', label: 'Next 9:00' }]} />
      <NumberField size="xs" w={120} aria-label="Messages a minute" rightSection={<Text size="xs" c="dimmed">/min</Text>} spec={paceSpec} value={pace} onChange={setPace} />
      <Button size="xs" leftSection={<IconSend size={14} />} loading={busy} disabled={drafts.length === 0 || perMinute === null} onClick={() => void send()}>
        Send {drafts.length} through my mailbox
      </Button>
    </Group>
  );
}
