import { memo } from 'react';
import { Badge, Checkbox, Group, Table, Text } from '@mantine/core';
import { useTeammates } from '../tasks/use-teammates';
import { AssetWhere } from './asset-where';
import { AssetThumb } from './asset-thumb';
import { formatBytes, formatDuration, rightsLabels, type AssetListProps } from './library-data';

/** Memoised: the queue's progress re-renders the screen a few times a second, and the list need not follow. */
export const AssetTable = memo(function AssetTable({ assets, data, selected, onToggle, onOpen }: AssetListProps) {
  const { nameOf } = useTeammates();
  return (
    <Table highlightOnHover verticalSpacing="xs" data-testid="asset-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={40} />
          <Table.Th w={90}>Preview</Table.Th>
          <Table.Th>File</Table.Th>
          <Table.Th>Creator</Table.Th>
          <Table.Th>Campaign</Table.Th>
          <Table.Th>Size</Table.Th>
          <Table.Th>Length</Table.Th>
          <Table.Th>Codecs</Table.Th>
          <Table.Th w={180}>Usage rights</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {assets.map((a) => {
          const rights = rightsLabels[data.rightsOf(a)];
          return (
            <Table.Tr key={a.id} onClick={() => onOpen(a.id)} style={{ cursor: 'pointer' }}>
              <Table.Td onClick={(e) => e.stopPropagation()}>
                <Checkbox aria-label={`Select ${a.fileName}`} checked={selected.has(a.id)} onChange={() => onToggle(a.id)} />
              </Table.Td>
              <Table.Td><AssetThumb sha256={a.sha256} kind={a.kind} height={48} fileName={a.fileName} /></Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600} lineClamp={1}>{a.fileName}</Text>
                  {a.source === 'cut' && <Badge size="xs" style={{ flexShrink: 0 }}>Cut</Badge>}
                </Group>
                <Text size="xs" c="dimmed">{a.tags.join(', ')}</Text>
                <AssetWhere asset={a} nameOf={nameOf} compact />
              </Table.Td>
              <Table.Td><Text size="sm">{a.creatorId ? data.creatorName.get(a.creatorId) ?? '—' : '—'}</Text></Table.Td>
              <Table.Td><Text size="sm">{a.campaignId ? data.campaignName.get(a.campaignId) ?? '—' : '—'}</Text></Table.Td>
              <Table.Td>{a.unreadable
                ? <Text size="sm" c="red" title={a.unreadable}>Can’t be read<Text span c="dimmed" size="xs"> · {formatBytes(a.sizeBytes)}</Text></Text>
                : <Text size="sm">{a.width && a.height ? `${a.width}×${a.height}` : '—'}<Text span c="dimmed" size="xs"> · {formatBytes(a.sizeBytes)}</Text></Text>}</Table.Td>
              <Table.Td><Text size="sm">{a.kind === 'video' ? formatDuration(a.durationSeconds) : '—'}</Text></Table.Td>
              <Table.Td><Text size="sm" c="dimmed">{[a.videoCodec, a.audioCodec].filter(Boolean).join(' + ') || '—'}</Text></Table.Td>
              <Table.Td><Badge size="sm" variant="light" color={rights.color} style={{ whiteSpace: 'nowrap', overflow: 'visible' }}>{rights.label}</Badge></Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
});
