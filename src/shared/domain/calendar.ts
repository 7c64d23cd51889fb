/**
 * Calendar maths for the team calendar and tasks. Calendar dates are
 * `YYYY-MM-DD` strings; instants (a post's time, a task's due time) become
 * a date in the viewer's time zone, so "today" and "overdue" mean what the
 * person looking at the screen expects. Weeks start on Monday.
 */

import { addDays, addMonths, daysBetween, localDate, startOfMonth, utcWeekday, type IsoDate } from './dates';

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(date: IsoDate): number {
  return (utcWeekday(date) + 6) % 7;
}

export function startOfWeek(date: IsoDate): IsoDate {
  return addDays(date, -weekdayIndex(date));
}

export function weekDays(date: IsoDate): IsoDate[] {
  const monday = startOfWeek(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The ISO 8601 week number (week 1 holds the year's first Thursday). */
export function isoWeekNumber(date: IsoDate): number {
  const thursday = addDays(startOfWeek(date), 3);
  const jan1 = `${thursday.slice(0, 4)}-01-01`;
  return Math.floor(daysBetween(jan1, thursday) / 7) + 1;
}

/** The weeks (Monday to Sunday) that show a month, days of the months around it included. */
export function monthGrid(date: IsoDate): IsoDate[][] {
  const first = startOfMonth(date);
  const last = addDays(addMonths(first, 1), -1);
  const weeks: IsoDate[][] = [];
  for (let monday = startOfWeek(first); monday <= last; monday = addDays(monday, 7)) weeks.push(weekDays(monday));
  return weeks;
}

// ————— What goes on the calendar —————

export type CalendarItemKind = 'deliverable' | 'post' | 'campaign-start' | 'campaign-end' | 'task';

export interface CalendarItem {
  id: string;
  kind: CalendarItemKind;
  date: IsoDate;
  title: string;
  /** The campaign's name, or what the item is about. */
  detail: string;
  /** Due and not done by the end of the day before today. */
  overdue: boolean;
  /** Delivered (posted), or a task ticked off. */
  done: boolean;
  campaignId: string | null;
  creatorId: string | null;
  /** Who on the team answers for it: the task's assignee, else the creator's or the campaign's owner. */
  personId: string | null;
}

export interface CalendarCampaign {
  id: string;
  name: string;
  kind: string;
  startsOn: IsoDate | null;
  endsOn: IsoDate | null;
  ownerId?: string | null;
  deletedAt?: string | null;
}

export interface CalendarDeliverable {
  id: string;
  platform: string;
  format: string;
  quantity: number;
  dueOn: IsoDate | null;
}

export interface CalendarEngagement {
  id: string;
  campaignId: string;
  creatorId: string;
  ownerId?: string | null;
  declinedAt?: string | null;
  deletedAt?: string | null;
  terms: { deliverables: CalendarDeliverable[] } | null;
}

export interface CalendarPost {
  id: string;
  kind: string;
  creatorId: string;
  campaignId?: string | null;
  engagementId?: string | null;
  deliverableId?: string | null;
  platform?: string | null;
  postedAt: string | null;
  deletedAt?: string | null;
}

export interface CalendarTask {
  id: string;
  title: string;
  dueAt: string | null;
  doneAt: string | null;
  assigneeId?: string | null;
  creatorId?: string | null;
  campaignId?: string | null;
  deletedAt?: string | null;
}

/**
 * How many of a deliverable are posted: posts linked to it, then posts of the
 * same engagement linked to no deliverable, which fill the earliest-due
 * deliverables first (a creator who posted without saying for which
 * deliverable has still delivered).
 */
export function deliveredCounts(engagement: CalendarEngagement, posts: readonly CalendarPost[]): Map<string, number> {
  const deliverables = [...(engagement.terms?.deliverables ?? [])]
    .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  const counts = new Map(deliverables.map((d) => [d.id, 0]));
  let loose = 0;
  for (const p of posts) {
    if (p.kind !== 'post' || p.deletedAt || !p.postedAt || p.engagementId !== engagement.id) continue;
    if (p.deliverableId && counts.has(p.deliverableId)) counts.set(p.deliverableId, counts.get(p.deliverableId)! + 1);
    else loose++;
  }
  for (const d of deliverables) {
    const missing = Math.max(0, d.quantity - counts.get(d.id)!);
    const used = Math.min(missing, loose);
    counts.set(d.id, counts.get(d.id)! + used);
    loose -= used;
  }
  return counts;
}

/** Overdue means its day has passed: due yesterday or earlier and not delivered. Due today is not late yet. */
export function isOverdue(dueOn: IsoDate, done: boolean, today: IsoDate): boolean {
  return !done && dueOn < today;
}

export function calendarItems(input: {
  campaigns: readonly CalendarCampaign[];
  engagements: readonly CalendarEngagement[];
  posts: readonly CalendarPost[];
  tasks: readonly CalendarTask[];
  creatorName: (id: string) => string;
  today: IsoDate;
  timeZone: string;
}): CalendarItem[] {
  const { today, timeZone } = input;
  const campaigns = new Map(input.campaigns.filter((c) => !c.deletedAt).map((c) => [c.id, c]));
  const items: CalendarItem[] = [];
  for (const c of campaigns.values()) {
    const noun = c.kind === 'program' ? 'Program' : 'Campaign';
    if (c.startsOn) items.push({ id: `start-${c.id}`, kind: 'campaign-start', date: c.startsOn, title: `${c.name} starts`, detail: `${noun} start`, overdue: false, done: c.startsOn < today, campaignId: c.id, creatorId: null, personId: c.ownerId ?? null });
    if (c.endsOn) items.push({ id: `end-${c.id}`, kind: 'campaign-end', date: c.endsOn, title: `${c.name} ends`, detail: `${noun} end`, overdue: false, done: c.endsOn < today, campaignId: c.id, creatorId: null, personId: c.ownerId ?? null });
  }
  const postsByEngagement = new Map<string, CalendarPost[]>();
  for (const p of input.posts) {
    if (p.engagementId) postsByEngagement.set(p.engagementId, [...(postsByEngagement.get(p.engagementId) ?? []), p]);
  }
  const engagementOwner = new Map<string, string | null>();
  for (const e of input.engagements) {
    const campaign = campaigns.get(e.campaignId);
    if (e.deletedAt || !campaign) continue;
    engagementOwner.set(e.id, e.ownerId ?? campaign.ownerId ?? null);
    if (e.declinedAt || !e.terms) continue;
    const delivered = deliveredCounts(e, postsByEngagement.get(e.id) ?? []);
    for (const d of e.terms.deliverables) {
      if (!d.dueOn) continue;
      const done = (delivered.get(d.id) ?? 0) >= d.quantity;
      const what = `${d.quantity > 1 ? `${d.quantity} × ` : ''}${d.format} on ${platformName(d.platform)}`;
      items.push({
        id: `due-${e.id}-${d.id}`, kind: 'deliverable', date: d.dueOn, title: `${input.creatorName(e.creatorId)}: ${what}`, detail: campaign.name,
        overdue: isOverdue(d.dueOn, done, today), done, campaignId: campaign.id, creatorId: e.creatorId, personId: e.ownerId ?? campaign.ownerId ?? null,
      });
    }
  }
  for (const p of input.posts) {
    if (p.kind !== 'post' || p.deletedAt || !p.postedAt) continue;
    const campaign = p.campaignId ? campaigns.get(p.campaignId) : undefined;
    if (p.campaignId && !campaign) continue;
    items.push({
      id: `post-${p.id}`, kind: 'post', date: localDate(p.postedAt, timeZone), title: `${input.creatorName(p.creatorId)} posted${p.platform ? ` on ${platformName(p.platform)}` : ''}`,
      detail: campaign?.name ?? 'No campaign', overdue: false, done: true, campaignId: campaign?.id ?? null, creatorId: p.creatorId,
      personId: (p.engagementId ? engagementOwner.get(p.engagementId) : null) ?? campaign?.ownerId ?? null,
    });
  }
  for (const t of input.tasks) {
    if (t.deletedAt || !t.dueAt) continue;
    const date = localDate(t.dueAt, timeZone);
    const done = !!t.doneAt;
    items.push({
      id: `task-${t.id}`, kind: 'task', date, title: t.title, detail: 'Task', overdue: isOverdue(date, done, today), done,
      campaignId: t.campaignId ?? null, creatorId: t.creatorId ?? null, personId: t.assigneeId ?? null,
    });
  }
  return items.sort(compareItems);
}

const kindOrder: Record<CalendarItemKind, number> = { 'campaign-start': 0, 'campaign-end': 1, deliverable: 2, task: 3, post: 4 };

export function compareItems(a: CalendarItem, b: CalendarItem): number {
  return a.date.localeCompare(b.date) || Number(b.overdue) - Number(a.overdue) || kindOrder[a.kind] - kindOrder[b.kind] || a.title.localeCompare(b.title);
}

/** Items per day between two dates (inclusive). */
export function itemsByDay(items: readonly CalendarItem[], from: IsoDate, to: IsoDate): Map<IsoDate, CalendarItem[]> {
  const out = new Map<IsoDate, CalendarItem[]>();
  for (const item of items) {
    if (item.date < from || item.date > to) continue;
    out.set(item.date, [...(out.get(item.date) ?? []), item]);
  }
  return out;
}

/**
 * One teammate's week: what they answer for from Monday to Sunday, and
 * everything of theirs still overdue from before, so nothing late drops
 * off the screen when the week turns.
 */
export function myWeek(items: readonly CalendarItem[], personId: string, anyDayOfWeek: IsoDate): { overdueBefore: CalendarItem[]; days: { date: IsoDate; items: CalendarItem[] }[] } {
  const days = weekDays(anyDayOfWeek);
  const mine = items.filter((i) => i.personId === personId);
  return {
    overdueBefore: mine.filter((i) => i.overdue && i.date < days[0]),
    days: days.map((date) => ({ date, items: mine.filter((i) => i.date === date) })),
  };
}

const platformNames: Record<string, string> = { instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube', x: 'X', twitch: 'Twitch', pinterest: 'Pinterest', linkedin: 'LinkedIn', facebook: 'Facebook', threads: 'Threads', snapchat: 'Snapchat', blog: 'the blog', other: 'another platform' };

function platformName(platform: string): string {
  return platformNames[platform] ?? platform;
}
