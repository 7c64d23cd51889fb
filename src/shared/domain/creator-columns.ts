import { platformLabels } from '../data/schemas/creators';
import type { CreatorFacts } from './creator-facts';
import { MICROS } from './fields';
import type { ProjectedCreator } from './projected-creator';
import { tierFor, tierLabels, tierNames, type TierThresholds } from './tiers';

/**
 * The creator list's columns: what each one sorts by and what it puts in a
 * spreadsheet. Rendering lives in the renderer; these rules are shared so
 * that sorting and export say the same thing as the screen.
 */
export const columnIds = [
  'name', 'accounts', 'followers', 'engagement', 'tier', 'avgViews', 'location', 'languages', 'niches', 'tags', 'owner',
  'campaigns', 'lastContacted', 'email', 'phone', 'manager', 'vetting', 'posts', 'postEngagement', 'onTime', 'safety', 'status',
  'rate', 'added', 'updated',
] as const;
export type ColumnId = (typeof columnIds)[number];

export type ExportKind = 'text' | 'count' | 'percent' | 'score' | 'date' | 'money';
export type CellValue = string | number | null;

/** Names the screen knows and the rules do not (teammates, campaigns, countries). */
export interface ColumnContext {
  thresholds: TierThresholds;
  facts(creatorId: string): CreatorFacts;
  ownerName(id: string): string;
  campaignName(id: string): string;
  stepName(campaignId: string, stepId: string): string;
  countryName(code: string): string;
  languageName(code: string): string;
}

export interface ColumnRule {
  id: ColumnId;
  label: string;
  /** Minimum width in pixels; wide screens share out the rest. */
  width: number;
  /** Numbers and dates sort biggest/newest first on the first click. */
  sort: 'text' | 'number';
  align?: 'right';
  /** Empty means "no value": such rows go last whichever way the column is sorted. */
  sortValue(row: ProjectedCreator, ctx: ColumnContext): CellValue;
  exports: { header: string; kind: ExportKind; value(row: ProjectedCreator, ctx: ColumnContext): CellValue }[];
}

const list = (values: string[]) => values.join(', ');
const orNull = (text: string) => (text ? text : null);
const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

/**
 * The account a row names: the biggest one, whose followers the list shows
 * (followersMax) and whose size sets the tier. Naming the first account
 * instead put one account's handle next to another account's followers.
 */
export function leadAccount(row: Pick<ProjectedCreator, 'accounts'>): ProjectedCreator['accounts'][number] | null {
  let lead: ProjectedCreator['accounts'][number] | null = null;
  for (const a of row.accounts) if (!lead || (a.followers ?? 0) > (lead.followers ?? 0)) lead = a;
  return lead;
}

function accounts(row: ProjectedCreator): string {
  return row.accounts.map((a) => `${platformLabels[a.platform]} @${a.handle}`).join('; ');
}

export function campaignSummary(facts: CreatorFacts, ctx: ColumnContext): string {
  return facts.campaigns.map((c) => `${ctx.campaignName(c.campaignId)}: ${ctx.stepName(c.campaignId, c.stepId)}`).join('; ');
}

function avgViews(row: ProjectedCreator): number | null {
  const views = row.accounts.map((a) => a.avgViews).filter((v): v is number => v != null);
  return views.length ? Math.max(...views) : null;
}

/** The cheapest listed rate, for sorting; amounts in different currencies are compared as numbers. */
export function lowestRate(row: ProjectedCreator) {
  return row.rates.reduce<ProjectedCreator['rates'][number] | null>((low, r) => (!low || r.price.amountMicros < low.price.amountMicros ? r : low), null);
}

const statusLabels: Record<ProjectedCreator['status'], string> = { active: 'Active', 'do-not-contact': 'Do not contact', archived: 'Archived' };

const text = (header: string, value: ColumnRule['exports'][number]['value']) => [{ header, kind: 'text' as const, value }];

