import { createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { ProjectedDocs, RecordBatch } from '../../../shared/data/batches';
import { collectionNames, type CollectionName } from '../../../shared/data/schemas';
import { rxSchemaFor } from './rx-schemas';

export type ProjectionCollections = Record<CollectionName, RxCollection<Record<string, unknown>>>;

let instanceCounter = 0;

/**
 * The local query engine the UI reads reactively: a projection of the
 * workspace Y.Doc into RxDB's memory storage. It is only ever written from
 * the Y.Doc's changes (or a snapshot of this very projection), so it can
 * always be thrown away and rebuilt.
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
    const specs = Object.fromEntries(collectionNames.map((c) => [c, { schema: rxSchemaFor(c) }]));
    const created = await db.addCollections(specs);
    return new Projection(db, Object.fromEntries(collectionNames.map((c) => [c, created[c]])) as ProjectionCollections);
  }

  /** Fill an empty projection from a snapshot of itself: the fast path of a cold open. */
  load(docs: ProjectedDocs): Promise<void> {
    return this.enqueue(async () => {
      for (const collection of collectionNames) {
        const list = docs[collection];
        if (list?.length) await this.collections[collection].bulkInsert(list);
      }
    });
  }

  /** Apply changes from the Y.Doc, in the order they happened. */
  applyBatches(batches: RecordBatch[]): Promise<void> {
    return this.enqueue(async () => {
      for (const { collection, upserts, removals } of batches) {
        if (upserts.length) await this.collections[collection].bulkUpsert(upserts);
        if (removals.length) await this.collections[collection].bulkRemove(removals);
      }
    });
  }

  /**
   * Make the projection exactly these records: upsert them, remove the rest.
   * Returns the ids removed per collection, for the search index.
   */
  async replace(batches: RecordBatch[]): Promise<Partial<Record<CollectionName, string[]>>> {
    const removed: Partial<Record<CollectionName, string[]>> = {};
    await this.enqueue(async () => {
      for (const { collection, upserts } of batches) {
        const keep = new Set(upserts.map((d) => String(d.id)));
        const stale = (await this.collections[collection].find().exec()).map((d) => d.primary).filter((id) => !keep.has(id));
        if (upserts.length) await this.collections[collection].bulkUpsert(upserts);
        if (stale.length) await this.collections[collection].bulkRemove(stale);
        removed[collection] = stale;
      }
    });
    return removed;
  }

  async dump(): Promise<ProjectedDocs> {
    await this.queue;
    const out: ProjectedDocs = {};
    for (const collection of collectionNames) {
      out[collection] = (await this.collections[collection].find().exec()).map((d) => d.toJSON() as Record<string, unknown>);
    }
    return out;
  }

  /** Resolves when every change queued so far has landed. */
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
