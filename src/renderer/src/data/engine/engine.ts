import * as Y from 'yjs';
import { batchesFor, batchSize, diffBatches, projectAll, type RecordBatch } from '../../../../shared/data/batches';
import { CommandError } from '../../../../shared/data/command-error';
import { migrateWorkspace } from '../../../../shared/data/migrations';
import { collectionNames, type CollectionName } from '../../../../shared/data/schemas';
import { WorkspaceStore, type UpdateOptions } from '../../../../shared/data/store';
import { observeRecords } from '../../../../shared/data/ydoc';
import { generateDemoWorkspace, type DemoOptions } from '../../../../shared/demo/generate';
import { loadDemoRecords } from '../../../../shared/demo/load';
import { loadSnapshot, saveSnapshot } from '../snapshot-store';
import type { Invite } from '../../../../shared/sync/invite';
import { ydocDatabaseName } from './names';
import { TeamSync } from './team-sync';
import type { PresenceState } from '../../../../shared/sync/presence';
import { observeHistory } from '../../../../shared/data/history';
import { likelyDuplicates } from '../../../../shared/data/likely-duplicates';
import { mergeCreators } from '../../../../shared/data/merge-creators';
import type { StoreOperation } from '../../../../shared/data/store';
import type { EngineCalls, EngineEvent, EngineRequest, EngineResponse, OpenOptions, OpenResult, SerializedError } from './protocol';
import { commitImport } from '../../../../shared/import/commit';
import type { ImportPlan } from '../../../../shared/import/plan';
import type { ImportSettings } from '../../../../shared/import/types';
import { ImportJobs } from './import-jobs';
import { needsMigration } from './needs-migration';
import { LocalStore } from '../local-store';
import { TabSync } from '../tab-sync';

const SNAPSHOT_DELAY_MS = 2_000;
/**
 * Records per 'changes' message. An import changes 50,000 records in one
 * transaction; sent whole, the UI thread would spend seconds in one go
 * unpacking them and filling the projection, and in pieces it paints between
 * them. Every piece makes each live list recompute once, so pieces trade the
 * longest freeze against the total: at 50,000 creators, pieces of 10,000 froze
 * the screen for up to 0.41–0.46 s, 5,000 for 0.22–0.33 s in the same total
 * time, and 2,500 for 0.21–0.28 s at ~0.4 s more in all.
 */
const CHANGES_CHUNK = 5_000;

/**
 * The owner of a workspace's Y.Doc: loads it from IndexedDB, migrates it,
 * runs the domain commands and undo, tells the UI what changed, and keeps the
 * projection snapshot fresh. It runs in a worker so that loading and saving a
 * big workspace never freezes the screen.
 */
export class DataEngine implements EngineCalls {
  private doc: Y.Doc | null = null;
  private store: WorkspaceStore | null = null;
  private local: LocalStore | null = null;
  private stopSaveState: (() => void) | null = null;
  private tabs: TabSync | null = null;
  private workspaceId: string | null = null;
  private snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  private snapshotWrite: Promise<void> = Promise.resolve();
  private unobserve: (() => void) | null = null;
  private sync: TeamSync | null = null;
  private presence: PresenceState | null = null;
  private readonly imports: ImportJobs;
  /** Lets a waiting open() go on to migrate once the UI has kept the backup of the state before it. */
  private stateKept: { done: () => void; closed: (error: Error) => void } | null = null;

  constructor(private readonly emit: (event: EngineEvent) => void) {
    this.imports = new ImportJobs(emit);
  }

  async open(
    workspaceId: string, actorId: string | null, basis: Uint8Array | null, actorName: string | null = null, options: OpenOptions = {},
  ): Promise<OpenResult> {
    await this.close();
    const started = performance.now();
    this.workspaceId = workspaceId;
    this.doc = new Y.Doc();
    this.store = new WorkspaceStore(this.doc, { actorId, actorName });
    const local = new LocalStore(ydocDatabaseName(workspaceId), this.doc);
    this.local = local;
    this.stopSaveState = local.onState((state) => this.emit({ event: 'save-state', state }));
    await local.loaded;
    // The check is migrateWorkspace's own scan, stopping early: an up-to-date workspace is scanned once, as before.
    if (needsMigration(this.doc)) {
      await this.handOverStateBeforeMigration(this.doc, options.waitForBackupBeforeMigration === true);
      migrateWorkspace(this.doc);
    }
    const ydocLoadMs = performance.now() - started;

    const reconciling = performance.now();
    const { batches, replace } = await this.catchUpFrom(basis);
    if (replace || batches.length) this.scheduleSnapshot();
    const stopRecords = observeRecords(this.doc, (changes) => {
      for (const batches of inChunks(batchesFor(this.doc!, changes), CHANGES_CHUNK)) this.emit({ event: 'changes', batches });
      this.scheduleSnapshot();
    });
    const stopHistory = observeHistory(this.doc, (records) => this.emit({ event: 'history', records }));
    this.unobserve = () => {
      stopRecords();
      stopHistory();
    };
    return { batches, replace, ydocLoadMs, reconcileMs: performance.now() - reconciling, reconciled: replace ? 0 : batchSize(batches) };
  }

