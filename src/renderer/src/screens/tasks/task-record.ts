import { formatDay as formatSharedDay } from '../../../../shared/domain/day-format';

/** A task as the projection holds it (an activity of kind "task"). */
export interface TaskRecord {
  id: string;
  kind: 'task';
  title: string;
  body: string;
  at: string;
  dueAt: string | null;
  doneAt: string | null;
  assigneeId?: string | null;
  actorId: string | null;
  creatorId: string | null;
  campaignId: string | null;
  engagementId: string | null;
  createdBy: string | null;
  deletedAt: string | null;
}

/** The viewer's time zone: "today" and "overdue" are theirs. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "Mon 4 Jan", with the year outside this one; calendar headings pass their own parts. */
export function formatDay(date: string, options?: Intl.DateTimeFormatOptions): string {
  if (!options) return formatSharedDay(date, { weekday: true });
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { ...options, timeZone: 'UTC' });
}
