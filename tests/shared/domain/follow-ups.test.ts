import { describe, expect, it } from 'vitest';
import { addBusinessDays, answerOf, calendarDateIn, followUpQueue, planFollowUp, replyRates, stepOnContact, type FollowUpRule } from '../../../src/shared/domain/follow-ups';

const rule: FollowUpRule = { afterDays: 3, maxFollowUps: 2, businessDays: false, timeZone: 'UTC' };
const contacted = (at: string, followUpsSent = 0) => ({ lastContactedAt: at, repliedAt: null, declinedAt: null, followUpsSent });

describe('planFollowUp', () => {
  it('is due the given number of days after the last contact, and overdue after', () => {
    const s = contacted('2026-11-02T10:00:00Z');
    expect(planFollowUp(s, rule, '2026-11-04T23:00:00Z')).toMatchObject({ status: 'waiting', dueOn: '2026-11-05', nextNumber: 1 });
    expect(planFollowUp(s, rule, '2026-11-05T00:30:00Z')).toMatchObject({ status: 'due', overdueDays: 0 });
    expect(planFollowUp(s, rule, '2026-11-08T12:00:00Z')).toMatchObject({ status: 'due', overdueDays: 3 });
  });

  it('counts business days: Friday + 3 is Wednesday, and a weekend contact counts from Monday', () => {
    expect(addBusinessDays('2026-11-06', 3)).toBe('2026-11-11');
    expect(addBusinessDays('2026-11-07', 1)).toBe('2026-11-09');
    expect(planFollowUp(contacted('2026-11-06T15:00:00Z'), { ...rule, businessDays: true }, '2026-11-10T12:00:00Z').status).toBe('waiting');
    expect(planFollowUp(contacted('2026-11-06T15:00:00Z'), { ...rule, businessDays: true }, '2026-11-11T08:00:00Z').status).toBe('due');
  });

  it('uses the team’s time zone for “today” and for the day of the contact', () => {
    // 23:30 UTC on Thursday is already Friday in Warsaw.
    expect(calendarDateIn('2026-11-05T23:30:00Z', 'Europe/Warsaw')).toBe('2026-11-06');
    const s = contacted('2026-11-05T23:30:00Z');
    expect(planFollowUp(s, rule, '2026-11-08T23:30:00Z').dueOn).toBe('2026-11-08');
    expect(planFollowUp(s, { ...rule, timeZone: 'Europe/Warsaw' }, '2026-11-08T23:30:00Z')).toMatchObject({ dueOn: '2026-11-09', status: 'due' });
    expect(planFollowUp(s, { ...rule, timeZone: 'America/Los_Angeles' }, '2026-11-08T07:00:00Z')).toMatchObject({ dueOn: '2026-11-08', status: 'waiting' });
    // An unknown zone is read as UTC rather than failing the whole queue.
    expect(planFollowUp(s, { ...rule, timeZone: 'Mars/Olympus' }, '2026-11-08T12:00:00Z').dueOn).toBe('2026-11-08');
  });

  it('stops when the creator replied or declined, when never contacted, and after the last follow-up', () => {
    expect(planFollowUp({ ...contacted('2026-11-01T00:00:00Z'), repliedAt: '2026-11-02T00:00:00Z' }, rule, '2026-12-01T00:00:00Z').status).toBe('replied');
    expect(planFollowUp({ ...contacted('2026-11-01T00:00:00Z'), declinedAt: '2026-11-02T00:00:00Z' }, rule, '2026-12-01T00:00:00Z').status).toBe('declined');
    expect(planFollowUp({ ...contacted('2026-11-01T00:00:00Z'), lastContactedAt: null }, rule, '2026-12-01T00:00:00Z').status).toBe('not-contacted');
    expect(planFollowUp(contacted('2026-11-01T00:00:00Z', 1), rule, '2026-12-01T00:00:00Z')).toMatchObject({ status: 'due', nextNumber: 2 });
    expect(planFollowUp(contacted('2026-11-01T00:00:00Z', 2), rule, '2026-12-01T00:00:00Z').status).toBe('exhausted');
    expect(planFollowUp(contacted('2026-11-01T00:00:00Z', 0), { ...rule, maxFollowUps: 0 }, '2026-12-01T00:00:00Z').status).toBe('exhausted');
  });
});

