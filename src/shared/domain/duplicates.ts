import { normalizeHandle } from './handles';
import { nameKey } from './fold-text';

/**
 * Two teammates offline can both add the same creator. Sync keeps both
 * records (nothing is silently merged or dropped); this finds the pairs that
 * are very likely one person, by the same handle on the same platform or the
 * same email, so the app can offer to merge them.
 */
export interface DuplicateCandidate {
  id: string;
  name?: string;
  deletedAt?: string | null;
  accounts?: { platform: string; handle: string }[];
  emails?: { address: string }[];
}

export interface LikelyDuplicate {
  ids: string[];
  /** Why: "instagram @zoe.runs", "zoe@example.com", or the shared name. */
  reason: string;
  kind: 'handle' | 'email' | 'name';
}

export function findLikelyDuplicates(creators: DuplicateCandidate[]): LikelyDuplicate[] {
  const groups = new Map<string, { ids: Set<string>; reason: string; kind: LikelyDuplicate['kind'] }>();
  const add = (kind: LikelyDuplicate['kind'], key: string, reason: string, id: string) => {
    const group = groups.get(`${kind} ${key}`) ?? { ids: new Set<string>(), reason, kind };
    group.ids.add(id);
    groups.set(`${kind} ${key}`, group);
  };
  for (const c of creators) {
    if (c.deletedAt) continue;
    for (const a of c.accounts ?? []) if (a.handle) add('handle', `${a.platform} @${normalizeHandle(a.handle)}`, `${a.platform} @${normalizeHandle(a.handle)}`, c.id);
    for (const e of c.emails ?? []) if (e.address) add('email', e.address.trim().toLowerCase(), e.address.trim().toLowerCase(), c.id);
    // Two-word names at least: "Anna" alone is too common to mean the same person.
    const key = c.name ? nameKey(c.name) : '';
    if (key.includes(' ')) add('name', key, c.name!.trim(), c.id);
  }
  // Strongest evidence first, and a pair is offered once, for its strongest reason.
  const order = { handle: 0, email: 1, name: 2 };
  const seen = new Set<string>();
  const out: LikelyDuplicate[] = [];
  for (const { ids, reason, kind } of [...groups.values()].sort((a, b) => order[a.kind] - order[b.kind])) {
    if (ids.size < 2) continue;
    const sorted = [...ids].sort();
    const key = sorted.join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ids: sorted, reason, kind });
  }
  return out;
}
