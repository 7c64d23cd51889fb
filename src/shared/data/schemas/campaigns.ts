import { z } from 'zod';
import { isoDate, money } from '../../domain/fields';
import { count, defineCollection, idRef, optionalRef, requiredText, shortText } from './base';

export const activationModels = [
  'gifting', 'ambassador', 'events', 'pay-to-post', 'affiliate', 'collab', 'licensing', 'content-creation', 'whitelisting',
] as const;
export const objectives = ['awareness', 'consideration', 'conversion', 'loyalty', 'content'] as const;
export const campaignStatuses = ['planning', 'active', 'completed', 'archived'] as const;

export const pipelineStep = z.object({ id: idRef, name: requiredText('Step name', 60), position: z.number() });

export const campaignFields = z.object({
  name: requiredText('Campaign name'),
  /** A campaign has dates; a program is evergreen (monthly briefs, ambassadors). */
  kind: z.enum(['campaign', 'program']).default('campaign'),
  activationModels: z.array(z.enum(activationModels)).min(1, 'Choose at least one activation model').default(['gifting']),
  objective: z.enum(objectives).default('awareness'),
  kpiTargets: z.array(z.object({ kpi: requiredText('KPI', 60), target: z.number().min(0) })).default([]),
  budget: money.nullable().default(null),
  buckets: z.array(z.object({
    id: idRef,
    name: requiredText('Bucket name', 60),
    minFollowers: count.nullable().default(null),
    maxFollowers: count.nullable().default(null),
    targetCount: count.default(0),
  })).default([]),
  ownerId: optionalRef,
  keyMessages: z.array(shortText(500)).default([]),
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
  status: z.enum(campaignStatuses).default('planning'),
  steps: z.array(pipelineStep).default([]),
  notes: shortText(5000).default(''),
}).refine((c) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn, { message: 'The end date is before the start date', path: ['endsOn'] });

export const campaigns = defineCollection({
  version: 1,
  fields: campaignFields,
  noun: 'campaign',
  indexed: { name: 'string' },
  indexes: [['name']],
});
