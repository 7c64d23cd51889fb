import type { ProjectedDocs } from '../../../shared/data/batches';
import { collectionNames, collections } from '../../../shared/data/schemas';
import { openDatabase, requestToPromise, transactionDone } from './idb';

const DB_NAME = 'fanfare-snapshots';
const STORE = 'snapshots';

/**
 * What a snapshot was projected with. Bump PROJECTION_REVISION when derived
 * fields or indexes change: an older snapshot is then ignored (rebuilt from
 * the Y.Doc), because its Y.Doc may be unchanged while its projection is not.
 */
const PROJECTION_REVISION = 1;
export const SNAPSHOT_FORMAT = `${PROJECTION_REVISION}:${collectionNames.map((c) => `${c}@${collections[c].version}`).join(',')}`;

/**
 * A saved copy of a workspace's projection, shown first on a cold open while
 * the Y.Doc loads behind it. `docVersion` is the Y.Doc snapshot it was made
 * from (state vector and delete set: an undone create changes only the
 * latter): when the loaded Y.Doc has the same one, nothing needs reconciling.
 * Collections are stored as JSON text: one string clones far faster than
 * fifty thousand objects.
 */
export interface Snapshot {
  format: string;
  docVersion: Uint8Array;
  savedAt: string;
  collections: Partial<Record<string, string>>;
}

export interface LoadedSnapshot {
  docVersion: Uint8Array;
  docs: ProjectedDocs;
}

let dbPromise: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  return (dbPromise ??= openDatabase(DB_NAME, [STORE]));
}

export async function loadSnapshot(workspaceId: string): Promise<LoadedSnapshot | null> {
  const tx = (await db()).transaction(STORE, 'readonly');
  const snapshot = (await requestToPromise(tx.objectStore(STORE).get(workspaceId))) as Snapshot | undefined;
  if (!snapshot || snapshot.format !== SNAPSHOT_FORMAT) return null;
  const docs: ProjectedDocs = {};
  for (const name of collectionNames) {
    const text = snapshot.collections[name];
    if (text) docs[name] = JSON.parse(text);
  }
  return { docVersion: snapshot.docVersion, docs };
}

export async function saveSnapshot(workspaceId: string, docVersion: Uint8Array, docs: ProjectedDocs): Promise<void> {
  const collections: Snapshot['collections'] = {};
  for (const name of collectionNames) if (docs[name]?.length) collections[name] = JSON.stringify(docs[name]);
  const tx = (await db()).transaction(STORE, 'readwrite');
  tx.objectStore(STORE).put({ format: SNAPSHOT_FORMAT, docVersion, savedAt: new Date().toISOString(), collections } satisfies Snapshot, workspaceId);
  await transactionDone(tx);
}

export async function deleteSnapshot(workspaceId: string): Promise<void> {
  const tx = (await db()).transaction(STORE, 'readwrite');
  tx.objectStore(STORE).delete(workspaceId);
  await transactionDone(tx);
}
