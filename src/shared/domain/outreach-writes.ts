import type { StoreOperation } from '../data/store';
import { activityRecord, aboutEngagement, type Actor } from './activities';
import { stepOnContact, type PipelineStepRef } from './follow-ups';

/**
 * Logging what was sent, and the creator's answer. Each action is one write
 * (one Undo): the activity in the creator's timeline and the engagement's
 * dates move together.
 */
export interface ContactedEngagement {
  id: string;
  creatorId: string;
  campaignId: string | null;
  stepId: string;
  lastContactedAt: string | null;
  followUpsSent: number | null;
  repliedAt: string | null;
}

export interface LoggedSend {
  engagement: ContactedEngagement;
  template: { id: string; title: string };
  subject: string;
  text: string;
  channel: 'email' | 'dm';
  /** From the follow-up queue: always a follow-up. Otherwise a creator already contacted gets a follow-up. */
  kind?: 'outreach' | 'follow-up';
}

interface Context {
  steps: readonly PipelineStepRef[];
  actor: Actor;
  at: string;
  newId: () => string;
}

/** Writing to a creator moves them to "Contacted", an answer to "Replied", when the campaign has such a step. */
function moveOn(engagement: ContactedEngagement, event: 'contacted' | 'replied', c: Context): { patch: Record<string, unknown>; operations: StoreOperation[] } {
  const step = stepOnContact(c.steps, engagement.stepId, event);
  if (!step) return { patch: {}, operations: [] };
  return {
    patch: { stepId: step.id },
    operations: [activityRecord({
      kind: 'stage-change', title: `Moved to ${step.name}`, at: c.at, actorId: c.actor.id, ...aboutEngagement(engagement),
      data: { from: engagement.stepId, to: step.id, byName: c.actor.name },
    }, c.newId())],
  };
}

export function logSendsWrites(sends: readonly LoggedSend[], c: Context): StoreOperation[] {
  return sends.flatMap((send): StoreOperation[] => {
    // The first message is outreach whatever the template; after that, every message counts against the follow-up rule.
    const followUp = (send.kind ?? (send.engagement.lastContactedAt ? 'follow-up' : 'outreach')) === 'follow-up';
    const move = moveOn(send.engagement, 'contacted', c);
    return [
      { kind: 'update', collection: 'engagements', id: send.engagement.id, patch: { lastContactedAt: c.at, ...(followUp ? { followUpsSent: (send.engagement.followUpsSent ?? 0) + 1 } : {}), ...move.patch } },
      ...move.operations,
      activityRecord({
        kind: followUp ? 'follow-up' : 'outreach', title: `Sent “${send.template.title}”`, body: send.subject ? `${send.subject}\n\n${send.text}` : send.text, at: c.at,
        actorId: c.actor.id, ...aboutEngagement(send.engagement),
        // A DM template does not say which app it went through; the timeline shows "DM (other app)".
        channel: send.channel === 'email' ? 'email' : 'other-dm',
        data: { templateId: send.template.id, channel: send.channel, subject: send.subject },
      }, c.newId()),
    ];
  });
}

export function markRepliedWrites(engagement: ContactedEngagement, c: Context): StoreOperation[] {
  const move = moveOn(engagement, 'replied', c);
  return [
    { kind: 'update', collection: 'engagements', id: engagement.id, patch: { repliedAt: c.at, ...move.patch } },
    activityRecord({ kind: 'reply', title: 'Replied', at: c.at, actorId: c.actor.id, ...aboutEngagement(engagement), data: {} }, c.newId()),
    ...move.operations,
  ];
}

/** A creator who declines has answered: the reply date is kept when there was one. */
export function markDeclinedWrites(engagement: ContactedEngagement, c: Context): StoreOperation[] {
  return [
    { kind: 'update', collection: 'engagements', id: engagement.id, patch: { declinedAt: c.at, ...(engagement.repliedAt ? {} : { repliedAt: c.at }) } },
    activityRecord({ kind: 'reply', title: 'Declined', at: c.at, actorId: c.actor.id, ...aboutEngagement(engagement), data: { declined: true } }, c.newId()),
  ];
}
