import { platforms, type Platform } from '../data/schemas/creators';
import { tierNames, type Tier } from './tiers';

/**
 * What a marketer narrows the creator list by. Within one field the choices
 * are alternatives ("Instagram or TikTok"); across fields they all apply.
 * Saved views carry this shape to teammates whose app may be older or newer,
 * so it is always read through `parseCreatorFilters`, never trusted.
 */
export interface NumberRange {
  min: number | null;
  max: number | null;
}

/** Creators under the lowest tier threshold have no tier: "Under nano". */
export type TierChoice = Tier | 'none';

export type LastContacted =
  | { mode: 'within'; days: number }
  /** Not in the last N days, including never. */
  | { mode: 'over'; days: number }
  | { mode: 'never' };

export interface CreatorFilters {
  platforms: Platform[];
  followers: NumberRange;
  /** Fractions, as stored (0.034 = 3.4%). */
  engagementRate: NumberRange;
  tiers: TierChoice[];
  countries: string[];
  /** Folded city names (see `foldKey`), so "Kraków" and "krakow" are one city. */
  cities: string[];
  languages: string[];
  niches: string[];
  tags: string[];
  /** Teammate ids; '' means "no owner". */
  owners: string[];
  /** null: any; 'any': in at least one campaign; 'none': in no campaign; else a campaign id. */
  campaign: string | null;
  /** Pipeline step ids, in the chosen campaign or in any campaign. */
  stages: string[];
  hasEmail: boolean | null;
  lastContacted: LastContacted | null;
  /** Weighted vetting score, 1–5. */
  vettingScore: NumberRange;
  /** Has a post for us (true), has none (false). */
  posted: boolean | null;
  /** Average engagement rate of their posts for us, as a fraction. */
  postEngagement: NumberRange;
  /** Share of their posts for us that went up by the due date, as a fraction. */
  onTime: NumberRange;
}

export const emptyRange: NumberRange = { min: null, max: null };

export const emptyFilters: CreatorFilters = {
  platforms: [], followers: emptyRange, engagementRate: emptyRange, tiers: [], countries: [], cities: [], languages: [],
  niches: [], tags: [], owners: [], campaign: null, stages: [], hasEmail: null, lastContacted: null,
  vettingScore: emptyRange, posted: null, postEngagement: emptyRange, onTime: emptyRange,
};

function strings(value: unknown, allowed?: readonly string[]): string[] {
  if (!Array.isArray(value)) return [];
  const out = value.filter((v): v is string => typeof v === 'string' && v.length <= 200 && (!allowed || allowed.includes(v)));
  return [...new Set(out)].slice(0, 500);
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function range(value: unknown): NumberRange {
  if (!value || typeof value !== 'object') return emptyRange;
  const { min, max } = value as Record<string, unknown>;
  return { min: finite(min), max: finite(max) };
}

function lastContacted(value: unknown): LastContacted | null {
  if (!value || typeof value !== 'object') return null;
  const { mode, days } = value as Record<string, unknown>;
  if (mode === 'never') return { mode };
  const n = finite(days);
  if ((mode === 'within' || mode === 'over') && n !== null && n > 0) return { mode, days: Math.round(n) };
  return null;
}

function maybeBoolean(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** Reads filters from anywhere (a saved view, local storage), dropping what it does not understand. */
export function parseCreatorFilters(value: unknown): CreatorFilters {
  if (!value || typeof value !== 'object') return emptyFilters;
  const v = value as Record<string, unknown>;
  return {
    platforms: strings(v.platforms, platforms) as Platform[],
    followers: range(v.followers),
    engagementRate: range(v.engagementRate),
    tiers: strings(v.tiers, [...tierNames, 'none']) as TierChoice[],
    countries: strings(v.countries),
    cities: strings(v.cities),
    languages: strings(v.languages),
    niches: strings(v.niches),
    tags: strings(v.tags),
    owners: strings(v.owners),
    campaign: typeof v.campaign === 'string' && v.campaign ? v.campaign : null,
    stages: strings(v.stages),
    hasEmail: maybeBoolean(v.hasEmail),
    lastContacted: lastContacted(v.lastContacted),
    vettingScore: range(v.vettingScore),
    posted: maybeBoolean(v.posted),
    postEngagement: range(v.postEngagement),
    onTime: range(v.onTime),
  };
}

export type FilterField = keyof CreatorFilters;

function rangeActive(r: NumberRange): boolean {
  return r.min !== null || r.max !== null;
}

/** Which fields narrow the list, in the order the filter panel shows them. */
export function activeFilterFields(filters: CreatorFilters): FilterField[] {
  const active: FilterField[] = [];
  for (const field of Object.keys(emptyFilters) as FilterField[]) {
    const value = filters[field];
    if (field === 'stages' && filters.campaign === 'none') continue;
    if (Array.isArray(value) ? value.length > 0 : value && typeof value === 'object' && 'min' in value ? rangeActive(value) : value !== null) active.push(field);
  }
  return active;
}

/** Clears one field, and what depends on it (stages belong to the campaign choice). */
export function clearFilter(filters: CreatorFilters, field: FilterField): CreatorFilters {
  const next = { ...filters, [field]: emptyFilters[field] };
  if (field === 'campaign') next.stages = [];
  return next;
}

export function sameFilters(a: CreatorFilters, b: CreatorFilters): boolean {
  return JSON.stringify(parseCreatorFilters(a)) === JSON.stringify(parseCreatorFilters(b));
}
