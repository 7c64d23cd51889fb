import { Button, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { moneyFrom, MICROS } from '../../../../shared/domain/fields';
import { endFromDuration, hasPaidUse, localToday, rightsBadge, rightsSources, usageChannels, type DurationUnit } from '../../../../shared/domain/usage-rights';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { useRxQuery } from '../../hooks/use-rx-query';
import { postFormatLabels, type PostFormat } from '../../../../shared/domain/post-url';
import { commandFields, formatDay, platformLabel, useNames, type AssetRow, type ContentRow } from '../review/review-data';
import { RightsBadgeView } from './rights-badge';
import type { RightRow } from './rights-data';

export interface RightsSubject { contentId?: string | null; assetId?: string | null }

type EndMode = 'date' | 'duration' | 'none';

/** Add or edit one usage right: what it covers, where, where in the world, for how long, on what terms, and the proof. */
export function RightsFormModal({ opened, onClose, right, subject }: { opened: boolean; onClose: () => void; right?: RightRow | null; subject?: RightsSubject | null }) {
  const session = useSession();
  const names = useNames();
  const posts = useRxQuery<ContentRow>('content', { selector: { deletedAt: null } }, 'rights-form-content');
  const assets = useRxQuery<AssetRow>('assets', { selector: { deletedAt: null } }, 'rights-form-assets');
  const [covers, setCovers] = useState<string | null>(null);
  const [channels, setChannels] = useState<string[]>([]);
  const [territories, setTerritories] = useState<string[]>(['WW']);
  const [startsOn, setStartsOn] = useState('');
  const [endMode, setEndMode] = useState<EndMode>('date');
  const [endsOn, setEndsOn] = useState('');
  const [duration, setDuration] = useState<number | string>(12);
  const [unit, setUnit] = useState<DurationUnit>('months');
  const [fee, setFee] = useState<number | string>('');
  const [currency, setCurrency] = useState('USD');
  const [exclusivity, setExclusivity] = useState('');
  const [extensionOption, setExtensionOption] = useState('');
  const [extensionPrice, setExtensionPrice] = useState<number | string>('');
  const [source, setSource] = useState<string | null>(null);
  const [evidence, setEvidence] = useState('');
  const [evidenceAssetIds, setEvidenceAssetIds] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!opened) return;
    const r = right;
    setCovers(r?.contentId ? `content:${r.contentId}` : r?.assetId ? `asset:${r.assetId}` : subject?.contentId ? `content:${subject.contentId}` : subject?.assetId ? `asset:${subject.assetId}` : null);
    setChannels(r?.channels ?? ['organic-social']);
    setTerritories(r?.territories ?? ['WW']);
    setStartsOn(r?.startsOn ?? localToday());
    setEndMode(r ? (r.endsOn ? 'date' : 'none') : 'duration');
    setEndsOn(r?.endsOn ?? '');
    setDuration(12); setUnit('months');
    setFee(r?.fee ? r.fee.amountMicros / MICROS : '');
    setCurrency(r?.fee?.currency ?? r?.extensionPrice?.currency ?? 'USD');
    setExclusivity(r?.exclusivity ?? '');
    setExtensionOption(r?.extensionOption ?? '');
    setExtensionPrice(r?.extensionPrice ? r.extensionPrice.amountMicros / MICROS : '');
    setSource(r?.source ?? null);
    setEvidence(r?.evidence ?? '');
    setEvidenceAssetIds(r?.evidenceAssetIds ?? []);
    setNotes(r?.notes ?? '');
    setErrors({});
  }, [opened, right, subject]);

  const coverOptions = useMemo(() => {
    const label = (c: ContentRow) => `${names.creator.get(c.creatorId)?.name ?? 'Creator'} · ${c.kind === 'post' ? `${platformLabel(c.platform)} ${(postFormatLabels[c.format as PostFormat] ?? c.format ?? 'post').toLowerCase()}${c.postedAt ? `, ${formatDay(c.postedAt)}` : ''}` : `approved draft v${c.round}`}`;
    return [
      { group: 'Posts', items: (posts ?? []).filter((c) => c.kind === 'post').map((c) => ({ value: `content:${c.id}`, label: label(c) })) },
      { group: 'Approved drafts', items: (posts ?? []).filter((c) => c.kind === 'submission' && c.review?.status === 'approved').map((c) => ({ value: `content:${c.id}`, label: label(c) })) },
      { group: 'Library files', items: (assets ?? []).map((a) => ({ value: `asset:${a.id}`, label: a.fileName })) },
    ].filter((g) => g.items.length);
  }, [posts, assets, names]);

  let computedEnd: string | null = null;
  let endProblem: string | undefined;
  if (endMode === 'date') computedEnd = endsOn || null;
  if (endMode === 'duration') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) endProblem = 'Set the start date to count the duration from';
    else if (typeof duration !== 'number' || !Number.isInteger(duration) || duration <= 0) endProblem = 'Use a whole number above zero';
    else computedEnd = endFromDuration(startsOn, duration, unit);
  }
  const preview = { id: 'preview', channels, paidUse: hasPaidUse({ channels, paidUse: false }), startsOn: startsOn || null, endsOn: computedEnd };

  const save = async () => {
    const problems: Record<string, string> = {};
    if (!covers) problems.covers = 'Choose the post or file these rights cover';
    if (channels.length === 0) problems.channels = 'Choose at least one channel';
    if (endMode === 'date' && !endsOn) problems.endsOn = 'Set the last day, or choose a duration or “No end date”';
    if (endProblem) problems.duration = endProblem;
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const [kind, id] = covers!.split(':');
    const content = kind === 'content' ? posts?.find((p) => p.id === id) : null;
    const asset = kind === 'asset' ? assets?.find((a) => a.id === id) : null;
    const amount = (v: number | string) => (typeof v === 'number' && v > 0 ? moneyFrom(v, currency) : null);
    const input = {
      contentId: content?.id ?? null, assetId: asset?.id ?? null,
      creatorId: content?.creatorId ?? asset?.creatorId ?? right?.creatorId ?? null, campaignId: content?.campaignId ?? asset?.campaignId ?? right?.campaignId ?? null,
      channels, territories: territories.map((t) => t.trim().toUpperCase()), paidUse: preview.paidUse,
      startsOn: startsOn || null, endsOn: computedEnd, fee: amount(fee), extensionOption: extensionOption.trim(), extensionPrice: amount(extensionPrice),
      exclusivity: exclusivity.trim(), source: source as RightRow['source'], evidence: evidence.trim(), evidenceAssetIds, notes: notes.trim(),
    };
    setSaving(true);
    try {
      if (right) await session.commands.update('rights', right.id, input);
      else await session.commands.create('rights', input);
      const badge = rightsBadge([preview], localToday());
      notifyWithUndo(right ? 'Usage right saved' : `Usage right added: ${badge.label}`, () => void session.commands.undo());
      onClose();
    } catch (error) {
      const fields = commandFields(error);
      if (Object.keys(fields).length) setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.split('.')[0], v])));
      else reportError('The usage right was not saved')(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={right ? 'Edit usage right' : 'Add a usage right'} size="xl">
      <Stack>
        <Select label="Covers" placeholder="Choose a post or a library file" data={coverOptions} value={covers} onChange={setCovers} searchable error={errors.covers} nothingFoundMessage="Nothing with that name" />
        <MultiSelect label="Channels" description="Paid channels make this a paid-use right" data={usageChannels.map((c) => ({ value: c.id, label: c.label }))} value={channels} onChange={setChannels} error={errors.channels} searchable />
        <TagsInput label="Territory" description="WW for worldwide, or two-letter country codes (US, GB, DE…)" value={territories} onChange={setTerritories} error={errors.territories} />
        <SimpleGrid cols={2}>
          <TextInput type="date" label="Starts on" value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={errors.startsOn} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>Ends</Text>
            <SegmentedControl size="xs" value={endMode} onChange={(v) => setEndMode(v as EndMode)} data={[{ value: 'date', label: 'On a date' }, { value: 'duration', label: 'After a duration' }, { value: 'none', label: 'No end date' }]} />
          </Stack>
        </SimpleGrid>
        {endMode === 'date' && <TextInput type="date" label="Last day of use" value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={errors.endsOn} />}
        {endMode === 'duration' && (
          <Group align="flex-end" grow>
            <NumberInput label="Duration" min={1} allowDecimal={false} value={duration} onChange={setDuration} error={errors.duration} />
            <Select label="Unit" data={[{ value: 'days', label: 'days' }, { value: 'months', label: 'months' }, { value: 'years', label: 'years' }]} value={unit} onChange={(v) => setUnit((v as DurationUnit) ?? 'months')} allowDeselect={false} />
          </Group>
        )}
        <Group gap="xs"><Text size="sm" c="dimmed">{computedEnd ? `Last day of use: ${computedEnd}.` : endMode === 'none' ? 'No end date.' : ''}</Text><RightsBadgeView rights={[preview]} /></Group>
        <SimpleGrid cols={3}>
          <NumberInput label="Fee" min={0} decimalScale={2} thousandSeparator="," value={fee} onChange={setFee} error={errors.fee} />
          <TextInput label="Currency" value={currency} onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase().slice(0, 3))} error={errors.fee ? undefined : errors.currency} />
          <Select label="Granted in" data={rightsSources.map((s) => ({ value: s.id, label: s.label }))} value={source} onChange={setSource} clearable />
        </SimpleGrid>
        <TextInput label="Exclusivity" placeholder="No competing skincare brand for 90 days" value={exclusivity} onChange={(e) => setExclusivity(e.currentTarget.value)} error={errors.exclusivity} />
        <Group grow align="flex-start">
          <TextInput label="Extension option" placeholder="+6 months paid social on request" value={extensionOption} onChange={(e) => setExtensionOption(e.currentTarget.value)} error={errors.extensionOption} />
          <NumberInput label="Extension price" min={0} decimalScale={2} thousandSeparator="," value={extensionPrice} onChange={setExtensionPrice} />
        </Group>
        <TextInput label="Evidence" placeholder="Contract §7, or a link to the DM" value={evidence} onChange={(e) => setEvidence(e.currentTarget.value)} error={errors.evidence} />
        <MultiSelect label="Evidence files from the library" placeholder="A screenshot of the DM, the signed contract…" data={(assets ?? []).map((a) => ({ value: a.id, label: a.fileName }))} value={evidenceAssetIds} onChange={setEvidenceAssetIds} searchable />
        <Textarea label="Notes" autosize minRows={1} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()} loading={saving}>{right ? 'Save' : 'Add usage right'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
