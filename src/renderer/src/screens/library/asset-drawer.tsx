import { Alert, Anchor, Badge, Button, Drawer, Group, Select, SimpleGrid, Stack, TagsInput, Text, Textarea } from '@mantine/core';
import { IconScissors, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { paidUseCoverage } from '../../../../shared/media/rights-coverage';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { AdAccessSection } from '../rights/ad-access-section';
import type { RightRow } from '../rights/rights-data';
import { useTeammates } from '../tasks/use-teammates';
import { AssetMediaNote } from './asset-media-note';
import { createdByOf } from './asset-media-words';
import { AssetPreview } from './asset-preview';
import { useAssetMediaState } from './use-asset-media-state';
import { formatBytes, formatDuration, rightsLabels, type AssetRow, type LibraryData } from './library-data';

interface Props {
  asset: AssetRow | null;
  data: LibraryData;
  onClose: () => void;
  onCut: (asset: AssetRow) => void;
  onOpen: (id: string) => void;
}

export function AssetDrawer({ asset, data, onClose, onCut, onOpen }: Props) {
  const session = useSession();
  const { nameOf } = useTeammates();
  const where = useAssetMediaState(asset?.sha256 ?? '');
  const [notes, setNotes] = useState('');
  useEffect(() => setNotes(asset?.notes ?? ''), [asset?.id, asset?.notes]);
  if (!asset) return <Drawer opened={false} onClose={onClose} />;
  const addedBy = createdByOf(asset) ? nameOf(createdByOf(asset)) : null;

  const save = (patch: Partial<Pick<AssetRow, 'creatorId' | 'campaignId' | 'tags' | 'notes'>>) =>
    session.commands.update('assets', asset.id, patch).catch(reportError('The change was not saved'));
  const rights = data.rightsOfAsset(asset);
  const status = rightsLabels[data.rightsOf(asset)];
  const coverage = paidUseCoverage(rights, '', data.today);
  const original = asset.derivedFromId ? data.assets.find((a) => a.id === asset.derivedFromId) : null;
  const cuts = data.assets.filter((a) => a.derivedFromId === asset.id);
  // A file that cannot be read would only fail its cut: the Library says why instead.
  const canCut = (asset.kind === 'video' || asset.kind === 'image') && !asset.unreadable;

  return (
    <Drawer opened onClose={onClose} position="right" size="lg" title={<Text fw={700} lineClamp={1}>{asset.fileName}</Text>}>
      <Stack gap="md">
        <AssetPreview asset={asset} addedBy={addedBy} />
        {/* A missing file's preview already says where it is and whose it is. */}
        {where.state !== 'local' && where.state !== 'missing' && <AssetMediaNote view={where} addedBy={addedBy} />}
        {asset.unreadable && (
          <Alert color="red" title="This file can’t be read, so it can’t be cut" data-testid="asset-unreadable-note">
            {asset.unreadable[0].toUpperCase() + asset.unreadable.slice(1)}. Ask for the original file again and add it to the Library.
          </Alert>
        )}
        <Group>
          {canCut && <Button leftSection={<IconScissors size={16} />} onClick={() => onCut(asset)}>Cut for channels</Button>}
          <Button variant="default" color="red" leftSection={<IconTrash size={16} />}
            onClick={() => void session.commands.softDelete('assets', [asset.id]).then(onClose, reportError('The file was not moved to the trash'))}>Move to trash</Button>
        </Group>
        <SimpleGrid cols={2} spacing="xs">
          <Detail label="Type" value={asset.kind === 'video' ? 'Video' : asset.kind === 'image' ? 'Photo' : asset.kind} />
          <Detail label="Size" value={`${asset.width && asset.height ? `${asset.width}×${asset.height} · ` : ''}${formatBytes(asset.sizeBytes)}`} />
          {asset.kind === 'video' && <Detail label="Length" value={formatDuration(asset.durationSeconds)} />}
          {asset.kind === 'video' && <Detail label="Codecs" value={[asset.videoCodec, asset.audioCodec || 'no sound'].filter(Boolean).join(' + ')} />}
          <Detail label="Added" value={`${new Date(asset.createdAt).toLocaleString()}${addedBy ? ` by ${addedBy}` : ''}`} />
          <Detail label="Fingerprint" value={`${asset.sha256.slice(0, 12)}…`} />
        </SimpleGrid>
        <Select label="Creator" placeholder="Who made this?" clearable searchable value={asset.creatorId}
          data={data.creators.map((c) => ({ value: c.id, label: c.name }))} onChange={(v) => void save({ creatorId: v })} />
        <Select label="Campaign" placeholder="Which campaign is it for?" clearable searchable value={asset.campaignId}
          data={data.campaigns.map((c) => ({ value: c.id, label: c.name }))} onChange={(v) => void save({ campaignId: v })} />
        <TagsInput label="Tags" placeholder="unboxing, hook, testimonial…" value={asset.tags} data={data.tags} onChange={(v) => void save({ tags: v })} />
        <Textarea label="Notes" autosize minRows={2} value={notes} onChange={(e) => setNotes(e.currentTarget.value)}
          onBlur={() => notes !== asset.notes && void save({ notes })} />
        <Stack gap={4}>
          <Text size="sm" fw={600}>Usage rights</Text>
          <Group gap="xs"><Badge variant="light" color={status.color}>{status.label}</Badge><Text size="sm" c="dimmed">{coverage.message}</Text></Group>
        </Stack>
        {/* The library's rights records are the whole rows, ad access included; a file of a post is covered by the post's access. */}
        <AdAccessSection rights={rights as unknown as RightRow[]} contentId={asset.contentId} assetId={asset.contentId ? null : asset.id} creatorId={asset.creatorId}
          describe={(r) => (r.contentId && r.contentId === asset.contentId ? 'Given for the post this file is from' : '')} />
        {original && (
          <Text size="sm">Cut from <Anchor component="button" onClick={() => onOpen(original.id)}>{original.fileName}</Anchor></Text>
        )}
        {cuts.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>Channel cuts of this file</Text>
            {cuts.map((c) => <Anchor key={c.id} component="button" size="sm" ta="left" onClick={() => onOpen(c.id)}>{c.fileName} ({c.width}×{c.height})</Anchor>)}
          </Stack>
        )}
      </Stack>
    </Drawer>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm">{value || '—'}</Text>
    </Stack>
  );
}
