import type { touchChannels } from '../data/schemas/activities';
import type { StoreOperation } from '../data/store';
import { activityRecord, type ActivityLine } from './activities';
import { answerOf, stepOnContact, type FollowUpSubject, type PipelineStepRef } from './follow-ups';

/**
 * A touch logged by hand: a DM, a call, a chat at an event, a note. Most
 * conversations with creators happen outside Fanfare, and the follow-up
 * queue is only right if they are on record: a touch from us restarts the
 * follow-up clock, one from them is their answer.
 */
export type TouchChannel = (typeof touchChannels)[number];
export type TouchDirection = 'out' | 'in';

export const touchChannelLabels: Record<TouchChannel, string> = {
  email: 'Email', 'instagram-dm': 'Instagram DM', 'tiktok-dm': 'TikTok DM', 'other-dm': 'DM (other app)', 'text-message': 'Text message',
  phone: 'Phone call', 'video-call': 'Video call', 'in-person': 'In person', note: 'Note',
};

const titles: Record<Exclude<TouchChannel, 'note'>, Record<TouchDirection, string>> = {
  email: { out: 'Emailed them', in: 'They replied by email' },
  'instagram-dm': { out: 'Sent an Instagram DM', in: 'They replied by Instagram DM' },
  'tiktok-dm': { out: 'Sent a TikTok DM', in: 'They replied by TikTok DM' },
  'other-dm': { out: 'Sent a DM', in: 'They replied by DM' },
  'text-message': { out: 'Sent a text message', in: 'They replied by text message' },
  phone: { out: 'Called them', in: 'They called us' },
  'video-call': { out: 'Video call we set up', in: 'Video call they asked for' },
  'in-person': { out: 'Talked in person (we approached them)', in: 'Talked in person (they approached us)' },
};

/** The channel of a timeline line; sends from before channels were kept said 'dm' or 'email' in their data. */
export function channelOf(activity: { channel?: TouchChannel | null; data?: Record<string, unknown> }): TouchChannel | null {
  if (activity.channel) return activity.channel;
  const legacy = activity.data?.channel;
  return legacy === 'email' ? 'email' : legacy === 'dm' ? 'other-dm' : null;
}

export interface TouchEngagement extends Pick<FollowUpSubject, 'lastContactedAt' | 'repliedAt' | 'optIn' | 'offers'> {
  id: string;
  campaignId: string;
  stepId: string;
  followUpsSent?: number;
}

export interface TouchInput {
  creatorId: string;
  /** The campaign conversation it belongs to; null logs it on the creator only, outside any follow-up clock. */
  engagement: TouchEngagement | null;
  steps: readonly PipelineStepRef[];
  channel: TouchChannel;
  /** Ignored for a note, which is neither. */
  direction: TouchDirection;
  /** When it happened (an ISO instant), which may be earlier than now: logged after the call. */
  at: string;
  text: string;
  actor: { id: string | null; name: string | null };
  now: string;
  newId: () => string;
}

export class TouchError extends Error {
  constructor(readonly field: 'at' | 'text', message: string) {
    super(message);
  }
}

/**
 * The writes for one touch, for `applyAll` (one Undo): the timeline line,
 * and for a conversation in a campaign the engagement's follow-up clock and
 * step. Refuses a touch dated in the future or a note with nothing in it.
 */
export function touchWrites(t: TouchInput): StoreOperation[] {
  const at = Date.parse(t.at);
  if (Number.isNaN(at)) throw new TouchError('at', 'Choose when it happened');
  // A minute of slack: the clock of the computer that picked "now" may run a little ahead of this one.
  if (at > Date.parse(t.now) + 60_000) throw new TouchError('at', 'This is in the future: log a touch once it has happened');
  const text = t.text.trim();
  if (t.channel === 'note' && !text) throw new TouchError('text', 'Write the note');
  const when = new Date(at).toISOString();
  const e = t.engagement;
  const activity = (line: Omit<ActivityLine, 'actorId' | 'creatorId' | 'campaignId' | 'engagementId'>): StoreOperation =>
    activityRecord({ actorId: t.actor.id, creatorId: t.creatorId, campaignId: e?.campaignId ?? null, engagementId: e?.id ?? null, ...line }, t.newId());
  if (t.channel === 'note') return [activity({ kind: 'note', title: 'Note', body: text, at: when, channel: 'note', data: { byName: t.actor.name } })];

  const inbound = t.direction === 'in';
  // After an answer, our next message is conversation, not a nudge: only unanswered chasing counts against the rule.
  const followUp = !inbound && !!e?.lastContactedAt && !answerOf(e);
  const line = activity({
    kind: inbound ? 'reply' : followUp ? 'follow-up' : 'outreach', title: titles[t.channel][t.direction], body: text, at: when, channel: t.channel,
    data: { byName: t.actor.name, logged: true },
  });
  if (!e) return [line];

  const patch: Record<string, unknown> = {};
  if (inbound) {
    // The first answer counts: a reply logged late for an earlier day moves the date back, never forward.
    if (!e.repliedAt || Date.parse(e.repliedAt) > at) patch.repliedAt = when;
  } else {
    // The clock runs from the latest contact; a call logged afterwards for last week does not restart it.
    if (!e.lastContactedAt || Date.parse(e.lastContactedAt) < at) patch.lastContactedAt = when;
    if (followUp) patch.followUpsSent = (e.followUpsSent ?? 0) + 1;
  }
  const step = stepOnContact(t.steps, e.stepId, inbound ? 'replied' : 'contacted');
  const writes: StoreOperation[] = [line];
  if (step) {
    patch.stepId = step.id;
    writes.push(activity({ kind: 'stage-change', title: `Moved to ${step.name}`, at: t.now, data: { from: e.stepId, to: step.id, byName: t.actor.name } }));
  }
  if (Object.keys(patch).length) writes.unshift({ kind: 'update', collection: 'engagements', id: e.id, patch });
  return writes;
}
