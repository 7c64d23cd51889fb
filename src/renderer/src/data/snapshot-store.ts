import type { ProjectedDocs } from '../../../shared/data/batches';
import { collectionNames, collections } from '../../../shared/data/schemas';
import { openDatabase, requestToPromise, writeDone } from './idb';

const DB_NAME = 'fanfare-snapshots';
const STORE = 'snapshots';

/**
 * What a snapshot was projected with. Bump PROJECTION_REVISION when derived
 * fields or indexes change: an older snapshot is then ignored (rebuilt from
 * the Y.Doc), because its Y.Doc may be unchanged while its projection is not.
 */
const PROJECTION_REVISION = 1;
export const SNAPSHOT_FORMAT = `${PROJECTION_REVISION}:${collectionNames.map((c) => `${c}@${collections[c].version}`).join(',')}`;

/** Records per stored piece of a collection (see `Snapshot`). */
const CHUNK = 250;

/**
 * A saved copy of a workspace's projection, shown first on a cold open while
 * the Y.Doc loads behind it. `docVersion` is the Y.Doc snapshot it was made
 * from (state vector and delete set: an undone create changes only the
 * latter): when the loaded Y.Doc has the same one, nothing needs reconciling.
 *
 * Collections are stored as JSON text (one string clones far faster than
 * thousands of objects), in pieces of `CHUNK` records, each its own IndexedDB
 * record: the opening reads and parses one piece at a time, so each piece's
 * text is garbage while it is still young and cheap to collect. Read as one
 * record, 50,000 creators were ~120 MB of text alive at once, which the
 * collector could only clear later in a full collection, while someone typed.
 */
export interface Snapshot {
  format: string;
  docVersion: Uint8Array;
  savedAt: string;
  /** How many pieces each collection was saved in (keys: `pieceKey`). */
  pieces?: Partial<Record<string, number>>;
  /** Before pieces: each collection as one JSON text. Still read, never written. */
  collections?: Partial<Record<string, string>>;
}

export interface LoadedSnapshot {
  docVersion: Uint8Array;
  docs: ProjectedDocs;
}

let dbPromise: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  if (dbPromise) return dbPromise;
  // Neither a refused open (Chromium's UnknownError while the disk is full) nor a connection the browser
  // closed (as after a failed commit) is kept: the next use opens again.
  const opening: Promise<IDBDatabase> = openDatabase(DB_NAME, [STORE]).then((connection) => {
    connection.onclose = () => { if (dbPromise === opening) dbPromise = null; };
    return connection;
  }, (error) => {
    if (dbPromise === opening) dbPromise = null;
    throw error;
  });
  return (dbPromise = opening);
}

/**
 * One write transaction. A snapshot is derived (rebuilt from the Y.Doc), so
 * a refused one only fails; but the browser's log is rotated after it
 * (writeDone) like after any refused write, and the connection, which
 * Chromium closes after a failed commit, is opened afresh next time.
 */
async function write(work: (store: IDBObjectStore) => void): Promise<void> {
  const connection = await db();
  try {
    const tx = connection.transaction(STORE, 'readwrite');
    try {
      work(tx.objectStore(STORE));
    } catch (error) {
      // Half a snapshot must not be committed.
      tx.abort();
      throw error;
    }
    await writeDone(tx);
  } catch (error) {
    const current = dbPromise;
    if (current && await current.catch(() => null) === connection && dbPromise === current) dbPromise = null;
    connection.close();
    throw error;
  }
}

/** Pieces sort after their workspace's own record and before any other workspace's ("\u0000" < any id character). */
const pieceKey = (workspaceId: string, collection: string, piece: number) => `${workspaceId}\u0000${collection}\u0000${piece}`;
const piecesOf = (workspaceId: string) => IDBKeyRange.bound(`${workspaceId}\u0000`, `${workspaceId}\u0001`, false, true);

export async function loadSnapshot(workspaceId: string): Promise<LoadedSnapshot | null> {
  const store = (await db()).transaction(STORE, 'readonly').objectStore(STORE);
  const snapshot = (await requestToPromise(store.get(workspaceId))) as Snapshot | undefined;
  if (!snapshot || snapshot.format !== SNAPSHOT_FORMAT) return null;
  const docs: ProjectedDocs = {};
  const reads: Promise<void>[] = [];
  for (const name of collectionNames) {
    const text = snapshot.collections?.[name];
    if (text) docs[name] = JSON.parse(text);
    const count = snapshot.pieces?.[name] ?? 0;
    if (!count) continue;
    // Asked for all at once, in the same transaction as the header; each piece is parsed as it arrives.
    const parts = Array.from({ length: count }, (_, piece) => requestToPromise(store.get(pieceKey(workspaceId, name, piece))).then((value) => {
      if (typeof value !== 'string') throw new Error(`Part of the saved copy of ${name} is missing`);
      return JSON.parse(value) as Record<string, unknown>[];
    }));
    reads.push(Promise.all(parts).then((pieces) => { docs[name] = pieces.flat(); }));
  }
  await Promise.all(reads);
  return { docVersion: snapshot.docVersion, docs };
}

export function saveSnapshot(workspaceId: string, docVersion: Uint8Array, docs: ProjectedDocs): Promise<void> {
  // One transaction: a reader sees the old copy or the new one, never a mix.
  return write((store) => saveInto(store, workspaceId, docVersion, docs));
}

function saveInto(store: IDBObjectStore, workspaceId: string, docVersion: Uint8Array, docs: ProjectedDocs): void {
  store.delete(piecesOf(workspaceId));
  const pieces: Snapshot['pieces'] = {};
  for (const name of collectionNames) {
    const records = docs[name];
    if (!records?.length) continue;
    let count = 0;
    for (let from = 0; from < records.length; from += CHUNK) store.put(JSON.stringify(records.slice(from, from + CHUNK)), pieceKey(workspaceId, name, count++));
    pieces[name] = count;
  }
  store.put({ format: SNAPSHOT_FORMAT, docVersion, savedAt: new Date().toISOString(), pieces } satisfies Snapshot, workspaceId);
}

export function deleteSnapshot(workspaceId: string): Promise<void> {
  return write((store) => {
    store.delete(workspaceId);
    store.delete(piecesOf(workspaceId));
  });
}
