import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { CalendarItem } from '../../../../shared/domain/calendar';
import { kindColors, kindLabels, openItem } from './calendar-kinds';

/**
 * One dated thing on the calendar; overdue ones in red, done ones lighter in
 * weight with a tick (not faded: faded text on the tint fell below 4.5:1).
 * Click opens its creator or campaign.
 */
export function CalendarChip({ item, wrap = false }: { item: CalendarItem; wrap?: boolean }) {
  const color = item.overdue ? 'red' : kindColors[item.kind];
  const state = item.overdue ? 'Overdue · ' : item.done && (item.kind === 'deliverable' || item.kind === 'task') ? 'Done · ' : '';
  return (
    <Tooltip label={`${state}${kindLabels[item.kind].replace(/s$/, '')} · ${item.title} · ${item.detail}`} openDelay={300} multiline maw={320}>
      <UnstyledButton onClick={() => openItem(item)} data-testid="calendar-item" data-kind={item.kind} data-overdue={item.overdue || undefined}
        aria-label={`${item.overdue ? 'Overdue: ' : ''}${item.title} (${item.detail})`}
        style={{
          display: 'block', width: '100%', borderRadius: 6, padding: '2px 6px',
          background: `var(--mantine-color-${color}-light)`,
          borderLeft: `3px solid var(--mantine-color-${color}-filled)`,
        }}>
        <Group gap={4} wrap="nowrap">
          {item.overdue && <IconAlertTriangle size={12} color="var(--mantine-color-red-7)" style={{ flexShrink: 0 }} />}
          {item.done && item.kind !== 'post' && !item.overdue && item.kind !== 'campaign-start' && item.kind !== 'campaign-end' && <IconCheck size={12} style={{ flexShrink: 0 }} />}
          <Text size="xs" fw={item.overdue ? 700 : item.done ? 400 : 500} c={item.overdue ? 'red' : undefined} truncate={wrap ? undefined : 'end'} td={item.done && item.kind === 'task' ? 'line-through' : undefined}>
            {item.title}
          </Text>
        </Group>
        {wrap && <Text size="xs" c="dimmed" truncate="end">{item.detail}</Text>}
      </UnstyledButton>
    </Tooltip>
  );
}
