import type { CreatorFields, PlatformAccount } from '../data/schemas/creators';
import { normalizeHandle } from './handles';

type Creator = CreatorFields & { id: string };

const emptyText = (v: unknown) => v === '' || v === null || v === undefined;

function union<T>(a: T[], b: T[], key: (t: T) => string = (t) => String(t)): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((t) => !seen.has(key(t)))];
}

/** The same account on both: keep ours, filling in numbers we lack from theirs. */
function mergeAccounts(keep: PlatformAccount[], other: PlatformAccount[]): PlatformAccount[] {
  const key = (a: PlatformAccount) => `${a.platform} ${normalizeHandle(a.handle)}`;
  const theirs = new Map(other.map((a) => [key(a), a]));
  const merged = keep.map((a) => {
    const twin = theirs.get(key(a));
    if (!twin) return a;
    const newer = (twin.statsUpdatedAt ?? '') > (a.statsUpdatedAt ?? '');
    const pick = <K extends keyof PlatformAccount>(k: K) => (a[k] == null || (newer && twin[k] != null) ? twin[k] : a[k]);
    return { ...a, url: a.url || twin.url, followers: pick('followers'), avgViews: pick('avgViews'), engagementRate: pick('engagementRate'), statsUpdatedAt: pick('statsUpdatedAt') };
  });
  return union(merged, other, key);
}

/**
 * Two records of one person become one: nothing either teammate entered is
 * dropped. The kept record's values win where both have one; lists are
 * joined; notes are kept side by side.
 */
export function mergeCreatorFields(keep: Creator, other: Creator): Partial<CreatorFields> {
  const emails = union(keep.emails, other.emails, (e) => e.address.toLowerCase());
  const hasPrimary = emails.some((e) => e.primary && keep.emails.includes(e));
  return {
    accounts: mergeAccounts(keep.accounts, other.accounts).slice(0, 20),
    emails: emails.map((e, i) => ({ ...e, primary: hasPrimary ? keep.emails.includes(e) && e.primary : i === 0 })).slice(0, 10),
    phone: keep.phone || other.phone,
    manager: keep.manager ?? other.manager,
    preferredChannel: keep.preferredChannel ?? other.preferredChannel,
    shippingAddress: keep.shippingAddress ?? other.shippingAddress,
    location: {
      country: keep.location.country || other.location.country,
      region: keep.location.region || other.location.region,
      city: keep.location.city || other.location.city,
    },
    languages: union(keep.languages, other.languages).slice(0, 20),
    niches: union(keep.niches, other.niches),
    tags: union(keep.tags, other.tags),
    brandSafetyFlags: union(keep.brandSafetyFlags, other.brandSafetyFlags),
    rates: union(keep.rates, other.rates, (r) => r.deliverable.toLowerCase()).slice(0, 30),
    audience: {
      ageRange: keep.audience.ageRange || other.audience.ageRange,
      femalePercent: keep.audience.femalePercent ?? other.audience.femalePercent,
      topCountries: keep.audience.topCountries.length ? keep.audience.topCountries : other.audience.topCountries,
      notes: [keep.audience.notes, other.audience.notes].filter(Boolean).filter((n, i, all) => all.indexOf(n) === i).join('\n\n').slice(0, 2000),
    },
    ownerId: keep.ownerId ?? other.ownerId,
    notes: [keep.notes, other.notes].filter(Boolean).filter((n, i, all) => all.indexOf(n) === i).join('\n\n').slice(0, 5000),
    customFields: { ...Object.fromEntries(Object.entries(other.customFields).filter(([, v]) => !emptyText(v))), ...Object.fromEntries(Object.entries(keep.customFields).filter(([, v]) => !emptyText(v))) },
  };
}

/** The key under which "these two are not the same person" is remembered. */
export function duplicatePairKey(ids: string[]): string {
  return [...ids].sort().join('|');
}

export interface MergePreviewRow {
  field: keyof CreatorFields;
  kept: unknown;
  other: unknown;
  result: unknown;
  /** The other record's value is not in the result (it stays in the kept record's history). */
  dropped: boolean;
}

const previewFields: (keyof CreatorFields)[] = [
  'name', 'accounts', 'emails', 'phone', 'manager', 'preferredChannel', 'shippingAddress', 'location', 'languages', 'niches', 'tags',
  'brandSafetyFlags', 'rates', 'audience', 'ownerId', 'status', 'notes', 'customFields',
];

const blank = (v: unknown) => v == null || v === '' || (Array.isArray(v) && v.length === 0)
  || (typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every(blank));

/** Every field where the two records differ, and what the merged record will hold. */
export function mergePreview(keep: Creator, other: Creator): MergePreviewRow[] {
  const merged = { ...keep, ...mergeCreatorFields(keep, other) } as Creator;
  return previewFields
    .filter((field) => JSON.stringify(keep[field]) !== JSON.stringify(other[field]) && !(blank(keep[field]) && blank(other[field])))
    .map((field) => ({
      field, kept: keep[field], other: other[field], result: merged[field],
      dropped: !blank(other[field]) && JSON.stringify(merged[field]) !== JSON.stringify(other[field]) && !containsAll(merged[field], other[field]),
    }));
}

/** Lists joined in the result count as kept when every item of the other's list is there. */
function containsAll(result: unknown, other: unknown): boolean {
  if (!Array.isArray(result) || !Array.isArray(other)) return false;
  // Which email is primary is a choice about the merged record, not a value lost.
  const key = (item: unknown) => JSON.stringify(item && typeof item === 'object' ? { ...item, primary: undefined } : item);
  const inResult = new Set(result.map(key));
  return other.every((o) => inResult.has(key(o)));
}