describe('who has answered', () => {
  const now = '2026-12-01T00:00:00Z';
  const offer = (by: 'brand' | 'creator', at: string, more: { acceptedAt?: string | null; withdrawnAt?: string | null } = {}) => ({ by, at, acceptedAt: null, withdrawnAt: null, ...more });

  it('takes a creator with a returned opt-in out of “hasn’t replied”, even with no reply logged', () => {
    const optedIn = { ...contacted('2026-11-01T00:00:00Z'), optIn: { addressConfirmedAt: '2026-11-03T08:00:00Z', agreedAt: '2026-11-03T07:00:00Z' } };
    expect(answerOf(optedIn)).toEqual({ how: 'opt-in', at: '2026-11-03T07:00:00Z' });
    expect(planFollowUp(optedIn, rule, now).status).toBe('replied');
    expect(followUpQueue([{ ...optedIn, name: 'Maya' }, { ...contacted('2026-11-01T00:00:00Z'), name: 'Noor' }], rule, now).map((q) => q.subject.name)).toEqual(['Noor']);
  });

  it('counts their counter-offer or an accepted offer as an answer, but not our own offer or a withdrawn one', () => {
    const base = contacted('2026-11-01T00:00:00Z');
    expect(planFollowUp({ ...base, offers: [offer('brand', '2026-11-02T00:00:00Z')] }, rule, now).status).toBe('due');
    expect(planFollowUp({ ...base, offers: [offer('brand', '2026-11-02T00:00:00Z', { acceptedAt: '2026-11-04T00:00:00Z' })] }, rule, now).status).toBe('replied');
    expect(answerOf({ ...base, offers: [offer('brand', '2026-11-02T00:00:00Z'), offer('creator', '2026-11-05T00:00:00Z')] })).toEqual({ how: 'offer', at: '2026-11-05T00:00:00Z' });
    expect(planFollowUp({ ...base, offers: [offer('creator', '2026-11-05T00:00:00Z', { withdrawnAt: '2026-11-06T00:00:00Z' })] }, rule, now).status).toBe('due');
  });

  it('a logged reply wins and an empty record has no answer', () => {
    expect(answerOf({ repliedAt: '2026-11-02T00:00:00Z', optIn: null })).toEqual({ how: 'reply', at: '2026-11-02T00:00:00Z' });
    expect(answerOf({ repliedAt: null, optIn: null, offers: [] })).toBeNull();
  });
});

describe('followUpQueue', () => {
  it('lists only who is due, most overdue first', () => {
    const queue = followUpQueue([
      { name: 'Bea', ...contacted('2026-11-04T09:00:00Z') },
      { name: 'Ana', ...contacted('2026-11-01T09:00:00Z') },
      { name: 'Cy', ...contacted('2026-11-06T09:00:00Z') },
      { name: 'Di', ...contacted('2026-11-01T09:00:00Z'), repliedAt: '2026-11-02T09:00:00Z' },
    ], rule, '2026-11-07T12:00:00Z');
    expect(queue.map((q) => q.subject.name)).toEqual(['Ana', 'Bea']);
    expect(queue[0].plan.overdueDays).toBe(3);
  });
});

describe('replyRates', () => {
  it('is replies over creators contacted with the template, each creator once, replies before the send not counted', () => {
    const sends = [
      { kind: 'outreach', engagementId: 'e1', at: '2026-11-01T09:00:00Z', data: { templateId: 't1' } },
      { kind: 'follow-up', engagementId: 'e1', at: '2026-11-04T09:00:00Z', data: { templateId: 't1' } },
      { kind: 'outreach', engagementId: 'e2', at: '2026-11-01T09:00:00Z', data: { templateId: 't1' } },
      { kind: 'outreach', engagementId: 'e3', at: '2026-11-01T09:00:00Z', data: { templateId: 't1' } },
      { kind: 'follow-up', engagementId: 'e2', at: '2026-11-05T09:00:00Z', data: { templateId: 't2' } },
      { kind: 'note', engagementId: 'e3', at: '2026-11-01T09:00:00Z', data: { templateId: 't3' } },
      { kind: 'outreach', engagementId: 'e4', at: '2026-11-01T09:00:00Z', data: {} },
    ];
    const replies = new Map([['e1', '2026-11-05T10:00:00Z'], ['e2', '2026-11-03T10:00:00Z'], ['e3', null]]);
    const rates = replyRates(sends, replies);
    expect(rates.get('t1')).toEqual({ templateId: 't1', contacted: 3, replied: 2, rate: 2 / 3 });
    expect(rates.get('t2')).toEqual({ templateId: 't2', contacted: 1, replied: 0, rate: 0 });
    expect(rates.has('t3')).toBe(false);
  });
});

describe('stepOnContact', () => {
  const steps = ['Shortlisted', 'Contacted', 'Replied', 'Opted in', 'Posted'].map((name, i) => ({ id: name.toLowerCase(), name, position: i + 1 }));
  it('moves forward to Contacted on the first message and to Replied on an answer', () => {
    expect(stepOnContact(steps, 'shortlisted', 'contacted')?.id).toBe('contacted');
    expect(stepOnContact(steps, 'contacted', 'replied')?.id).toBe('replied');
    expect(stepOnContact(steps, 'shortlisted', 'replied')?.id).toBe('replied');
  });
  it('never moves a creator back, and does nothing without such a step', () => {
    expect(stepOnContact(steps, 'posted', 'contacted')).toBeNull();
    expect(stepOnContact(steps, 'opted in', 'replied')).toBeNull();
    expect(stepOnContact(steps.filter((s) => s.id !== 'contacted'), 'shortlisted', 'contacted')).toBeNull();
  });
});
