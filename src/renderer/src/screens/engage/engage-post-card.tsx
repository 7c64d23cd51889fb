import { Button, Card, Chip, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconExternalLink, IconPlayerSkipForward } from '@tabler/icons-react';
import { engageActions, type EngageAction } from '../../../../shared/data/schemas/content';
import { wentLiveAt } from '../../../../shared/domain/engage-queue';
import { formatDay, platformLabel } from '../review/review-data';
import { TeammateSelect } from '../tasks/teammate-select';
import type { EngagePostRow } from './use-engage-posts';

const actionLabels: Record<EngageAction, string> = { like: 'Liked', comment: 'Commented', share: 'Shared' };

interface Props {
  post: EngagePostRow;
  creatorName: string;
  campaignName: string | null;
  actions: readonly EngageAction[];
  onActions: (actions: EngageAction[]) => void;
  onOpen: () => void;
  onDone: () => void;
  onSkip: () => void;
  onAssign: (personId: string | null) => void;
}

/** The post under the cursor: open it, say what you did, mark it done or skip it, or give it to a teammate. */
export function EngagePostCard({ post, creatorName, campaignName, actions, onActions, onOpen, onDone, onSkip, onAssign }: Props) {
  return (
    <Card withBorder radius="lg" p="lg" data-testid="engage-post">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={3}>{creatorName}</Title>
          <Text size="sm" c="dimmed">
            {[platformLabel(post.platform), post.format, `posted ${formatDay(wentLiveAt(post))}`, campaignName].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        {post.caption && <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>{post.caption}</Text>}
        {post.url ? (
          <Group gap="sm" wrap="nowrap">
            <Button component="a" href={post.url} target="_blank" rel="noreferrer" variant="light" leftSection={<IconExternalLink size={16} />}
              rightSection={<Kbd size="xs">O</Kbd>} data-testid="engage-open" onClick={(e) => { e.preventDefault(); onOpen(); }}>Open post</Button>
            <Text size="xs" c="dimmed" lineClamp={1} style={{ minWidth: 0 }}>{post.url}</Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">No link was logged for this post: add it on Posts &amp; metrics to open it from here.</Text>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={600}>What did you do?</Text>
          <Chip.Group multiple value={[...actions]} onChange={(v) => onActions(engageActions.filter((a) => v.includes(a)))}>
            <Group gap="xs">
              {engageActions.map((a) => <Chip key={a} value={a} size="sm">{actionLabels[a]}</Chip>)}
            </Group>
          </Chip.Group>
        </Stack>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Group gap="sm">
            <Button leftSection={<IconCheck size={16} />} rightSection={<Kbd size="xs">D</Kbd>} onClick={onDone}>Done</Button>
            <Button variant="default" leftSection={<IconPlayerSkipForward size={16} />} rightSection={<Kbd size="xs">S</Kbd>} onClick={onSkip}>Skip</Button>
          </Group>
          <div style={{ width: 240 }}>
            <TeammateSelect label="Who engages" value={post.engageAssigneeId ?? null} onChange={onAssign} clearable placeholder="Anyone on the team" />
          </div>
        </Group>
      </Stack>
    </Card>
  );
}
