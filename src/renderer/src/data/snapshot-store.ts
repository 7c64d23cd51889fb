import { collectionNames } from '../../../shared/data/schemas';
import { openDatabase, requestToPromise, transactionDone } from './idb';
import type { ProjectedDocs } from '../../../shared/data/batches';

const DB_NAME = 'fanfare-snapshots';
const STORE = 'snapshots';

/**
 * A saved copy of a workspace's projection, shown first on a cold open while
 * the Y.Doc loads behind it. `stateVector` says which Y.Doc state it matches:
 * when the loaded Y.Doc has the same one, nothing needs reconciling.
 * Collections are stored as JSON text: one string clones far faster than
 * fifty thousand objects.
 */
export interface Snapshot {
  stateVector: Uint8Array;
  savedAt: string;
  collections: Partial<Record<string, string>>;
}

let dbPromise: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  return (dbPromise ??= openDatabase(DB_NAME, [STORE]));
}

export async function loadSnapshot(workspaceId: string): Promise<{ stateVector: Uint8Array; docs: ProjectedDocs } | null> {
  const tx = (await db()).transaction(STORE, 'readonly');
  const snapshot = (await requestToPromise(tx.objectStore(STORE).get(workspaceId))) as Snapshot | undefined;
  if (!snapshot) return null;
  const docs: ProjectedDocs = {};
  for (const name of collectionNames) {
    const text = snapshot.collections[name];
    if (text) docs[name] = JSON.parse(text);
  }
  return { stateVector: snapshot.stateVector, docs };
}

/** Only the state vector, kept under its own key so checking freshness does not read the whole snapshot. */
export async function loadSnapshotVector(workspaceId: string): Promise<Uint8Array | null> {
  const tx = (await db()).transaction(STORE, 'readonly');
  return ((await requestToPromise(tx.objectStore(STORE).get(vectorKey(workspaceId)))) as Uint8Array | undefined) ?? null;
}

const vectorKey = (workspaceId: string) => `vector:${workspaceId}`;

export async function saveSnapshot(workspaceId: string, stateVector: Uint8Array, docs: ProjectedDocs): Promise<void> {
  const collections: Snapshot['collections'] = {};
  for (const name of collectionNames) if (docs[name]?.length) collections[name] = JSON.stringify(docs[name]);
  const tx = (await db()).transaction(STORE, 'readwrite');
  tx.objectStore(STORE).put({ stateVector, savedAt: new Date().toISOString(), collections } satisfies Snapshot, workspaceId);
  tx.objectStore(STORE).put(stateVector, vectorKey(workspaceId));
  await transactionDone(tx);
}

export async function deleteSnapshot(workspaceId: string): Promise<void> {
  const tx = (await db()).transaction(STORE, 'readwrite');
  tx.objectStore(STORE).delete(workspaceId);
  tx.objectStore(STORE).delete(vectorKey(workspaceId));
  await transactionDone(tx);
}
