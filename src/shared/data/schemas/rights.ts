import { z } from 'zod';
import { countryCode, isoDate } from '../../domain/fields';
import { boundedMoney, numberFields } from '../../domain/number-fields';
import { territoriesProblem } from '../../domain/territories';
import { adAccessPlatforms, adAccessStatuses, SPARK_CODE_MAX } from '../../domain/ad-access';
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
  /**
   * Ad access (whitelisting, partnership ads, Spark Ads) riding on this right:
   * null when none was asked for. See domain/ad-access.ts for its rules.
   * 'not-requested' is still read from older records and means the same as null.
   */
  whitelisting: z.object({
    status: z.enum(adAccessStatuses).default('requested'),
    platform: z.enum(adAccessPlatforms).nullable().default(null),
    /** The authorisation or Spark Ads code; never shown in full in a list. */
    sparkCode: z.string().trim().max(SPARK_CODE_MAX, `An ad code is at most ${SPARK_CODE_MAX} characters`).default(''),
    accessStartsOn: isoDate.nullable().default(null),
    accessExpiresOn: isoDate.nullable().default(null),
    /** The ad account (or Business Manager / Ads Manager name or id) that runs the ads. */
    adAccount: shortText(200).default(''),
  }).nullable().default(null),
}).refine((r) => !r.startsOn || !r.endsOn || r.startsOn <= r.endsOn, { message: 'The rights end before they start', path: ['endsOn'] })
  .refine((r) => !r.whitelisting?.accessStartsOn || !r.whitelisting.accessExpiresOn || r.whitelisting.accessStartsOn <= r.whitelisting.accessExpiresOn,
    { message: 'The ad access ends before it starts', path: ['whitelisting', 'accessExpiresOn'] });

export const rights = defineCollection({
  version: 1,
  fields: rightFields,
  noun: 'usage right',
  indexed: {},
  indexes: [],
});
