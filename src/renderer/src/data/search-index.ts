import MiniSearch from 'minisearch';
import { normalizeHandle } from '../../../shared/domain/handles';
import { foldText } from '../../../shared/domain/fold-text';

/**
 * Type-ahead over creators: names, handles, emails, tags and notes, tolerant
 * of typos, of missing accents ("lukasiewicz" finds "Łukasiewicz") and of
 * handles typed as "@name" or pasted as a profile URL.
 */
export interface SearchableCreator {
  id: string;
  name?: unknown;
  handles?: unknown;
  primaryEmail?: unknown;
  emails?: unknown;
  tags?: unknown;
  notes?: unknown;
  deletedAt?: unknown;
}


function toDocument(c: SearchableCreator) {
  const emails = Array.isArray(c.emails) ? c.emails.map((e: { address?: string }) => e.address ?? '').join(' ') : '';
  return {
    id: c.id,
    name: String(c.name ?? ''),
    handles: Array.isArray(c.handles) ? c.handles.join(' ') : '',
    emails,
    tags: Array.isArray(c.tags) ? c.tags.join(' ') : '',
    notes: String(c.notes ?? ''),
  };
}

/** Turns "@zoe.runs" or "https://www.instagram.com/zoe.runs/" into what the index holds. */
export function normaliseQuery(query: string): string {
  const trimmed = query.trim();
  if (/^@|^https?:\/\/|^www\./i.test(trimmed)) return normalizeHandle(trimmed);
  return trimmed;
}

export class CreatorSearchIndex {
  private readonly index = new MiniSearch({
    fields: ['name', 'handles', 'emails', 'tags', 'notes'],
    processTerm: (term) => foldText(term),
    tokenize: (text) => text.split(/[\s\-_.@,;:/()+]+/).filter(Boolean),
    searchOptions: {
      prefix: true,
      fuzzy: (term) => (term.length > 3 ? 0.2 : false),
      boost: { name: 3, handles: 3, emails: 2, tags: 1.5 },
      combineWith: 'AND',
    },
  });
  private readonly deleted = new Set<string>();

  /** Adds in chunks, yielding between them, so a big workspace does not freeze the screen. */
  async addAll(creators: SearchableCreator[]): Promise<void> {
    for (const c of creators) if (c.deletedAt) this.deleted.add(c.id);
    await this.index.addAllAsync(creators.map(toDocument), { chunkSize: 2_000 });
  }

  upsert(creator: SearchableCreator): void {
    if (this.index.has(creator.id)) this.index.replace(toDocument(creator));
    else this.index.add(toDocument(creator));
    if (creator.deletedAt) this.deleted.add(creator.id);
    else this.deleted.delete(creator.id);
  }

  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
    this.deleted.delete(id);
  }

  /** Ids of matching creators, best first; creators in the trash are left out. */
  search(query: string, limit = 50): string[] {
    const q = normaliseQuery(query);
    if (!q) return [];
    const results = this.index.search(q, { filter: (r) => !this.deleted.has(r.id as string) });
    return results.slice(0, limit).map((r) => r.id as string);
  }

  get size(): number {
    return this.index.documentCount;
  }
}
