import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { migrateWorkspace } from '../../../shared/data/migrations';
import { collectionNames } from '../../../shared/data/schemas';
import { WorkspaceStore } from '../../../shared/data/store';
import { observeRecords, type ChangeSet } from '../../../shared/data/ydoc';
import { deleteDatabase } from './idb';
import { Projection } from './projection';
import { CreatorSearchIndex, type SearchableCreator } from './search-index';
import { deleteSnapshot, loadSnapshot, saveSnapshot } from './snapshot-store';

export const ydocDatabaseName = (workspaceId: string) => `fanfare-ws-${workspaceId}`;

export interface OpenTimings {
  /** From "open" to the projection answering queries (from the snapshot when there is one). */
  queryableMs: number;
  /** From "open" to the Y.Doc loaded, migrated and reconciled: edits are possible. */
  caughtUpMs: number | null;
  fromSnapshot: boolean;
  reconciled: number;
  /** Loading the Y.Doc from IndexedDB, and bringing the projection level with it. */
  ydocLoadMs: number | null;
  reconcileMs: number | null;
  snapshotReadMs: number | null;
  snapshotLoadMs: number | null;
}

const SNAPSHOT_DELAY_MS = 2_000;

/**
 * One open workspace. The projection answers queries as soon as the snapshot
 * is loaded; the Y.Doc (the durable copy) loads from IndexedDB behind it and
 * every change to it, local or remote, flows into the projection and search.
 */
export class WorkspaceSession {
  readonly id: string;
  readonly projection: Projection;
  readonly search = new CreatorSearchIndex();
  readonly doc = new Y.Doc();
  readonly store: WorkspaceStore;
  readonly timings: OpenTimings;
  readonly caughtUp: Promise<void>;
  searchReady: Promise<void> = Promise.resolve();
  private persistence: IndexeddbPersistence | null = null;
  private unobserve: (() => void) | null = null;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  private constructor(id: string, projection: Projection, started: number, fromSnapshot: boolean, snapshotVector: Uint8Array | null) {
    this.id = id;
    this.projection = projection;
    this.store = new WorkspaceStore(this.doc);
    this.timings = { queryableMs: performance.now() - started, caughtUpMs: null, fromSnapshot, reconciled: 0, ydocLoadMs: null, reconcileMs: null, snapshotReadMs: null, snapshotLoadMs: null };
    // Background work starts after the caller's first queries have run: the
    // screen fills from the snapshot first, then the Y.Doc catches up.
    this.caughtUp = (fromSnapshot ? nextTask() : Promise.resolve()).then(() => this.catchUp(started, snapshotVector));
  }

  static async open(id: string): Promise<WorkspaceSession> {
    const started = performance.now();
    const projection = await Projection.create(id);
    const snapshot = await loadSnapshot(id).catch(() => null);
    const read = performance.now();
    if (snapshot) await projection.load(snapshot.docs);
    const session = new WorkspaceSession(id, projection, started, !!snapshot, snapshot?.stateVector ?? null);
    session.timings.snapshotReadMs = snapshot ? read - started : null;
    session.timings.snapshotLoadMs = snapshot ? performance.now() - read : null;
    if (snapshot) session.searchReady = nextTask().then(() => session.search.addAll((snapshot.docs.creators ?? []) as unknown as SearchableCreator[]));
    else await session.caughtUp;
    return session;
  }

  /** Deletes every local copy of a workspace. */
  static async destroy(id: string): Promise<void> {
    await deleteDatabase(ydocDatabaseName(id));
    await deleteSnapshot(id).catch(() => undefined);
  }

  get isCaughtUp(): boolean {
    return this.timings.caughtUpMs !== null;
  }

  private async catchUp(started: number, snapshotVector: Uint8Array | null): Promise<void> {
    const loading = performance.now();
    this.persistence = new IndexeddbPersistence(ydocDatabaseName(this.id), this.doc);
    await this.persistence.whenSynced;
    if (this.closed) return;
    migrateWorkspace(this.doc);
    this.timings.ydocLoadMs = performance.now() - loading;
    const vector = Y.encodeStateVector(this.doc);
    const unchanged = snapshotVector !== null && sameBytes(vector, snapshotVector);
    const reconciling = performance.now();
    if (!unchanged) {
      this.timings.reconciled = await this.projection.reconcile(this.doc);
      if (!this.timings.fromSnapshot) {
        this.searchReady = this.search.addAll((await this.projection.collections.creators.find().exec()).map((d) => d.toJSON() as unknown as SearchableCreator));
      } else if (this.timings.reconciled > 0) {
        await this.searchReady;
        await this.refreshSearchFromProjection();
      }
      this.scheduleSnapshot();
    }
    this.timings.reconcileMs = performance.now() - reconciling;
    this.unobserve = observeRecords(this.doc, (changes) => this.onChange(changes));
    this.timings.caughtUpMs = performance.now() - started;
  }

  private onChange(changes: ChangeSet): void {
    void this.projection.apply(this.doc, changes);
    const creatorIds = changes.get('creators');
    if (creatorIds) {
      void this.projection.settled().then(async () => {
        await this.searchReady;
        const docs = await this.projection.collections.creators.findByIds([...creatorIds]).exec();
        for (const id of creatorIds) {
          const doc = docs.get(id);
          if (doc) this.search.upsert(doc.toJSON() as unknown as SearchableCreator);
          else this.search.remove(id);
        }
      });
    }
    this.scheduleSnapshot();
  }

  private async refreshSearchFromProjection(): Promise<void> {
    for (const doc of await this.projection.collections.creators.find().exec()) this.search.upsert(doc.toJSON() as unknown as SearchableCreator);
  }

  private scheduleSnapshot(): void {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => void this.writeSnapshot(), SNAPSHOT_DELAY_MS);
  }

  /** Saves the projection with the Y.Doc state it reflects; safe to call any time after catch-up. */
  async writeSnapshot(): Promise<void> {
    if (this.closed || !this.isCaughtUp) return;
    await this.projection.settled();
    const vector = Y.encodeStateVector(this.doc);
    const docs = await this.projection.dump();
    await saveSnapshot(this.id, vector, docs);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.snapshotTimer) {
      clearTimeout(this.snapshotTimer);
      await this.writeSnapshot().catch(() => undefined);
    }
    this.closed = true;
    this.unobserve?.();
    this.store.destroy();
    await this.persistence?.destroy();
    await this.projection.close();
    this.doc.destroy();
  }

  /** Record counts per collection (not in the trash), for the overview. */
  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const c of collectionNames) out[c] = await this.projection.collections[c].count({ selector: { deletedAt: null } }).exec();
    return out;
  }
}

/** Resolves after the current task and the rendering it triggers. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