  /**
   * A migration rewrites records in the one durable copy, so the workspace
   * as it was loaded goes to the UI first to be kept as a backup. When asked
   * to, this waits until the UI says it is done (kept or failed: a migration
   * is not optional), so a crash during the migration finds the backup there.
   */
  private async handOverStateBeforeMigration(doc: Y.Doc, wait: boolean): Promise<void> {
    const state = Y.encodeStateAsUpdate(doc);
    if (!wait) {
      this.emit({ event: 'before-migration', state });
      return;
    }
    const kept = new Promise<void>((done, closed) => { this.stateKept = { done, closed }; });
    this.emit({ event: 'before-migration', state });
    await kept;
  }

  /** The UI has kept (or failed to keep) the backup asked for by 'before-migration': the migration goes on. */
  migrationBackupDone() {
    this.stateKept?.done();
    this.stateKept = null;
  }

  /**
   * What the UI needs, given the snapshot it shows: nothing when that
   * snapshot is this very Y.Doc; the records that differ when the engine can
   * read that same snapshot; otherwise everything, to replace what it shows.
   */
  private async catchUpFrom(basis: Uint8Array | null): Promise<{ batches: RecordBatch[]; replace: boolean }> {
    const doc = this.doc!;
    if (basis && sameBytes(docVersion(doc), basis)) return { batches: [], replace: false };
    if (basis) {
      const snapshot = await loadSnapshot(this.workspaceId!).catch(() => null);
      if (snapshot && sameBytes(snapshot.docVersion, basis)) return { batches: diffBatches(doc, snapshot.docs), replace: false };
    }
    const all = projectAll(doc);
    const batches = collectionNames.map((collection) => ({ collection, upserts: all[collection] ?? [], removals: [] }));
    return { batches, replace: true };
  }

  create(collection: CollectionName, input: unknown, options = {}) {
    return this.requireStore().create(collection, input as never, options) as unknown as Record<string, unknown>;
  }

  createMany(collection: CollectionName, inputs: unknown[]) {
    return this.requireStore().createMany(collection, inputs as never[]).length;
  }

  update(collection: CollectionName, id: string, patch: Record<string, unknown>, options: UpdateOptions = {}) {
    return this.requireStore().update(collection, id, patch as never, options) as unknown as Record<string, unknown>;
  }

  move(collection: CollectionName, id: string, between: { before?: number | null; after?: number | null }) {
    this.requireStore().move(collection, id, between);
  }

  softDelete(collection: CollectionName, ids: string[]) {
    this.requireStore().softDelete(collection, ids);
  }

  restore(collection: CollectionName, ids: string[]) {
    this.requireStore().restore(collection, ids);
  }

  applyAll(operations: StoreOperation[]) {
    this.requireStore().applyAll(operations);
  }

  likelyDuplicates(options: { names?: boolean } = {}) {
    this.requireStore();
    return likelyDuplicates(this.doc!, options);
  }

  mergeCreators(keepId: string, otherIds: string[]) {
    const store = this.requireStore();
    // Several records of one person fold in one after the other; Ctrl+Z takes back each fold.
    for (const otherId of otherIds) mergeCreators(store, keepId, otherId);
  }

  setActorName(name: string | null) {
    this.requireStore().setActorName(name);
  }

  history(collection: CollectionName, id: string) {
    return this.requireStore().history(collection, id);
  }

  undo() {
    return this.requireStore().undo();
  }

  redo() {
    return this.requireStore().redo();
  }

  importRead(importId: string, file: Blob | ArrayBuffer | Uint8Array, fileName: string) {
    this.requireStore();
    return this.imports.read(importId, file, fileName);
  }

  importPlan(importId: string, settings: ImportSettings) {
    this.requireStore();
    return this.imports.plan(importId, settings, this.doc!);
  }

  importCommit(importId: string) {
    return this.imports.commit(importId, this.requireStore(), this.doc!);
  }

  importCancel(importId: string) {
    this.imports.cancel(importId);
  }

  importReportCsv(importId: string) {
    return this.imports.reportCsv(importId);
  }

  importDiscard(importId: string) {
    this.imports.discard(importId);
  }

  importCreators(plan: ImportPlan) {
    commitImport(this.requireStore(), plan);
    return plan.creates.length + plan.updates.length;
  }

  loadDemo(options: DemoOptions) {
    const store = this.requireStore();
    if (store.list('settings', { includeDeleted: true }).length > 0) return 0;
    return loadDemoRecords(store, generateDemoWorkspace(options));
  }

