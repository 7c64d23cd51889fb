import { z } from 'zod';
import { isoDate } from '../../domain/fields';
import { boundedMoney, boundedNumber, numberFields } from '../../domain/number-fields';
import { defineCollection, idRef, optionalRef, requiredText, shortText } from './base';

export const activationModels = [
  'gifting', 'ambassador', 'events', 'pay-to-post', 'affiliate', 'collab', 'licensing', 'content-creation', 'whitelisting',
] as const;
export const objectives = ['awareness', 'consideration', 'conversion', 'loyalty', 'content'] as const;
export const campaignStatuses = ['planning', 'active', 'completed', 'archived'] as const;

/** When to follow up with a creator who has not answered (see domain/follow-ups). */
export const followUpRule = z.object({
  afterDays: boundedNumber(numberFields.followUpAfterDays).default(3),
  maxFollowUps: boundedNumber(numberFields.maxFollowUps).default(2),
  /** Count Monday to Friday only, so a follow-up never falls on a weekend. */
  businessDays: z.boolean().default(true),
  /**
   * The team's time zone (IANA, e.g. Europe/Warsaw): "today" and weekends are theirs, not UTC's.
   * Empty: each teammate's own computer's time zone.
   */
  timeZone: shortText(60).default(''),
});

export const pipelineStep = z.object({ id: idRef, name: requiredText('Step name', 60), position: z.number() });

export const campaignFields = z.object({
  name: requiredText('Campaign name'),
  /** A campaign has dates; a program is evergreen (monthly briefs, ambassadors). */
  kind: z.enum(['campaign', 'program']).default('campaign'),
  activationModels: z.array(z.enum(activationModels)).min(1, 'Choose at least one activation model').default(['gifting']),
  objective: z.enum(objectives).default('awareness'),
  kpiTargets: z.array(z.object({ kpi: requiredText('KPI', 60), target: boundedNumber(numberFields.kpiTarget) })).default([]),
  budget: boundedMoney(numberFields.budget).nullable().default(null),
  buckets: z.array(z.object({
    id: idRef,
    name: requiredText('Bucket name', 60),
    minFollowers: boundedNumber(numberFields.followers).nullable().default(null),
    maxFollowers: boundedNumber(numberFields.followers).nullable().default(null),
    targetCount: boundedNumber(numberFields.bucketCreators).default(0),
  })).default([]),
  ownerId: optionalRef,
  keyMessages: z.array(shortText(500)).default([]),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
  status: z.enum(campaignStatuses).default('planning'),
  steps: z.array(pipelineStep).default([]),
  notes: shortText(5000).default(''),
  /** The products this campaign features: the {{product}} merge field when a creator's terms name none. */
  productIds: z.array(idRef).default([]),
  followUpRule: followUpRule.default({ afterDays: 3, maxFollowUps: 2, businessDays: true, timeZone: '' }),
}).refine((c) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn, { message: 'The end date is before the start date', path: ['endsOn'] });

export const campaigns = defineCollection({
  version: 1,
  fields: campaignFields,
  noun: 'campaign',
  indexed: { name: 'string' },
  indexes: [['name']],
});
