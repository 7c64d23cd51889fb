import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconExternalLink, IconPhoto, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ENGAGEMENT_RATE_FORMULA, engagementRate, formatPercent } from '../../../../shared/domain/engagement-rate';
import { formatMoney } from '../../../../shared/domain/fields';
import { metricKeys, metricLabels, metricsSourceLabels } from '../../../../shared/import/metrics-import';
import { postFormatLabels, type PostFormat } from '../../../../shared/domain/post-url';
import { buildSnapshotsTable } from '../../../../shared/domain/table-exports/posts';
import { ExportTableMenu } from '../../components/export-table-menu';
import { useRxQuery } from '../../hooks/use-rx-query';
import { formatDay, formatWhen, platformLabel, useNames, type AssetRow, type ContentRow } from '../review/review-data';
import { AdAccessSection } from '../rights/ad-access-section';
import { RightsBadge } from '../rights/rights-badge';
import type { RightRow } from '../rights/rights-data';
import { RightsFormModal } from '../rights/rights-form-modal';
import { followersFor } from './metrics-grid';
import { PlausibilityMark } from './plausibility-mark';


/** One live post: where it is, its usage rights, its screenshots, and its numbers over time. */
export function PostPanel({ postId }: { postId: string }) {
  const names = useNames();
  const post = useRxQuery<ContentRow>('content', { selector: { id: postId } }, `post-${postId}`)?.[0];
  const ids = [...(post?.assetIds ?? []), ...(post?.metrics.map((m) => m.evidenceAssetId).filter((x): x is string => !!x) ?? [])];
  const assets = useRxQuery<AssetRow>('assets', { selector: { id: { $in: ids } } }, `post-assets-${ids.join(',')}`);
  const [addingRight, setAddingRight] = useState(false);
  const rights = useRxQuery<RightRow>('rights', { selector: { deletedAt: null, contentId: postId } }, `post-rights-${postId}`);
  if (!post) return null;
  const creator = names.creator.get(post.creatorId);
  const followers = followersFor(post, creator);
  const snapshots = [...post.metrics].sort((a, b) => (a.at < b.at ? 1 : -1));
  const assetName = (id: string | null) => assets?.find((a) => a.id === id)?.fileName ?? '';
  return (
    <Stack data-testid="post-panel">
      <Stack gap={2}>
        <Group gap="xs"><Title order={3}>{creator?.name ?? 'Creator'}</Title><Badge variant="light">{platformLabel(post.platform)}</Badge><Badge variant="light" color="grape">{postFormatLabels[post.format as PostFormat] ?? post.format}</Badge></Group>
        <Text size="sm" c="dimmed">{names.campaignName.get(post.campaignId ?? '') ?? 'No campaign'} · posted {formatWhen(post.postedAt)}{post.platformPostId ? ` · post id ${post.platformPostId}` : ''}</Text>
        {post.url && <Anchor href={post.url} target="_blank" rel="noreferrer" size="sm"><Group gap={4} wrap="nowrap"><IconExternalLink size={14} />{post.url}</Group></Anchor>}
      </Stack>
      <Group gap="xs"><Text size="sm" fw={600}>Usage rights</Text><RightsBadge contentId={post.id} /><Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} onClick={() => setAddingRight(true)}>Add a usage right</Button></Group>
      <AdAccessSection rights={rights ?? []} contentId={post.id} creatorId={post.creatorId} />
      {post.assetIds.length > 0 && (
        <Stack gap={4}><Text size="sm" fw={600}>Screenshots</Text>
          {post.assetIds.map((id) => <Group key={id} gap="xs"><IconPhoto size={14} /><Text size="sm">{assetName(id) || 'A library file'}</Text><RightsBadge assetId={id} /></Group>)}
        </Stack>
      )}
      <Group justify="space-between">
        <Text size="sm" fw={600}>Metrics over time</Text>
        <ExportTableMenu rowCount={snapshots.length} name={`metrics-${creator?.name ?? 'post'}`} filters={[platformLabel(post.platform), post.format]} sheetName="Metrics over time" what={['snapshot', 'snapshots']}
          build={() => buildSnapshotsTable(snapshots.map((s) => ({ ...s, screenshot: assetName(s.evidenceAssetId) })), followers)} />
      </Group>
      {snapshots.length === 0 ? <Text size="sm" c="dimmed">No numbers yet: enter them in the metrics grid or import a CSV.</Text> : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped verticalSpacing={4} data-testid="snapshots">
            <Table.Thead><Table.Tr><Table.Th>As of</Table.Th>{metricKeys.map((k) => <Table.Th key={k} ta="right">{metricLabels[k]}</Table.Th>)}<Table.Th ta="right" title={ENGAGEMENT_RATE_FORMULA}>Eng. rate</Table.Th><Table.Th>Source</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {snapshots.map((s, i) => (
                <Table.Tr key={`${s.at}-${i}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(s.at)}</Table.Td>
                  {metricKeys.map((k) => <Table.Td key={k} ta="right">{k === 'revenue' ? formatMoney(s.revenue) : s[k]?.toLocaleString() ?? '—'}</Table.Td>)}
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <PlausibilityMark values={{ ...s, followers }} confirmed={(s as { implausibleConfirmed?: boolean }).implausibleConfirmed} /> {formatPercent(engagementRate({ ...s, followers }), 2)}
                  </Table.Td>
                  <Table.Td><Text size="xs">{metricsSourceLabels[s.source]}{s.evidenceAssetId ? ` · ${assetName(s.evidenceAssetId) || 'screenshot'}` : ''}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">Engagement rate = {ENGAGEMENT_RATE_FORMULA}{followers ? ` (${followers.toLocaleString()} followers)` : ''}.</Text>
      <RightsFormModal opened={addingRight} onClose={() => setAddingRight(false)} subject={{ contentId: post.id }} />
    </Stack>
  );
}
