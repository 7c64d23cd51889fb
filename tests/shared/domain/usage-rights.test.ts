import { describe, expect, it } from 'vitest';
import {
  chosenEnd, dueRenewalAlerts, endFromDuration, isPaidChannel, renewalTaskId, rightStatus, rightsBadge, type RightLike,
} from '../../../src/shared/domain/usage-rights';
import { addMonths, daysBetween, localToday } from '../../../src/shared/domain/dates';

const right = (over: Partial<RightLike> = {}): RightLike => ({ id: 'r1', channels: ['paid-social-meta'], paidUse: false, startsOn: '2026-01-01', endsOn: '2026-03-12', ...over });

describe('usage-rights dates', () => {
  it('adds months inside the month, across leap days', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2028-02-29', 48)).toBe('2032-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('turns a duration into an inclusive last day', () => {
    expect(endFromDuration('2026-03-01', 12, 'months')).toBe('2027-02-28');
    expect(endFromDuration('2028-02-29', 1, 'years')).toBe('2029-02-27');
    expect(endFromDuration('2026-01-01', 90, 'days')).toBe('2026-03-31');
    expect(endFromDuration('2028-02-01', 29, 'days')).toBe('2028-02-29');
    expect(() => endFromDuration('2026-01-01', 0, 'days')).toThrow();
  });

  it('counts days across a leap day and a DST change without drifting', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    // Europe and the US move clocks in late March / early November; calendar days stay whole.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
  });

  it('takes today from the person’s time zone, not from UTC', () => {
    const instant = new Date('2026-03-12T23:30:00Z');
    expect(localToday(instant, 'UTC')).toBe('2026-03-12');
    expect(localToday(instant, 'Australia/Sydney')).toBe('2026-03-13');
    expect(localToday(instant, 'America/Los_Angeles')).toBe('2026-03-12');
    // So a right ending 12 March has expired in Sydney and is on its last day in Los Angeles at the same instant.
    expect(rightStatus(right(), localToday(instant, 'Australia/Sydney')).state).toBe('expired');
    expect(rightStatus(right(), localToday(instant, 'America/Los_Angeles'))).toMatchObject({ state: 'expiring', daysLeft: 1 });
  });
});

describe('rights status and badge', () => {
  it('is in force through its last day and expired the day after', () => {
    expect(rightStatus(right(), '2026-03-12')).toMatchObject({ state: 'expiring', paidOk: true, daysLeft: 1 });
    expect(rightStatus(right(), '2026-03-13')).toMatchObject({ state: 'expired', paidOk: false });
    expect(rightStatus(right(), '2026-01-15')).toMatchObject({ state: 'active', daysLeft: 57 });
    expect(rightStatus(right(), '2025-12-31').state).toBe('not-started');
    expect(rightStatus(right({ endsOn: null }), '2030-01-01').state).toBe('perpetual');
  });

  it('says paid use only when a paid channel or the paid flag allows it', () => {
    expect(isPaidChannel('paid-social-tiktok')).toBe(true);
    expect(isPaidChannel('organic-social')).toBe(false);
    expect(rightStatus(right({ channels: ['organic-social', 'website'] }), '2026-02-01').paidOk).toBe(false);
    expect(rightStatus(right({ channels: ['organic-social'], paidUse: true }), '2026-02-01').paidOk).toBe(true);
  });

  it('labels the best right in force', () => {
    expect(rightsBadge([right()], '2026-01-02')).toMatchObject({ label: 'Paid use OK until 12 Mar', color: 'teal' });
    expect(rightsBadge([right()], '2026-03-08')).toMatchObject({ label: 'Paid use OK until 12 Mar', color: 'orange' });
    expect(rightsBadge([right()], '2026-02-20').color).toBe('yellow');
    expect(rightsBadge([right()], '2026-03-13')).toMatchObject({ label: 'Expired', color: 'red' });
    expect(rightsBadge([], '2026-03-13')).toMatchObject({ label: 'No usage rights' });
    expect(rightsBadge([right({ deletedAt: '2026-01-01T00:00:00Z' })], '2026-02-01').label).toBe('No usage rights');
    // Paid beats organic even when organic lasts longer.
    const organic = right({ id: 'r2', channels: ['organic-social'], endsOn: '2027-01-01' });
    expect(rightsBadge([organic, right()], '2026-02-01').label).toBe('Paid use OK until 12 Mar');
    // Next year's 1 January says its year: "until 1 Jan" would read as long expired.
    expect(rightsBadge([organic, right()], '2026-04-01').label).toBe('Organic use only until 1 Jan 2027');
    expect(rightsBadge([organic], '2027-01-01').label).toBe('Organic use only until 1 Jan');
    expect(rightsBadge([right({ startsOn: '2026-06-01', endsOn: null })], '2026-04-01').label).toBe('Starts 1 Jun');
    expect(rightsBadge([right({ endsOn: null })], '2026-04-01').label).toBe('Paid use OK · no end date');
  });

  it('handles a right that ends on a leap day', () => {
    const leap = right({ startsOn: '2028-01-01', endsOn: '2028-02-29' });
    expect(rightStatus(leap, '2028-02-29')).toMatchObject({ state: 'expiring', daysLeft: 1 });
    expect(rightStatus(leap, '2028-03-01').state).toBe('expired');
    expect(rightsBadge([leap], '2028-02-01').label).toBe('Paid use OK until 29 Feb');
  });
});

