import { Group, Progress, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useRxQuery } from '../../hooks/use-rx-query';

interface Bucket { id: string; name: string; minFollowers: number | null; maxFollowers: number | null; targetCount: number }
interface Engagement { creatorId: string; bucketId?: string | null }

/**
 * "Micro: 9 of 15": how far each bucket of the plan is filled. A creator
 * counts in the bucket they were put in, else in the one their follower
 * count falls into.
 */
export function BucketProgress({ buckets, engagements }: { buckets: Bucket[]; engagements: Engagement[] | null }) {
  const ids = useMemo(() => [...new Set((engagements ?? []).filter((e) => !e.bucketId).map((e) => e.creatorId))].sort(), [engagements]);
  const creators = useRxQuery<{ id: string; followersMax: number }>('creators', { selector: { id: { $in: ids } } }, `bucket-creators-${ids.length}-${ids[0] ?? ''}`);
  const counts = useMemo(() => {
    const followers = new Map((creators ?? []).map((c) => [c.id, c.followersMax]));
    const map = new Map<string, number>();
    for (const e of engagements ?? []) {
      const f = followers.get(e.creatorId) ?? 0;
      const bucket = e.bucketId ?? buckets.find((b) => (b.minFollowers == null || f >= b.minFollowers) && (b.maxFollowers == null || f <= b.maxFollowers))?.id;
      if (bucket) map.set(bucket, (map.get(bucket) ?? 0) + 1);
    }
    return map;
  }, [engagements, creators, buckets]);
  if (buckets.length === 0) return null;
  return (
    <Group gap="lg" data-testid="bucket-progress">
      {buckets.map((b) => {
        const count = counts.get(b.id) ?? 0;
        return (
          <Stack key={b.id} gap={2} w={170}>
            <Group justify="space-between"><Text size="xs" fw={600}>{b.name}</Text><Text size="xs" c="dimmed">{count} of {b.targetCount}</Text></Group>
            <Progress value={b.targetCount ? Math.min(100, (count / b.targetCount) * 100) : 0} color={count >= b.targetCount && b.targetCount ? 'teal' : undefined} size="sm" aria-label={`${b.name}: ${count} of ${b.targetCount}`} />
          </Stack>
        );
      })}
    </Group>
  );
}
