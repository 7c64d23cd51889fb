import { Anchor, Card, Group, ScrollArea, Table, Text, Title } from '@mantine/core';
import { platformLabel, type Report } from '../../../../shared/reports/build-report';
import { formatKpi } from '../../../../shared/reports/kpis';
import { ImplausibleMark } from './implausible-mark';

const n = (v: number | null) => formatKpi({ format: 'count' }, v, 'USD');

/** Every post in the selection with its latest figures; a dash is a figure nobody logged. */
export function PostsCard({ report }: { report: Report }) {
  return (
    <Card withBorder radius="lg" p="lg" data-testid="posts-card">
      <Title order={4}>Posts</Title>
      <Text size="xs" c="dimmed" mb="sm">{report.posts.length} posts · the latest figures logged on each. “—” means not logged yet (or left out, where marked).</Text>
      {/* Takes focus so the keyboard can scroll it, named for what it holds (WCAG 2.1.1). */}
      <ScrollArea.Autosize mah={420} viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': 'Posts table' }}>
        <Table stickyHeader striped fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Posted</Table.Th><Table.Th>Creator</Table.Th><Table.Th>Platform</Table.Th>
              {['Views', 'Reach', 'Likes', 'Comments', 'Clicks', 'Orders', 'Revenue', 'ER'].map((h) => <Table.Th key={h} ta="right">{h}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.posts.slice(0, 500).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.url ? <Anchor href={p.url} target="_blank" rel="noreferrer" size="sm">{p.postedOn}</Anchor> : p.postedOn}</Table.Td>
                <Table.Td><Group gap={6} wrap="nowrap">{p.creatorName}<ImplausibleMark post={p} /></Group></Table.Td>
                <Table.Td>{platformLabel(p.platform)}</Table.Td>
                <Table.Td ta="right">{n(p.views)}</Table.Td><Table.Td ta="right">{n(p.reach)}</Table.Td><Table.Td ta="right">{n(p.likes)}</Table.Td>
                <Table.Td ta="right">{n(p.comments)}</Table.Td><Table.Td ta="right">{n(p.clicks)}</Table.Td><Table.Td ta="right">{n(p.orders)}</Table.Td>
                <Table.Td ta="right">{formatKpi({ format: 'money' }, p.revenueMicros, report.currency)}</Table.Td>
                <Table.Td ta="right">{formatKpi({ format: 'percent' }, p.engagementRate, report.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {report.posts.length > 500 && <Text size="xs" c="dimmed" mt="xs">Showing the latest 500 of {report.posts.length}; the Excel export has them all.</Text>}
      </ScrollArea.Autosize>
    </Card>
  );
}
