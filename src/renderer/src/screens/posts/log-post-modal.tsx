import { Alert, Badge, Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { platforms } from '../../../../shared/data/schemas/creators';
import { newId } from '../../../../shared/data/ids';
import { actorOf } from '../../../../shared/domain/activities';
import { logPostWrites } from '../../../../shared/domain/post-log';
import { parsePostUrl, postFormatLabels, type PostFormat } from '../../../../shared/domain/post-url';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { getMe } from '../../data/me';
import { useRxQuery } from '../../hooks/use-rx-query';
import { commandFields, deliverableLabel, platformLabel, useNames, type AssetRow, type EngagementRow } from '../review/review-data';

const formats: PostFormat[] = ['post', 'reel', 'story', 'video', 'short', 'live', 'photo', 'pin', 'clip', 'spotlight', 'tweet'];

function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Log a live post from its link: the platform, post id and format are read from the URL; the person links it to a deliverable. */
export function LogPostModal({ opened, onClose, campaignId, engagementId, deliverableId }: { opened: boolean; onClose: () => void; campaignId: string | null; engagementId?: string | null; deliverableId?: string | null }) {
  const session = useSession();
  const names = useNames();
  const [url, setUrl] = useState('');
  const [engagement, setEngagement] = useState<string | null>(null);
  const [deliverable, setDeliverable] = useState<string | null>(null);
  const [platform, setPlatform] = useState<string | null>(null);
  const [format, setFormat] = useState<string | null>(null);
  const [postedAt, setPostedAt] = useState('');
  const [screenshots, setScreenshots] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setUrl(''); setEngagement(engagementId ?? null); setDeliverable(deliverableId ?? null); setPlatform(null); setFormat(null);
    setPostedAt(localInput(new Date())); setScreenshots([]); setErrors({});
  }, [opened, engagementId, deliverableId]);

  const engagements = useRxQuery<EngagementRow>('engagements', { selector: { campaignId: campaignId ?? '-', deletedAt: null } }, `log-engagements-${campaignId}`);
  const assets = useRxQuery<AssetRow>('assets', { selector: { deletedAt: null } }, 'log-assets');
  const chosen = engagements?.find((e) => e.id === engagement) ?? null;
  const parsed = useMemo(() => (url.trim() ? parsePostUrl(url) : null), [url]);
  useEffect(() => {
    if (parsed?.ok) { setPlatform(parsed.platform); setFormat(parsed.format); }
  }, [parsed]);
  // A link that names the account picks the creator when the campaign has them.
  useEffect(() => {
    if (!parsed?.ok || !parsed.handle || engagement || !engagements) return;
    const match = engagements.find((e) => names.creator.get(e.creatorId)?.accounts.some((a) => a.handle.toLowerCase() === parsed.handle.toLowerCase()));
    if (match) setEngagement(match.id);
  }, [parsed, engagements, engagement, names]);

  const save = async () => {
    const problems: Record<string, string> = {};
    if (!url.trim()) problems.url = 'Paste the link to the live post';
    else if (!parsed?.ok && !/^https?:\/\/\S+\.\S+/.test(url.trim())) problems.url = parsed && !parsed.ok ? parsed.reason : 'This is not a web address';
    if (!chosen) problems.engagement = 'Choose the creator who posted';
    if (!platform) problems.platform = 'Choose the platform';
    if (!postedAt) problems.postedAt = 'When did it go live?';
    setErrors(problems);
    if (Object.keys(problems).length || !chosen || !platform) return;
    const id = newId();
    const me = getMe();
    const at = new Date(postedAt).toISOString();
    const creatorName = names.creator.get(chosen.creatorId)?.name ?? 'The creator';
    setSaving(true);
    try {
      await session.commands.applyAll(logPostWrites({
        engagement: chosen, deliverableId: deliverable, url: parsed?.ok ? parsed.url : url.trim(), platform, platformName: platformLabel(platform), format: (format as PostFormat | null) ?? null,
        platformPostId: parsed?.ok ? parsed.postId : '', postedAt: at, screenshotIds: screenshots,
      }, actorOf(me), { contentId: id, activityId: newId() }));
      notifyWithUndo(`${creatorName}’s post is logged`, () => void session.commands.undo());
      onClose();
    } catch (error) {
      const fields = commandFields(error);
      if (Object.keys(fields).length) setErrors(fields);
      else reportError('The post was not logged')(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Log a live post" size="lg">
      <Stack>
        <TextInput label="Link to the post" placeholder="https://www.instagram.com/reel/…" leftSection={<IconLink size={16} />} value={url} onChange={(e) => setUrl(e.currentTarget.value)} error={errors.url} data-autofocus />
        {parsed?.ok && (
          <Group gap="xs" data-testid="parsed-post">
            <Badge variant="light">{platformLabel(parsed.platform)}</Badge>
            <Badge variant="light" color="grape">{postFormatLabels[parsed.format]}</Badge>
            {parsed.postId && <Text size="xs" c="dimmed">Post id {parsed.postId}</Text>}
            {parsed.handle && <Text size="xs" c="dimmed">@{parsed.handle}</Text>}
          </Group>
        )}
        {parsed?.ok && parsed.shortLink && <Alert color="yellow" variant="light">This is a short link: open it and paste the full address if you want the post’s own id (metrics imports match on it).</Alert>}
        {parsed && !parsed.ok && <Text size="sm" c="orange">{parsed.reason}</Text>}
        <SimpleGrid cols={2}>
          <Select label="Creator" data={(engagements ?? []).map((e) => ({ value: e.id, label: names.creator.get(e.creatorId)?.name ?? 'Creator' })).sort((a, b) => a.label.localeCompare(b.label))}
            value={engagement} onChange={(v) => { setEngagement(v); setDeliverable(null); }} searchable error={errors.engagement} placeholder={campaignId ? 'Who posted it' : 'Choose a campaign first'} />
          <Select label="Deliverable" data={[{ value: '', label: 'Not one of the deliverables' }, ...(chosen?.terms?.deliverables ?? []).map((d) => ({ value: d.id, label: deliverableLabel(d) }))]}
            value={deliverable ?? ''} onChange={(v) => setDeliverable(v || null)} allowDeselect={false} disabled={!chosen} />
          <Select label="Platform" data={platforms.map((p) => ({ value: p, label: platformLabel(p) }))} value={platform} onChange={setPlatform} error={errors.platform} />
          <Select label="Format" data={formats.map((f) => ({ value: f, label: postFormatLabels[f] }))} value={format} onChange={setFormat} />
        </SimpleGrid>
        <TextInput type="datetime-local" label="Posted at (your time)" value={postedAt} onChange={(e) => setPostedAt(e.currentTarget.value)} error={errors.postedAt} />
        {format === 'story' && <Text size="sm" c="dimmed">Stories disappear after 24 hours: keep screenshots of each frame in the library and pick them here.</Text>}
        <MultiSelect label="Screenshots from the library" placeholder="Story frames, insights screenshots…" searchable value={screenshots} onChange={setScreenshots}
          data={(assets ?? []).filter((a) => a.kind === 'image' && (!chosen || !a.creatorId || a.creatorId === chosen.creatorId)).map((a) => ({ value: a.id, label: a.fileName }))} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Cancel</Button>
          <Button onClick={() => void save()} loading={saving}>Log post</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
