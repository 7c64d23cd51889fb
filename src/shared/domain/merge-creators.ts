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
