import { z } from 'zod';
import { isoInstant } from '../../domain/fields';
import { activationModels } from './campaigns';
import { defineCollection, idRef, optionalRef, requiredText, shortText } from './base';

export const documentKinds = ['brief', 'contract', 'template', 'guide', 'plan', 'opt-in-form'] as const;
export const documentStatuses = ['draft', 'in-review', 'approved', 'sent', 'signed', 'countersigned', 'archived'] as const;

/**
 * Briefs, contracts and their templates. Long rich text lives in its own
 * Y.Doc (bodyDocId, one sync room each), loaded only when opened.
 */
export const documentFields = z.object({
  kind: z.enum(documentKinds),
  title: requiredText('Title'),
  campaignId: optionalRef,
  creatorId: optionalRef,
  engagementId: optionalRef,
  templateId: optionalRef,
  /** For templates: what they make ("brief", "contract", "outreach-email", …). */
  templateFor: shortText(60).default(''),
  status: z.enum(documentStatuses).default('draft'),
  bodyDocId: optionalRef,
  /** Plain text, for templates whose body is short (emails, DMs). */
  body: shortText(20_000).default(''),
  subject: shortText(300).default(''),
  version: z.number().int().min(1).default(1),
  parentId: optionalRef,
  signedAssetId: optionalRef,
  mergeValues: z.record(z.string(), z.string()).default({}),
  /** Who received this version (briefs): one entry per creator, kept when later versions go out. */
  sentTo: z.array(z.object({ creatorId: idRef, at: isoInstant, by: optionalRef })).default([]),
  /**
   * Briefs: the library pictures (assets ids) chosen for the mood board, in order.
   * Added without a schema version: a record without it reads as an empty board.
   */
  moodBoard: z.array(idRef).max(24, 'A mood board holds at most 24 pictures').default([]),
  /** Briefs: swipe-file items used as references, in order. A record without it has none. */
  references: z.array(idRef).max(50, 'A brief holds at most 50 references').default([]),
  /** Templates: the activation models they are for (gifting, ambassador…); empty means any. */
  activationModels: z.array(z.enum(activationModels)).default([]),
});

export const documents = defineCollection({
  version: 1,
  fields: documentFields,
  noun: 'document',
  indexed: {},
  indexes: [],
});
