import { Badge, Button, Card, Group, Text, Timeline } from '@mantine/core';
import { IconMessagePlus, IconTimeline } from '@tabler/icons-react';
import { useState } from 'react';
import type { touchChannels } from '../../../../shared/data/schemas/activities';
import { channelOf, touchChannelLabels } from '../../../../shared/domain/touches';
import { useMe } from '../../hooks/use-me';
import { useRxQuery } from '../../hooks/use-rx-query';
import { LogTouchModal } from '../outreach/log-touch-modal';

interface ActivityRow {
  id: string; title: string; at: string; kind: string; body: string; actorId: string | null;
  channel?: (typeof touchChannels)[number] | null; data: { byName?: unknown } & Record<string, unknown>;
}

/** Every touch with this creator across campaigns, newest first, and where to log one that happened elsewhere (a DM, a call). */
export function TimelineCard({ creatorId, name }: { creatorId: string; name: string }) {
  const me = useMe();
  const [logging, setLogging] = useState(false);
  const timeline = useRxQuery<ActivityRow>('activities', { selector: { creatorId, deletedAt: null }, sort: [{ at: 'desc' }] }, `timeline-${creatorId}`);
  return (
    <Card withBorder radius="lg" data-testid="creator-timeline">
      <Group justify="space-between" mb="md">
        <Text fw={700}>Timeline</Text>
        <Button size="xs" variant="light" leftSection={<IconMessagePlus size={14} />} onClick={() => setLogging(true)}>Log a touch</Button>
      </Group>
      {timeline && timeline.length === 0 && (
        <Group gap="xs" c="dimmed" wrap="nowrap"><IconTimeline size={16} /><Text size="sm">Every touch with {name} — outreach, stage changes, shipments, posts — will appear here. A DM or a call made outside Fanfare: log it, so follow-ups know.</Text></Group>
      )}
      <Timeline bulletSize={14} lineWidth={2}>
        {timeline?.map((a) => {
          const channel = channelOf(a);
          return (
            <Timeline.Item key={a.id} data-testid="timeline-item" title={(
              <Group gap={6} wrap="nowrap">
                <Text size="sm" fw={500}>{a.title}</Text>
                {channel && channel !== 'note' && <Badge size="xs" variant="light" color={a.kind === 'reply' ? 'teal' : 'blue'} tt="none">{touchChannelLabels[channel]}</Badge>}
              </Group>
            )}>
              <Text size="xs" c="dimmed">
                {new Date(a.at).toLocaleString()}
                {a.actorId === me.id ? ' · by you' : typeof a.data?.byName === 'string' ? ` · by ${a.data.byName}` : ''}
              </Text>
              {a.body && <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{a.body}</Text>}
            </Timeline.Item>
          );
        })}
      </Timeline>
      <LogTouchModal opened={logging} onClose={() => setLogging(false)} creatorId={creatorId} creatorName={name} />
    </Card>
  );
}
