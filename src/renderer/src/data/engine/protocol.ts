import type { RecordBatch } from '../../../../shared/data/batches';
import type { CreateOptions, StoreOperation, UpdateOptions } from '../../../../shared/data/store';
import type { CollectionName } from '../../../../shared/data/schemas';
import type { FieldChangeView } from '../../../../shared/data/history';
import type { DuplicateGroup } from '../../../../shared/data/likely-duplicates';
import type { DemoOptions } from '../../../../shared/demo/generate';
import type { Invite } from '../../../../shared/sync/invite';
import type { PeerPresence, PresenceState } from '../../../../shared/sync/presence';
import type { ImportPlan } from '../../../../shared/import/plan';
import type { ImportPreview } from '../../../../shared/import/read';
import type { ImportSettings } from '../../../../shared/import/types';
import type { ImportResult } from './import-jobs';
import type { SaveState } from '../local-store';

/**
 * Messages between the UI thread and the data engine (a worker where the
 * platform allows, else the same code on the UI thread). Everything is plain
 * data: it is structured-cloned across the worker boundary.
 */
export interface EngineCalls {
  /** `basis` is the docVersion of the snapshot the UI is showing, or null when it shows none. */
  open(workspaceId: string, actorId: string | null, basis: Uint8Array | null, actorName?: string | null, options?: OpenOptions): Promise<OpenResult>;
  /** Answers 'before-migration': the backup of the state before it is kept (or could not be), so the migration goes on. */
  migrationBackupDone(): void;
  create(collection: CollectionName, input: unknown, options?: CreateOptions): Record<string, unknown>;
  createMany(collection: CollectionName, inputs: unknown[]): number;
  update(collection: CollectionName, id: string, patch: Record<string, unknown>, options?: UpdateOptions): Record<string, unknown>;
  move(collection: CollectionName, id: string, between: { before?: number | null; after?: number | null }): void;
  softDelete(collection: CollectionName, ids: string[]): void;
  restore(collection: CollectionName, ids: string[]): void;
  /** Several updates and moves to the trash as one action (one undo step); all are checked before any is written. */
  applyAll(operations: StoreOperation[]): void;
  /** Creators that are probably one person (same handle on a platform, or same email), minus pairs marked as different. */
  likelyDuplicates(options?: { names?: boolean }): DuplicateGroup[];
  /** Folds the other records into the kept one: fields joined, links moved, the others to the trash. */
  mergeCreators(keepId: string, otherIds: string[]): void;
  /** The name stamped on this person's history lines from now on. */
  setActorName(name: string | null): void;
  /** A record's field history, newest first: who changed what, and both sides of a conflict. */
  history(collection: CollectionName, id: string): FieldChangeView[];
  undo(): boolean;
  redo(): boolean;
  /** Keeps step with other tabs and windows on this workspace from now on (after the UI shows what open() returned). */
  joinTabs(): void;
  /** Tries a write the browser refused again now, rather than at the next automatic retry. */
  retrySave(): void;
  /** Links the open workspace to a team sync server (replacing any earlier link). */
  connect(invite: Invite): void;
  pauseSync(): void;
  resumeSync(): void;
  disconnect(): void;
  /** What this window tells teammates about itself (kept across reconnects; null: nothing). */
  setPresence(state: PresenceState | null): void;
  /**
   * Import, step 1: reads a CSV or XLSX file (a File from the page, or its
   * bytes) into the engine and returns what the column step shows.
   */
  importRead(importId: string, file: Blob | ArrayBuffer | Uint8Array, fileName: string): Promise<ImportPreview>;
  /** Step 2, the dry run: every row checked and matched against the workspace; nothing is written. Reports 'import-progress'. */
  importPlan(importId: string, settings: ImportSettings): Promise<ImportResult>;
  /** Step 3: writes the checked import in one transaction (checking again first if the workspace changed meanwhile). */
  importCommit(importId: string): Promise<ImportResult>;
  /** Stops a read or check in progress; nothing has been written before the commit. */
  importCancel(importId: string): void;
  /** The report (every row: created, updated, skipped or not imported, and why) as CSV text. */
  importReportCsv(importId: string): string;
  /** Lets go of an import's file and plan. */
  importDiscard(importId: string): void;
  /** Writes a prepared plan: every create and update in one transaction, all or nothing. Returns how many records it wrote. */
  importCreators(plan: ImportPlan): number;
  /** Fills an empty workspace with the deterministic sample brand; returns how many records were written. */
  loadDemo(options: DemoOptions): number;
  /** Resolves once every change is stored on this computer (waiting while the browser refuses), and a due snapshot written. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export type EngineMethod = keyof EngineCalls;

export interface OpenOptions {
  /**
   * When records need migrating, wait after 'before-migration' until
   * migrationBackupDone() is called before changing them. Without it the
   * event is still sent, but the migration does not wait.
   */
  waitForBackupBeforeMigration?: boolean;
}

export interface OpenResult {
  /**
   * Changes that bring what the UI shows level with the Y.Doc. With
   * `replace`, they are every record: anything else the UI holds is gone.
   */
  batches: RecordBatch[];
  replace: boolean;
  ydocLoadMs: number;
  reconcileMs: number;
  reconciled: number;
}

export interface EngineRequest {
  callId: number;
  method: EngineMethod;
  args: unknown[];
}

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  fields?: Record<string, string>;
}

export type EngineResponse =
  | { callId: number; ok: true; value: unknown }
  | { callId: number; ok: false; error: SerializedError };

export type EngineEvent =
  | { event: 'ready' }
  | { event: 'changes'; batches: RecordBatch[] }
  | { event: 'snapshot-saved'; at: string }
  | { event: 'snapshot-failed'; message: string }
  /** Whether every change is stored in this browser; 'failing' when it refuses (a full disk), with the changes kept in memory. */
  | { event: 'save-state'; state: SaveState }
  | { event: 'error'; message: string }
  /**
   * Records are about to be migrated to a newer shape: the workspace's whole
   * state as it was loaded (Y.encodeStateAsUpdate), to keep as a backup.
   */
  | { event: 'before-migration'; state: Uint8Array }
  | { event: 'sync-status'; status: SyncStatus }
  /** Records whose change history grew (an edit here or a teammate's). */
  | { event: 'history'; records: { collection: CollectionName; id: string }[] }
  /** Everyone connected to the workspace, this window included. */
  | { event: 'presence'; peers: PeerPresence[] }
  /** How far an import has got: reading the file, checking its rows, saving. */
  | { event: 'import-progress'; importId: string; phase: ImportPhase; done: number; total: number };

export type ImportPhase = 'reading' | 'checking' | 'saving';

/** What the header shows about team sync. */
export interface SyncStatus {
  state: 'off' | 'offline' | 'connecting' | 'synced' | 'paused' | 'refused';
  /**
   * The person's changes the server has not confirmed yet: one per edit
   * (a saved form, a renamed brief, a moved card: one undo step), whether
   * made offline or in flight; a rich-text document with unsent text counts
   * as one.
   */
  waiting: number;
  message: string | null;
  /** Something local (an edit or the app's own bookkeeping) is not confirmed by the server yet: never "Synced" then. */
  unsent?: boolean;
}

export type EngineMessage = EngineResponse | EngineEvent;
