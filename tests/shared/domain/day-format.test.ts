import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../src/shared/domain/day-format';
import { formatLongDate, formatShortDate } from '../../../src/shared/domain/usage-rights';

const lateDecember = new Date('2026-12-30T12:00:00Z');
const earlyJanuary = new Date('2027-01-02T12:00:00Z');

describe('formatDay', () => {
  it('names the year only outside the current year', () => {
    expect(formatDay('2026-12-05', { locale: 'en-GB', now: lateDecember })).toBe('5 Dec');
    expect(formatDay('2027-12-05', { locale: 'en-GB', now: lateDecember })).toBe('5 Dec 2027');
    expect(formatDay('2025-12-05', { locale: 'en-GB', now: lateDecember })).toBe('5 Dec 2025');
  });

  it('moves with "now" across a year boundary', () => {
    expect(formatDay('2027-01-05', { locale: 'en-GB', now: lateDecember })).toBe('5 Jan 2027');
    expect(formatDay('2027-01-05', { locale: 'en-GB', now: earlyJanuary })).toBe('5 Jan');
    expect(formatDay('2026-12-31', { locale: 'en-GB', now: earlyJanuary })).toBe('31 Dec 2026');
  });

  it('shows an instant as the day it is where the person is, with that year', () => {
    const newYearInTokyo = '2026-12-31T20:00:00Z';
    expect(formatDay(newYearInTokyo, { locale: 'en-GB', now: lateDecember, timeZone: 'UTC' })).toBe('31 Dec');
    expect(formatDay(newYearInTokyo, { locale: 'en-GB', now: lateDecember, timeZone: 'Asia/Tokyo' })).toBe('1 Jan 2027');
  });

  it('keeps a calendar date on its own day in every time zone', () => {
    expect(formatDay('2027-01-01', { locale: 'en-GB', now: earlyJanuary, timeZone: 'Pacific/Honolulu' })).toBe('1 Jan');
    expect(formatDay('2027-01-01', { locale: 'en-GB', now: earlyJanuary, timeZone: 'Pacific/Kiritimati' })).toBe('1 Jan');
  });

  it('always names the year when asked, and a weekday', () => {
    expect(formatDay('2026-12-05', { locale: 'en-GB', now: lateDecember, year: 'always' })).toBe('5 Dec 2026');
    expect(formatDay('2026-12-05', { locale: 'en-GB', now: lateDecember, weekday: true })).toBe('Sat 5 Dec');
  });

  it('returns nothing for what is not a date', () => {
    expect(formatDay('not a date')).toBe('');
  });
});

describe('the rights formatters', () => {
  it('say the year of a right ending next year', () => {
    expect(formatShortDate('2027-12-05', 'en-GB', '2026-11-21')).toBe('5 Dec 2027');
    expect(formatShortDate('2026-12-05', 'en-GB', '2026-11-21')).toBe('5 Dec');
    expect(formatLongDate('2026-12-05')).toBe('5 Dec 2026');
  });
});
