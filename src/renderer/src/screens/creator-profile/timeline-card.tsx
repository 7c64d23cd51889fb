import { Card, Group, Text, Timeline } from '@mantine/core';
import { IconTimeline } from '@tabler/icons-react';
import { useMe } from '../../hooks/use-me';
import { useRxQuery } from '../../hooks/use-rx-query';

interface ActivityRow { id: string; title: string; at: string; kind: string; body: string; actorId: string | null; data: { byName?: unknown } }

/** Every touch with this creator across campaigns, newest first. */
export function TimelineCard({ creatorId, name }: { creatorId: string; name: string }) {
  const me = useMe();
  const timeline = useRxQuery<ActivityRow>('activities', { selector: { creatorId, deletedAt: null }, sort: [{ at: 'desc' }] }, `timeline-${creatorId}`);
  return (
    <Card withBorder radius="lg">
      <Text fw={700} mb="md">Timeline</Text>
      {timeline && timeline.length === 0 && (
        <Group gap="xs" c="dimmed"><IconTimeline size={16} /><Text size="sm">Every touch with {name} — outreach, stage changes, shipments, posts — will appear here.</Text></Group>
      )}
      <Timeline bulletSize={14} lineWidth={2}>
        {timeline?.map((a) => (
          <Timeline.Item key={a.id} title={a.title}>
            <Text size="xs" c="dimmed">
              {new Date(a.at).toLocaleString()}
              {a.actorId === me.id ? ' · by you' : typeof a.data?.byName === 'string' ? ` · by ${a.data.byName}` : ''}
            </Text>
            {a.body && <Text size="sm">{a.body}</Text>}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}
