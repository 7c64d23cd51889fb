import { z } from 'zod';
import { count, defineCollection, optionalRef, requiredText, shortText, tagList } from './base';

/** Media in the library; the bytes are on disk by SHA-256, only metadata lives here. */
export const assetFields = z.object({
  sha256: z.string().regex(/^[a-f0-9]{64}$/, 'Not a SHA-256 hash'),
  fileName: requiredText('File name', 300),
  mimeType: shortText(100).default(''),
  kind: z.enum(['image', 'video', 'audio', 'document']),
  sizeBytes: count,
  width: count.nullable().default(null),
  height: count.nullable().default(null),
  durationSeconds: z.number().min(0).nullable().default(null),
  videoCodec: shortText(40).default(''),
  audioCodec: shortText(40).default(''),
  /** Why the file cannot be read (damaged, cut off, not a video at all), found when it was added; null when it reads to the end. */
  unreadable: shortText(300).nullable().default(null),
  creatorId: optionalRef,
  campaignId: optionalRef,
  contentId: optionalRef,
  source: z.enum(['ugc', 'swipe-file', 'screenshot', 'brand', 'cut']).default('ugc'),
  derivedFromId: optionalRef,
  /**
   * Whose content this is, for files saved to the swipe file: a competitor's
   * or a creator's post is not ours, so no usage-rights rule applies to it
   * and it is never ours to cut into ads. Null: the usual Library file.
   */
  ownerKind: z.enum(['ours', 'competitor', 'creator']).nullable().default(null),
  ownerName: shortText(120).default(''),
  tags: tagList,
  notes: shortText(2000).default(''),
});

export const assets = defineCollection({
  version: 1,
  fields: assetFields,
  noun: 'asset',
  indexed: {},
  indexes: [],
});
