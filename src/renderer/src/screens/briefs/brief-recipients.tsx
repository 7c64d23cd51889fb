import { Anchor, Button, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { hrefFor } from '../../app/routes';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { BriefRow } from '../brief-row';
import { daysAgo } from '../creators/relative-date';
import { SendBriefModal } from './send-brief-modal';

/** Which creators received this version, and when: so nobody gets last month's brief by mistake. */
export function BriefRecipients({ brief, readOnly }: { brief: BriefRow; readOnly: boolean }) {
  const [sending, setSending] = useState(false);
  const ids = useMemo(() => brief.sentTo.map((s) => s.creatorId).sort(), [brief.sentTo]);
  const creators = useRxQuery<{ id: string; name: string }>('creators', { selector: { id: { $in: ids } } }, `brief-recipients-${brief.id}-${ids.length}`);
  const names = new Map((creators ?? []).map((c) => [c.id, c.name]));
  return (
    <Paper withBorder radius="lg" p="md" data-testid="brief-recipients">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>Sent to{brief.sentTo.length ? ` · ${brief.sentTo.length}` : ''}</Text>
        {!readOnly && <Button size="xs" variant="light" leftSection={<IconSend size={14} />} onClick={() => setSending(true)}>Mark as sent…</Button>}
      </Group>
      {brief.sentTo.length === 0 ? <Text size="sm" c="dimmed">Nobody yet. When you send this version to creators, note it here: each one’s timeline says which version they have.</Text> : (
        <ScrollArea.Autosize mah={170} type="auto" offsetScrollbars>
        <Stack gap={4}>
          {[...brief.sentTo].sort((a, b) => b.at.localeCompare(a.at)).map((s) => (
            <Group key={s.creatorId} justify="space-between" wrap="nowrap">
              <Anchor size="sm" href={hrefFor({ screen: 'creator', id: s.creatorId })}>{names.get(s.creatorId) ?? '…'}</Anchor>
              <Text size="xs" c="dimmed">{daysAgo(s.at)}</Text>
            </Group>
          ))}
        </Stack>
        </ScrollArea.Autosize>
      )}
      {sending && <SendBriefModal brief={brief} onClose={() => setSending(false)} />}
    </Paper>
  );
}
