import { z } from 'zod';
import { isoInstant } from '../../domain/fields';
import { defineCollection, optionalRef, requiredText, shortText } from './base';

/**
 * How a touch happened. Outreach, replies and notes are kinds; the channel is
 * what the team needs when reading a timeline back ("they answered on TikTok,
 * not by email"). Null on anything that is not a conversation (a stage change,
 * a shipment) and on records from before channels were kept.
 */
export const touchChannels = ['email', 'instagram-dm', 'tiktok-dm', 'other-dm', 'text-message', 'phone', 'video-call', 'in-person', 'note'] as const;

export const activityKinds = [
  'note', 'outreach', 'follow-up', 'reply', 'stage-change', 'offer', 'contract', 'shipment', 'content', 'post', 'payment', 'task', 'system',
] as const;

/** The timeline of every touch, and tasks (kind "task" with dueAt/doneAt). */
export const activityFields = z.object({
  kind: z.enum(activityKinds),
  title: requiredText('Title', 300),
  body: shortText(10_000).default(''),
  at: isoInstant,
  actorId: optionalRef,
  creatorId: optionalRef,
  campaignId: optionalRef,
  engagementId: optionalRef,
  dueAt: isoInstant.nullable().default(null),
  doneAt: isoInstant.nullable().default(null),
  /** Who on the team does a task (a person id, as `ownerId` elsewhere). */
  assigneeId: optionalRef,
  channel: z.enum(touchChannels).nullable().default(null),
  data: z.record(z.string(), z.unknown()).default({}),
});

export const activities = defineCollection({
  version: 1,
  fields: activityFields,
  noun: 'activity',
  indexed: { at: 'string' },
  indexes: [['at']],
});
