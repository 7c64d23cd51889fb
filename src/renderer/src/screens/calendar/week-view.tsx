import { Box, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { itemsByDay, weekDays, type CalendarItem } from '../../../../shared/domain/calendar';
import { formatDay } from '../tasks/task-record';
import { CalendarChip } from './calendar-chip';
import { DayNumber } from './day-number';

/** One week, Monday to Sunday, every item of each day in full. */
export function WeekView({ anchor, today, items }: { anchor: string; today: string; items: CalendarItem[] }) {
  const days = weekDays(anchor);
  const byDay = useMemo(() => itemsByDay(items, days[0], days[6]), [items, days]);
  return (
    <Box data-testid="calendar-week" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 12, overflow: 'hidden' }}>
      <SimpleGrid cols={7} spacing={0}>
        {days.map((date, i) => {
          const dayItems = byDay.get(date) ?? [];
          return (
            <Stack key={date} gap={4} p={8} mih={420} data-testid="calendar-day" data-date={date}
              style={{ borderRight: i === 6 ? undefined : '1px solid var(--mantine-color-default-border)', minWidth: 0 }}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase">{formatDay(date, { weekday: 'short' })}</Text>
              <DayNumber date={date} today={today} label={formatDay(date, { day: 'numeric', month: 'short' })} />
              {dayItems.length === 0 && <Text size="xs" c="dimmed">Nothing</Text>}
              {dayItems.map((item) => <CalendarChip key={item.id} item={item} wrap />)}
            </Stack>
          );
        })}
      </SimpleGrid>
    </Box>
  );
}
