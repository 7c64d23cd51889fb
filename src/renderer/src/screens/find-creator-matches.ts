import { creatorMatches, matchLookup, type CreatorMatch, type ExistingCreator, type NewCreatorKeys } from '../../../shared/domain/creator-match';
import type { Projection } from '../data/projection';

/**
 * The creators a new one would duplicate. The projection narrows the list to
 * those sharing a stored handle or email (a scan of plain fields, cheap at
 * 50,000); the importer's own rule (creatorMatches) then decides, with the
 * platform, what counts as the same person.
 */
export async function findCreatorMatches(projection: Projection, keys: NewCreatorKeys): Promise<CreatorMatch[]> {
  const { handles, emails } = matchLookup(keys);
  if (!handles.length && !emails.length) return [];
  const or: Record<string, unknown>[] = [];
  if (handles.length) or.push({ handles: { $in: handles } });
  if (emails.length) or.push({ 'emails.address': { $in: emails } });
  const docs = await projection.collections.creators.find({ selector: { deletedAt: null, $or: or } }).exec();
  return creatorMatches(keys, docs.map((d) => d.toJSON() as unknown as ExistingCreator));
}
