import type { RecordBatch } from '../../../shared/data/batches';
import type { RecordInput, RecordOf } from '../../../shared/data/records';
import type { CreateOptions, StoreOperation, UpdateOptions } from '../../../shared/data/store';
import type { DemoOptions } from '../../../shared/demo/generate';
import type { Invite } from '../../../shared/sync/invite';
import type { ImportPhase, SyncStatus } from './engine/protocol';
import type { ImportResult } from './engine/import-jobs';
import type { ImportPlan } from '../../../shared/import/plan';
import type { ImportPreview } from '../../../shared/import/read';
import type { ImportSettings } from '../../../shared/import/types';
import type { PeerPresence, PresenceState } from '../../../shared/sync/presence';
import { getMe, onMeChange } from './me';
import type { CollectionName } from '../../../shared/data/schemas';
import type { FieldChangeView } from '../../../shared/data/history';
import type { DuplicateGroup } from '../../../shared/data/likely-duplicates';
import { startEngine, type EngineClient } from './engine/engine-client';
import { ydocDatabaseName } from './engine/names';
import { deleteDatabase } from './idb';
import { deleteRichTextDatabases } from './rich-text/rich-text-doc';
import { Projection } from './projection';
import { CreatorSearchIndex, type SearchableCreator } from './search-index';
import { deleteSnapshot, loadSnapshot, type LoadedSnapshot } from './snapshot-store';
import { SAVED, type SaveState } from './local-store';
import { forgetSaveState, reportSaveState } from './save-status';

export interface ImportProgress {
  importId: string;
  phase: ImportPhase;
  done: number;
  total: number;
}

/** The domain commands, typed per collection; they run in the data engine. */
export interface Commands {
  create<C extends CollectionName>(collection: C, input: RecordInput<C>, options?: CreateOptions): Promise<RecordOf<C>>;
  createMany<C extends CollectionName>(collection: C, inputs: RecordInput<C>[]): Promise<number>;
  update<C extends CollectionName>(collection: C, id: string, patch: Partial<RecordInput<C>>, options?: UpdateOptions): Promise<RecordOf<C>>;
  move(collection: CollectionName, id: string, between: { before?: number | null; after?: number | null }): Promise<void>;
  softDelete(collection: CollectionName, ids: string[]): Promise<void>;
  restore(collection: CollectionName, ids: string[]): Promise<void>;
  history(collection: CollectionName, id: string): Promise<FieldChangeView[]>;
  applyAll(operations: StoreOperation[]): Promise<void>;
  likelyDuplicates(options?: { names?: boolean }): Promise<DuplicateGroup[]>;
  mergeCreators(keepId: string, otherIds: string[]): Promise<void>;
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
  loadDemo(options: DemoOptions): Promise<number>;
  importRead(importId: string, file: Blob | ArrayBuffer | Uint8Array, fileName: string): Promise<ImportPreview>;
  importPlan(importId: string, settings: ImportSettings): Promise<ImportResult>;
  importCommit(importId: string): Promise<ImportResult>;
  importCancel(importId: string): Promise<void>;
  importReportCsv(importId: string): Promise<string>;
  importDiscard(importId: string): Promise<void>;
  importCreators(plan: ImportPlan): Promise<number>;
  connect(invite: Invite): Promise<void>;
  pauseSync(): Promise<void>;
  resumeSync(): Promise<void>;
  disconnect(): Promise<void>;
}

export interface SessionOptions {
  /**
   * Keeps the workspace's state as it was loaded, before records are
   * migrated to a newer shape: the migration waits for it to settle. A
   * failure is the caller's to tell the person; the migration goes on anyway.
   */
  beforeMigration?: (stateBeforeMigration: Uint8Array) => Promise<unknown>;
}

export interface OpenTimings {
  /** From "open" to the projection answering queries (from the snapshot when there is one). */
  queryableMs: number;
  /** From "open" to the Y.Doc loaded, migrated and reconciled: edits are possible. */
  caughtUpMs: number | null;
  fromSnapshot: boolean;
  reconciled: number;
  ydocLoadMs: number | null;
  reconcileMs: number | null;
  snapshotReadMs: number | null;
  snapshotLoadMs: number | null;
  engine: EngineClient['where'] | null;
}

/**
 * One open workspace, as the UI sees it. Queries go to the projection, which
 * fills from the snapshot first; the data engine (in a worker) loads the
 * Y.Doc behind it and sends every change, local or a teammate's, which lands
 * in the projection and the search index. Writes are `commands`.
 */
