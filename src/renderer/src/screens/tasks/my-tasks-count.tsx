import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { todayIn } from '../../../../shared/domain/dates';
import { openDueTodayCount } from '../../../../shared/domain/tasks';
import { useMe } from '../../hooks/use-me';
import { viewerTimeZone } from './task-record';
import { useTasks } from './use-tasks';

/** The number beside "My tasks" in the navigation: my open tasks due today or already late. */
export function MyTasksCount() {
  const tasks = useTasks();
  const me = useMe();
  const timeZone = viewerTimeZone();
  const [today, setToday] = useState(() => todayIn(timeZone));
  // The app stays open overnight: the count follows the date.
  useEffect(() => {
    const timer = setInterval(() => setToday(todayIn(timeZone)), 60_000);
    return () => clearInterval(timer);
  }, [timeZone]);
  const count = openDueTodayCount(tasks ?? [], me.id, today, timeZone);
  if (!count) return null;
  return <Badge size="sm" circle={count < 10} color="red" variant="filled" aria-label={`${count} due today`} data-testid="my-tasks-count">{count}</Badge>;
}
