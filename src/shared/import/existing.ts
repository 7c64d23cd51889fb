import type * as Y from 'yjs';
import type { CreatorFields } from '../data/schemas/creators';
import { collectionMap, readRecord } from '../data/ydoc';
import { normalizeHandle } from '../domain/handles';

/** The creators already in the workspace, as an import needs them: found by handle or email, read whole on demand. */
export interface ExistingCreators {
  /** Ids of live creators with this "platform:handle" or email key (more than one means the list already has duplicates). */
  find(key: string): string[];
  get(id: string): (CreatorFields & { id: string }) | null;
}

export interface KeyedCreator {
  id: string;
  deletedAt?: unknown;
  accounts?: { platform: string; handle: string }[];
  emails?: { address: string }[];
}

export function handleKey(platform: string, handle: string): string {
  return `${platform}:${normalizeHandle(handle)}`;
}

export function emailKey(address: string): string {
  return address.trim().toLowerCase();
}

/** Creators in the trash are not matched: an import brings people back as new records rather than editing trashed ones. */
export function indexKeys(creators: Iterable<KeyedCreator>): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const add = (key: string, id: string) => {
    const ids = index.get(key);
    if (!ids) index.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
  };
  for (const c of creators) {
    if (c.deletedAt) continue;
    for (const a of c.accounts ?? []) if (a.handle) add(handleKey(a.platform, a.handle), c.id);
    for (const e of c.emails ?? []) if (e.address) add(emailKey(e.address), c.id);
  }
  return index;
}

/** For tests and small lists: creators as plain records. */
export function existingFromList(list: (CreatorFields & { id: string; deletedAt?: unknown })[]): ExistingCreators {
  const index = indexKeys(list);
  const byId = new Map(list.map((c) => [c.id, c]));
  return { find: (key) => index.get(key) ?? [], get: (id) => byId.get(id) ?? null };
}

/**
 * Over the workspace's Y.Doc: only accounts and emails are read for the
 * index (cheap at 50,000), a whole record only when a row matches it.
 */
export function existingFromDoc(doc: Y.Doc): ExistingCreators {
  const creators = collectionMap(doc, 'creators');
  const keyed: KeyedCreator[] = [];
  creators.forEach((record, id) => {
    keyed.push({ id, deletedAt: record.get('deletedAt'), accounts: record.get('accounts') as KeyedCreator['accounts'], emails: record.get('emails') as KeyedCreator['emails'] });
  });
  const index = indexKeys(keyed);
  return {
    find: (key) => index.get(key) ?? [],
    get: (id) => readRecord(doc, 'creators', id) as (CreatorFields & { id: string }) | null,
  };
}
