import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type * as Y from 'yjs';
import { projectRecord } from '../../../shared/data/records';
import { collectionNames, type CollectionName } from '../../../shared/data/schemas';
import { readAll, readRecord, type ChangeSet } from '../../../shared/data/ydoc';
import { rxSchemaFor } from './rx-schemas';

export type ProjectedDocs = Partial<Record<CollectionName, Record<string, unknown>[]>>;
export type ProjectionCollections = Record<CollectionName, RxCollection<Record<string, unknown>>>;

let instanceCounter = 0;

/**
 * The local query engine the UI reads reactively: a projection of the
 * workspace Y.Doc into RxDB's memory storage. It is never written to except
 * from the Y.Doc (or a snapshot of this very projection), so it can always be
 * thrown away and rebuilt.
 */
export class Projection {
  readonly db: RxDatabase;
  readonly collections: ProjectionCollections;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(db: RxDatabase, collections: ProjectionCollections) {
    this.db = db;
    this.collections = collections;
  }

  static async create(workspaceId: string): Promise<Projection> {
    const db = await createRxDatabase({
      name: `fanfare-${workspaceId.replace(/[^a-z0-9]/gi, '').toLowerCase()}-${++instanceCounter}-${Date.now().toString(36)}`,
      storage: getRxStorageMemory(),
      multiInstance: false,
      eventReduce: true,
    });
    const specs = Object.fromEntries(collectionNames.map((c) => [c.toLowerCase(), { schema: rxSchemaFor(c) }]));
    const created = await db.addCollections(specs);
    const collections = Object.fromEntries(collectionNames.map((c) => [c, created[c.toLowerCase()]])) as ProjectionCollections;
    return new Projection(db, collections);
  }

  /** Fill an empty projection from a snapshot of itself: the fast path of a cold open. */
  async load(docs: ProjectedDocs): Promise<void> {
    await this.enqueue(async () => {
      for (const collection of collectionNames) {
        const list = docs[collection];
        if (list?.length) await this.collections[collection].bulkInsert(list);
      }
    });
  }

  /** Project the records a Y.Doc transaction touched. Calls are serialised so projections land in order. */
  apply(doc: Y.Doc, changes: ChangeSet): Promise<void> {
    // Read the records now, synchronously, so the projection reflects this transaction even if the Y.Doc moves on.
    const batches = [...changes].map(([collection, ids]) => {
      const upserts: Record<string, unknown>[] = [];
      const removals: string[] = [];
      for (const id of ids) {
        const record = readRecord(doc, collection, id);
        if (record) upserts.push(projectRecord(collection, record));
        else removals.push(id);
      }
      return { collection, upserts, removals };
    });
    return this.enqueue(async () => {
      for (const { collection, upserts, removals } of batches) {
        if (upserts.length) await this.collections[collection].bulkUpsert(upserts);
        if (removals.length) await this.collections[collection].bulkRemove(removals);
      }
    });
  }

  /**
   * Bring the projection level with the Y.Doc, touching only records that
   * differ. Used after a snapshot was shown and the Y.Doc caught up behind it.
   */
  async reconcile(doc: Y.Doc): Promise<number> {
    let changed = 0;
    await this.enqueue(async () => {
      for (const collection of collectionNames) {
        const current = new Map<string, string>();
        for (const d of await this.collections[collection].find().exec()) current.set(d.primary, JSON.stringify(d.toJSON()));
        const upserts: Record<string, unknown>[] = [];
        for (const record of readAll(doc, collection)) {
          const projected = projectRecord(collection, record);
          const id = String(projected.id);
          const before = current.get(id);
          current.delete(id);
          if (before === undefined || !sameDoc(JSON.parse(before), projected)) upserts.push(projected);
        }
        const removals = [...current.keys()];
        if (upserts.length) await this.collections[collection].bulkUpsert(upserts);
        if (removals.length) await this.collections[collection].bulkRemove(removals);
        changed += upserts.length + removals.length;
      }
    });
    return changed;
  }

  async dump(): Promise<ProjectedDocs> {
    await this.queue;
    const out: ProjectedDocs = {};
    for (const collection of collectionNames) {
      out[collection] = (await this.collections[collection].find().exec()).map((d) => d.toJSON() as Record<string, unknown>);
    }
    return out;
  }

  /** Resolves when every projection queued so far has landed. */
  settled(): Promise<void> {
    return this.queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => undefined);
    await this.db.close();
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    // Late changes after a workspace is closed have nowhere to go; the Y.Doc still has them.
    if (this.closed) return Promise.resolve();
    const next = this.queue.then(task);
    this.queue = next.catch((error) => {
      console.error('Fanfare could not update its local index', error);
    });
    return next;
  }
}

/** Key order differs between RxDB and Yjs output, so compare by content. */
function sameDoc(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false;
  }
  return true;
}
