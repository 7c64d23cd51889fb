import { z } from 'zod';
import { isoInstant, money } from '../../domain/fields';
import { count, defineCollection, idRef, optionalRef, shortText } from './base';
import { platforms } from './creators';

export const metricSnapshot = z.object({
  at: isoInstant,
  source: z.enum(['manual', 'screenshot', 'csv-import']).default('manual'),
  views: count.nullable().default(null),
  reach: count.nullable().default(null),
  impressions: count.nullable().default(null),
  likes: count.nullable().default(null),
  comments: count.nullable().default(null),
  shares: count.nullable().default(null),
  saves: count.nullable().default(null),
  clicks: count.nullable().default(null),
  orders: count.nullable().default(null),
  revenue: money.nullable().default(null),
  /** A screenshot of the platform's insights, kept in the library as proof of the numbers. */
  evidenceAssetId: optionalRef,
  enteredBy: optionalRef,
  /**
   * The person was shown that these figures cannot all be true
   * (domain/metric-plausibility.ts) and kept them. Absent on older
   * snapshots, which read as not confirmed: no migration is needed.
   */
  implausibleConfirmed: z.boolean().default(false),
});
export type MetricSnapshot = z.infer<typeof metricSnapshot>;

/** What a teammate can do on a creator's live post to help it along (the Engage screen). */
export const engageActions = ['like', 'comment', 'share'] as const;
export type EngageAction = (typeof engageActions)[number];

/**
 * One outcome per post for the whole team: liking a post twice helps no one,
 * so once someone has done (or skipped) it, it leaves everyone's queue.
 */
export const engagedOutcome = z.object({
  status: z.enum(['done', 'skipped']),
  by: optionalRef,
  at: isoInstant,
  actions: z.array(z.enum(engageActions)).default([]),
});
export type EngagedOutcome = z.infer<typeof engagedOutcome>;

/** Drafts submitted for review (kind "submission") and live posts (kind "post"). */
export const contentFields = z.object({
  kind: z.enum(['submission', 'post']),
  creatorId: idRef,
  campaignId: optionalRef,
  engagementId: optionalRef,
  deliverableId: optionalRef,
  round: z.number().int().min(1).default(1),
  assetIds: z.array(idRef).default([]),
  url: z.string().url('This is not a web address').or(z.literal('')).default(''),
  platform: z.enum(platforms).nullable().default(null),
  format: shortText(40).default(''),
  platformPostId: shortText(120).default(''),
  caption: shortText(5000).default(''),
  postedAt: isoInstant.nullable().default(null),
  review: z.object({
    status: z.enum(['pending', 'approved', 'changes-requested']),
    reviewerId: optionalRef,
    decidedAt: isoInstant.nullable().default(null),
    feedback: z.array(z.object({ what: shortText(500), how: shortText(1000), piece: shortText(200).default('') })).default([]),
    decidedBy: optionalRef,
    /** A word for the creator beside the points (e.g. what is already great). */
    note: shortText(2000).default(''),
  }).nullable().default(null),
  /** The teammate the draft waits for. */
  assigneeId: optionalRef,
  /** The brief's checklist beside the draft, ticked for this round. */
  checklist: z.array(z.object({ id: idRef, label: shortText(300), done: z.boolean().default(false) })).default([]),
  metrics: z.array(metricSnapshot).default([]),
  /**
   * Posts only: the teammate who likes, comments on and shares it. Its own
   * field, not inside `engaged`: a record's fields merge one by one, so an
   * assignment and a Done made at the same time on two laptops both survive.
   */
  engageAssigneeId: optionalRef,
  /** Posts only: done or skipped on the Engage screen, by whom, when; null while it waits. */
  engaged: engagedOutcome.nullable().default(null),
});

export const content = defineCollection({
  version: 1,
  fields: contentFields,
  noun: 'post',
  indexed: {},
  indexes: [],
});
