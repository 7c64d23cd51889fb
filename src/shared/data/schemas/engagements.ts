import { z } from 'zod';
import { isoDate, isoInstant, money } from '../../domain/fields';
import { count, defineCollection, idRef, optionalRef, shortText } from './base';
import { platforms } from './creators';

export const deliverable = z.object({
  id: idRef,
  platform: z.enum(platforms),
  format: shortText(60).default('post'),
  quantity: count.default(1),
  dueOn: isoDate.nullable().default(null),
  usageRights: shortText(300).default(''),
});

export const offerTerms = z.object({
  fee: money.nullable().default(null),
  productIds: z.array(idRef).default([]),
  productValue: money.nullable().default(null),
  deliverables: z.array(deliverable).default([]),
  bonus: money.nullable().default(null),
  commissionPercent: z.number().min(0).max(100).nullable().default(null),
  exclusivityDays: count.nullable().default(null),
});

/** A creator in a campaign: where they are in the pipeline and on what terms. */
export const engagementFields = z.object({
  campaignId: idRef,
  creatorId: idRef,
  stepId: idRef,
  bucketId: optionalRef,
  ownerId: optionalRef,
  terms: offerTerms.nullable().default(null),
  offers: z.array(z.object({
    at: isoInstant, by: z.enum(['brand', 'creator']), terms: offerTerms, note: shortText(2000).default(''),
    /** Who logged it (a teammate's id), and when the other side accepted it: the accepted offer becomes the terms. */
    actorId: optionalRef,
    acceptedAt: isoInstant.nullable().default(null),
  })).default([]),
  scorecard: z.array(z.object({ criterionId: idRef, score: z.number().int().min(1).max(5), note: shortText(1000).default('') })).default([]),
  optIn: z.object({
    sizes: z.record(z.string(), z.string()).default({}),
    productPreferences: z.array(shortText(200)).default([]),
    addressConfirmedAt: isoInstant.nullable().default(null),
    /** When they agreed to the campaign's terms (on a call, or by signing the returned form). */
    agreedAt: isoInstant.nullable().default(null),
  }).nullable().default(null),
  lastContactedAt: isoInstant.nullable().default(null),
  repliedAt: isoInstant.nullable().default(null),
  declinedAt: isoInstant.nullable().default(null),
  /** Follow-ups sent since the first outreach; the follow-up rule stops at its maximum. */
  followUpsSent: count.default(0),
});

export const engagements = defineCollection({
  version: 1,
  fields: engagementFields,
  noun: 'creator in campaign',
  indexed: { campaignId: 'id', creatorId: 'id' },
  indexes: [['campaignId'], ['creatorId']],
});
