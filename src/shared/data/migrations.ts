import type * as Y from 'yjs';
import { collections, collectionNames, type CollectionName } from './schemas';
import { collectionMap, MIGRATION_ORIGIN } from './ydoc';

/**
 * Durable schema migrations. The Y.Doc is the one durable copy, so records
 * are migrated in it (the projection is rebuilt from it). Each step takes a
 * record at version N-1 and returns it at version N; steps are pure, so a
 * record that arrives later from a teammate on an older version is migrated
 * the same way.
 */
type Migration = (record: Record<string, unknown>) => Record<string, unknown>;

export const migrations: Partial<Record<CollectionName, Record<number, Migration>>> = {
  creators: {
    // v1 kept one email string; v2 keeps several, one of them primary.
    2: (record) => {
      const { email, ...rest } = record as { email?: string | null };
      const address = typeof email === 'string' ? email.trim().toLowerCase() : '';
      return { ...rest, emails: address ? [{ address, primary: true }] : [] };
    },
  },
};

export function migrateRecord(collection: CollectionName, record: Record<string, unknown>): Record<string, unknown> {
  const target = collections[collection].version;
  let current = record;
  let version = typeof record.schemaVersion === 'number' ? record.schemaVersion : 1;
  while (version < target) {
    version += 1;
    const step = migrations[collection]?.[version];
    if (step) current = step(current);
    current = { ...current, schemaVersion: version };
  }
  return current;
}

/** Brings every record of the workspace to the current versions, in one transaction. Returns how many changed. */
export function migrateWorkspace(doc: Y.Doc): number {
  let changed = 0;
  doc.transact(() => {
    for (const collection of collectionNames) {
      const target = collections[collection].version;
      collectionMap(doc, collection).forEach((map) => {
        const version = map.get('schemaVersion');
        if (typeof version === 'number' && version >= target) return;
        const before = map.toJSON() as Record<string, unknown>;
        const after = migrateRecord(collection, before);
        for (const key of Object.keys(before)) if (!(key in after)) map.delete(key);
        for (const [key, value] of Object.entries(after)) {
          if (JSON.stringify(before[key]) !== JSON.stringify(value)) map.set(key, value);
        }
        changed += 1;
      });
    }
  }, MIGRATION_ORIGIN);
  return changed;
}
