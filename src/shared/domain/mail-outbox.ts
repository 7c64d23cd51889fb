import type { StoreOperation } from '../data/store';
import { activityRecord, type Actor } from './activities';
import { addDays, instantAt, todayIn, type IsoDate } from './dates';

/**
 * The outbox's messages as the screens see them. The outbox itself lives on
 * this computer (src/main/services/mail/outbox.ts); what goes to the team is
 * only the timeline line each sent message becomes (`sentMailActivity`).
 */
export type OutboxStatus = 'queued' | 'held' | 'sending' | 'sent' | 'failed' | 'cancelled';

export interface OutboxDraft {
  to: string;
  subject: string;
  text: string;
  creatorId: string | null;
  campaignId?: string | null;
  engagementId?: string | null;
}

export interface OutboxMessage extends OutboxDraft {
  id: string;
  /** Given when queued and kept through every retry: the one thing that tells two sends of it apart from one. */
  messageId: string;
  from: string;
  mailboxId: string;
  status: OutboxStatus;
  /** Not before this instant. */
  sendAt: string;
  /** Messages per minute for its batch; null: as fast as the server takes them. */
  perMinute: number | null;
  queuedAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  /** The last attempt may have reached the server (the connection dropped mid-send, or the app stopped): look before sending again. */
  uncertain: boolean;
  failure: string | null;
  sentAt: string | null;
  /** The timeline line for it has been written to the workspace. */
  logged: boolean;
  /** Who queued it (the timeline's author). */
  actor: Actor | null;
}

/** What may still be changed: only what has not gone (or started going). */
export function canChange(message: Pick<OutboxMessage, 'status'>): boolean {
  return message.status === 'queued' || message.status === 'held' || message.status === 'failed';
}

/**
 * The next `hour`:00 in the creator's time zone at or after `now` ("send at
 * 9:00 their time"): today's if it is still ahead, else tomorrow's.
 */
export function nextLocalHour(now: Date, hour: number, timeZone: string): string {
  const today: IsoDate = todayIn(timeZone, now);
  const todays = instantAt(today, hour, timeZone);
  return Date.parse(todays) >= now.getTime() ? todays : instantAt(addDays(today, 1), hour, timeZone);
}

/** A new Message-ID, unique across teammates and retries, in the sending mailbox's domain. */
export function newMessageId(id: string, fromAddress: string): string {
  const domain = fromAddress.split('@')[1] || 'fanfare.invalid';
  return `<${id}@${domain}>`;
}

/** The creator's timeline line for a message that went out: one `activities` create. */
export function sentMailActivity(message: Pick<OutboxMessage, 'messageId' | 'to' | 'subject' | 'text' | 'creatorId' | 'campaignId' | 'engagementId' | 'sentAt' | 'from' | 'actor'>, activityId: string): StoreOperation {
  if (!message.sentAt) throw new Error('Only a sent message goes on the timeline.');
  return activityRecord(
    {
      kind: 'outreach',
      channel: 'email',
      title: `Email sent: ${message.subject || '(no subject)'}`.slice(0, 300),
      body: message.text.slice(0, 10_000),
      at: message.sentAt,
      actorId: message.actor?.id ?? null,
      creatorId: message.creatorId,
      campaignId: message.campaignId ?? null,
      engagementId: message.engagementId ?? null,
      // The Message-ID lets a reply (In-Reply-To / References) find this line and its creator later.
      data: { messageId: message.messageId, to: message.to, from: message.from, via: 'mailbox' },
    },
    activityId,
  );
}