  /**
   * Starts keeping step with other tabs and windows on this workspace. The
   * UI calls it once it shows what open() returned, so their changes arrive
   * as batches after that, never under it.
   */
  joinTabs() {
    if (!this.doc || !this.workspaceId || this.tabs || typeof BroadcastChannel === 'undefined') return;
    this.tabs = new TabSync(this.doc, ydocDatabaseName(this.workspaceId));
    this.tabs.join();
  }

  /** Tries a write the browser refused again now. */
  retrySave() {
    this.local?.retryNow();
  }

  connect(invite: Invite) {
    if (!this.doc) throw new CommandError('not-found', 'No workspace is open.');
    this.sync?.destroy();
    this.sync = new TeamSync(this.doc, invite, (status) => this.emit({ event: 'sync-status', status }), (peers) => this.emit({ event: 'presence', peers }));
    this.sync.setPresence(this.presence);
  }

  setPresence(state: PresenceState | null) {
    this.presence = state;
    this.sync?.setPresence(state);
  }

  pauseSync() {
    this.sync?.pause();
  }

  resumeSync() {
    this.sync?.resume();
  }

  disconnect() {
    this.sync?.destroy();
    this.sync = null;
    this.emit({ event: 'sync-status', status: { state: 'off', waiting: 0, message: null } });
  }

  /**
   * Resolves when every change so far is on disk, and the snapshot too if
   * one was due: before the window closes, before switching workspace.
   */
  async flush() {
    await this.persisted();
    if (this.snapshotTimer) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = null;
      this.writeSnapshot();
    }
    await this.snapshotWrite;
  }

  async close() {
    // An open() waiting for a backup must not wait for ever, nor migrate a workspace being closed.
    this.stateKept?.closed(new Error('This workspace was closed while it was opening.'));
    this.stateKept = null;
    this.imports.clear();
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    this.unobserve?.();
    this.unobserve = null;
    this.sync?.destroy();
    this.sync = null;
    // Ending the worker before every change is stored would lose those edits;
    // while the browser refuses them this waits (the UI keeps the engine alive meanwhile).
    await this.persisted();
    this.tabs?.destroy();
    this.tabs = null;
    await this.snapshotWrite;
    this.store?.destroy();
    this.stopSaveState?.();
    this.stopSaveState = null;
    await this.local?.destroy();
    this.doc?.destroy();
    this.doc = null;
    this.store = null;
    this.local = null;
  }

  /** Every change so far stored: a refused write is retried until it is. */
  private persisted(): Promise<void> {
    return this.local?.flush() ?? Promise.resolve();
  }

  /** Runs one request and answers it; command errors keep their field messages. */
  async handle(request: EngineRequest): Promise<EngineResponse> {
    try {
      const method = this[request.method] as (...args: unknown[]) => unknown;
      if (typeof method !== 'function') throw new Error(`Unknown data command "${request.method}"`);
      const value = await method.apply(this, request.args);
      return { callId: request.callId, ok: true, value };
    } catch (error) {
      return { callId: request.callId, ok: false, error: serializeError(error) };
    }
  }

  private scheduleSnapshot() {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      this.writeSnapshot();
    }, SNAPSHOT_DELAY_MS);
  }

  /** Writes run one after another; a failed one is reported and the next change tries again. */
  private writeSnapshot(): void {
    const doc = this.doc;
    const workspaceId = this.workspaceId;
    if (!doc || !workspaceId) return;
    const version = docVersion(doc);
    const docs = projectAll(doc);
    this.snapshotWrite = this.snapshotWrite
      .then(() => saveSnapshot(workspaceId, version, docs))
      .then(
        () => this.emit({ event: 'snapshot-saved', at: new Date().toISOString() }),
        (error) => this.emit({ event: 'snapshot-failed', message: error instanceof Error ? error.message : String(error) }),
      );
  }

  private requireStore(): WorkspaceStore {
    if (!this.store) throw new CommandError('not-found', 'No workspace is open.');
    return this.store;
  }
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof CommandError) return { name: 'CommandError', message: error.message, code: error.code, fields: error.fields };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Splits batches into groups of at most `size` records, in order. */
function inChunks(batches: RecordBatch[], size: number): RecordBatch[][] {
  const out: RecordBatch[][] = [];
  let current: RecordBatch[] = [];
  let room = size;
  for (const batch of batches) {
    let upserts = batch.upserts;
    let removals = batch.removals;
    while (upserts.length || removals.length) {
      const up = upserts.slice(0, room);
      const rm = removals.slice(0, room - up.length);
      upserts = upserts.slice(up.length);
      removals = removals.slice(rm.length);
      current.push({ collection: batch.collection, upserts: up, removals: rm });
      room -= up.length + rm.length;
      if (room === 0) {
        out.push(current);
        current = [];
        room = size;
      }
    }
  }
  if (current.length) out.push(current);
  return out;
}

/** The Y.Doc's state vector and delete set: deletions (an undone create) change only the latter. */
function docVersion(doc: Y.Doc): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(doc));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
