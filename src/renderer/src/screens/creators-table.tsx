import { Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { formatCount, formatPercent } from '../../../shared/domain/engagement-rate';
import { tierFor, tierLabels } from '../../../shared/domain/tiers';
import { navigate } from '../app/routes';
import { PlatformIcon } from '../components/platform-icon';
import type { CreatorRow, CreatorSort } from './creator-row';

const ROW_HEIGHT = 52;
const columns: { key: CreatorSort | null; label: string; width: string }[] = [
  { key: 'name', label: 'Creator', width: '28%' },
  { key: null, label: 'Accounts', width: '22%' },
  { key: 'followers', label: 'Followers', width: '12%' },
  { key: 'engagement', label: 'Eng. rate', width: '10%' },
  { key: 'country', label: 'Location', width: '13%' },
  { key: null, label: 'Tags', width: '15%' },
];

interface Props {
  rows: CreatorRow[];
  sort: { by: CreatorSort; desc: boolean } | null;
  onSort: (by: CreatorSort) => void;
}

/** Only the rows on screen are rendered, so 50,000 creators scroll like 50. */
export function CreatorsTable({ rows, sort, onSort }: Props) {
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parent.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div ref={parent} style={{ height: 'calc(100vh - 260px)', minHeight: 320, overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 12 }}>
      <Table highlightOnHover stickyHeader verticalSpacing={0} style={{ tableLayout: 'fixed' }} aria-label="Creators">
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.label} style={{ width: c.width, height: 40 }}>
                {c.key ? (
                  <UnstyledButton onClick={() => onSort(c.key!)} fw={600} fz="sm">
                    <Group gap={4} wrap="nowrap">
                      {c.label}
                      {sort?.by === c.key && (sort.desc ? <IconChevronDown size={14} /> : <IconChevronUp size={14} />)}
                    </Group>
                  </UnstyledButton>
                ) : <Text fw={600} fz="sm">{c.label}</Text>}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {padTop > 0 && <tr style={{ height: padTop }} />}
          {items.map((item) => {
            const row = rows[item.index];
            const tier = tierFor(row.followersMax);
            return (
              <Table.Tr key={row.id} style={{ height: ROW_HEIGHT, cursor: 'pointer' }} onClick={() => navigate({ screen: 'creator', id: row.id })} data-testid="creator-row">
                <Table.Td>
                  <Text fw={600} size="sm" truncate>{row.name}</Text>
                  <Text size="xs" c="dimmed" truncate>{row.primaryEmail || 'No email yet'}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={10} wrap="nowrap" style={{ overflow: 'hidden' }}>
                    {row.accounts.slice(0, 2).map((a) => (
                      <Group key={`${a.platform}-${a.handle}`} gap={4} wrap="nowrap">
                        <PlatformIcon platform={a.platform} />
                        <Text size="sm" truncate>@{a.handle}</Text>
                      </Group>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{formatCount(row.followersMax)}</Text>
                    {tier && <Badge size="xs" variant="light" color="gray">{tierLabels[tier]}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td><Text size="sm">{formatPercent(row.engagementRateBest)}</Text></Table.Td>
                <Table.Td><Text size="sm" truncate>{[row.location.city, row.location.country].filter(Boolean).join(', ') || '—'}</Text></Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
                    {row.tags.slice(0, 2).map((t) => <Badge key={t} size="sm" variant="light" tt="none">{t}</Badge>)}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
          {padBottom > 0 && <tr style={{ height: padBottom }} />}
        </Table.Tbody>
      </Table>
    </div>
  );
}
