import { AreaChart, BarChart } from '@mantine/charts';
import { Card, Group, SegmentedControl, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { TrendPoint } from '../../../../shared/reports/build-report';

const metrics = {
  posting: { label: 'Posts & creators', series: [{ name: 'posts', label: 'Posts', color: 'indigo.6' }, { name: 'creatorsPosting', label: 'Creators posting', color: 'teal.6' }] },
  reach: { label: 'Reach & views', series: [{ name: 'reach', label: 'Reach', color: 'grape.6' }, { name: 'views', label: 'Views', color: 'cyan.6' }] },
  engagements: { label: 'Engagements & clicks', series: [{ name: 'engagements', label: 'Engagements', color: 'orange.6' }, { name: 'clicks', label: 'Clicks', color: 'blue.6' }] },
} as const;

const compact = (v: number) => new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }).format(v);

/** Growth over time: how many creators post, how much, and what it reaches, by week or month. */
export function TrendCard({ trend, granularity }: { trend: TrendPoint[]; granularity: 'week' | 'month' }) {
  const [metric, setMetric] = useState<keyof typeof metrics>('posting');
  const data = trend.map((p) => ({ label: p.label, posts: p.posts, creatorsPosting: p.creatorsPosting, reach: p.reach ?? 0, views: p.views ?? 0, engagements: p.engagements ?? 0, clicks: p.clicks ?? 0 }));
  return (
    <Card withBorder radius="lg" p="lg" data-testid="trend-card">
      <Group justify="space-between" mb="md" wrap="wrap">
        <div>
          <Title order={4}>Growth by {granularity}</Title>
          <Text size="xs" c="dimmed">Posts count in the {granularity} they went live, with their latest figures.</Text>
        </div>
        <SegmentedControl size="xs" value={metric} onChange={(v) => setMetric(v as keyof typeof metrics)}
          data={Object.entries(metrics).map(([value, m]) => ({ value, label: m.label }))} />
      </Group>
      {data.length === 0 ? <Text c="dimmed" size="sm">No posts in this selection yet.</Text> : metric === 'posting' ? (
        <BarChart h={240} data={data} dataKey="label" series={[...metrics.posting.series]} withLegend tickLine="y" />
      ) : (
        <AreaChart h={240} data={data} dataKey="label" series={[...metrics[metric].series]} withLegend curveType="monotone" valueFormatter={compact} tickLine="y" />
      )}
    </Card>
  );
}
