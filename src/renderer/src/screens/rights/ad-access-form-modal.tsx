import { Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import {
  adAccessPlatformLabels, adAccessPlatforms, adAccessProblems, adAccessSteps, adAccessWrite, adCodeNames, hasAdAccess,
  type AdAccessInput, type AdAccessPlatform,
} from '../../../../shared/domain/ad-access';
import { channelLabel, formatLongDate } from '../../../../shared/domain/usage-rights';
import { localToday } from '../../../../shared/domain/dates';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { useRxQuery } from '../../hooks/use-rx-query';
import { commandFields, formatDay, platformLabel, type AssetRow, type ContentRow } from '../review/review-data';
import type { RightRow } from './rights-data';

const NEW_RIGHT = 'new';
type Step = AdAccessInput['status'];

/** The platform a post is on suggests the ad access asked for. */
const platformFor = (postPlatform: string | null | undefined): AdAccessPlatform | null =>
  postPlatform === 'tiktok' ? 'tiktok' : postPlatform === 'instagram' || postPlatform === 'facebook' ? 'meta' : postPlatform === 'youtube' ? 'youtube' : null;

/**
 * Record or edit ad access (whitelisting, partnership ads, Spark Ads) for one
 * post or file. It is kept on a usage right: the post's own paid-use right
 * when the person picks one, else a right made for the access alone.
 */
export function AdAccessFormModal({ opened, onClose, right, contentId, assetId, creatorId }: {
  opened: boolean; onClose: () => void; right?: RightRow | null; contentId?: string | null; assetId?: string | null; creatorId?: string | null;
}) {
  const session = useSession();
  const posts = useRxQuery<ContentRow>('content', { selector: creatorId ? { deletedAt: null, creatorId } : { deletedAt: null } }, `ad-access-posts-${creatorId}`);
  const assets = useRxQuery<AssetRow>('assets', { selector: { deletedAt: null } }, 'ad-access-assets');
  const [covers, setCovers] = useState<string | null>(null);
  const [kind, id] = (covers ?? ':').split(':');
  const subjectRights = useRxQuery<RightRow>('rights', { selector: { deletedAt: null, [kind === 'asset' ? 'assetId' : 'contentId']: id || '-' } }, `ad-access-rights-${covers}`);
  const [onRight, setOnRight] = useState<string>(NEW_RIGHT);
  const [status, setStatus] = useState<Step>('requested');
  const [platform, setPlatform] = useState<AdAccessPlatform | null>(null);
  const [code, setCode] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [adAccount, setAdAccount] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const post = kind === 'content' ? posts?.find((p) => p.id === id) : undefined;

  useEffect(() => {
    if (!opened) return;
    const w = right?.whitelisting;
    setCovers(right?.contentId ? `content:${right.contentId}` : right?.assetId ? `asset:${right.assetId}` : contentId ? `content:${contentId}` : assetId ? `asset:${assetId}` : null);
    setOnRight(right?.id ?? NEW_RIGHT);
    setStatus(w && w.status !== 'not-requested' ? w.status : 'requested');
    setPlatform(w?.platform ?? null);
    setCode(w?.sparkCode ?? '');
    setStartsOn(w?.accessStartsOn ?? localToday());
    setEndsOn(w?.accessExpiresOn ?? '');
    setAdAccount(w?.adAccount ?? '');
    setErrors({});
  }, [opened, right, contentId, assetId]);
  // A new record takes the post's platform, once it is known.
  useEffect(() => { if (opened && !right?.whitelisting && post && !platform) setPlatform(platformFor(post.platform)); }, [opened, right, post, platform]);

  const coverOptions = useMemo(() => [
    { group: 'Posts', items: (posts ?? []).filter((c) => c.kind === 'post').map((c) => ({ value: `content:${c.id}`, label: `${platformLabel(c.platform)} post${c.postedAt ? `, ${formatDay(c.postedAt)}` : ''}${c.url ? ` · ${c.url}` : ''}` })) },
    { group: 'Library files', items: (assets ?? []).filter((a) => !creatorId || a.creatorId === creatorId).map((a) => ({ value: `asset:${a.id}`, label: a.fileName })) },
  ].filter((g) => g.items.length), [posts, assets, creatorId]);
  // A right already carrying other ad access is not offered: one right, one access.
  const rightOptions = [
    ...(subjectRights ?? []).filter((r) => r.id === right?.id || !hasAdAccess(r.whitelisting)).map((r) => ({
      value: r.id, label: `Usage right: ${r.channels.map(channelLabel).join(', ') || 'no channels'}${r.endsOn ? `, until ${formatLongDate(r.endsOn)}` : ''}`,
    })),
    ...(right ? [] : [{ value: NEW_RIGHT, label: 'A new right for this ad access only' }]),
  ];
  const codeName = adCodeNames[platform ?? 'other'];

  const save = async () => {
    const input: AdAccessInput = { status, platform, sparkCode: code, accessStartsOn: startsOn || null, accessExpiresOn: endsOn || null, adAccount };
    const problems = adAccessProblems(input);
    if (!covers) problems.covers = 'Choose the post or file the ad access is for';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const asset = kind === 'asset' ? assets?.find((a) => a.id === id) : undefined;
    const target = onRight !== NEW_RIGHT ? (subjectRights ?? []).find((r) => r.id === onRight) ?? right : null;
    const write = adAccessWrite(input, target ? { rightId: target.id, rightChannels: target.channels } : {
      subject: { contentId: post?.id ?? null, assetId: asset?.id ?? null, creatorId: post?.creatorId ?? asset?.creatorId ?? creatorId ?? null, campaignId: post?.campaignId ?? asset?.campaignId ?? null },
    });
    setSaving(true);
    try {
      if (write.op === 'update') await session.commands.update(write.collection, write.id, write.patch);
      else await session.commands.create(write.collection, write.record);
      notifyWithUndo(right?.whitelisting ? 'Ad access saved' : 'Ad access recorded', () => void session.commands.undo());
      onClose();
    } catch (error) {
      const fields = commandFields(error);
      if (Object.keys(fields).length) setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.split('.').at(-1)!, v])));
      else reportError('The ad access was not saved')(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={right?.whitelisting ? 'Edit ad access' : 'Record ad access'} size="lg">
      <Stack>
        <Text size="sm" c="dimmed">Whitelisting, partnership ads or Spark Ads: the brand runs the creator’s post as an ad from the creator’s handle. Reminders come 14, 7 and 2 days before the access ends.</Text>
        {!contentId && !assetId && !right && (
          <Select label="For" placeholder="Choose the post or file" data={coverOptions} value={covers} onChange={(v) => { setCovers(v); setOnRight(NEW_RIGHT); }} searchable error={errors.covers} nothingFoundMessage="Nothing with that name" />
        )}
        {covers && <Select label="Kept with" description="Ad access is part of a usage right: pick the post’s paid-use right, or keep it on its own" data={rightOptions} value={onRight} onChange={(v) => setOnRight(v ?? NEW_RIGHT)} allowDeselect={false} disabled={!!right} />}
        <SimpleGrid cols={2}>
          <Select label="Platform" placeholder="Where the ads run" data={adAccessPlatforms.map((p) => ({ value: p, label: adAccessPlatformLabels[p] }))} value={platform} onChange={(v) => setPlatform(v as AdAccessPlatform | null)} error={errors.platform} />
          <Select label="Status" data={adAccessSteps.map((s) => ({ value: s.id, label: s.label }))} value={status} onChange={(v) => setStatus((v as Step) ?? 'requested')} allowDeselect={false} />
        </SimpleGrid>
        <PasswordInput label={codeName[0].toUpperCase() + codeName.slice(1)} description="Kept hidden; lists show only its last four characters and copy it on click" autoComplete="off"
          value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.sparkCode} />
        <SimpleGrid cols={2}>
          <TextInput type="date" label="Access starts" value={startsOn} onChange={(e) => setStartsOn(e.currentTarget.value)} error={errors.accessStartsOn} />
          <TextInput type="date" label="Last day of access" description={platform === 'tiktok' ? 'The day the Spark code stops working' : undefined} value={endsOn} onChange={(e) => setEndsOn(e.currentTarget.value)} error={errors.accessExpiresOn} />
        </SimpleGrid>
        <TextInput label="Ad account" placeholder="The ad account or business that runs the ads" value={adAccount} onChange={(e) => setAdAccount(e.currentTarget.value)} error={errors.adAccount} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()} loading={saving}>{right?.whitelisting ? 'Save' : 'Record ad access'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
