import { Button, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { newId } from '../../../../shared/data/ids';
import { actorOf } from '../../../../shared/domain/activities';
import { submitDraftWrites } from '../../../../shared/domain/review-decision';
import { nextRound, roundLabel } from '../../../../shared/domain/review-rounds';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { getMe } from '../../data/me';
import { useRxQuery } from '../../hooks/use-rx-query';
import { commandFields, deliverableLabel, useNames, useTeammates, type AssetRow, type ContentRow, type EngagementRow } from './review-data';

export interface DraftPreset {
  campaignId: string;
  engagementId: string;
  deliverableId: string | null;
  assigneeId: string | null;
}

/** A creator's draft for a deliverable, as a link or files from the library: round v1, or the next round after changes. */
export function SubmitDraftModal({ opened, onClose, preset, onSubmitted }: { opened: boolean; onClose: () => void; preset?: DraftPreset | null; onSubmitted?: (id: string) => void }) {
  const session = useSession();
  const names = useNames();
  const teammates = useTeammates();
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [engagementId, setEngagementId] = useState<string | null>(null);
  const [deliverableId, setDeliverableId] = useState<string | null>(null);
  const [mode, setMode] = useState<'link' | 'library'>('link');
  const [url, setUrl] = useState('');
  const [assetIds, setAssetIds] = useState<string[]>([]);
  const [caption, setCaption] = useState('');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setCampaignId(preset?.campaignId ?? null);
    setEngagementId(preset?.engagementId ?? null);
    setDeliverableId(preset?.deliverableId ?? null);
    setAssigneeId(preset?.assigneeId ?? getMe().id);
    setMode('link'); setUrl(''); setAssetIds([]); setCaption(''); setErrors({});
  }, [opened, preset]);

  const engagements = useRxQuery<EngagementRow>('engagements', { selector: { campaignId: campaignId ?? '-', deletedAt: null } }, `draft-engagements-${campaignId}`);
  const engagement = engagements?.find((e) => e.id === engagementId) ?? null;
  const rounds = useRxQuery<ContentRow>('content', { selector: { engagementId: engagementId ?? '-', kind: 'submission', deletedAt: null } }, `draft-rounds-${engagementId}`);
  const assets = useRxQuery<AssetRow>('assets', { selector: { deletedAt: null } }, 'draft-assets');
  const sameDeliverable = (rounds ?? []).filter((r) => (r.deliverableId ?? null) === (deliverableId ?? null));
  const round = nextRound(sameDeliverable);
  const previous = [...sameDeliverable].sort((a, b) => b.round - a.round)[0];

  const creatorOptions = useMemo(() => (engagements ?? []).map((e) => ({ value: e.id, label: names.creator.get(e.creatorId)?.name ?? 'Unnamed creator' }))
    .sort((a, b) => a.label.localeCompare(b.label)), [engagements, names]);
  const assetOptions = useMemo(() => {
    const list = (assets ?? []).filter((a) => !engagement || !a.creatorId || a.creatorId === engagement.creatorId);
    return list.map((a) => ({ value: a.id, label: `${a.fileName} (${a.kind})` }));
  }, [assets, engagement]);

  const submit = async () => {
    const problems: Record<string, string> = {};
    if (!campaignId) problems.campaignId = 'Choose the campaign';
    if (!engagement) problems.engagementId = 'Choose the creator';
    if (mode === 'link' && !/^https?:\/\/\S+\.\S+/.test(url.trim())) problems.url = url.trim() ? 'This is not a web address (it should start with https://)' : 'Paste the link to the draft (Drive, Dropbox, Frame.io, WeTransfer…)';
    if (mode === 'library' && assetIds.length === 0) problems.assetIds = 'Choose at least one file from the library';
    setErrors(problems);
    if (Object.keys(problems).length || !engagement) return;
    const me = getMe();
    const id = newId();
    const creatorName = names.creator.get(engagement.creatorId)?.name ?? 'The creator';
    setSaving(true);
    try {
      await session.commands.applyAll(submitDraftWrites({
        engagement, deliverableId, round, url: mode === 'link' ? url : '', assetIds: mode === 'library' ? assetIds : [], caption, assigneeId, previousChecklist: previous?.checklist,
      }, actorOf(me), new Date().toISOString(), { contentId: id, activityId: newId() }));
      notifyWithUndo(`${creatorName}’s draft ${roundLabel(round)} is waiting for review`, () => void session.commands.undo());
      onSubmitted?.(id);
      onClose();
    } catch (error) {
      const fields = commandFields(error);
      if (Object.keys(fields).length) setErrors(fields);
      else reportError('The draft was not saved')(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Add a draft for review${engagement ? ` · ${roundLabel(round)}` : ''}`} size="lg">
      <Stack>
        <Group grow align="flex-start">
          <Select label="Campaign" placeholder="Choose a campaign" data={names.campaigns.map((c) => ({ value: c.id, label: c.name }))} value={campaignId}
            onChange={(v) => { setCampaignId(v); setEngagementId(null); setDeliverableId(null); }} error={errors.campaignId} searchable disabled={!!preset} />
          <Select label="Creator" placeholder={campaignId ? 'Choose a creator' : 'Choose the campaign first'} data={creatorOptions} value={engagementId}
            onChange={(v) => { setEngagementId(v); setDeliverableId(null); }} error={errors.engagementId} searchable disabled={!campaignId || !!preset} nothingFoundMessage="No creator with that name in this campaign" />
        </Group>
        <Select label="Deliverable" description="Rounds are counted per deliverable" data={[{ value: '', label: 'General (no deliverable)' }, ...(engagement?.terms?.deliverables ?? []).map((d) => ({ value: d.id, label: deliverableLabel(d) }))]}
          value={deliverableId ?? ''} onChange={(v) => setDeliverableId(v || null)} disabled={!engagement || !!preset} allowDeselect={false} />
        <SegmentedControl value={mode} onChange={(v) => setMode(v as 'link' | 'library')} data={[{ value: 'link', label: 'A link' }, { value: 'library', label: 'Files from the library' }]} />
        {mode === 'link' ? (
          <TextInput label="Link to the draft" placeholder="https://drive.google.com/…" value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url} data-autofocus />
        ) : (
          <MultiSelect label="Files" placeholder={assetOptions.length ? 'Choose files' : 'The library has no files for this creator yet'} data={assetOptions} value={assetIds} onChange={setAssetIds} error={errors.assetIds} searchable />
        )}
        <Textarea label="The creator’s note or caption" autosize minRows={2} maxRows={6} value={caption} onChange={(e) => setCaption(e.currentTarget.value)} error={errors.caption} />
        <Select label="Who reviews it" data={teammates.map((t) => ({ value: t.id, label: t.isMe ? `${t.name === 'You' ? 'You' : `${t.name} (you)`}` : t.name }))} value={assigneeId} onChange={setAssigneeId} clearable placeholder="Anyone on the team" />
        {previous && <Text size="sm" c="dimmed">The last round was {roundLabel(previous.round)} ({previous.review?.status === 'changes-requested' ? 'changes requested' : previous.review?.status ?? 'pending'}); its checklist starts again unticked.</Text>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void submit()} loading={saving}>Add draft {engagement ? roundLabel(round) : ''}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
