import { newId } from '../data/ids';
import type { StoreOperation } from '../data/store';
import { foldText } from './fold-text';

/**
 * Bulk edits on the creator list, as operations for `applyAll` (one checked,
 * undoable change). Each returns only the operations that change something,
 * so "tag 200 creators" where 150 already have the tag touches 50 records,
 * and their undo touches the same 50.
 */
interface Tagged {
  id: string;
  tags: string[];
}

interface Owned {
  id: string;
  ownerId: string | null;
}

/** Tags are compared as people read them: "VIP" and "vip" are one tag. */
export function cleanTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').slice(0, 60);
}

export function addTagOperations(creators: readonly Tagged[], tag: string): StoreOperation[] {
  const clean = cleanTag(tag);
  if (!clean) return [];
  const key = foldText(clean);
  return creators
    .filter((c) => !c.tags.some((t) => foldText(t) === key))
    .map((c) => ({ kind: 'update', collection: 'creators', id: c.id, patch: { tags: [...c.tags, clean] } }));
}

export function removeTagOperations(creators: readonly Tagged[], tag: string): StoreOperation[] {
  const key = foldText(tag);
  return creators
    .filter((c) => c.tags.some((t) => foldText(t) === key))
    .map((c) => ({ kind: 'update', collection: 'creators', id: c.id, patch: { tags: c.tags.filter((t) => foldText(t) !== key) } }));
}

export function assignOwnerOperations(creators: readonly Owned[], ownerId: string | null): StoreOperation[] {
  return creators.filter((c) => c.ownerId !== ownerId).map((c) => ({ kind: 'update', collection: 'creators', id: c.id, patch: { ownerId } }));
}

/** Puts each creator's previous owner back. */
export function restoreOwnerOperations(previous: readonly Owned[]): StoreOperation[] {
  return previous.map((c) => ({ kind: 'update', collection: 'creators', id: c.id, patch: { ownerId: c.ownerId } }));
}

export function trashOperations(ids: readonly string[]): StoreOperation[] {
  return ids.map((id) => ({ kind: 'soft-delete', collection: 'creators', id }));
}

/**
 * New pipeline entries for the creators not yet in the campaign, at its
 * first step. Their ids are chosen here, so Undo can remove exactly them.
 */
export function addToCampaignOperations(
  creatorIds: readonly string[],
  campaign: { id: string; steps: { id: string; position: number }[] },
  alreadyIn: ReadonlySet<string>,
  makeId: () => string = () => newId('en-'),
): StoreOperation[] {
  const first = [...campaign.steps].sort((a, b) => a.position - b.position)[0];
  if (!first) return [];
  return creatorIds.filter((id) => !alreadyIn.has(id)).map((creatorId) => ({
    kind: 'create', collection: 'engagements', id: makeId(), input: { campaignId: campaign.id, creatorId, stepId: first.id },
  }));
}
