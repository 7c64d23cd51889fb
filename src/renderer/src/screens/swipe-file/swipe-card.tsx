import { ActionIcon, Anchor, Badge, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconRefresh, IconTrash } from '@tabler/icons-react';
import { swipeLabel } from '../../../../shared/domain/swipe-file';
import { isWaiting } from './use-link-previews';
import { SwipePicture } from './swipe-picture';
import { ownerLine, type BriefChoice, type SwipeAsset, type SwipeRow } from './swipe-rows';
import { UseInBriefMenu } from './use-in-brief-menu';

interface Props {
  item: SwipeRow;
  asset: SwipeAsset | undefined;
  briefs: BriefChoice[];
  online: boolean;
  onEdit: () => void;
  onDelete: () => void;
  onRetry: () => void;
}

export function SwipeCard({ item, asset, briefs, online, onEdit, onDelete, onRetry }: Props) {
  const label = swipeLabel(item, asset?.fileName);
  return (
    <Card withBorder radius="md" p={0} data-testid="swipe-card" aria-label={label}>
      <SwipePicture item={item} asset={asset} height={160} />
      <Stack gap={6} p="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600} lineClamp={2} title={label}>{label}</Text>
          <Group gap={2} wrap="nowrap">
            <Tooltip label="Edit"><ActionIcon variant="subtle" aria-label={`Edit ${label}`} onClick={onEdit}><IconPencil size={16} /></ActionIcon></Tooltip>
            <Tooltip label="Move to trash"><ActionIcon variant="subtle" color="red" aria-label={`Move ${label} to the trash`} onClick={onDelete}><IconTrash size={16} /></ActionIcon></Tooltip>
          </Group>
        </Group>
        {item.kind === 'link' && <Anchor href={item.url} target="_blank" rel="noreferrer noopener" size="xs" lineClamp={1}>{item.url}</Anchor>}
        {item.description && <Text size="xs" c="dimmed" lineClamp={2}>{item.description}</Text>}
        {item.notes && <Text size="xs" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>{item.notes}</Text>}
        {isWaiting(item) && <Text size="xs" c="dimmed" data-testid="swipe-waiting">{online ? 'Reading the page…' : 'Saved. Its title and picture will be read when you are back online.'}</Text>}
        {item.fetchProblem && (
          <Group gap={4} wrap="nowrap" align="flex-start">
            <Text size="xs" c="orange.8" data-testid="swipe-fetch-problem">{item.fetchProblem}</Text>
            {item.kind === 'link' && <Tooltip label="Read the page again"><ActionIcon size="sm" variant="subtle" aria-label="Read the page again" onClick={onRetry}><IconRefresh size={14} /></ActionIcon></Tooltip>}
          </Group>
        )}
        <Group gap={4}>
          <Badge size="xs" variant="light" color={item.ownerKind === 'ours' ? 'teal' : item.ownerKind === 'competitor' ? 'grape' : 'blue'}>{ownerLine(item)}</Badge>
          {item.board && <Badge size="xs" variant="outline">{item.board}</Badge>}
          {item.tags.slice(0, 3).map((t) => <Badge key={t} size="xs" variant="outline" color="gray">{t}</Badge>)}
        </Group>
        <Group justify="flex-end"><UseInBriefMenu swipeId={item.id} label={label} briefs={briefs} /></Group>
      </Stack>
    </Card>
  );
}
