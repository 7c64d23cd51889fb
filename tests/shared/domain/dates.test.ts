import { describe, expect, it } from 'vitest';
import {
  addDays, addMonths, daysBetween, daysInMonth, endOfMonth, instantAt, isValidTimeZone, localDate, startOfMonth, todayIn, utcWeekday,
} from '../../../src/shared/domain/dates';

describe('calendar dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // across Europe's clock change, still whole days
  });

  it('counts whole days from one date to another, negative when the second is earlier', () => {
    expect(daysBetween('2026-01-01', '2026-03-12')).toBe(70);
    expect(daysBetween('2026-03-12', '2026-01-01')).toBe(-70);
    expect(daysBetween('2026-03-29', '2026-03-30')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('refuses text that is not a calendar date instead of counting NaN days', () => {
    expect(() => daysBetween('soon', '2026-01-01')).toThrow('Not a calendar date: soon');
    expect(() => addDays('2026-1-5', 1)).toThrow('Not a calendar date');
    expect(() => addMonths('next month', 1)).toThrow('Not a calendar date');
  });

  it('adds months keeping the day, or the month’s last day when it is shorter', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-05-31', 1)).toBe('2026-06-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(startOfMonth(addMonths('2026-01-31', 1))).toBe('2026-02-01');
  });

  it('knows month lengths, starts and ends', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(startOfMonth('2026-07-19')).toBe('2026-07-01');
    expect(endOfMonth('2026-04-03')).toBe('2026-04-30');
    expect(endOfMonth('2028-02-03')).toBe('2028-02-29');
  });

  it('names the weekday as Date does (0 for Sunday)', () => {
    expect(utcWeekday('2026-11-22')).toBe(0);
    expect(utcWeekday('2026-11-23')).toBe(1);
  });
});

describe('instants and time zones', () => {
  it('gives the calendar date where the viewer is', () => {
    expect(localDate('2026-03-05T03:30:00Z', 'America/New_York')).toBe('2026-03-04');
    expect(localDate('2026-03-05T23:30:00Z', 'Asia/Tokyo')).toBe('2026-03-06');
    expect(localDate('2026-03-05T18:45:00Z', 'Asia/Kolkata')).toBe('2026-03-06'); // a half-hour zone
    expect(localDate(new Date('2026-03-05T03:30:00Z'), 'Europe/Warsaw')).toBe('2026-03-05');
    expect(localDate('2026-03-05T23:59:59Z')).toBe('2026-03-05');
  });

  it('follows daylight saving on both sides of the change', () => {
    // New York moves to UTC−4 at 07:00 UTC on 8 March 2026.
    expect(localDate('2026-03-08T04:30:00Z', 'America/New_York')).toBe('2026-03-07');
    expect(localDate('2026-03-09T03:30:00Z', 'America/New_York')).toBe('2026-03-08');
  });

  it('refuses an instant that is not one', () => {
    expect(() => localDate('yesterday-ish', 'UTC')).toThrow('Not a date and time: yesterday-ish');
  });

  it('tells a real time zone from a typo', () => {
    expect(isValidTimeZone('Europe/Warsaw')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Warszawa')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('finds the instant of an hour on a day in a zone, daylight saving included', () => {
    expect(instantAt('2026-07-01', 9, 'Europe/Warsaw')).toBe('2026-07-01T07:00:00.000Z');
    expect(instantAt('2026-01-15', 9, 'Europe/Warsaw')).toBe('2026-01-15T08:00:00.000Z');
    expect(instantAt('2026-03-08', 12, 'America/New_York')).toBe('2026-03-08T16:00:00.000Z');
  });

  it('gives today in a zone', () => {
    expect(todayIn('Pacific/Auckland', new Date('2026-06-30T13:00:00Z'))).toBe('2026-07-01');
  });
});
