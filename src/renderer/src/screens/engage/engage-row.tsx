import { Avatar, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { forwardRef } from 'react';
import type { Platform } from '../../../../shared/data/schemas/creators';
import { wentLiveAt } from '../../../../shared/domain/engage-queue';
import { initialsOf, presenceColor } from '../../../../shared/sync/presence';
import { PlatformIcon } from '../../components/platform-icon';
import { daysAgo } from '../creators/relative-date';
import type { EngagePostRow } from './use-engage-posts';

interface Props {
  post: EngagePostRow;
  creatorName: string;
  campaignName: string | null;
  assigneeName: string | null;
  selected: boolean;
  now: Date;
  onSelect: () => void;
}

/** One post in the queue: whose, where, how fresh, and who is on it. */
export const EngageRow = forwardRef<HTMLButtonElement, Props>(function EngageRow({ post, creatorName, campaignName, assigneeName, selected, now, onSelect }, ref) {
  return (
    <UnstyledButton ref={ref} onClick={onSelect} p="sm" data-testid="engage-row" data-selected={selected || undefined} aria-current={selected || undefined}
      style={{ borderRadius: 'var(--mantine-radius-md)', background: selected ? 'var(--mantine-color-fanfare-light)' : undefined, display: 'block', width: '100%' }}>
      <Group gap="sm" wrap="nowrap">
        {post.platform && <PlatformIcon platform={post.platform as Platform} size={18} />}
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600} lineClamp={1}>{creatorName}</Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {`Posted ${daysAgo(wentLiveAt(post), now.getTime()).toLowerCase()}`}{campaignName ? ` · ${campaignName}` : ''}
          </Text>
        </Stack>
        {post.engageAssigneeId
          ? <Avatar size={24} radius="xl" variant="filled" color={presenceColor(post.engageAssigneeId)} title={`Given to ${assigneeName ?? 'a teammate'}`}>{initialsOf(assigneeName ?? '?')}</Avatar>
          : <Text size="xs" c="dimmed">Anyone</Text>}
      </Group>
    </UnstyledButton>
  );
});
