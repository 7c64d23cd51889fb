import { Button, Group, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { moneyFrom, MICROS } from '../../../../shared/domain/fields';
import { typedText } from '../../../../shared/domain/number-reader';
import { numberFields } from '../../../../shared/domain/number-fields';
import { readTerritories } from '../../../../shared/domain/territories';
import { chosenEnd, formatLongDate, hasPaidUse, rightsBadge, rightsSources, usageChannels, type DurationUnit, type EndChoice } from '../../../../shared/domain/usage-rights';
import { localToday } from '../../../../shared/domain/dates';
import { useSession } from '../../app/workspace-context';
import { NumberField } from '../../components/number-field';
import { numberLocale, numbersOrThrow, readTyped } from '../../components/number-locale';
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
  const [duration, setDuration] = useState('12');
  const [unit, setUnit] = useState<DurationUnit>('months');
  const [fee, setFee] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [exclusivity, setExclusivity] = useState('');
  const [extensionOption, setExtensionOption] = useState('');
  const [extensionPrice, setExtensionPrice] = useState('');
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
    setDuration('12'); setUnit('months');
    setFee(r?.fee ? typedText(r.fee.amountMicros / MICROS, numberFields.fee, numberLocale()) : '');
    setCurrency(r?.fee?.currency ?? r?.extensionPrice?.currency ?? 'USD');
    setExclusivity(r?.exclusivity ?? '');
    setExtensionOption(r?.extensionOption ?? '');
    setExtensionPrice(r?.extensionPrice ? typedText(r.extensionPrice.amountMicros / MICROS, numberFields.extensionPrice, numberLocale()) : '');
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

  const durationSpec = numberFields.rightsDuration(unit);
  const durationRead = readTyped(duration, durationSpec);
  const endChoice: EndChoice = endMode === 'none' ? { mode: 'none' } : endMode === 'date' ? { mode: 'date', endsOn: endsOn || null }
    : { mode: 'duration', amount: durationRead.ok ? durationRead.value : null, unit };
  // A duration the reader refused is shown under its own field; the end is not guessed meanwhile.
  const end = endMode === 'duration' && !durationRead.ok ? null : chosenEnd(endChoice, startsOn || null);
  const computedEnd = end?.ok ? end.endsOn : null;
  const territoryRead = readTerritories(territories);
  const preview = { id: 'preview', channels, paidUse: hasPaidUse({ channels, paidUse: false }), startsOn: startsOn || null, endsOn: computedEnd };

  const save = async () => {
    const problems: Record<string, string> = {};
    if (!covers) problems.covers = 'Choose the post or file these rights cover';
    if (channels.length === 0) problems.channels = 'Choose at least one channel';
    if (!territoryRead.ok) problems.territories = territoryRead.reason;
    const ends = chosenEnd(endChoice, startsOn || null);
    if (!ends.ok) problems[ends.field] = ends.reason;
    let amounts: { fee: number | null; extensionPrice: number | null; duration: number | null };
    try {
      amounts = numbersOrThrow({
        fee: { text: fee, spec: numberFields.fee },
        extensionPrice: { text: extensionPrice, spec: numberFields.extensionPrice },
        duration: { text: endMode === 'duration' ? duration : '', spec: durationSpec },
      });
    } catch (error) {
      Object.assign(problems, commandFields(error));
      amounts = { fee: null, extensionPrice: null, duration: null };
    }
    setErrors(problems);
    if (Object.keys(problems).length || !ends.ok || !territoryRead.ok) return;
    const [kind, id] = covers!.split(':');
    const content = kind === 'content' ? posts?.find((p) => p.id === id) : null;
    const asset = kind === 'asset' ? assets?.find((a) => a.id === id) : null;
    const amount = (v: number | null) => (v == null ? null : moneyFrom(v, currency));
    const input = {
      contentId: content?.id ?? null, assetId: asset?.id ?? null,
      creatorId: content?.creatorId ?? asset?.creatorId ?? right?.creatorId ?? null, campaignId: content?.campaignId ?? asset?.campaignId ?? right?.campaignId ?? null,
      channels, territories: territoryRead.codes, paidUse: preview.paidUse,
      startsOn: startsOn || null, endsOn: ends.endsOn, fee: amount(amounts.fee), extensionOption: extensionOption.trim(), extensionPrice: amount(amounts.extensionPrice),
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

  // Only a choice that can be saved gets a badge: an empty "On a date" must not preview as "no end date".
  // Once saving put the reason under its field, it is not said twice.
  const endSummary = !end || (!end.ok && errors[end.field]) ? null : !end.ok ? <Text size="sm" c="orange" data-testid="rights-end-summary">{end.reason}.</Text> : (
    <Group gap="xs" data-testid="rights-end-summary">
      <Text size="sm" c="dimmed">{end.endsOn ? `Last day of use: ${formatLongDate(end.endsOn)}.` : 'No end date: usage does not end until an end is recorded.'}</Text>
      <RightsBadgeView rights={[preview]} />
    </Group>
  );

  return (
    <Modal opened={opened} onClose={onClose} title={right ? 'Edit usage right' : 'Add a usage right'} size="xl">
      <Stack>
        <Select label="Covers" placeholder="Choose a post or a library file" data={coverOptions} value={covers} onChange={setCovers} searchable error={errors.covers} nothingFoundMessage="Nothing with that name" />
        <MultiSelect label="Channels" description="Paid channels make this a paid-use right" data={usageChannels.map((c) => ({ value: c.id, label: c.label }))} value={channels} onChange={setChannels} error={errors.channels} searchable />
        <TagsInput label="Territory" description="Worldwide (WW), or the countries by code or name: PL, Poland, Deutschland…" value={territories} onChange={setTerritories}
          error={territories.length && !territoryRead.ok ? territoryRead.reason : errors.territories} />
        <SimpleGrid cols={2}>
          <TextInput type="date" label="Starts on" value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={errors.startsOn ?? (end && !end.ok && end.field === 'startsOn' ? end.reason : undefined)} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>Ends</Text>
            <SegmentedControl size="xs" value={endMode} onChange={(v) => setEndMode(v as EndMode)} data={[{ value: 'date', label: 'On a date' }, { value: 'duration', label: 'After a duration' }, { value: 'none', label: 'No end date' }]} />
          </Stack>
        </SimpleGrid>
        {endMode === 'date' && <TextInput type="date" label="Last day of use" value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={errors.endsOn} />}
        {endMode === 'duration' && (
          <Group align="flex-end" grow>
            <NumberField label="Duration" spec={durationSpec} value={duration} onChange={setDuration} error={errors.duration} />
            <Select label="Unit" data={[{ value: 'days', label: 'days' }, { value: 'months', label: 'months' }, { value: 'years', label: 'years' }]} value={unit} onChange={(v) => setUnit((v as DurationUnit) ?? 'months')} allowDeselect={false} />
          </Group>
        )}
        {endSummary}
        <SimpleGrid cols={3}>
          <NumberField label="Fee" spec={numberFields.fee} placeholder="No fee" value={fee} onChange={setFee} error={errors.fee} />
          <TextInput label="Currency" value={currency} onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase().slice(0, 3))} error={errors.fee ? undefined : errors.currency} />
          <Select label="Granted in" data={rightsSources.map((s) => ({ value: s.id, label: s.label }))} value={source} onChange={setSource} clearable />
        </SimpleGrid>
        <TextInput label="Exclusivity" placeholder="No competing skincare brand for 90 days" value={exclusivity} onChange={(e) => setExclusivity(e.currentTarget.value)} error={errors.exclusivity} />
        <Group grow align="flex-start">
          <TextInput label="Extension option" placeholder="+6 months paid social on request" value={extensionOption} onChange={(e) => setExtensionOption(e.currentTarget.value)} error={errors.extensionOption} />
          <NumberField label="Extension price" spec={numberFields.extensionPrice} value={extensionPrice} onChange={setExtensionPrice} error={errors.extensionPrice} />
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