export class WorkspaceSession {
  readonly id: string;
  readonly projection: Projection;
  readonly search = new CreatorSearchIndex();
  readonly timings: OpenTimings;
  readonly caughtUp: Promise<void>;
  searchReady: Promise<void> = Promise.resolve();
  private engine: EngineClient | null = null;
  private stopListening: (() => void) | null = null;
  private stopMe: (() => void) | null = null;
  private closed = false;
  syncStatus: SyncStatus = { state: 'off', waiting: 0, message: null };
  private readonly syncListeners = new Set<(status: SyncStatus) => void>();
  /** Everyone connected to this workspace's room, this window included. */
  presence: PeerPresence[] = [];
  private readonly presenceListeners = new Set<(peers: PeerPresence[]) => void>();
  private announced: PresenceState | null = null;
  private readonly historyListeners = new Set<(records: { collection: CollectionName; id: string }[]) => void>();
  private readonly importListeners = new Set<(progress: ImportProgress) => void>();
  private searchWork: Promise<void> = Promise.resolve();
  /** Whether the engine has stored every change in this browser. */
  saveState: SaveState = SAVED;

  private constructor(id: string, projection: Projection, timings: OpenTimings, snapshot: LoadedSnapshot | null, private readonly options: SessionOptions) {
    this.id = id;
    this.projection = projection;
    this.timings = timings;
    const started = performance.now() - timings.queryableMs;
    // Background work starts after the caller's first queries have run.
    if (snapshot) this.searchReady = nextTask().then(() => this.search.addAll((snapshot.docs.creators ?? []) as unknown as SearchableCreator[]));
    this.caughtUp = (snapshot ? nextTask() : Promise.resolve()).then(() => this.catchUp(started, snapshot?.docVersion ?? null));
  }

  static async open(id: string, options: SessionOptions = {}): Promise<WorkspaceSession> {
    const started = performance.now();
    const [projection, snapshot] = await Promise.all([Projection.create(id), loadSnapshot(id).catch(() => null)]);
    try {
      const read = performance.now();
      if (snapshot) await projection.load(snapshot.docs);
      const timings: OpenTimings = {
        queryableMs: performance.now() - started, caughtUpMs: null, fromSnapshot: !!snapshot, reconciled: 0,
        ydocLoadMs: null, reconcileMs: null, engine: null,
        snapshotReadMs: snapshot ? read - started : null, snapshotLoadMs: snapshot ? performance.now() - read : null,
      };
      const session = new WorkspaceSession(id, projection, timings, snapshot, options);
      if (!snapshot) {
        try {
          await session.caughtUp;
        } catch (error) {
          await session.close().catch(() => undefined);
          throw error;
        }
      }
      return session;
    } catch (error) {
      // RxDB allows one projection per process: a failed open must not keep it.
      await projection.close().catch(() => undefined);
      throw error;
    }
  }

  /** Deletes every local copy of a workspace. */
  static async destroy(id: string): Promise<void> {
    await deleteDatabase(ydocDatabaseName(id));
    await deleteSnapshot(id).catch(() => undefined);
    await deleteRichTextDatabases(id).catch(() => undefined);
  }

  onSyncStatus(listener: (status: SyncStatus) => void): () => void {
    this.syncListeners.add(listener);
    return () => this.syncListeners.delete(listener);
  }

  /** Told when records' change histories grow. */
  onHistory(listener: (records: { collection: CollectionName; id: string }[]) => void): () => void {
    this.historyListeners.add(listener);
    return () => this.historyListeners.delete(listener);
  }

  /** Told how far each running import has got (reading, checking, saving). */
  onImportProgress(listener: (progress: ImportProgress) => void): () => void {
    this.importListeners.add(listener);
    return () => this.importListeners.delete(listener);
  }

  onPresence(listener: (peers: PeerPresence[]) => void): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  /** Tells teammates where this window is; remembered until the engine is up, then kept across reconnects. */
  setPresence(state: PresenceState | null): void {
    this.announced = state;
    if (!this.closed) void this.engine?.api.setPresence(state).catch(() => undefined);
  }

  get isCaughtUp(): boolean {
    return this.timings.caughtUpMs !== null;
  }

