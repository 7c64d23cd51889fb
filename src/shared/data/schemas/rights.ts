import { z } from 'zod';
import { countryCode, isoDate } from '../../domain/fields';
import { boundedMoney, numberFields } from '../../domain/number-fields';
import { territoriesProblem } from '../../domain/territories';
import { defineCollection, optionalRef, shortText } from './base';

/** Usage rights per piece of content, and the whitelisting / Spark Ads access that rides on them. */
export const rightFields = z.object({
  creatorId: optionalRef,
  campaignId: optionalRef,
  contentId: optionalRef,
  assetId: optionalRef,
  channels: z.array(shortText(60)).default([]),
  /** "WW" alone, or known countries: a record from an import or a teammate meets the form's rule. */
  territories: z.array(countryCode.or(z.literal('WW'))).default(['WW'])
    .superRefine((codes, ctx) => { const problem = territoriesProblem(codes); if (problem) ctx.addIssue({ code: 'custom', message: problem }); }),
  paidUse: z.boolean().default(false),
  startsOn: z.union([isoDate, z.null()]).default(null),
  endsOn: z.union([isoDate, z.null()]).default(null),
  fee: boundedMoney(numberFields.fee).nullable().default(null),
  extensionOption: shortText(500).default(''),
  /** What an extension costs, when the option has a price. */
  extensionPrice: boundedMoney(numberFields.extensionPrice).nullable().default(null),
  /** e.g. "No competing skincare brand for 90 days". */
  exclusivity: shortText(500).default(''),
  /** Where the grant was given: a contract, a DM, program terms… */
  source: z.enum(['contract', 'dm', 'email', 'program-terms', 'other']).nullable().default(null),
  /** A link or words pointing at the proof ("Contract §7", a DM screenshot's link). */
  evidence: shortText(1000).default(''),
  evidenceAssetIds: z.array(z.string().min(1).max(64)).default([]),
  notes: shortText(2000).default(''),
  whitelisting: z.object({
    status: z.enum(['not-requested', 'requested', 'granted', 'expired', 'revoked']),
    platform: z.enum(['meta', 'tiktok']).nullable().default(null),
    sparkCode: shortText(200).default(''),
    accessExpiresOn: isoDate.nullable().default(null),
  }).nullable().default(null),
}).refine((r) => !r.startsOn || !r.endsOn || r.startsOn <= r.endsOn, { message: 'The rights end before they start', path: ['endsOn'] });

export const rights = defineCollection({
  version: 1,
  fields: rightFields,
  noun: 'usage right',
  indexed: {},
  indexes: [],
});
