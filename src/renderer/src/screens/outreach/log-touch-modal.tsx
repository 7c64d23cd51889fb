import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { touchChannels } from '../../../../shared/data/schemas/activities';
import { newId } from '../../../../shared/data/ids';
import { TouchError, touchChannelLabels, touchWrites, type TouchChannel, type TouchDirection } from '../../../../shared/domain/touches';
import { useUndoableApply } from '../../components/use-undoable-apply';
import { getMe } from '../../data/me';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { Campaign, Engagement } from './use-outreach-data';

/** "2026-12-07T14:05" in this computer's time, which is what a datetime-local field shows and reads. */
function localInput(date: Date): string {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const channelOptions = touchChannels.map((c) => ({ value: c, label: touchChannelLabels[c] }));

/**
 * Logging a DM, a call or a note that happened outside Fanfare, so the
 * follow-up queue knows: ours restarts the clock, theirs is their answer.
 * Opened from the creator's timeline and from a follow-up queue row.
 */
export function LogTouchModal({ opened, onClose, creatorId, creatorName, engagementId = null }: {
  opened: boolean;
  onClose: () => void;
  creatorId: string;
  creatorName: string;
  /** The campaign conversation it is for, when opened from one (the follow-up queue). */
  engagementId?: string | null;
}) {
  const engagements = useRxQuery<Engagement>('engagements', { selector: { creatorId, deletedAt: null } }, `touch-eng-${creatorId}`);
  const campaigns = useRxQuery<Campaign>('campaigns', { selector: { deletedAt: null } }, 'touch-campaigns');
  const { apply, saving } = useUndoableApply();
  const [channel, setChannel] = useState<TouchChannel>('instagram-dm');
  const [direction, setDirection] = useState<TouchDirection>('out');
  const [when, setWhen] = useState(() => localInput(new Date()));
  const [text, setText] = useState('');
  const [forEngagement, setForEngagement] = useState<string>('none');
  const [errors, setErrors] = useState<Partial<Record<'at' | 'text', string>>>({});

  const campaignName = useMemo(() => new Map((campaigns ?? []).map((c) => [c.id, c.name])), [campaigns]);
  const choices = useMemo(() => (engagements ?? []).filter((e) => campaignName.has(e.campaignId)), [engagements, campaignName]);
  useEffect(() => {
    if (!opened) return;
    setWhen(localInput(new Date()));
    setText('');
    setErrors({});
    // The conversation most recently active is the likeliest one a DM or call was part of.
    const latest = [...choices].sort((a, b) => (b.lastContactedAt ?? b.createdAt).localeCompare(a.lastContactedAt ?? a.createdAt))[0];
    setForEngagement(engagementId ?? latest?.id ?? 'none');
    // Only when the modal opens: a sync arriving while typing must not change the campaign under the person.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, engagementId]);

  const engagement = choices.find((e) => e.id === forEngagement) ?? null;
  const campaign = engagement ? (campaigns ?? []).find((c) => c.id === engagement.campaignId) : null;
  const note = channel === 'note';
  const effect = note || !engagement
    ? `Kept on ${creatorName}’s timeline${note ? '' : '; no campaign’s follow-up clock changes'}.`
    : direction === 'out'
      ? `Counts as contact in ${campaign?.name}: the follow-up clock runs from this day.`
      : `Counts as their reply in ${campaign?.name}: they leave the “needs follow-up” list.`;

  const save = async () => {
    const at = new Date(when);
    try {
      const writes = touchWrites({
        creatorId, engagement, steps: campaign?.steps ?? [], channel, direction, at: Number.isNaN(at.getTime()) ? '' : at.toISOString(), text,
        actor: { id: getMe().id, name: getMe().named ? getMe().name : null }, now: new Date().toISOString(), newId: () => newId(),
      });
      const label = note ? 'Note' : touchChannelLabels[channel];
      if (await apply(writes, `${label} with ${creatorName} logged`, `The ${label.toLowerCase()} was not logged`)) onClose();
    } catch (error) {
      if (error instanceof TouchError) setErrors({ [error.field]: error.message });
      else throw error;
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Log a touch with ${creatorName}`} size="lg">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select label="Channel" data={channelOptions} value={channel} onChange={(v) => v && setChannel(v as TouchChannel)} allowDeselect={false} />
          <TextInput type="datetime-local" label="When (your time)" value={when} onChange={(e) => setWhen(e.currentTarget.value)} error={errors.at} />
        </Group>
        {!note && (
          <SegmentedControl fullWidth value={direction} onChange={(v) => setDirection(v as TouchDirection)} aria-label="Who reached out"
            data={[{ value: 'out', label: 'We reached out' }, { value: 'in', label: 'They replied' }]} />
        )}
        <Select label="Campaign" data={[...choices.map((e) => ({ value: e.id, label: campaignName.get(e.campaignId) ?? 'Campaign' })), { value: 'none', label: 'No campaign (timeline only)' }]}
          value={forEngagement} onChange={(v) => setForEngagement(v ?? 'none')} allowDeselect={false} />
        <Textarea label={note ? 'Note' : 'What was said'} placeholder={note ? 'Met at the Lisbon launch; prefers WhatsApp' : 'Optional: the gist, or paste the message'} autosize minRows={3}
          value={text} onChange={(e) => setText(e.currentTarget.value)} error={errors.text} />
        <Text size="sm" c="dimmed" data-testid="touch-effect">{effect}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()} loading={saving}>Log {note ? 'note' : 'touch'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
