import { describe, expect, test } from 'vitest';
import { canChange, newMessageId, nextLocalHour, sentMailActivity } from '../../src/shared/domain/mail-outbox';
import { activities } from '../../src/shared/data/schemas/activities';

const sent = {
  messageId: '<m1@fanfare.test>', to: 'ana@creators.test', from: 'brand@fanfare.test', subject: 'Summer launch', text: 'Hi Ana',
  creatorId: 'cr-1', campaignId: 'ca-1', engagementId: null, sentAt: '2026-12-07T09:00:00.000Z', actor: { id: 'p-1', name: 'Priya' },
};

describe('sentMailActivity', () => {
  test('is one outreach email line on the creator’s timeline, carrying the Message-ID', () => {
    const op = sentMailActivity(sent, 'act-1');
    expect(op).toMatchObject({ kind: 'create', collection: 'activities', id: 'act-1' });
    if (op.kind !== 'create') throw new Error('expected a create');
    const record = activities.fields.parse(op.input);
    expect(record).toMatchObject({ kind: 'outreach', channel: 'email', title: 'Email sent: Summer launch', body: 'Hi Ana', at: sent.sentAt, creatorId: 'cr-1', campaignId: 'ca-1', actorId: 'p-1' });
    expect(record.data).toMatchObject({ messageId: '<m1@fanfare.test>', to: 'ana@creators.test' });
  });

  test('refuses a message that has not gone', () => {
    expect(() => sentMailActivity({ ...sent, sentAt: null }, 'act-1')).toThrow(/Only a sent message/);
  });
});

describe('nextLocalHour', () => {
  test('9:00 in New York is 14:00 UTC in December, today when still ahead', () => {
    expect(nextLocalHour(new Date('2026-12-07T12:00:00Z'), 9, 'America/New_York')).toBe('2026-12-07T14:00:00.000Z');
  });
  test('tomorrow once today’s 9:00 has passed', () => {
    expect(nextLocalHour(new Date('2026-12-07T15:00:00Z'), 9, 'America/New_York')).toBe('2026-12-08T14:00:00.000Z');
  });
  test('across a clock change (Berlin, last Sunday of March)', () => {
    expect(nextLocalHour(new Date('2026-03-28T10:00:00Z'), 9, 'Europe/Berlin')).toBe('2026-03-29T07:00:00.000Z');
  });
});

test('Message-IDs are in the sender’s domain', () => {
  expect(newMessageId('abc', 'brand@fanfare.test')).toBe('<abc@fanfare.test>');
});

test('only what has not gone can change', () => {
  expect(['queued', 'held', 'failed'].map((status) => canChange({ status: status as 'queued' }))).toEqual([true, true, true]);
  expect(['sending', 'sent', 'cancelled'].map((status) => canChange({ status: status as 'sent' }))).toEqual([false, false, false]);
});