describe('renewal alerts', () => {
  const none = new Set<string>();
  it('raises 30, 14 and 7 days before the end, once each', () => {
    const r = right({ endsOn: '2026-06-30' });
    expect(dueRenewalAlerts([r], none, '2026-05-31')).toEqual([]);
    const at30 = dueRenewalAlerts([r], none, '2026-06-01');
    expect(at30).toMatchObject([{ threshold: 30, daysLeft: 30, taskId: renewalTaskId('r1', 30) }]);
    expect(dueRenewalAlerts([r], new Set([at30[0].taskId]), '2026-06-10')).toEqual([]);
    expect(dueRenewalAlerts([r], new Set([at30[0].taskId]), '2026-06-17')).toMatchObject([{ threshold: 14, daysLeft: 14 }]);
    expect(dueRenewalAlerts([r], new Set([renewalTaskId('r1', 30), renewalTaskId('r1', 14)]), '2026-06-24')).toMatchObject([{ threshold: 7 }]);
    expect(dueRenewalAlerts([r], new Set([renewalTaskId('r1', 7)]), '2026-06-29')).toEqual([]);
  });

  it('raises only the tightest alert for a right recorded late, and none once expired or without an end', () => {
    const r = right({ endsOn: '2026-06-30' });
    expect(dueRenewalAlerts([r], none, '2026-06-21')).toMatchObject([{ threshold: 14, daysLeft: 10 }]);
    expect(dueRenewalAlerts([r], none, '2026-07-01')).toEqual([]);
    expect(dueRenewalAlerts([right({ endsOn: null })], none, '2026-07-01')).toEqual([]);
    expect(dueRenewalAlerts([right({ deletedAt: '2026-01-01T00:00:00Z', endsOn: '2026-06-30' })], none, '2026-06-29')).toEqual([]);
  });

  it('counts across a leap day', () => {
    const r = right({ startsOn: '2028-01-01', endsOn: '2028-03-06' });
    // 22 Feb to 6 Mar is 14 days including both in 2028 (29 Feb), 13 in 2027.
    expect(dueRenewalAlerts([r], new Set([renewalTaskId('r1', 30)]), '2028-02-22')).toMatchObject([{ threshold: 14, daysLeft: 14 }]);
    const plain = right({ startsOn: '2027-01-01', endsOn: '2027-03-06' });
    expect(dueRenewalAlerts([plain], new Set([renewalTaskId('r1', 30)]), '2027-02-22')).toMatchObject([{ threshold: 14, daysLeft: 13 }]);
  });
});

describe('the end a person chose', () => {
  it('refuses "On a date" with no date instead of storing a right with no end', () => {
    expect(chosenEnd({ mode: 'date', endsOn: null }, '2026-01-01')).toEqual({ ok: false, field: 'endsOn', reason: 'Choose the end date, or choose No end date' });
    expect(chosenEnd({ mode: 'date', endsOn: '' }, '2026-01-01')).toMatchObject({ ok: false, field: 'endsOn' });
  });

  it('keeps no end date only when the person said so', () => {
    expect(chosenEnd({ mode: 'none' }, '2026-01-01')).toEqual({ ok: true, endsOn: null });
    expect(chosenEnd({ mode: 'date', endsOn: '2027-12-05' }, '2026-01-01')).toEqual({ ok: true, endsOn: '2027-12-05' });
  });

  it('counts a duration from the start, and refuses what cannot be counted', () => {
    expect(chosenEnd({ mode: 'duration', amount: 12, unit: 'months' }, '2026-03-01')).toEqual({ ok: true, endsOn: '2027-02-28' });
    expect(chosenEnd({ mode: 'duration', amount: null, unit: 'months' }, '2026-03-01')).toMatchObject({ ok: false, field: 'duration' });
    expect(chosenEnd({ mode: 'duration', amount: 12, unit: 'months' }, null)).toMatchObject({ ok: false, field: 'startsOn' });
    expect(chosenEnd({ mode: 'date', endsOn: '2025-12-31' }, '2026-01-01')).toMatchObject({ ok: false, reason: 'The last day of use is before the first' });
  });
});
