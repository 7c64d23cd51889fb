import { Anchor, Badge, Button, Drawer, Group, Select, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconFileImport, IconPhotoCheck, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { ENGAGEMENT_RATE_FORMULA, formatCount, formatPercent, latestSnapshot, postEngagementRate } from '../../../../shared/domain/engagement-rate';
import { missingPosts } from '../../../../shared/domain/not-posted';
import { postFormatLabels, type PostFormat } from '../../../../shared/domain/post-url';
import { buildLivePostsTable, buildMetricsGridTable, buildNotPostedTable, type ExportPost } from '../../../../shared/domain/table-exports/posts';
import { rightsBadge } from '../../../../shared/domain/usage-rights';
import { localToday } from '../../../../shared/domain/dates';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { ExportTableMenu } from '../../components/export-table-menu';
import { PageHeader } from '../../components/page-header';
import { useRxQuery } from '../../hooks/use-rx-query';
import { formatDay, platformLabel, useNames, type AssetRow, type ContentRow, type EngagementRow, type SnapshotRow } from '../review/review-data';
import { RightsBadgeView } from '../rights/rights-badge';
import type { RightRow } from '../rights/rights-data';
import { LogPostModal } from './log-post-modal';
import { MetricsGrid, followersFor } from './metrics-grid';
import { MetricsImportModal } from './metrics-import-modal';
import { PlausibilityMark } from './plausibility-mark';
import { PostPanel } from './post-panel';

const CAMPAIGN_KEY = 'fanfare.posts.campaign';

/** Posts & metrics per campaign: the live posts, who has not posted yet, and a grid to type the numbers in. */
export function PostsScreen() {
  const names = useNames();
  const [campaignId, setCampaignId] = useState<string | null>(() => localStorage.getItem(CAMPAIGN_KEY));
  useEffect(() => {
    if (names.ready && (!campaignId || !names.campaigns.some((c) => c.id === campaignId))) setCampaignId(names.campaigns[0]?.id ?? null);
  }, [names, campaignId]);
  useEffect(() => { if (campaignId) localStorage.setItem(CAMPAIGN_KEY, campaignId); }, [campaignId]);
  const posts = useRxQuery<ContentRow>('content', { selector: { campaignId: campaignId ?? '-', kind: 'post', deletedAt: null } }, `posts-${campaignId}`);
  const engagements = useRxQuery<EngagementRow>('engagements', { selector: { campaignId: campaignId ?? '-', deletedAt: null } }, `posts-engagements-${campaignId}`);
  const rights = useRxQuery<RightRow>('rights', { selector: { deletedAt: null } }, 'posts-rights');
  const assets = useRxQuery<AssetRow>('assets', { selector: { deletedAt: null } }, 'posts-assets');
  const settings = useRxQuery<{ id: string; data: { currency?: string } }>('settings', { selector: { id: 'workspace' } }, 'posts-workspace');
  const currency = settings?.[0]?.data.currency ?? 'USD';
  const [tab, setTab] = useState<string | null>('posts');
  const [logging, setLogging] = useState<{ engagementId?: string; deliverableId?: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const today = localToday();

  const sorted = useMemo(() => [...(posts ?? [])].sort((a, b) => ((a.postedAt ?? '') < (b.postedAt ?? '') ? 1 : -1)), [posts]);
  const missing = useMemo(() => missingPosts({ engagements: engagements ?? [], posts: posts ?? [] }, today), [engagements, posts, today]);
  const rightsByContent = useMemo(() => {
    const map = new Map<string, RightRow[]>();
    for (const r of rights ?? []) if (r.contentId) map.set(r.contentId, [...(map.get(r.contentId) ?? []), r]);
    return map;
  }, [rights]);
  // The tab on screen is what Export saves: its rows, in its order, with its columns.
  const exported = () => {
    const assetName = new Map((assets ?? []).map((a) => [a.id, a.fileName]));
    const asPost = (p: ContentRow): ExportPost => {
      const creator = names.creator.get(p.creatorId);
      return {
        creatorName: creator?.name ?? '', platform: platformLabel(p.platform), format: postFormatLabels[p.format as PostFormat] ?? p.format, url: p.url, postedAt: p.postedAt,
        metrics: p.metrics, followers: followersFor(p, creator), usageRights: rightsBadge(rightsByContent.get(p.id) ?? [], today).label,
        screenshot: assetName.get(latestSnapshot(p.metrics)?.evidenceAssetId ?? '') ?? '',
      };
    };
    if (tab === 'missing') return buildNotPostedTable(missing.map((m) => ({ ...m, creatorName: names.creator.get(m.creatorId)?.name ?? '', platformName: platformLabel(m.platform) })));
    return tab === 'metrics' ? buildMetricsGridTable(sorted.map(asPost)) : buildLivePostsTable(sorted.map(asPost));
  };
  const exportName = { posts: ['posts', 'Live posts'], missing: ['not-posted', 'Not posted yet'], metrics: ['post-metrics', 'Metrics'] }[tab ?? 'posts'] ?? ['posts', 'Live posts'];

  return (
    <Stack>
      <PageHeader title="Posts & metrics" subtitle="Every live post per campaign, who still owes one, and their numbers over time."
        actions={<>
          <Select aria-label="Campaign" data={names.campaigns.map((c) => ({ value: c.id, label: c.name }))} value={campaignId} onChange={setCampaignId} allowDeselect={false} w={260} />
          <ExportTableMenu size="sm" build={exported} rowCount={tab === 'missing' ? missing.length : sorted.length} name={exportName[0]} sheetName={exportName[1]}
            filters={[names.campaignName.get(campaignId ?? '')]} what={tab === 'missing' ? ['deliverable', 'deliverables'] : ['post', 'posts']} />
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)} disabled={!posts?.length}>Import metrics</Button>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setLogging({})} disabled={!campaignId}>Log a post</Button>
        </>} />
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="posts">Live posts ({posts?.length ?? 0})</Tabs.Tab>
          <Tabs.Tab value="missing">Not posted yet ({missing.length})</Tabs.Tab>
          <Tabs.Tab value="metrics">Metrics grid</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="posts" pt="md">
          {posts && posts.length === 0 ? (
            <EmptyState icon={<IconPhotoCheck />} title="No live posts logged for this campaign" action={<Button onClick={() => setLogging({})}>Log the first post</Button>}>
              Paste a post’s link (Instagram, TikTok, YouTube and Shorts, X, Pinterest, LinkedIn, Twitch, Snapchat): Fanfare reads the platform, post id and format.
              Link it to the deliverable it fulfils; for stories, keep the screenshots in the library.
            </EmptyState>
          ) : (
            <Table highlightOnHover verticalSpacing="sm" data-testid="posts-list">
              <Table.Thead><Table.Tr><Table.Th>Creator</Table.Th><Table.Th>Post</Table.Th><Table.Th>Posted</Table.Th><Table.Th ta="right">Reach</Table.Th><Table.Th ta="right">Views</Table.Th><Table.Th ta="right" title={`Engagement rate = ${ENGAGEMENT_RATE_FORMULA}`}>Eng. rate</Table.Th><Table.Th>Usage rights</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {sorted.map((p) => {
                  const latest = latestSnapshot<SnapshotRow>(p.metrics);
                  const creator = names.creator.get(p.creatorId);
                  return (
                    <Table.Tr key={p.id} onClick={() => setOpen(p.id)} style={{ cursor: 'pointer' }} data-testid="post-row">
                      <Table.Td><Text size="sm" fw={600}>{creator?.name ?? '…'}</Text></Table.Td>
                      <Table.Td><Group gap={6}><Badge size="sm" variant="light">{platformLabel(p.platform)}</Badge><Text size="sm">{postFormatLabels[p.format as PostFormat] ?? p.format}</Text>
                        {p.url && <Anchor href={p.url} target="_blank" rel="noreferrer" size="xs" onClick={(e) => e.stopPropagation()}>open</Anchor>}</Group></Table.Td>
                      <Table.Td><Text size="sm">{formatDay(p.postedAt)}</Text></Table.Td>
                      <Table.Td ta="right"><Text size="sm">{formatCount(latest?.reach)}</Text></Table.Td>
                      <Table.Td ta="right"><Text size="sm">{formatCount(latest?.views)}</Text></Table.Td>
                      <Table.Td ta="right"><Group gap={4} justify="flex-end" wrap="nowrap">{latest && <PlausibilityMark values={{ ...latest, followers: followersFor(p, creator) }} confirmed={(latest as { implausibleConfirmed?: boolean }).implausibleConfirmed} />}<Text size="sm" fw={600}>{formatPercent(postEngagementRate(p.metrics, followersFor(p, creator)), 2)}</Text></Group></Table.Td>
                      <Table.Td><RightsBadgeView rights={rightsByContent.get(p.id) ?? []} today={today} /></Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="missing" pt="md">
          {missing.length === 0 ? <Text c="dimmed" size="sm" ta="center" py="lg">Everyone with agreed deliverables has posted them. Creators without agreed deliverables are not counted.</Text> : (
            <Table verticalSpacing="sm" data-testid="not-posted">
              <Table.Thead><Table.Tr><Table.Th>Creator</Table.Th><Table.Th>Deliverable</Table.Th><Table.Th>Due</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {missing.map((m) => (
                  <Table.Tr key={`${m.engagementId}-${m.deliverableId}`}>
                    <Table.Td><Anchor href={hrefFor({ screen: 'creator', id: m.creatorId })} size="sm" fw={600}>{names.creator.get(m.creatorId)?.name ?? '…'}</Anchor></Table.Td>
                    <Table.Td><Text size="sm">{m.owed > 1 ? `${m.owed} × ` : ''}{platformLabel(m.platform)} {m.format}</Text></Table.Td>
                    <Table.Td>{m.dueOn ? <Text size="sm" c={m.daysLate! > 0 ? 'red' : undefined}>{formatDay(`${m.dueOn}T12:00:00Z`)}{m.daysLate! > 0 ? ` · ${m.daysLate} day${m.daysLate === 1 ? '' : 's'} late` : m.daysLate === 0 ? ' · due today' : ` · in ${-m.daysLate!} days`}</Text> : <Text size="sm" c="dimmed">No due date</Text>}</Table.Td>
                    <Table.Td ta="right"><Button size="compact-sm" variant="light" onClick={() => setLogging({ engagementId: m.engagementId, deliverableId: m.deliverableId })}>Log their post</Button></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="metrics" pt="md">
          {sorted.length === 0 ? <Text c="dimmed" size="sm" ta="center" py="lg">Log a post first; its row appears here for its numbers.</Text>
            : <MetricsGrid posts={sorted} creators={names.creator} assets={assets ?? []} currency={currency} />}
        </Tabs.Panel>
      </Tabs>
      <LogPostModal opened={!!logging} onClose={() => setLogging(null)} campaignId={campaignId} engagementId={logging?.engagementId} deliverableId={logging?.deliverableId} />
      <MetricsImportModal opened={importing} onClose={() => setImporting(false)} posts={sorted} creators={names.creator} currency={currency} />
      <Drawer opened={!!open} onClose={() => setOpen(null)} position="right" size="xl" title="Post">{open && <PostPanel postId={open} />}</Drawer>
    </Stack>
  );
}
