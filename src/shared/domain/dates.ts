/**
 * Calendar dates for the whole app. A calendar date is a `YYYY-MM-DD` string
 * computed in UTC, so a machine's own time zone never shifts a day; an
 * instant becomes a calendar date only through `localDate` with a time zone
 * (a post at 23:30 in New York is that day's post there, even though it is
 * already tomorrow in UTC).
 */

export type IsoDate = string;

const DAY = 86_400_000;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: IsoDate): number {
  const m = datePattern.exec(date);
  if (!m) throw new Error(`Not a calendar date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

// Reports turn every post's instant into a day: the few hundred distinct days are formatted once.
const dayStrings = new Map<number, string>();
function fromUtc(ms: number): IsoDate {
  const day = Math.floor(ms / DAY);
  let text = dayStrings.get(day);
  if (text === undefined) {
    text = new Date(day * DAY).toISOString().slice(0, 10);
    if (dayStrings.size < 200_000) dayStrings.set(day, text);
  }
  return text;
}

/** The weekday of a calendar date as `Date.getUTCDay` counts it: 0 for Sunday … 6 for Saturday. */
export function utcWeekday(date: IsoDate): number {
  return new Date(toUtc(date)).getUTCDay();
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY);
}

/** Whole days from `from` to `to` (to − from); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY);
}

/** Days in a month; `month` counts from 1 (January). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Adds whole months, keeping the day where the month has it and otherwise
 * taking the month's last day: 31 January + 1 month is 28 (or 29) February,
 * and 29 February 2028 + 12 months is 28 February 2029. A usage right of
 * "one month from 31 January" must not run into March.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  toUtc(date);
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function startOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number);
  return `${date.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date of an instant in a time zone (IANA name, e.g.
 * "Europe/Warsaw"); UTC when none is given. An unknown zone throws a
 * RangeError, as Intl does: callers that accept a typed zone check it first
 * with `isValidTimeZone`.
 */
export function localDate(instant: string | Date, timeZone = 'UTC'): IsoDate {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(ms)) throw new Error(`Not a date and time: ${String(instant)}`);
  if (timeZone === 'UTC') return fromUtc(ms);
  return fromUtc(ms + offsetAt(ms, timeZone));
}

/** Today's calendar date where the person is (the machine's zone), or in the given IANA time zone. */
export function localToday(now: Date = new Date(), timeZone?: string): IsoDate {
  return localDate(now, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** Today's calendar date in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  return localDate(now, timeZone);
}

// Asking Intl for every post costs seconds over 50,000 posts; a zone's offset only changes on a
// whole UTC hour (daylight saving), so it is asked once per hour and kept.
const HOUR = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function zoneParts(ms: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { y: out.year, m: out.month, d: out.day, h: out.hour, min: out.minute, s: out.second };
}

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  let byHour = offsets.get(timeZone);
  if (!byHour) offsets.set(timeZone, (byHour = new Map()));
  const hour = Math.floor(ms / HOUR);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const at = hour * HOUR;
    const p = zoneParts(at, timeZone);
    offset = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min) - at;
    byHour.set(hour, offset);
  }
  return offset;
}

/** The instant that is `hour`:00 on `date` in `timeZone` (daylight-saving aware). */
export function instantAt(date: IsoDate, hour: number, timeZone: string): string {
  const guess = toUtc(date) + hour * HOUR;
  // The zone's offset at the guess, then once more in case the guess crossed a clock change.
  let ms = guess;
  for (let i = 0; i < 2; i++) {
    const p = zoneParts(ms, timeZone);
    const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s);
    ms = guess - (asUtc - ms);
  }
  return new Date(ms).toISOString();
}
