import { describe, expect, it } from 'vitest';
import {
  bucketKey, bucketsIn, comparisonPeriod, isoWeek, presetPeriod, startOfIsoWeek, wholeMonths,
} from '../../../src/shared/reports/periods';
import { addMonths, daysInMonth, endOfMonth, localDate } from '../../../src/shared/domain/dates';

describe('ISO weeks', () => {
  it('puts the last days of December in week 1 of the next year when that week holds its Thursday', () => {
    expect(isoWeek('2025-12-29')).toEqual({ year: 2026, week: 1 });
    expect(isoWeek('2026-01-01')).toEqual({ year: 2026, week: 1 });
    expect(bucketKey('2025-12-31', 'week')).toBe('2026-W01');
  });
  it('puts the first days of January in week 52 or 53 of the year before', () => {
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2023-01-01')).toEqual({ year: 2022, week: 52 });
  });
  it('starts weeks on Monday', () => {
    expect(startOfIsoWeek('2026-11-01')).toBe('2026-10-26'); // a Sunday
    expect(startOfIsoWeek('2026-10-26')).toBe('2026-10-26');
  });
  it('lists the weeks of a range across the year end, each whole', () => {
    const weeks = bucketsIn({ start: '2026-12-20', end: '2027-01-10' }, 'week');
    expect(weeks.map((w) => w.key)).toEqual(['2026-W51', '2026-W52', '2026-W53', '2027-W01']);
    expect(weeks[0].period).toEqual({ start: '2026-12-14', end: '2026-12-20' });
    expect(weeks[3].period).toEqual({ start: '2027-01-04', end: '2027-01-10' });
  });
});

describe('months', () => {
  it('knows month lengths, leap years included', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(endOfMonth('2026-04-10')).toBe('2026-04-30');
  });
  it('adds months keeping the day where it exists, else the last day', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });
  it('lists the months of a range', () => {
    expect(bucketsIn({ start: '2026-01-15', end: '2026-03-01' }, 'month').map((m) => [m.key, m.period.end, m.label]))
      .toEqual([['2026-01', '2026-01-31', 'Jan 2026'], ['2026-02', '2026-02-28', 'Feb 2026'], ['2026-03', '2026-03-31', 'Mar 2026']]);
    expect(bucketsIn({ start: '2026-03-01', end: '2026-01-01' }, 'month')).toEqual([]);
  });
});

describe('comparison periods', () => {
  it('compares a month with the month before, whatever their lengths', () => {
    expect(comparisonPeriod({ start: '2026-03-01', end: '2026-03-31' }, 'previous')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(comparisonPeriod({ start: '2026-02-01', end: '2026-02-28' }, 'previous')).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(comparisonPeriod({ start: '2026-01-01', end: '2026-01-31' }, 'previous')).toEqual({ start: '2025-12-01', end: '2025-12-31' });
    expect(comparisonPeriod({ start: '2026-04-01', end: '2026-06-30' }, 'previous')).toEqual({ start: '2026-01-01', end: '2026-03-31' });
  });
  it('compares any other span with the same number of days just before', () => {
    expect(comparisonPeriod({ start: '2026-01-05', end: '2026-01-11' }, 'previous')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(comparisonPeriod({ start: '2026-03-10', end: '2026-03-10' }, 'previous')).toEqual({ start: '2026-03-09', end: '2026-03-09' });
  });
  it('compares with the same dates last year, 29 February included', () => {
    expect(comparisonPeriod({ start: '2026-11-01', end: '2026-11-30' }, 'last-year')).toEqual({ start: '2025-11-01', end: '2025-11-30' });
    expect(comparisonPeriod({ start: '2025-02-01', end: '2025-02-28' }, 'last-year')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(comparisonPeriod({ start: '2024-02-29', end: '2024-03-05' }, 'last-year')).toEqual({ start: '2023-02-28', end: '2023-03-05' });
  });
  it('recognises whole-month periods', () => {
    expect(wholeMonths({ start: '2026-01-01', end: '2026-03-31' })).toBe(3);
    expect(wholeMonths({ start: '2026-01-02', end: '2026-03-31' })).toBeNull();
    expect(wholeMonths({ start: '2026-02-01', end: '2026-02-27' })).toBeNull();
  });
  it('turns presets into periods', () => {
    expect(presetPeriod('last-month', '2026-03-31')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(presetPeriod('last-week', '2026-01-01')).toEqual({ start: '2025-12-22', end: '2025-12-28' });
    expect(presetPeriod('this-quarter', '2026-11-15')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(presetPeriod('last-30-days', '2026-03-01')).toEqual({ start: '2026-01-31', end: '2026-03-01' });
  });
});

describe('time zones', () => {
  it('counts an instant on the team calendar day, not the UTC one', () => {
    expect(localDate('2026-01-01T03:30:00Z', 'America/New_York')).toBe('2025-12-31');
    expect(localDate('2026-01-01T03:30:00Z')).toBe('2026-01-01');
    expect(localDate('2025-12-31T23:30:00Z', 'Europe/Warsaw')).toBe('2026-01-01');
    expect(localDate('2026-06-30T14:30:00Z', 'Pacific/Kiritimati')).toBe('2026-07-01');
    // An instant with an offset is the same moment: 1 a.m. in Warsaw is still 31 Dec in UTC.
    expect(localDate('2026-01-01T01:00:00+01:00')).toBe('2026-01-01');
    expect(localDate('2026-01-01T00:30:00+01:00')).toBe('2025-12-31');
  });
  it('moves a post across a week and a year when the zone says so', () => {
    const instant = '2027-01-04T02:00:00Z'; // Monday in UTC, still Sunday in Los Angeles
    expect(bucketKey(localDate(instant), 'week')).toBe('2027-W01');
    expect(bucketKey(localDate(instant, 'America/Los_Angeles'), 'week')).toBe('2026-W53');
  });
  it('refuses what is not a date', () => {
    expect(() => localDate('yesterday')).toThrow(/Not a date/);
  });
});
