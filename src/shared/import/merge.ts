import { platformLabels, type CreatorFields } from '../data/schemas/creators';
import type { ConflictPolicy } from './types';

/** The fields an import may change on a creator who is already in the workspace. */
export const importedFields = ['name', 'accounts', 'emails', 'phone', 'manager', 'shippingAddress', 'location', 'languages', 'niches', 'tags', 'notes'] as const;
export type ImportedField = (typeof importedFields)[number];

const fieldWords: Record<string, string> = {
  name: 'name', phone: 'phone', notes: 'notes', 'location.country': 'country', 'location.region': 'region', 'location.city': 'city',
  shippingAddress: 'shipping address', 'manager.name': 'manager', 'manager.agency': 'agency', 'manager.email': 'manager’s email', 'manager.phone': 'manager’s phone',
};

export interface MergeResult {
  fields: CreatorFields;
  /** What changed, in words for the report: "phone", "TikTok account added", "2 tags added". */
  changes: string[];
}

const emptyText = (v: unknown) => v === '' || v === null || v === undefined;

/**
 * Folds a row into a creator who is already there. "fill" sets only what is
 * empty; "overwrite" lets the file's non-empty values win. Neither ever
 * erases: an empty cell changes nothing, accounts, emails, tags, niches and
 * languages are only ever added to, and every value replaced stays in the
 * record's history (the update is logged like a person's edit).
 */
export function mergeCreator(base: CreatorFields, incoming: CreatorFields, policy: Exclude<ConflictPolicy, 'skip'>): MergeResult {
  const out: CreatorFields = structuredClone(base);
  const changes: string[] = [];
  const take = (current: unknown, next: unknown) => !emptyText(next) && (emptyText(current) || (policy === 'overwrite' && current !== next));

  for (const key of ['name', 'phone', 'notes'] as const) {
    if (take(out[key], incoming[key])) {
      out[key] = incoming[key];
      changes.push(fieldWords[key]);
    }
  }
  for (const key of ['country', 'region', 'city'] as const) {
    if (take(out.location[key], incoming.location[key])) {
      out.location = { ...out.location, [key]: incoming.location[key] };
      changes.push(fieldWords[`location.${key}`]);
    }
  }
  if (incoming.manager) {
    const manager = { ...(out.manager ?? { name: '', agency: '', email: '', phone: '' }) };
    for (const key of ['name', 'agency', 'email', 'phone'] as const) {
      if (take(manager[key], incoming.manager[key])) {
        manager[key] = incoming.manager[key];
        changes.push(fieldWords[`manager.${key}`]);
      }
    }
    out.manager = manager;
  }
  // An address is one thing: never half of one and half of another.
  const hasAddress = (a: CreatorFields['shippingAddress']) => !!a && !!(a.line1 || a.city || a.postalCode);
  if (hasAddress(incoming.shippingAddress) && (!hasAddress(out.shippingAddress) || (policy === 'overwrite' && JSON.stringify(out.shippingAddress) !== JSON.stringify(incoming.shippingAddress)))) {
    out.shippingAddress = incoming.shippingAddress;
    changes.push(fieldWords.shippingAddress);
  }

  out.accounts = out.accounts.map((a) => ({ ...a }));
  for (const account of incoming.accounts) {
    const same = out.accounts.find((a) => a.platform === account.platform && a.handle === account.handle);
    if (!same) {
      out.accounts.push(account);
      changes.push(`a ${platformLabels[account.platform]} account added`);
      continue;
    }
    for (const key of ['url', 'followers', 'avgViews', 'engagementRate'] as const) {
      // Two links to one account ("…/maya/" and "…/maya?hl=en") are the same profile: the one there stays,
      // or two rows of a file would rewrite each other's link on every import.
      const wins = key === 'url' ? emptyText(same.url) && !emptyText(account.url) : take(same[key], account[key]);
      if (wins) {
        (same as Record<string, unknown>)[key] = account[key];
        changes.push(`${platformLabels[account.platform]} ${key === 'avgViews' ? 'average views' : key === 'engagementRate' ? 'engagement rate' : key === 'url' ? 'profile link' : key}`);
      }
    }
  }

  const known = new Set(out.emails.map((e) => e.address));
  const added = incoming.emails.filter((e) => !known.has(e.address));
  const incomingPrimary = incoming.emails.find((e) => e.primary)?.address;
  if (added.length) {
    out.emails = [...out.emails, ...added.map((e) => ({ address: e.address, primary: false }))];
    changes.push(added.length === 1 ? 'an email added' : `${added.length} emails added`);
  }
  const primary = out.emails.find((e) => e.primary)?.address;
  if (incomingPrimary && (!primary || (policy === 'overwrite' && primary !== incomingPrimary))) {
    out.emails = out.emails.map((e) => ({ ...e, primary: e.address === incomingPrimary }));
    if (primary) changes.push('primary email');
  }

  for (const key of ['tags', 'niches', 'languages'] as const) {
    const have = new Set(out[key].map((t) => t.toLowerCase()));
    const more = incoming[key].filter((t) => !have.has(t.toLowerCase()));
    if (more.length) {
      out[key] = [...out[key], ...more];
      const noun = key === 'tags' ? 'tag' : key === 'niches' ? 'niche' : 'language';
      changes.push(more.length === 1 ? `a ${noun} added` : `${more.length} ${key} added`);
    }
  }
  return { fields: out, changes };
}

/** The fields of `after` that differ from `before`: the patch an update writes. */
export function changedFields(before: CreatorFields, after: CreatorFields): Partial<CreatorFields> {
  const patch: Record<string, unknown> = {};
  for (const key of importedFields) if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  return patch as Partial<CreatorFields>;
}
