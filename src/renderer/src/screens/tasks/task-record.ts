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

export function formatDay(date: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { ...options, timeZone: 'UTC' });
}