export const columnRules: Record<ColumnId, ColumnRule> = {
  name: {
    id: 'name', label: 'Creator', width: 230, sort: 'text',
    sortValue: (r) => orNull(r.name),
    exports: [{ header: 'Name', kind: 'text', value: (r) => r.name }, { header: 'Email', kind: 'text', value: (r) => orNull(r.primaryEmail) }],
  },
  accounts: {
    id: 'accounts', label: 'Accounts', width: 180, sort: 'text',
    sortValue: (r) => orNull(leadAccount(r)?.handle ?? ''),
    exports: text('Accounts', (r) => orNull(accounts(r))),
  },
  followers: {
    id: 'followers', label: 'Followers', width: 136, sort: 'number', align: 'right',
    sortValue: (r) => (r.accounts.some((a) => a.followers != null) ? r.followersMax : null),
    exports: [{ header: 'Followers', kind: 'count', value: (r) => (r.accounts.some((a) => a.followers != null) ? r.followersMax : null) }],
  },
  engagement: {
    id: 'engagement', label: 'Eng. rate', width: 92, sort: 'number', align: 'right',
    sortValue: (r) => r.engagementRateBest,
    exports: [{ header: 'Engagement rate', kind: 'percent', value: (r) => r.engagementRateBest }],
  },
  tier: {
    id: 'tier', label: 'Tier', width: 96, sort: 'number',
    sortValue: (r, ctx) => {
      const tier = tierFor(r.followersMax, ctx.thresholds);
      return tier ? tierNames.indexOf(tier) : null;
    },
    exports: text('Tier', (r, ctx) => {
      const tier = tierFor(r.followersMax, ctx.thresholds);
      return tier ? tierLabels[tier] : null;
    }),
  },
  avgViews: {
    id: 'avgViews', label: 'Avg. views', width: 104, sort: 'number', align: 'right',
    sortValue: avgViews,
    exports: [{ header: 'Average views', kind: 'count', value: avgViews }],
  },
  location: {
    id: 'location', label: 'Location', width: 140, sort: 'text',
    sortValue: (r, ctx) => orNull([r.location.country ? ctx.countryName(r.location.country) : '', r.location.city].filter(Boolean).join(' ')),
    exports: [
      { header: 'City', kind: 'text', value: (r) => orNull(r.location.city) },
      { header: 'Country', kind: 'text', value: (r, ctx) => (r.location.country ? ctx.countryName(r.location.country) : null) },
    ],
  },
  languages: {
    id: 'languages', label: 'Languages', width: 120, sort: 'text',
    sortValue: (r, ctx) => orNull(list(r.languages.map(ctx.languageName))),
    exports: text('Languages', (r, ctx) => orNull(list(r.languages.map(ctx.languageName)))),
  },
  niches: {
    id: 'niches', label: 'Niches', width: 160, sort: 'text',
    sortValue: (r) => orNull(list(r.niches)),
    exports: text('Niches', (r) => orNull(list(r.niches))),
  },
  tags: {
    id: 'tags', label: 'Tags', width: 160, sort: 'text',
    sortValue: (r) => orNull(list([...r.tags].sort())),
    exports: text('Tags', (r) => orNull(list(r.tags))),
  },
  owner: {
    id: 'owner', label: 'Owner', width: 124, sort: 'text',
    sortValue: (r, ctx) => (r.ownerId ? ctx.ownerName(r.ownerId) : null),
    exports: text('Owner', (r, ctx) => (r.ownerId ? ctx.ownerName(r.ownerId) : null)),
  },
  campaigns: {
    id: 'campaigns', label: 'Campaigns', width: 190, sort: 'text',
    sortValue: (r, ctx) => orNull(campaignSummary(ctx.facts(r.id), ctx)),
    exports: text('Campaigns', (r, ctx) => orNull(campaignSummary(ctx.facts(r.id), ctx))),
  },
  lastContacted: {
    id: 'lastContacted', label: 'Last contacted', width: 124, sort: 'number',
    sortValue: (r, ctx) => time(ctx.facts(r.id).lastContactedAt),
    exports: [{ header: 'Last contacted', kind: 'date', value: (r, ctx) => ctx.facts(r.id).lastContactedAt }],
  },
  email: {
    id: 'email', label: 'Email', width: 200, sort: 'text',
    sortValue: (r) => orNull(r.primaryEmail),
    exports: text('All emails', (r) => orNull(r.emails.map((e) => e.address).join(', '))),
  },
  phone: {
    id: 'phone', label: 'Phone', width: 140, sort: 'text',
    sortValue: (r) => orNull(r.phone),
    exports: text('Phone', (r) => orNull(r.phone)),
  },
  manager: {
    id: 'manager', label: 'Manager / agency', width: 170, sort: 'text',
    sortValue: (r) => orNull([r.manager?.name, r.manager?.agency].filter(Boolean).join(' · ')),
    exports: [
      { header: 'Manager', kind: 'text', value: (r) => orNull(r.manager?.name ?? '') },
      { header: 'Agency', kind: 'text', value: (r) => orNull(r.manager?.agency ?? '') },
      { header: 'Manager email', kind: 'text', value: (r) => orNull(r.manager?.email ?? '') },
    ],
  },
  vetting: {
    id: 'vetting', label: 'Vetting score', width: 112, sort: 'number', align: 'right',
    sortValue: (r, ctx) => ctx.facts(r.id).vettingScore,
    exports: [{ header: 'Vetting score (1–5)', kind: 'score', value: (r, ctx) => ctx.facts(r.id).vettingScore }],
  },
  posts: {
    id: 'posts', label: 'Posts for us', width: 104, sort: 'number', align: 'right',
    sortValue: (r, ctx) => ctx.facts(r.id).posts || null,
    exports: [{ header: 'Posts for us', kind: 'count', value: (r, ctx) => ctx.facts(r.id).posts }],
  },
  postEngagement: {
    id: 'postEngagement', label: 'Post eng. rate', width: 116, sort: 'number', align: 'right',
    sortValue: (r, ctx) => ctx.facts(r.id).postEngagementRate,
    exports: [{ header: 'Engagement rate of posts for us', kind: 'percent', value: (r, ctx) => ctx.facts(r.id).postEngagementRate }],
  },
  onTime: {
    id: 'onTime', label: 'Posted on time', width: 120, sort: 'number', align: 'right',
    sortValue: (r, ctx) => ctx.facts(r.id).onTimeRate,
    exports: [{ header: 'Posts up by their due date', kind: 'percent', value: (r, ctx) => ctx.facts(r.id).onTimeRate }],
  },
  safety: {
    id: 'safety', label: 'Brand safety', width: 150, sort: 'text',
    sortValue: (r) => orNull(list(r.brandSafetyFlags)),
    exports: text('Brand-safety flags', (r) => orNull(list(r.brandSafetyFlags))),
  },
  status: {
    id: 'status', label: 'Contact status', width: 124, sort: 'text',
    sortValue: (r) => statusLabels[r.status],
    exports: text('Contact status', (r) => statusLabels[r.status]),
  },
  rate: {
    id: 'rate', label: 'Lowest rate', width: 130, sort: 'number', align: 'right',
    sortValue: (r) => lowestRate(r)?.price.amountMicros ?? null,
    exports: [
      { header: 'Lowest rate', kind: 'money', value: (r) => { const low = lowestRate(r); return low ? low.price.amountMicros / MICROS : null; } },
      { header: 'Rate currency', kind: 'text', value: (r) => lowestRate(r)?.price.currency ?? null },
      { header: 'Rate for', kind: 'text', value: (r) => lowestRate(r)?.deliverable ?? null },
    ],
  },
  added: {
    id: 'added', label: 'Added', width: 104, sort: 'number',
    sortValue: (r) => time(r.createdAt),
    exports: [{ header: 'Added', kind: 'date', value: (r) => r.createdAt }],
  },
  updated: {
    id: 'updated', label: 'Last edited', width: 104, sort: 'number',
    sortValue: (r) => time(r.updatedAt),
    exports: [{ header: 'Last edited', kind: 'date', value: (r) => r.updatedAt }],
  },
};

