import { describe, expect, it } from 'vitest';
import {
  calendarItems, deliveredCounts, isoWeekNumber, isOverdue, itemsByDay, monthGrid, myWeek,
  startOfWeek, weekDays, weekdayIndex, type CalendarEngagement, type CalendarPost,
} from '../../../src/shared/domain/calendar';
import { addDays, addMonths, instantAt, localDate, startOfMonth, todayIn } from '../../../src/shared/domain/dates';

describe('calendar dates', () => {
  it('starts weeks on Monday', () => {
    expect(weekdayIndex('2026-11-23')).toBe(0); // a Monday
    expect(weekdayIndex('2026-11-22')).toBe(6); // a Sunday
    expect(startOfWeek('2026-11-22')).toBe('2026-11-16');
    expect(startOfWeek('2026-11-23')).toBe('2026-11-23');
    expect(weekDays('2026-11-25')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
  });

  it('adds days and months across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    // The calendar steps a month view from month start to month start.
    expect(startOfMonth(addMonths('2026-01-31', 1))).toBe('2026-02-01');
    expect(startOfMonth(addMonths('2026-01-15', -1))).toBe('2025-12-01');
  });

  it('lays a month out in whole Monday-to-Sunday weeks', () => {
    const feb = monthGrid('2027-02-10'); // 1 Feb 2027 is a Monday, 28 Feb a Sunday
    expect(feb).toHaveLength(4);
    expect(feb[0][0]).toBe('2027-02-01');
    expect(feb[3][6]).toBe('2027-02-28');
    const nov = monthGrid('2026-11-01'); // 1 Nov 2026 is a Sunday
    expect(nov[0][0]).toBe('2026-10-26');
    expect(nov[0][6]).toBe('2026-11-01');
    expect(nov.at(-1)![6]).toBe('2026-12-06');
    expect(nov).toHaveLength(6);
    for (const week of nov) expect(weekdayIndex(week[0])).toBe(0);
  });

  it('numbers weeks the ISO way', () => {
    expect(isoWeekNumber('2026-01-01')).toBe(1);
    expect(isoWeekNumber('2027-01-01')).toBe(53); // a Friday: still the last week of 2026
    expect(isoWeekNumber('2026-11-23')).toBe(48);
  });

  it('puts an instant on the viewer’s day, by time zone', () => {
    const instant = '2026-11-21T23:30:00.000Z';
    expect(localDate(instant, 'UTC')).toBe('2026-11-21');
    expect(localDate(instant, 'Europe/Warsaw')).toBe('2026-11-22');
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-11-21');
    expect(todayIn('Asia/Tokyo', new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
  });

  it('finds local noon across daylight-saving changes', () => {
    expect(instantAt('2026-07-01', 12, 'Europe/Warsaw')).toBe('2026-07-01T10:00:00.000Z');
    expect(instantAt('2026-01-15', 12, 'Europe/Warsaw')).toBe('2026-01-15T11:00:00.000Z');
    expect(instantAt('2026-03-08', 12, 'America/New_York')).toBe('2026-03-08T16:00:00.000Z'); // the day clocks go forward
    expect(instantAt('2026-11-21', 12, 'UTC')).toBe('2026-11-21T12:00:00.000Z');
  });
});

describe('deliverables and overdue', () => {
  const engagement: CalendarEngagement = {
    id: 'e1', campaignId: 'c1', creatorId: 'cr1', ownerId: 'ana',
    terms: { deliverables: [
      { id: 'd1', platform: 'instagram', format: 'reel', quantity: 1, dueOn: '2026-11-10' },
      { id: 'd2', platform: 'tiktok', format: 'video', quantity: 2, dueOn: '2026-11-18' },
      { id: 'd3', platform: 'instagram', format: 'story', quantity: 1, dueOn: '2026-11-30' },
    ] },
  };
  const post = (id: string, deliverableId: string | null, postedAt: string | null = '2026-11-12T10:00:00Z'): CalendarPost =>
    ({ id, kind: 'post', creatorId: 'cr1', campaignId: 'c1', engagementId: 'e1', deliverableId, postedAt });

  it('counts posts for their deliverable, and loose posts against the earliest due', () => {
    const counts = deliveredCounts(engagement, [post('p1', 'd2'), post('p2', null), post('p3', null), post('p4', null, null), { ...post('p5', null), kind: 'submission' }]);
    expect(Object.fromEntries(counts)).toEqual({ d1: 1, d2: 2, d3: 0 });
  });

  it('is overdue only once the due day has passed, and never when delivered', () => {
    expect(isOverdue('2026-11-20', false, '2026-11-21')).toBe(true);
    expect(isOverdue('2026-11-21', false, '2026-11-21')).toBe(false);
    expect(isOverdue('2026-11-20', true, '2026-11-21')).toBe(false);
  });

  const items = calendarItems({
    campaigns: [
      { id: 'c1', name: 'Spring Glow', kind: 'campaign', startsOn: '2026-11-01', endsOn: '2026-11-30', ownerId: 'ben' },
      { id: 'c2', name: 'Gone', kind: 'campaign', startsOn: '2026-11-02', endsOn: null, deletedAt: '2026-11-03T00:00:00Z' },
    ],
    engagements: [engagement, { ...engagement, id: 'e2', creatorId: 'cr2', declinedAt: '2026-11-01T00:00:00Z' }, { ...engagement, id: 'e3', campaignId: 'c2' }],
    posts: [post('p1', 'd1')],
    tasks: [
      { id: 't1', title: 'Chase the address', dueAt: '2026-11-19T11:00:00Z', doneAt: null, assigneeId: 'ana' },
      { id: 't2', title: 'Send the brief', dueAt: '2026-11-19T11:00:00Z', doneAt: '2026-11-19T12:00:00Z', assigneeId: 'ana' },
      { id: 't3', title: 'No date', dueAt: null, doneAt: null, assigneeId: 'ana' },
    ],
    creatorName: (id) => (id === 'cr1' ? 'Maya' : id),
    today: '2026-11-21',
    timeZone: 'UTC',
  });

  it('puts due dates, posts, campaign dates and tasks on the calendar, with overdue flagged', () => {
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get('due-e1-d1')).toMatchObject({ date: '2026-11-10', done: true, overdue: false, personId: 'ana', campaignId: 'c1', creatorId: 'cr1' });
    expect(byId.get('due-e1-d2')).toMatchObject({ date: '2026-11-18', done: false, overdue: true, title: 'Maya: 2 × video on TikTok', detail: 'Spring Glow' });
    expect(byId.get('due-e1-d3')).toMatchObject({ overdue: false, done: false });
    expect(byId.get('post-p1')).toMatchObject({ kind: 'post', date: '2026-11-12', title: 'Maya posted', personId: 'ana' });
    expect(byId.get('start-c1')).toMatchObject({ date: '2026-11-01', personId: 'ben' });
    expect(byId.get('end-c1')).toMatchObject({ date: '2026-11-30' });
    expect(byId.get('task-t1')).toMatchObject({ overdue: true, personId: 'ana' });
    expect(byId.get('task-t2')).toMatchObject({ overdue: false, done: true });
    // Declined creators, deleted campaigns and undated tasks stay off.
    expect(items.some((i) => i.id.includes('e2') || i.id.includes('e3') || i.id.includes('c2') || i.id === 'task-t3')).toBe(false);
    // Sorted by day.
    expect(items.map((i) => i.date)).toEqual([...items.map((i) => i.date)].sort());
  });

  it('groups by day and builds one teammate’s week with what is still late from before', () => {
    const days = itemsByDay(items, '2026-11-16', '2026-11-22');
    expect(days.get('2026-11-18')!.map((i) => i.id)).toEqual(['due-e1-d2']);
    expect(days.has('2026-11-10')).toBe(false);
    const week = myWeek(items, 'ana', '2026-12-02');
    expect(week.days.map((d) => d.date)[0]).toBe('2026-11-30');
    expect(week.overdueBefore.map((i) => i.id).sort()).toEqual(['due-e1-d2', 'task-t1']);
    expect(week.days.flatMap((d) => d.items).map((i) => i.id)).toEqual(['due-e1-d3']);
    expect(myWeek(items, 'ben', '2026-12-02').days.flatMap((d) => d.items).map((i) => i.id)).toEqual(['end-c1']);
  });
});
