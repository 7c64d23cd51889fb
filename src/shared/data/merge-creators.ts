import { CommandError } from './command-error';
import { mergeCreatorFields, mergePreview } from '../domain/merge-creator-fields';
import type { CreatorFields } from './schemas/creators';
import { collectionNames, collections, type CollectionName } from './schemas';
import type { StoreOperation, WorkspaceStore } from './store';
import { collectionMap } from './ydoc';

/** Collections whose records point at a creator. */
const creatorLinked = collectionNames.filter((c): c is CollectionName => c !== 'creators' && 'creatorId' in collections[c].fields.shape);

/**
 * Folds `otherId` into `keepId` as one undoable action: the kept record
 * gains everything the other had, every campaign, shipment, code, document,
 * post and timeline entry moves over, and the other goes to the trash.
 */
export function mergeCreators(store: WorkspaceStore, keepId: string, otherId: string): void {
  if (keepId === otherId) throw new CommandError('invalid', 'Choose two different creators to merge.');
  const keep = store.get('creators', keepId);
  const other = store.get('creators', otherId);
  if (!keep || !other || keep.deletedAt || other.deletedAt) throw new CommandError('not-found', 'One of these creators is no longer here (merged or moved to the trash by a teammate).');
  const [k, o] = [keep as unknown as CreatorFields & { id: string }, other as unknown as CreatorFields & { id: string }];
  const dropped = mergePreview(k, o).filter((row) => row.dropped);
  const operations: StoreOperation[] = [
    { kind: 'update', collection: 'creators', id: keepId, patch: mergeCreatorFields(k, o) },
    // What the other record had and the merge did not keep stays readable here.
    ...(dropped.length ? [{ kind: 'history' as const, collection: 'creators' as const, id: keepId, lines: dropped.map((row) => ({ field: row.field, value: row.other, previous: row.kept, note: `merged-from:${other.name}` })) }] : []),
  ];
  for (const collection of creatorLinked) {
    // Reading one field per record, not whole records: a big workspace has many activities.
    collectionMap(store.doc, collection).forEach((record, id) => {
      if (record.get('creatorId') === otherId) operations.push({ kind: 'update', collection, id, patch: { creatorId: keepId } });
    });
  }
  operations.push({ kind: 'soft-delete', collection: 'creators', id: otherId });
  store.applyAll(operations);
}
