import { ActionIcon, Badge, Button, Chip, Group, Popover, SegmentedControl, Select, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCalendarEvent, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { isoWeekNumber, startOfWeek, weekDays, type CalendarItemKind } from '../../../../shared/domain/calendar';
import { addDays, addMonths, startOfMonth, todayIn } from '../../../../shared/domain/dates';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { formatDay, viewerTimeZone } from '../tasks/task-record';
import { useTeammates } from '../tasks/use-teammates';
import { CalendarChip } from './calendar-chip';
import { kindColors, kindLabels } from './calendar-kinds';
import { MonthView } from './month-view';
import { MyWeekView } from './my-week-view';
import { WeekView } from './week-view';
import { useCalendarItems } from './use-calendar-items';

type View = 'month' | 'week' | 'my-week';
const kinds: CalendarItemKind[] = ['deliverable', 'post', 'campaign-start', 'campaign-end', 'task'];

/** Deliverables due, posts, campaign dates and tasks across every campaign, by month, by week, or one teammate's week. */
export function CalendarScreen() {
  const timeZone = viewerTimeZone();
  const [today, setToday] = useState(() => todayIn(timeZone));
  useEffect(() => {
    const timer = setInterval(() => setToday(todayIn(timeZone)), 60_000);
    return () => clearInterval(timer);
  }, [timeZone]);
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState(today);
  const [shown, setShown] = useState<string[]>(kinds);
  const items = useCalendarItems(today, timeZone);
  const { me, teammates } = useTeammates(useMemo(() => [...new Set((items ?? []).map((i) => i.personId))], [items]));
  const [person, setPerson] = useState(me.id);

  const visible = useMemo(() => (items ?? []).filter((i) => shown.includes(i.kind)), [items, shown]);
  const overdue = visible.filter((i) => i.overdue).length;
  const step = (direction: 1 | -1) => setAnchor((a) => (view === 'month' ? startOfMonth(addMonths(a, direction)) : addDays(a, 7 * direction)));
  useHotkeys([['ArrowLeft', () => step(-1)], ['ArrowRight', () => step(1)], ['t', () => setAnchor(today)]]);

  const days = weekDays(anchor);
  const heading = view === 'month'
    ? new Date(`${anchor.slice(0, 7)}-15T12:00:00Z`).toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' })
    : `Week ${isoWeekNumber(anchor)} · ${formatDay(days[0], { day: 'numeric', month: 'short' })} – ${formatDay(days[6], { day: 'numeric', month: 'short', year: 'numeric' })}`;

  return (
    <Stack gap="md">
      <PageHeader title="Calendar" subtitle="Deliverables due, posts, campaign dates and tasks across every campaign. Click anything to open it."
        actions={<SegmentedControl value={view} onChange={(v) => setView(v as View)} data={[{ value: 'month', label: 'Month' }, { value: 'week', label: 'Week' }, { value: 'my-week', label: 'My week' }]} />} />
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs" wrap="nowrap">
          <Tooltip label={view === 'month' ? 'Previous month (←)' : 'Previous week (←)'}><ActionIcon variant="default" size="lg" aria-label="Previous" onClick={() => step(-1)}><IconChevronLeft size={18} /></ActionIcon></Tooltip>
          <Button variant="default" onClick={() => setAnchor(today)} disabled={view === 'month' ? anchor.slice(0, 7) === today.slice(0, 7) : startOfWeek(anchor) === startOfWeek(today)}>Today</Button>
          <Tooltip label={view === 'month' ? 'Next month (→)' : 'Next week (→)'}><ActionIcon variant="default" size="lg" aria-label="Next" onClick={() => step(1)}><IconChevronRight size={18} /></ActionIcon></Tooltip>
          <Title order={3} ml="xs" data-testid="calendar-heading">{heading}</Title>
          {overdue > 0 && (
            <Popover width={360} position="bottom-start" shadow="md">
              <Popover.Target>
                <UnstyledButton aria-label={`${overdue} overdue: show them`} ml="xs"><Badge color="red" variant="filled" style={{ cursor: 'pointer' }}>{overdue} overdue</Badge></UnstyledButton>
              </Popover.Target>
              <Popover.Dropdown>
                <Text size="sm" fw={700} mb="xs">Overdue, oldest first</Text>
                <Stack gap={4} mah={420} style={{ overflowY: 'auto' }} data-testid="overdue-list">
                  {visible.filter((i) => i.overdue).map((i) => <CalendarChip key={i.id} item={i} wrap />)}
                </Stack>
              </Popover.Dropdown>
            </Popover>
          )}
        </Group>
        <Group gap="sm">
          {view === 'my-week' && (
            <Select aria-label="Whose week" w={200} value={person} onChange={(v) => v && setPerson(v)} allowDeselect={false}
              data={teammates.map((t) => ({ value: t.id, label: t.isMe ? 'My week' : `${t.name}’s week` }))} />
          )}
          <Chip.Group multiple value={shown} onChange={setShown}>
            <Group gap={6}>
              {kinds.map((k) => <Chip key={k} value={k} size="xs" color={kindColors[k]} variant="light">{kindLabels[k]}</Chip>)}
            </Group>
          </Chip.Group>
        </Group>
      </Group>
      {items && items.length === 0 ? (
        <EmptyState icon={<IconCalendarEvent />} title="Nothing dated yet">
          The calendar fills itself: give a campaign start and end dates, agree deliverables with due dates in a creator’s offer, log posts, or add tasks with a due date.
        </EmptyState>
      ) : view === 'month' ? (
        <MonthView anchor={anchor} today={today} items={visible} />
      ) : view === 'week' ? (
        <WeekView anchor={anchor} today={today} items={visible} />
      ) : (
        <MyWeekView anchor={anchor} today={today} items={visible} personId={person} personName={person === me.id ? 'you' : teammates.find((t) => t.id === person)?.name ?? 'this teammate'} />
      )}
      <Text size="xs" c="dimmed">Overdue means the due day has passed and it is not posted or done. Dates are shown in your time zone ({timeZone}). ← and → move, T comes back to today.</Text>
    </Stack>
  );
}
