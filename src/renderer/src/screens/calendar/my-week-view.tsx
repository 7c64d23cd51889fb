import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { myWeek, type CalendarItem } from '../../../../shared/domain/calendar';
import { formatDay } from '../tasks/task-record';
import { CalendarChip } from './calendar-chip';

/**
 * One teammate's week as an agenda: what they answer for each day (their
 * tasks, and the deliverables, posts and dates of the creators and
 * campaigns they own), with everything still late from before on top.
 */
export function MyWeekView({ anchor, today, items, personId, personName }: { anchor: string; today: string; items: CalendarItem[]; personId: string; personName: string }) {
  const week = useMemo(() => myWeek(items, personId, anchor), [items, personId, anchor]);
  const total = week.days.reduce((n, d) => n + d.items.length, 0);
  return (
    <Stack gap="md" data-testid="calendar-my-week">
      {week.overdueBefore.length > 0 && (
        <Card withBorder radius="lg" style={{ borderColor: 'var(--mantine-color-red-4)' }}>
          <Group gap="xs" mb="xs"><Title order={5} c="red.7">Still overdue from before</Title><Badge color="red">{week.overdueBefore.length}</Badge></Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing={6}>{week.overdueBefore.map((item) => <CalendarChip key={item.id} item={item} wrap />)}</SimpleGrid>
        </Card>
      )}
      {total === 0 && week.overdueBefore.length === 0 && (
        <Card withBorder radius="lg" p="xl"><Text ta="center" c="dimmed">Nothing for {personName} this week. Items show here when {personName === 'you' ? 'you own' : 'they own'} the creator or campaign, or a task is for {personName === 'you' ? 'you' : 'them'}.</Text></Card>
      )}
      <Stack gap={6}>
        {week.days.map(({ date, items: dayItems }) => (
          <Card key={date} withBorder radius="md" p="sm" data-testid="calendar-day" data-date={date}
            style={date === today ? { borderColor: 'var(--mantine-color-fanfare-filled)', borderWidth: 2 } : undefined}>
            <Group align="flex-start" wrap="nowrap">
              <Stack gap={0} w={110} style={{ flexShrink: 0 }}>
                <Text size="sm" fw={700} c={date === today ? 'fanfare.7' : undefined}>{date === today ? 'Today' : formatDay(date, { weekday: 'long' })}</Text>
                <Text size="xs" c="dimmed">{formatDay(date, { day: 'numeric', month: 'long' })}</Text>
              </Stack>
              {dayItems.length === 0
                ? <Text size="sm" c="dimmed">Nothing planned</Text>
                : <SimpleGrid cols={{ base: 1, md: 2 }} spacing={6} style={{ flex: 1 }}>{dayItems.map((item) => <CalendarChip key={item.id} item={item} wrap />)}</SimpleGrid>}
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
