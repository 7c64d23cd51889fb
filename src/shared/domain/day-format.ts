/**
 * The one way a day is shown: "5 Dec" for a day in the current year and
 * "5 Dec 2027" for any other, so a right that ends next December never reads
 * as one that ended last December. Lists, badges, tasks and messages all use
 * it; a place that must always name the year (a contract, an email, a
 * tooltip with the full date) asks for `year: 'always'`.
 */

export interface DayFormat {
  /** A BCP 47 locale; undefined is the person's own. */
  locale?: string;
  /** 'when-needed' (the default) names the year only outside the current year. */
  year?: 'when-needed' | 'always';
  weekday?: boolean;
  /** Month as "Dec" (default) or "December". */
  month?: 'short' | 'long';
  /** What "the current year" is measured from; tests fix it. */
  now?: Date;
  /** Where the person is: decides the day of an instant and the current year. Undefined is the computer's own. */
  timeZone?: string;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function yearIn(date: Date, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone }).format(date);
}

/**
 * A calendar date ("2027-12-05", the same day wherever the team is) or an
 * instant ("2027-12-05T09:30:00Z", shown as the day it is where the person
 * is). Returns '' for anything that is not a date.
 */
export function formatDay(value: string, format: DayFormat = {}): string {
  const calendar = CALENDAR_DATE.test(value);
  // Noon UTC keeps a calendar date on its own day in every locale's formatter.
  const date = new Date(calendar ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return '';
  const zone = calendar ? 'UTC' : format.timeZone;
  const year = calendar ? value.slice(0, 4) : yearIn(date, zone);
  const showYear = format.year === 'always' || year !== yearIn(format.now ?? new Date(), format.timeZone);
  return new Intl.DateTimeFormat(format.locale, {
    day: 'numeric',
    month: format.month ?? 'short',
    ...(showYear ? { year: 'numeric' } : {}),
    ...(format.weekday ? { weekday: 'short' } : {}),
    timeZone: zone,
  }).format(date);
}
