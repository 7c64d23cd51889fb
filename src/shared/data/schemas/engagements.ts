import { z } from 'zod';
import { isoDate, isoInstant } from '../../domain/fields';
import { boundedMoney, boundedNumber, numberFields } from '../../domain/number-fields';
import { count, defineCollection, idRef, optionalRef, shortText } from './base';
import { platforms } from './creators';

export const deliverable = z.object({
  id: idRef,
  platform: z.enum(platforms),
  format: shortText(60).default('post'),
  quantity: boundedNumber(numberFields.quantity).default(1),
  dueOn: isoDate.nullable().default(null),
  usageRights: shortText(300).default(''),
});

/** Offer terms meet the same bounds as the offer form, so a sync or an import cannot store what the form refuses. */
export const offerTerms = z.object({
  fee: boundedMoney(numberFields.fee).nullable().default(null),
  productIds: z.array(idRef).default([]),
  productValue: boundedMoney(numberFields.productValue).nullable().default(null),
  deliverables: z.array(deliverable).default([]),
  bonus: boundedMoney(numberFields.bonus).nullable().default(null),
  commissionPercent: boundedNumber(numberFields.commissionPercent).nullable().default(null),
  exclusivityDays: boundedNumber(numberFields.exclusivityDays).nullable().default(null),
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
    /** The terms this acceptance replaced, so withdrawing it can put them back. */
    replacedTerms: offerTerms.nullable().default(null),
    /** Withdrawn offers stay in the history, marked, and no longer count: who withdrew it and when. */
    withdrawnAt: isoInstant.nullable().default(null),
    withdrawnById: optionalRef,
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
