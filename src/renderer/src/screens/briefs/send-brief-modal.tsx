import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { newId } from '../../../../shared/data/ids';
import { actorOf } from '../../../../shared/domain/activities';
import { sendBriefOperations } from '../../../../shared/domain/brief-sending';
import { useUndoableApply } from '../../components/use-undoable-apply';
import { getMe } from '../../data/me';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { BriefRow } from '../brief-row';

/**
 * Records which creators this version went to: one line per creator on the
 * brief and in their timeline, the brief marked sent; one Undo takes it back.
 */
export function SendBriefModal({ brief, onClose }: { brief: BriefRow; onClose: () => void }) {
  const { saving: busy, apply } = useUndoableApply();
  const engagements = useRxQuery<{ creatorId: string }>('engagements', { selector: { campaignId: brief.campaignId ?? '', deletedAt: null } }, `brief-send-${brief.id}`);
  const ids = useMemo(() => [...new Set((engagements ?? []).map((e) => e.creatorId))].sort(), [engagements]);
  const creators = useRxQuery<{ id: string; name: string }>('creators', { selector: { id: { $in: ids }, deletedAt: null }, sort: [{ name: 'asc' }] }, `brief-send-creators-${brief.id}-${ids.length}`);
  const already = useMemo(() => new Set(brief.sentTo.map((s) => s.creatorId)), [brief.sentTo]);
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const chosen = picked ?? new Set((creators ?? []).filter((c) => !already.has(c.id)).map((c) => c.id));

  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };

  const send = async () => {
    const fresh = [...chosen].filter((id) => !already.has(id));
    const ops = sendBriefOperations(brief, fresh, actorOf(getMe()), new Date().toISOString(), () => newId());
    if (await apply(ops, `“${brief.title}” marked as sent to ${fresh.length} ${fresh.length === 1 ? 'creator' : 'creators'}`, 'Could not record who received the brief')) onClose();
  };

  const count = [...chosen].filter((id) => !already.has(id)).length;
  return (
    <Modal opened onClose={onClose} title={<Title order={4}>Who received this version?</Title>} size="md">
      <Stack gap="sm">
        {!brief.campaignId ? <Text size="sm" c="dimmed">Link the brief to a campaign first: its creators are the ones to choose from.</Text>
          : creators && creators.length === 0 ? <Text size="sm" c="dimmed">The campaign has no creators yet.</Text> : (
            <ScrollArea.Autosize mah={360}>
              <Stack gap={6}>
                {(creators ?? []).map((c) => (
                  <Checkbox key={c.id} label={already.has(c.id) ? `${c.name} · already has it` : c.name} checked={already.has(c.id) || chosen.has(c.id)}
                    disabled={already.has(c.id)} onChange={() => toggle(c.id)} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button disabled={count === 0} loading={busy} onClick={() => void send()}>Mark as sent to {count}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
