import { startOfWeek } from './calendar';
import { addDays, daysBetween, instantAt, localDate, type IsoDate } from './dates';

/**
 * Tasks are activities of kind "task": a title, a due time, who does it
 * (`assigneeId`), done or not (`doneAt`), attached to a creator, a campaign
 * or a creator in a campaign. These rules sort them the way a to-do list
 * reads: what is late, what is for today, for the rest of this week, later.
 */

export interface TaskLike {
  id: string;
  title: string;
  dueAt: string | null;
  doneAt: string | null;
  assigneeId?: string | null;
  deletedAt?: string | null;
}

export const taskGroups = ['overdue', 'today', 'this-week', 'later', 'no-date', 'done'] as const;
export type TaskGroup = (typeof taskGroups)[number];

export const taskGroupLabels: Record<TaskGroup, string> = {
  overdue: 'Overdue', today: 'Today', 'this-week': 'This week', later: 'Later', 'no-date': 'No due date', done: 'Done',
};

/** The hour a task picked by date only is due, local time: noon keeps the same day for teammates up to 11 hours away. */
export const DUE_HOUR = 12;

/** The stored due time of a task due on `date` where its author is. */
export function dueAtFor(date: IsoDate, timeZone: string): string {
  return instantAt(date, DUE_HOUR, timeZone);
}

export function dueDateOf(task: Pick<TaskLike, 'dueAt'>, timeZone: string): IsoDate | null {
  return task.dueAt ? localDate(task.dueAt, timeZone) : null;
}

/** Where a task goes in the list. "This week" runs to Sunday; on a Sunday it is empty. */
export function taskGroup(task: Pick<TaskLike, 'dueAt' | 'doneAt'>, today: IsoDate, timeZone: string): TaskGroup {
  if (task.doneAt) return 'done';
  const due = dueDateOf(task, timeZone);
  if (!due) return 'no-date';
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  if (due <= addDays(startOfWeek(today), 6)) return 'this-week';
  return 'later';
}

/** Tasks by group, each group soonest first (done: most recently done first). */
export function groupTasks<T extends TaskLike>(tasks: readonly T[], today: IsoDate, timeZone: string): Record<TaskGroup, T[]> {
  const out = Object.fromEntries(taskGroups.map((g) => [g, [] as T[]])) as Record<TaskGroup, T[]>;
  for (const t of tasks) if (!t.deletedAt) out[taskGroup(t, today, timeZone)].push(t);
  for (const g of taskGroups) {
    out[g].sort(g === 'done'
      ? (a, b) => (b.doneAt ?? '').localeCompare(a.doneAt ?? '')
      : (a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.title.localeCompare(b.title));
  }
  return out;
}

/** The number on "My tasks" in the navigation: open tasks of this person due today, and those already late. */
export function openDueTodayCount(tasks: readonly TaskLike[], personId: string, today: IsoDate, timeZone: string): number {
  let n = 0;
  for (const t of tasks) {
    if (t.deletedAt || t.doneAt || t.assigneeId !== personId) continue;
    const g = taskGroup(t, today, timeZone);
    if (g === 'today' || g === 'overdue') n++;
  }
  return n;
}

/** "Today", "Tomorrow", "3 days late", or the date. */
export function describeDue(due: IsoDate, today: IsoDate, formatDate: (date: IsoDate) => string): string {
  if (due === today) return 'Today';
  if (due === addDays(today, 1)) return 'Tomorrow';
  if (due === addDays(today, -1)) return 'Yesterday';
  if (due < today) return `${daysBetween(due, today)} days late`;
  return formatDate(due);
}
