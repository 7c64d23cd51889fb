import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { formatCount } from '../../../shared/domain/engagement-rate';
import type { MetricSnapshot } from '../../../shared/data/schemas/content';
import { buildLatestPostsTable } from '../../../shared/domain/table-exports/overview';
import { hrefFor } from '../app/routes';
import { useWorkspace } from '../app/workspace-context';
import { ExportTableMenu } from '../components/export-table-menu';
import { PageHeader } from '../components/page-header';
import { StatCard } from '../components/stat-card';
import { useRxCount, useRxQuery } from '../hooks/use-rx-query';

interface PostRow { id: string; creatorId: string; campaignId: string | null; url: string; platform: string | null; postedAt: string | null; metrics: MetricSnapshot[] }

/** The latest snapshot is the post's current numbers; missing stays missing, never 0. */
function latest(metrics: MetricSnapshot[]): MetricSnapshot | null {
  return metrics.length ? [...metrics].sort((a, b) => b.at.localeCompare(a.at))[0] : null;
}

export function OverviewScreen() {
  const { current } = useWorkspace();
  const creators = useRxCount('creators', { selector: { deletedAt: null } }, 'overview-creators');
  const campaigns = useRxQuery<{ id: string; name: string; status: string }>('campaigns', { selector: { deletedAt: null } }, 'overview-campaigns');
  const posts = useRxQuery<PostRow>('content', { selector: { kind: 'post', deletedAt: null } }, 'overview-posts');
  const creatorNames = useRxQuery<{ id: string; name: string }>('creators', { selector: { id: { $in: (posts ?? []).map((p) => p.creatorId) } } }, `overview-names-${posts?.length}`);

  const reach = useMemo(() => {
    const known = (posts ?? []).map((p) => latest(p.metrics)?.reach).filter((r): r is number => r != null);
    return known.length ? known.reduce((s, r) => s + r, 0) : null;
  }, [posts]);
  const names = new Map((creatorNames ?? []).map((c) => [c.id, c.name]));
  const campaignNames = new Map((campaigns ?? []).map((c) => [c.id, c.name]));
  const recent = [...(posts ?? [])].sort((a, b) => (b.postedAt ?? '').localeCompare(a.postedAt ?? '')).slice(0, 8);

  return (
    <Stack>
      <PageHeader title={current?.name ?? 'Overview'} name="Overview" subtitle="What is happening across your creators and campaigns." />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatCard label="Creators" value={creators == null ? '…' : creators.toLocaleString()} />
        <StatCard label="Active campaigns" value={campaigns ? campaigns.filter((c) => c.status === 'active').length : '…'} hint={campaigns ? `${campaigns.length} in all` : undefined} />
        <StatCard label="Live posts" value={posts ? posts.length : '…'} />
        <StatCard label="Reach of live posts" value={reach == null ? '—' : formatCount(reach)} hint={reach == null ? 'No reach logged yet' : 'Latest numbers per post'} />
      </SimpleGrid>
      <Card withBorder radius="lg">
        <Group justify="space-between" mb="sm">
          <Text fw={700}>Latest posts</Text>
          <ExportTableMenu rowCount={recent.length} name="latest-posts" sheetName="Latest posts" what={['post', 'posts']}
            build={() => buildLatestPostsTable(recent.map((p) => ({ creatorName: names.get(p.creatorId) ?? '', campaignName: (p.campaignId && campaignNames.get(p.campaignId)) || '', url: p.url, postedAt: p.postedAt, metrics: p.metrics })))} />
        </Group>
        {recent.length === 0 ? (
          <Text size="sm" c="dimmed">When creators post for a campaign, their posts and numbers show up here.</Text>
        ) : (
          <Table verticalSpacing="xs">
            <Table.Thead><Table.Tr><Table.Th>Creator</Table.Th><Table.Th>Campaign</Table.Th><Table.Th>Posted</Table.Th><Table.Th ta="right">Views</Table.Th><Table.Th ta="right">Reach</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {recent.map((p) => {
                const m = latest(p.metrics);
                return (
                  <Table.Tr key={p.id}>
                    <Table.Td><Anchor href={hrefFor({ screen: 'creator', id: p.creatorId })} size="sm">{names.get(p.creatorId) ?? 'Creator'}</Anchor></Table.Td>
                    <Table.Td><Text size="sm">{(p.campaignId && campaignNames.get(p.campaignId)) || '—'}</Text></Table.Td>
                    <Table.Td><Text size="sm">{p.postedAt ? new Date(p.postedAt).toLocaleDateString() : '—'}</Text></Table.Td>
                    <Table.Td ta="right"><Text size="sm">{formatCount(m?.views)}</Text></Table.Td>
                    <Table.Td ta="right"><Text size="sm">{formatCount(m?.reach)}</Text></Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