  /**
   * Writes go to the data engine. Issued while a big workspace is still
   * loading behind its snapshot, they wait for it, so the screen never has
   * to lock the user out.
   */
  readonly commands: Commands = new Proxy({} as Commands, {
    get: (_target, method: string) => async (...args: unknown[]) => {
      await this.caughtUp;
      if (!this.engine || this.closed) throw new Error('This workspace is closed.');
      return (this.engine.api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[method](...args);
    },
  });

  private async catchUp(started: number, basis: Uint8Array | null): Promise<void> {
    this.engine = await startEngine();
    this.timings.engine = this.engine.where;
    const engine = this.engine;
    const saveKey = `workspace:${this.id}`;
    this.stopListening = engine.onEvent((event) => {
      if (event.event === 'save-state') {
        this.saveState = event.state;
        reportSaveState(saveKey, event.state, () => void engine.api.retrySave().catch(() => undefined));
        if (event.state.state === 'saved') this.orphanSaved?.();
        return;
      }
      if (event.event === 'before-migration') {
        void this.keepStateBeforeMigration(engine, event.state);
        return;
      }
      if (this.closed) return;
      if (event.event === 'changes') void this.apply(event.batches);
      else if (event.event === 'sync-status') {
        this.syncStatus = event.status;
        this.syncListeners.forEach((l) => l(event.status));
      } else if (event.event === 'history') {
        this.historyListeners.forEach((l) => l(event.records));
      } else if (event.event === 'import-progress') {
        const { importId, phase, done, total } = event;
        this.importListeners.forEach((l) => l({ importId, phase, done, total }));
      } else if (event.event === 'presence') {
        this.presence = event.peers;
        this.presenceListeners.forEach((l) => l(event.peers));
      }
      else if (event.event === 'error' || event.event === 'snapshot-failed') console.error('Fanfare data engine:', event.message);
    });
    const me = getMe();
    const result = await this.engine.api.open(this.id, me.id, basis, me.named ? me.name : null, { waitForBackupBeforeMigration: !!this.options.beforeMigration });
    this.stopMe = onMeChange((changed) => void engine.api.setActorName(changed.name).catch(() => undefined));
    if (this.announced) void this.engine.api.setPresence(this.announced);
    if (this.closed) return;
    Object.assign(this.timings, { ydocLoadMs: result.ydocLoadMs, reconcileMs: result.reconcileMs, reconciled: result.reconciled });
    if (!result.replace) await this.apply(result.batches);
    else if (!this.timings.fromSnapshot) {
      await this.projection.applyBatches(result.batches);
      this.searchReady = this.search.addAll((result.batches.find((b) => b.collection === 'creators')?.upserts ?? []) as unknown as SearchableCreator[]);
    } else {
      // The snapshot on screen could not be matched: what the Y.Doc holds replaces it.
      const removed = await this.projection.replace(result.batches);
      await this.searchReady;
      for (const doc of result.batches.find((b) => b.collection === 'creators')?.upserts ?? []) this.search.upsert(doc as unknown as SearchableCreator);
      for (const id of removed.creators ?? []) this.search.remove(id);
    }
    this.timings.caughtUpMs = performance.now() - started;
    // Only now: other tabs' changes must land after what open() returned, never under it.
    await engine.api.joinTabs();
  }

  /** The engine waits for this answer before migrating, whatever became of the backup. */
  private async keepStateBeforeMigration(engine: EngineClient, state: Uint8Array): Promise<void> {
    try {
      await this.options.beforeMigration?.(state);
    } catch (error) {
      console.error('Fanfare could not keep a backup before updating this workspace:', error);
    } finally {
      await engine.api.migrationBackupDone().catch(() => undefined);
    }
  }

  private async apply(batches: RecordBatch[]): Promise<void> {
    const landed = this.projection.applyBatches(batches);
    const creators = batches.filter((b) => b.collection === 'creators');
    if (creators.length) {
      // Queued so batches reach the index in the order they came, now that a big one pauses between chunks.
      this.searchWork = this.searchWork
        .then(() => this.searchReady)
        .then(() => this.indexCreators(creators))
        .catch((error) => console.error('Fanfare search index:', error));
      await this.searchWork;
    }
    await landed;
  }

  /** An import brings tens of thousands of creators in one batch: indexing them yields between chunks, so the screen keeps painting. */
  private async indexCreators(batches: RecordBatch[]): Promise<void> {
    let done = 0;
    for (const batch of batches) {
      for (const doc of batch.upserts) {
        this.search.upsert(doc as unknown as SearchableCreator);
        if (++done % SEARCH_CHUNK === 0) await nextTask();
      }
      for (const id of batch.removals) this.search.remove(id);
    }
  }

  /** Saves a due snapshot now: before the window closes or another workspace opens. */
  async flush(): Promise<void> {
    await this.engine?.api.flush();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.caughtUp.catch(() => undefined);
    this.closed = true;
    this.stopMe?.();
    const engine = this.engine;
    // A stuck engine must not keep every later workspace from opening.
    const flushed = await withTimeout(engine?.api.flush().then(() => true), CLOSE_TIMEOUT_MS).catch(() => false);
    if (engine && !flushed && this.saveState.state === 'failing') {
      // The browser refuses to store some changes: the engine keeps them and
      // keeps retrying after this workspace is closed, and only then ends.
      void new Promise<void>((resolve) => { this.orphanSaved = resolve; })
        .then(() => withTimeout(engine.api.close(), CLOSE_TIMEOUT_MS))
        .catch(() => undefined)
        .finally(() => this.endEngine(engine));
    } else {
      await withTimeout(engine?.api.close(), CLOSE_TIMEOUT_MS).catch(() => undefined);
      if (engine) this.endEngine(engine);
    }
    await this.projection.close();
  }

  private orphanSaved: (() => void) | null = null;

  private endEngine(engine: EngineClient) {
    this.stopListening?.();
    engine.terminate();
    forgetSaveState(`workspace:${this.id}`);
  }
}

const CLOSE_TIMEOUT_MS = 10_000;
const SEARCH_CHUNK = 2_000;

function withTimeout<T>(promise: Promise<T> | undefined, ms: number): Promise<T | undefined> {
  if (!promise) return Promise.resolve(undefined);
  return Promise.race([promise, new Promise<undefined>((_, reject) => setTimeout(() => reject(new Error('Timed out')), ms))]);
}

/** Resolves after the current task and the rendering it triggers. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
