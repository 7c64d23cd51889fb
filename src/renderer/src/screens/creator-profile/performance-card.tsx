import { Card, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { formatCount, formatPercent } from '../../../../shared/domain/engagement-rate';
import { formatMoney } from '../../../../shared/domain/fields';
import { pastPerformance, PERFORMANCE_FORMULAS, type PerformanceCode, type PerformanceEngagement, type PerformancePost } from '../../../../shared/domain/past-performance';
import { useRxQuery } from '../../hooks/use-rx-query';

function Figure({ label, value, formula }: { label: string; value: string; formula?: string }) {
  const body = (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="lg">{value}</Text>
    </Stack>
  );
  return formula ? <Tooltip label={formula} multiline w={260} withArrow>{body}</Tooltip> : body;
}

/** How working with this creator went: the same figures, and the same rules, as the warm list. */
export function PerformanceCard({ creatorId }: { creatorId: string }) {
  const engagements = useRxQuery<PerformanceEngagement>('engagements', { selector: { creatorId, deletedAt: null } }, `perf-engagements-${creatorId}`);
  const posts = useRxQuery<PerformancePost>('content', { selector: { creatorId, kind: 'post', deletedAt: null } }, `perf-posts-${creatorId}`);
  const codes = useRxQuery<PerformanceCode>('codes', { selector: { creatorId, deletedAt: null } }, `perf-codes-${creatorId}`);
  const perf = useMemo(() => (engagements && posts && codes ? pastPerformance(engagements, posts, codes).get(creatorId) ?? null : undefined), [engagements, posts, codes, creatorId]);
  if (perf === undefined) return null;
  return (
    <Card withBorder radius="lg" data-testid="performance-card">
      <Text fw={700} mb="sm">Past performance</Text>
      {!perf ? (
        <Text size="sm" c="dimmed">No posts for you yet. Once they post and you log the metrics, engagement, cost per thousand impressions, cost per order and on-time delivery show here.</Text>
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          <Figure label="Posts for you" value={formatCount(perf.posts)} />
          <Figure label="Engagement" value={formatPercent(perf.engagementRate)} formula={PERFORMANCE_FORMULAS.engagementRate} />
          <Figure label="CPM" value={perf.cpm ? formatMoney(perf.cpm) : '—'} formula={PERFORMANCE_FORMULAS.cpm} />
          <Figure label="CPA" value={perf.cpa ? formatMoney(perf.cpa) : '—'} formula={PERFORMANCE_FORMULAS.cpa} />
          <Figure label="On time" value={formatPercent(perf.onTimeRate, 0)} formula={PERFORMANCE_FORMULAS.onTime} />
        </SimpleGrid>
      )}
    </Card>
  );
}
