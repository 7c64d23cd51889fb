import { normalizeHandle } from './handles';

/**
 * Two teammates offline can both add the same creator. Sync keeps both
 * records (nothing is silently merged or dropped); this finds the pairs that
 * are very likely one person, by the same handle on the same platform or the
 * same email, so the app can offer to merge them.
 */
export interface DuplicateCandidate {
  id: string;
  deletedAt?: string | null;
  accounts?: { platform: string; handle: string }[];
  emails?: { address: string }[];
}

export interface LikelyDuplicate {
  ids: string[];
  /** Why: "instagram @zoe.runs" or "zoe@example.com". */
  reason: string;
}

export function findLikelyDuplicates(creators: DuplicateCandidate[]): LikelyDuplicate[] {
  const groups = new Map<string, Set<string>>();
  const add = (key: string, id: string) => {
    const set = groups.get(key) ?? new Set<string>();
    set.add(id);
    groups.set(key, set);
  };
  for (const c of creators) {
    if (c.deletedAt) continue;
    for (const a of c.accounts ?? []) if (a.handle) add(`${a.platform} @${normalizeHandle(a.handle)}`, c.id);
    for (const e of c.emails ?? []) if (e.address) add(e.address.trim().toLowerCase(), c.id);
  }
  const seen = new Set<string>();
  const out: LikelyDuplicate[] = [];
  for (const [reason, ids] of groups) {
    if (ids.size < 2) continue;
    const sorted = [...ids].sort();
    const key = sorted.join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ids: sorted, reason });
  }
  return out;
}
