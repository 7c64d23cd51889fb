import { z } from 'zod';
import { isoDate, isoInstant, money } from '../../domain/fields';
import { boundedNumber, numberFields } from '../../domain/number-fields';
import { count, defineCollection, optionalRef, shortText } from './base';

/** Discount codes and tracked (UTM) links share one collection: both attribute sales to a creator. */
export const codeFields = z.object({
  kind: z.enum(['discount', 'link']),
  campaignId: optionalRef,
  creatorId: optionalRef,
  engagementId: optionalRef,
  code: shortText(64).default(''),
  discount: z.object({ type: z.enum(['percent', 'fixed']), value: z.number().min(0, 'A discount cannot be negative') })
    .refine((d) => d.type !== 'percent' || d.value <= 100, { message: 'A discount is at most 100% off', path: ['value'] }).nullable().default(null),
  expiresOn: isoDate.nullable().default(null),
  /** No limit is null; 0 uses is not a limit anyone means. */
  usageLimit: boundedNumber(numberFields.usageLimit).nullable().default(null),
  /** Whether each customer may use it once. Null on codes issued before codes kept it: their rule decides (codeLimits). */
  onePerCustomer: z.boolean().nullable().default(null),
  status: z.enum(['active', 'revoked']).default('active'),
  revokedReason: shortText(300).default(''),
  revokedAt: isoInstant.nullable().default(null),
  replacesId: optionalRef,
  link: z.object({
    baseUrl: z.string().url('This is not a web address'),
    utm: z.object({
      source: shortText(100).default(''), medium: shortText(100).default(''), campaign: shortText(100).default(''),
      content: shortText(100).default(''), term: shortText(100).default(''),
    }),
  }).nullable().default(null),
  /** The code rule (a settings record of kind 'code-rule') the code was generated from. */
  ruleId: optionalRef,
  orders: count.nullable().default(null),
  revenue: money.nullable().default(null),
});

export const codes = defineCollection({
  version: 1,
  fields: codeFields,
  noun: 'code',
  indexed: {},
  indexes: [],
});
