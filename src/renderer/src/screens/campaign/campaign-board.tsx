import { ActionIcon, Anchor, Badge, Group, Menu, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { formatCount } from '../../../../shared/domain/engagement-rate';
import { hrefFor } from '../../app/routes';
import { PlatformIcon } from '../../components/platform-icon';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { CreatorRow } from '../creator-row';
import { ReviewStageBadge, useCampaignReviewStatus } from '../review/review-stage-badge';
import { useMoveEngagement, type MovableEngagement } from './use-move-engagement';

interface Step { id: string; name: string; position: number }

const DRAG_TYPE = 'application/x-fanfare-engagement';

/** The campaign as a board: one column per step, a card per creator; drag a card (or use its menu) to move it. */
export function CampaignBoard({ campaignId, steps, engagements }: { campaignId: string; steps: Step[]; engagements: MovableEngagement[] | null }) {
  const ids = useMemo(() => [...new Set((engagements ?? []).map((e) => e.creatorId))].sort(), [engagements]);
  const creators = useRxQuery<CreatorRow>('creators', { selector: { id: { $in: ids } } }, `board-creators-${campaignId}-${ids.length}-${ids[0] ?? ''}`);
  const byId = useMemo(() => new Map((creators ?? []).map((c) => [c.id, c])), [creators]);
  const move = useMoveEngagement();
  const review = useCampaignReviewStatus(campaignId);
  const [over, setOver] = useState<string | null>(null);

  const columns = steps.map((step) => ({ step, cards: (engagements ?? []).filter((e) => e.stepId === step.id) }));
  // Creators on a step the campaign no longer has are shown, not lost: they can be moved from here.
  const orphans = (engagements ?? []).filter((e) => !steps.some((s) => s.id === e.stepId));
  if (orphans.length) columns.unshift({ step: { id: '__other', name: 'Step removed', position: -1 }, cards: orphans });

  return (
    // More steps than fit a laptop: the sideways scrollbar stays drawn, so the columns past the edge are plainly there.
    <ScrollArea type="always" offsetScrollbars scrollbarSize={10}>
      <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm" data-testid="campaign-board">
        {columns.map(({ step, cards }) => (
          <Paper key={step.id} withBorder radius="lg" p="xs" w={250} miw={250} data-testid="board-column" aria-label={step.name}
            bg={over === step.id ? 'var(--mantine-primary-color-light)' : 'var(--mantine-color-default-hover)'}
            onDragOver={(e) => { if (step.id !== '__other' && e.dataTransfer.types.includes(DRAG_TYPE)) { e.preventDefault(); setOver(step.id); } }}
            onDragLeave={() => setOver((o) => (o === step.id ? null : o))}
            onDrop={(e) => {
              e.preventDefault();
              setOver(null);
              const engagement = engagements?.find((x) => x.id === e.dataTransfer.getData(DRAG_TYPE));
              if (engagement && step.id !== '__other') void move(engagement, step, byId.get(engagement.creatorId)?.name ?? 'The creator');
            }}>
            <Group justify="space-between" mb="xs" px={4}>
              <Text fw={700} size="sm">{step.name}</Text>
              <Badge variant="light" size="sm" color="gray">{cards.length}</Badge>
            </Group>
            <Stack gap={6} mih={60}>
              {cards.map((engagement) => {
                const creator = byId.get(engagement.creatorId);
                return (
                  <Paper key={engagement.id} withBorder radius="md" p="xs" draggable data-testid="board-card"
                    onDragStart={(e) => { e.dataTransfer.setData(DRAG_TYPE, engagement.id); e.dataTransfer.effectAllowed = 'move'; }}
                    style={{ cursor: 'grab' }}>
                    <Group justify="space-between" wrap="nowrap" gap={4}>
                      <Anchor href={hrefFor({ screen: 'creator', id: engagement.creatorId })} size="sm" fw={600} lineClamp={1}>{creator?.name ?? '…'}</Anchor>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Move ${creator?.name ?? 'creator'}`}><IconDots size={14} /></ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Label>Move to</Menu.Label>
                          {steps.filter((s) => s.id !== engagement.stepId).map((s) => (
                            <Menu.Item key={s.id} onClick={() => void move(engagement, s, creator?.name ?? 'The creator')}>{s.name}</Menu.Item>
                          ))}
                        </Menu.Dropdown>
                      </Menu>
                    </Group>
                    {creator && (
                      <Group gap={4} mt={2}>
                        {creator.platforms.slice(0, 3).map((p) => <PlatformIcon key={p} platform={p} size={12} />)}
                        <Text size="xs" c="dimmed">{formatCount(creator.followersMax)}</Text>
                        <ReviewStageBadge summary={review.get(engagement.id)} />
                      </Group>
                    )}
                  </Paper>
                );
              })}
              {cards.length === 0 && <Text size="xs" c="dimmed" ta="center" py="sm">Drop a creator here</Text>}
            </Stack>
          </Paper>
        ))}
      </Group>
    </ScrollArea>
  );
}
