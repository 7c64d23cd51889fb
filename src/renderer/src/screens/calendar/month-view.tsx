import { Box, Popover, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { itemsByDay, monthGrid, type CalendarItem } from '../../../../shared/domain/calendar';
import { formatDay } from '../tasks/task-record';
import { CalendarChip } from './calendar-chip';
import { DayNumber } from './day-number';

const weekdayNames = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const PER_DAY = 3;

/** A month in weeks from Monday; each day shows its first items and "+ n more". */
export function MonthView({ anchor, today, items }: { anchor: string; today: string; items: CalendarItem[] }) {
  const weeks = monthGrid(anchor);
  const month = anchor.slice(0, 7);
  const byDay = useMemo(() => itemsByDay(items, weeks[0][0], weeks.at(-1)![6]), [items, weeks]);
  return (
    <Box data-testid="calendar-month" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 12, overflow: 'hidden' }}>
      <SimpleGrid cols={7} spacing={0}>
        {weekdayNames.map((d) => <Text key={d} size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" py={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>{d}</Text>)}
        {weeks.flat().map((date, i) => {
          const dayItems = byDay.get(date) ?? [];
          const outside = date.slice(0, 7) !== month;
          return (
            <Stack key={date} gap={3} p={6} mih={118} data-testid="calendar-day" data-date={date}
              style={{
                borderRight: i % 7 === 6 ? undefined : '1px solid var(--mantine-color-default-border)',
                borderBottom: i >= weeks.length * 7 - 7 ? undefined : '1px solid var(--mantine-color-default-border)',
                background: outside ? 'var(--mantine-color-default-hover)' : i % 7 >= 5 ? 'var(--mantine-color-body)' : undefined,
                minWidth: 0,
              }}>
              <DayNumber date={date} today={today} dimmed={outside} />
              {dayItems.slice(0, PER_DAY).map((item) => <CalendarChip key={item.id} item={item} />)}
              {dayItems.length > PER_DAY && (
                <Popover width={320} position="bottom" shadow="md" withinPortal>
                  <Popover.Target>
                    <UnstyledButton><Text size="xs" fw={600} c="fanfare.7" px={6}>+ {dayItems.length - PER_DAY} more</Text></UnstyledButton>
                  </Popover.Target>
                  <Popover.Dropdown>
                    <Text size="sm" fw={700} mb="xs">{formatDay(date, { weekday: 'long', day: 'numeric', month: 'long' })}</Text>
                    <Stack gap={4} mah={360} style={{ overflowY: 'auto' }}>{dayItems.map((item) => <CalendarChip key={item.id} item={item} wrap />)}</Stack>
                  </Popover.Dropdown>
                </Popover>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
    </Box>
  );
}