/** What a new list shows: the essentials that fit a laptop screen without scrolling sideways. */
export const defaultColumns: ColumnId[] = ['name', 'accounts', 'followers', 'engagement', 'location', 'tags', 'owner'];

/**
 * Keeps a column list sane whatever it was read from: known ids only, no
 * repeats, and the creator's name always first (the list is about people).
 */
export function normalizeColumns(value: unknown): ColumnId[] {
  if (!Array.isArray(value)) return defaultColumns;
  const known = value.filter((v): v is ColumnId => typeof v === 'string' && (columnIds as readonly string[]).includes(v));
  const unique = [...new Set(known)].filter((id) => id !== 'name');
  return ['name', ...unique];
}

/** Moves a column one place left (-1) or right (+1); the name column stays put. */
export function moveColumn(columns: ColumnId[], id: ColumnId, by: -1 | 1): ColumnId[] {
  const from = columns.indexOf(id);
  const to = from + by;
  if (from <= 0 || to <= 0 || to >= columns.length) return columns;
  const next = [...columns];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** Puts a dragged column where it was dropped. */
export function placeColumn(columns: ColumnId[], id: ColumnId, before: ColumnId | null): ColumnId[] {
  if (id === 'name' || id === before) return columns;
  const rest = columns.filter((c) => c !== id);
  const at = before ? rest.indexOf(before) : rest.length;
  if (at < 0) return columns;
  rest.splice(Math.max(1, at), 0, id);
  return rest;
}
