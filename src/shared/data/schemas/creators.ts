import { z } from 'zod';
import { address, countryCode, emailEntry, isoInstant, money } from '../../domain/fields';
import { normalizeHandle } from '../../domain/handles';
import { boundedNumber, numberFields } from '../../domain/number-fields';
import { defineCollection, optionalRef, requiredText, shortText, tagList } from './base';

export const platforms = [
  'instagram', 'tiktok', 'youtube', 'twitch', 'pinterest', 'x', 'linkedin', 'snapchat', 'blog', 'other',
] as const;
export type Platform = (typeof platforms)[number];

export const platformLabels: Record<Platform, string> = {
  instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube', twitch: 'Twitch', pinterest: 'Pinterest',
  x: 'X', linkedin: 'LinkedIn', snapchat: 'Snapchat', blog: 'Blog / podcast', other: 'Other',
};

export const platformAccount = z.object({
  platform: z.enum(platforms, { message: 'Choose a platform' }),
  handle: requiredText('Handle', 100).transform((h) => normalizeHandle(h)),
  url: z.string().url('This is not a web address').or(z.literal('')).default(''),
  followers: boundedNumber(numberFields.followers).nullable().default(null),
  avgViews: boundedNumber(numberFields.averageViews).nullable().default(null),
  /** A fraction (0.034 = 3.4%). */
  engagementRate: boundedNumber(numberFields.engagementRate).nullable().default(null),
  statsUpdatedAt: isoInstant.nullable().default(null),
});
export type PlatformAccount = z.infer<typeof platformAccount>;

export const contactChannels = ['email', 'instagram-dm', 'tiktok-dm', 'phone', 'whatsapp', 'manager'] as const;
export const creatorStatuses = ['active', 'do-not-contact', 'archived'] as const;

export const creatorFields = z.object({
  name: requiredText('Name'),
  accounts: z.array(platformAccount).max(20).default([]),
  emails: z.array(emailEntry).max(10).default([])
    .refine((list) => list.length === 0 || list.filter((e) => e.primary).length === 1, 'Mark exactly one email as primary'),
  phone: shortText(40).default(''),
  manager: z.object({
    name: shortText().default(''),
    agency: shortText().default(''),
    email: z.string().email('This is not an email address').or(z.literal('')).default(''),
    phone: shortText(40).default(''),
  }).nullable().default(null),
  preferredChannel: z.enum(contactChannels).nullable().default(null),
  shippingAddress: address.nullable().default(null),
  location: z.object({
    country: countryCode.or(z.literal('')).default(''),
    region: shortText().default(''),
    city: shortText().default(''),
  }).default({ country: '', region: '', city: '' }),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'Use a language code such as en or pl')).max(20).default([]),
  niches: tagList,
  audience: z.object({
    ageRange: shortText(40).default(''),
    femalePercent: boundedNumber(numberFields.womenShare).nullable().default(null),
    topCountries: z.array(z.object({ country: countryCode, percent: boundedNumber(numberFields.audienceShare) })).max(10).default([]),
    notes: shortText(2000).default(''),
  }).default({ ageRange: '', femalePercent: null, topCountries: [], notes: '' }),
  rates: z.array(z.object({ deliverable: requiredText('Deliverable', 100), price: money })).max(30).default([]),
  tags: tagList,
  ownerId: optionalRef,
  brandSafetyFlags: tagList,
  status: z.enum(creatorStatuses).default('active'),
  /** Plain-text summary; the rich-text notes live in their own Y.Doc (notesDocId). */
  notes: shortText(5000).default(''),
  notesDocId: optionalRef,
  customFields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});
export type CreatorFields = z.output<typeof creatorFields>;

export const creators = defineCollection({
  version: 2,
  fields: creatorFields,
  noun: 'creator',
  // No query asks RxDB to sort or range over creators: the list answers from its own index
  // (creator-index). Each RxDB index would keep a padded key string per creator, 30 MB at 50,000.
  indexed: {},
  indexes: [],
  derive: (c) => {
    const followers = c.accounts.map((a) => a.followers ?? 0);
    const rates = c.accounts.map((a) => a.engagementRate).filter((r): r is number => r != null);
    return {
      platforms: [...new Set(c.accounts.map((a) => a.platform))],
      handles: c.accounts.map((a) => a.handle),
      followersMax: followers.length ? Math.max(...followers) : 0,
      followersTotal: followers.reduce((s, f) => s + f, 0),
      engagementRateBest: rates.length ? Math.max(...rates) : null,
      country: c.location.country,
      primaryEmail: c.emails.find((e) => e.primary)?.address ?? '',
    };
  },
});
