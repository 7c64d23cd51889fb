import { duplicatePairKey } from '../domain/merge-creator-fields';
import { findLikelyDuplicates, type DuplicateCandidate, type LikelyDuplicate } from '../domain/duplicates';
import type * as Y from 'yjs';
import { collectionMap } from './ydoc';

export type DuplicateGroup = LikelyDuplicate;

/**
 * Creators that are probably one person (the same handle on one platform,
 * the same email, or, when asked, the same full name give or take accents
 * and case), minus the pairs someone marked as different people.
 * Reads only the fields it needs from the Y.Doc: cheap enough for 50,000.
 */
export function likelyDuplicates(doc: Y.Doc, { names = false }: { names?: boolean } = {}): DuplicateGroup[] {
  const candidates: DuplicateCandidate[] = [];
  collectionMap(doc, 'creators').forEach((record, id) => {
    if (record.get('deletedAt')) return;
    candidates.push({ id, name: record.get('name') as string, accounts: record.get('accounts') as DuplicateCandidate['accounts'], emails: record.get('emails') as DuplicateCandidate['emails'] });
  });
  const dismissed = new Set<string>();
  collectionMap(doc, 'settings').forEach((record) => {
    const data = record.get('data') as { pair?: unknown } | undefined;
    if (record.get('kind') === 'not-duplicate' && !record.get('deletedAt') && typeof data?.pair === 'string') dismissed.add(data.pair);
  });
  return findLikelyDuplicates(candidates)
    // Namesakes are common: a shared name alone is only worth a look when someone asks.
    .filter((group) => names || group.kind !== 'name')
    .map((group) => ({ ...group, ids: group.ids.filter((id) => group.ids.some((other) => other !== id && !dismissed.has(duplicatePairKey([id, other])))) }))
    .filter((group) => group.ids.length >= 2);
}
