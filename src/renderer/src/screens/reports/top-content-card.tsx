import { Anchor, Badge, Card, Group, Select, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Platform } from '../../../../shared/data/schemas/creators';
import { topContent, topKpis, platformLabel, postKpi, type Report, type TopKpi } from '../../../../shared/reports/build-report';
import { formatKpi, kpiById } from '../../../../shared/reports/kpis';
import { PlatformIcon } from '../../components/platform-icon';
import { ImplausibleMark } from './implausible-mark';

const tileColors: Record<string, string> = { instagram: 'pink', tiktok: 'dark', youtube: 'red', pinterest: 'red', twitch: 'violet', x: 'gray', blog: 'teal' };

/** The best posts by the KPI the director picks; posts without that figure are not ranked. */
export function TopContentCard({ report, topBy, onTopBy }: { report: Report; topBy: TopKpi; onTopBy(kpi: TopKpi): void }) {
  const top = topContent(report, topBy, 8);
  const def = kpiById[topBy];
  return (
    <Card withBorder radius="lg" p="lg" data-testid="top-content">
      <Group justify="space-between" mb="md">
        <Title order={4}>Top content</Title>
        <Select size="xs" w={200} label="Ranked by" data={topKpis.map((k) => ({ value: k, label: kpiById[k].label }))} value={topBy}
          onChange={(v) => v && onTopBy(v as TopKpi)} allowDeselect={false} />
      </Group>
      {top.length === 0 ? <Text size="sm" c="dimmed">No post has {def.label.toLowerCase()} logged yet. Log figures on a post to rank it here.</Text> : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          {top.map((p, i) => (
            <Card key={p.id} withBorder radius="md" p="sm" data-testid="top-post">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon size={56} radius="md" variant="light" color={tileColors[p.platform] ?? 'indigo'} aria-label={`${platformLabel(p.platform)} ${p.format || 'post'}`}>
                  <PlatformIcon platform={p.platform as Platform} size={28} />
                </ThemeIcon>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="xs" c="dimmed">#{i + 1} · {p.postedOn}</Text>
                  <Text fw={650} truncate>{p.creatorName}</Text>
                  <Text size="xs" c="dimmed" truncate>@{p.handle} · {platformLabel(p.platform)} {p.format}</Text>
                </Stack>
              </Group>
              <Group justify="space-between" mt="xs">
                <Group gap={4}><Badge variant="light">{def.short} {formatKpi(def, postKpi(p, topBy), report.currency)}</Badge><ImplausibleMark post={p} /></Group>
                {p.url && <Anchor href={p.url} target="_blank" rel="noreferrer" size="xs">Open post</Anchor>}
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
