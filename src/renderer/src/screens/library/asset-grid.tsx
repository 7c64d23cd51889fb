import { memo } from 'react';
import { Badge, Card, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { orientationOf } from '../../../../shared/media/library-filter';
import { useTeammates } from '../tasks/use-teammates';
import { AssetMissingLine } from './asset-missing-line';
import { AssetThumb } from './asset-thumb';
import { AssetWhere } from './asset-where';
import { formatDuration, rightsLabels, type AssetListProps } from './library-data';

/** Memoised: the queue's progress re-renders the screen a few times a second, and the list need not follow. */
export const AssetGrid = memo(function AssetGrid({ assets, data, selected, onToggle, onOpen }: AssetListProps) {
  const { nameOf } = useTeammates();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 4, xl: 6 }} spacing="md">
      {assets.map((a) => {
        const rights = rightsLabels[data.rightsOf(a)];
        return (
          <Card key={a.id} withBorder radius="md" p={0} data-testid="asset-card" style={{ cursor: 'pointer', outline: selected.has(a.id) ? '2px solid var(--mantine-color-fanfare-5)' : undefined }}
            onClick={() => onOpen(a.id)} aria-label={a.fileName}>
            <div style={{ position: 'relative' }}>
              <AssetThumb sha256={a.sha256} kind={a.kind} height={170} fileName={a.fileName} />
              <Checkbox aria-label={`Select ${a.fileName}`} checked={selected.has(a.id)} onClick={(e) => e.stopPropagation()} onChange={() => onToggle(a.id)}
                style={{ position: 'absolute', top: 8, left: 8 }} />
              {a.kind === 'video' && a.durationSeconds !== null && (
                <Badge size="sm" color="dark" variant="filled" style={{ position: 'absolute', bottom: 8, right: 8 }}>{formatDuration(a.durationSeconds)}</Badge>
              )}
              {a.source === 'cut' && <Badge size="sm" variant="filled" style={{ position: 'absolute', top: 8, right: 8 }}>Cut</Badge>}
              <div style={{ position: 'absolute', bottom: 8, left: 8, right: a.kind === 'video' ? 56 : 8 }}>
                <AssetWhere asset={a} nameOf={nameOf} />
              </div>
            </div>
            <Stack gap={4} p="sm">
              <Text size="sm" fw={600} lineClamp={1} title={a.fileName}>{a.fileName}</Text>
              <AssetMissingLine asset={a} nameOf={nameOf} />
              {a.unreadable ? (
                <Text size="xs" c="red" lineClamp={2} title={`Can’t be read: ${a.unreadable}`} data-testid="asset-unreadable">Can’t be read: {a.unreadable}</Text>
              ) : (
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {[a.creatorId ? data.creatorName.get(a.creatorId) : null, a.width && a.height ? `${a.width}×${a.height}` : null, orientationOf(a.width, a.height)].filter(Boolean).join(' · ') || 'No details yet'}
                </Text>
              )}
              <Group gap={4}>
                <Badge size="xs" variant="light" color={rights.color}>{rights.label}</Badge>
                {a.tags.slice(0, 2).map((t) => <Badge key={t} size="xs" variant="outline" color="gray">{t}</Badge>)}
              </Group>
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
});

