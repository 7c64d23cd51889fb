import { z } from 'zod';
import { defineCollection, optionalRef, shortText, tagList } from './base';

export const swipeKinds = ['link', 'idea', 'file'] as const;
/** Whose content it is: ours, a competitor's, or a creator's. Only ours may become our ads. */
export const swipeOwners = ['ours', 'competitor', 'creator'] as const;

/**
 * The thumbnail is a small JPEG kept in the record as a data: URL (at most
 * 320 px wide, under 30 KB): it syncs with the record, shows offline on a
 * teammate's computer without fetching any file, and the page's content
 * security policy already allows data: images (never a remote one).
 */
export const SWIPE_THUMBNAIL_MAX_CHARS = 40_000;
const thumbnail = z.string().max(SWIPE_THUMBNAIL_MAX_CHARS, 'The thumbnail is too large (at most 30 KB)')
  .refine((s) => s === '' || /^data:image\/jpeg;base64,[A-Za-z0-9+/]+={0,2}$/.test(s), 'The thumbnail must be a JPEG data: URL')
  .default('');

/** One saved piece of inspiration: a link, a text idea or a Library file. */
export const swipeFields = z.object({
  kind: z.enum(swipeKinds),
  url: shortText(2000).default(''),
  title: shortText(300).default(''),
  description: shortText(1000).default(''),
  thumbnail,
  /** The Library file (kind "file"), e.g. a screenshot of a competitor's post. */
  assetId: optionalRef,
  notes: shortText(5000).default(''),
  tags: tagList,
  /** e.g. "Summer launch ideas"; empty: not on a board. */
  board: shortText(120).default(''),
  ownerKind: z.enum(swipeOwners).default('competitor'),
  /** The competitor's or creator's name; empty for our own brand. */
  ownerName: shortText(120).default(''),
  /** When the link's page was last read; null while it waits (saved offline) or never could be. */
  fetchedAt: z.string().datetime().nullable().default(null),
  /** Why the page could not be read, in words; null when it was, or has not been tried. */
  fetchProblem: shortText(500).nullable().default(null),
}).superRefine((s, ctx) => {
  if (s.kind === 'link' && !/^https?:\/\/\S+$/i.test(s.url)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'A link needs a web address starting with http:// or https://' });
  if (s.kind === 'idea' && !s.title && !s.notes) ctx.addIssue({ code: 'custom', path: ['title'], message: 'Write the idea: a title or a few words in the notes' });
  if (s.kind === 'file' && !s.assetId) ctx.addIssue({ code: 'custom', path: ['assetId'], message: 'Choose a Library file or upload a screenshot' });
  if (s.ownerKind !== 'ours' && !s.ownerName) ctx.addIssue({ code: 'custom', path: ['ownerName'], message: s.ownerKind === 'competitor' ? 'Name the competitor' : 'Name the creator' });
});

export const swipes = defineCollection({
  version: 1,
  fields: swipeFields,
  noun: 'swipe-file item',
  indexed: {},
  indexes: [],
});
