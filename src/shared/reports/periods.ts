/**
 * Calendar arithmetic for reports. Everything here works on calendar dates
 * (`YYYY-MM-DD`) computed in UTC, so a machine's own time zone never shifts a
 * day; an instant becomes a calendar date only through `localDate` with the
 * team's time zone (a post at 23:30 in New York is that day's post there,
 * even though it is already tomorrow in UTC).
 */
export type Granularity = 'week' | 'month';

/** Inclusive on both ends. */
export interface Period {
  start: string;
  end: string;
}

export type Comparison = 'previous' | 'last-year';

import { addDays, addMonths, daysBetween, endOfMonth, startOfMonth, utcWeekday } from '../domain/dates';

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(date: string): number {
  const day = utcWeekday(date);
  return day === 0 ? 7 : day;
}

/**
 * The ISO 8601 week of a date: weeks start on Monday and week 1 is the one
 * with the year's first Thursday, so 29 December 2025 is in 2026-W01 and
 * 1 January 2027 is in 2026-W53.
 */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

export function startOfIsoWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** "2026-W01" or "2026-03": the key a date's week or month is grouped under. */
const weekKeys = new Map<string, string>();
export function bucketKey(date: string, granularity: Granularity): string {
  if (granularity === 'month') return date.slice(0, 7);
  let key = weekKeys.get(date);
  if (key === undefined) {
    const { year, week } = isoWeek(date);
    key = `${year}-W${String(week).padStart(2, '0')}`;
    if (weekKeys.size < 200_000) weekKeys.set(date, key);
  }
  return key;
}

export function bucketPeriod(date: string, granularity: Granularity): Period {
  if (granularity === 'month') return { start: startOfMonth(date), end: endOfMonth(date) };
  const start = startOfIsoWeek(date);
  return { start, end: addDays(start, 6) };
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** How a bucket is labelled on a chart: "Mar 2026", or "W01 · 29 Dec". */
export function bucketLabel(period: Period, granularity: Granularity): string {
  const [y, m, d] = period.start.split('-').map(Number);
  if (granularity === 'month') return `${monthNames[m - 1]} ${y}`;
  const { week } = isoWeek(period.start);
  return `W${String(week).padStart(2, '0')} · ${d} ${monthNames[m - 1]}`;
}

/** Every week or month touching the range, in order, each whole. */
export function bucketsIn(range: Period, granularity: Granularity): { key: string; period: Period; label: string }[] {
  if (range.end < range.start) return [];
  const out: { key: string; period: Period; label: string }[] = [];
  let cursor = bucketPeriod(range.start, granularity);
  while (cursor.start <= range.end) {
    out.push({ key: bucketKey(cursor.start, granularity), period: cursor, label: bucketLabel(cursor, granularity) });
    cursor = bucketPeriod(addDays(cursor.end, 1), granularity);
  }
  return out;
}

export function periodDays(period: Period): number {
  return daysBetween(period.start, period.end) + 1;
}

export function inPeriod(date: string | null, period: Period): boolean {
  return date != null && date >= period.start && date <= period.end;
}

/** A period made of whole calendar months (1 March – 31 May), which compares month for month. */
export function wholeMonths(period: Period): number | null {
  if (period.start.slice(8) !== '01' || period.end !== endOfMonth(period.end)) return null;
  const [ys, ms] = period.start.split('-').map(Number);
  const [ye, me] = period.end.split('-').map(Number);
  return (ye - ys) * 12 + (me - ms) + 1;
}

/**
 * The period a report compares against. "previous" is the one just before,
 * month for month when the period is whole months (February after March,
 * whatever their lengths), else the same number of days. "last-year" is the
 * same dates a year earlier (29 February becomes 28 February).
 */
export function comparisonPeriod(period: Period, comparison: Comparison): Period {
  if (comparison === 'last-year') {
    const start = addMonths(period.start, -12);
    const months = wholeMonths(period);
    return { start, end: months ? endOfMonth(addMonths(period.end, -12)) : addMonths(period.end, -12) };
  }
  const months = wholeMonths(period);
  if (months) {
    const start = addMonths(period.start, -months);
    return { start, end: addDays(period.start, -1) };
  }
  const days = periodDays(period);
  return { start: addDays(period.start, -days), end: addDays(period.start, -1) };
}

/** Quick picks for the report builder, relative to today (a calendar date in the team's zone). */
export type PresetPeriod = 'this-week' | 'last-week' | 'this-month' | 'last-month' | 'last-30-days' | 'last-90-days' | 'this-quarter' | 'this-year';

export function presetPeriod(preset: PresetPeriod, today: string): Period {
  switch (preset) {
    case 'this-week': return { start: startOfIsoWeek(today), end: addDays(startOfIsoWeek(today), 6) };
    case 'last-week': return { start: addDays(startOfIsoWeek(today), -7), end: addDays(startOfIsoWeek(today), -1) };
    case 'this-month': return { start: startOfMonth(today), end: endOfMonth(today) };
    case 'last-month': {
      const start = addMonths(startOfMonth(today), -1);
      return { start, end: endOfMonth(start) };
    }
    case 'last-30-days': return { start: addDays(today, -29), end: today };
    case 'last-90-days': return { start: addDays(today, -89), end: today };
    case 'this-quarter': {
      const month = Number(today.slice(5, 7));
      const first = addMonths(startOfMonth(today), -((month - 1) % 3));
      return { start: first, end: endOfMonth(addMonths(first, 2)) };
    }
    case 'this-year': return { start: `${today.slice(0, 4)}-01-01`, end: `${today.slice(0, 4)}-12-31` };
  }
}

export function formatPeriod(period: Period): string {
  const fmt = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return `${d} ${monthNames[m - 1]} ${y}`;
  };
  return period.start === period.end ? fmt(period.start) : `${fmt(period.start)} – ${fmt(period.end)}`;
}
