import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Level } from 'level';
import { SyncServerError } from './errors';
import {
  clockOfUpdateKey, decodeMeta, decodeStateVectorValue, encodeMeta, encodeStateVectorValue,
  metaKey, stateVectorKey, updateKey, updateRange,
} from './leveldb-layout';

/** Where the server's description of a room's first stored update lives (y-leveldb meta). */
const BASE_META = 'fanfare-base';

export interface StoredUpdate {
  clock: number;
  update: Uint8Array;
}

/** What the server knows about the oldest stored update of a room, saved so a restart need not re-read it. */
export interface BaseDescription {
  clock: number;
  stateVector: Uint8Array;
  /** Its deletions alone, as an update. */
  deletes: Uint8Array;
  /** It holds structs past a gap (beyond its state vector). */
  gaps: boolean;
}

export interface StoredRoom {
  updates: StoredUpdate[];
  /** Null when it is missing or describes another update than the first (written by y-leveldb, or older). */
  base: BaseDescription | null;
}

type WriteOp = { type: 'put'; key: Buffer; value: Uint8Array } | { type: 'del'; key: Buffer };

interface PendingWrite {
  ops: WriteOp[];
  resolve(): void;
  reject(error: Error): void;
}

/** How long to wait between attempts to reopen the store after a storage error. */
export interface StorageRetry {
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_STORAGE_RETRY: StorageRetry = { firstMs: 1_000, maxMs: 30_000 };

/** What happens to the store, for the log and for the rooms. */
export type StorageEvent =
  | { type: 'failed'; message: string; cause: string }
  | { type: 'reopen-failed'; attempt: number; cause: string; retryInMs: number }
  | { type: 'recovered'; attempt: number; downMs: number };

/**
 * Thrown for a write while the store is down (after a storage error, until it
 * is reopened), and for a write that failed: the change was not saved, and
 * the client still has it.
 */
export class StorageUnavailable extends Error {
  override name = 'StorageUnavailable';
}

/**
 * Every room's document on disk, in LevelDB, in y-leveldb's layout (so the
 * reference y-websocket server and y-leveldb's tools read the same folder):
 * a list of updates per room, merged now and then.
 *
 * Each update is written as it arrives and before anyone else is sent it.
 * LevelDB hands every write to the operating system before it reports
 * success, so a `kill -9` of the server loses nothing it had accepted; a
 * power cut can lose the last moments, which the clients then send again
 * from their own copies when they reconnect. Merges are one atomic batch.
 *
 * A failed write (disk full, an I/O error, any LevelDB error) can leave a
 * torn record at the end of LevelDB's log. LevelDB itself keeps appending to
 * that log, and every later record in the same block is dropped as corrupt
 * on the next start: writes that "succeeded" would be lost. So after the
 * first failed write this store refuses every write, closes that LevelDB
 * instance and reopens it (which replays the log up to the tear and starts a
 * fresh one), retrying with backoff while the disk is still full. Writes
 * also go to LevelDB one batch at a time, so no write can complete after one
 * that tore the log and be reported as saved; writes that arrive meanwhile
 * (from other rooms) are gathered into the next batch, which is saved or
 * refused as a whole.
 */
export class DocPersistence {
  private level: Level<Buffer, Uint8Array>;
  private readonly location: string;
  private closed = false;
  /** Set from the first failed write until the store is reopened. */
  private down: { since: number } | null = null;
  private recovery: Promise<void> | null = null;
  private wakeRecovery: (() => void) | null = null;
  /** Writes waiting for the batch in flight to finish. */
  private pending: PendingWrite[] = [];
  /** The loop that writes them, while there are any. */
  private flushing: Promise<void> | null = null;
  private readonly listeners = new Set<(event: StorageEvent) => void>();

  constructor(
    private readonly dataDir: string,
    private readonly retry: StorageRetry = DEFAULT_STORAGE_RETRY,
  ) {
    this.location = join(dataDir, 'docs');
    mkdirSync(this.location, { recursive: true, mode: 0o700 });
    this.level = this.newLevel();
  }

  /** The folder LevelDB keeps its files in. */
  get folder(): string {
    return this.location;
  }

  /** False from a storage error until the store has been reopened: no write is tried meanwhile. */
  get writable(): boolean {
    return !this.closed && !this.down;
  }

  onEvent(listener: (event: StorageEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async open(): Promise<void> {
    try {
      await this.level.open();
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      if (cause?.code === 'LEVEL_LOCKED') {
        throw new SyncServerError(`Another sync server is already using the data folder ${this.dataDir}; stop it, or pick another --data folder.`);
      }
      throw new SyncServerError(`The data folder ${this.location} could not be opened: ${describe(error)}.`);
    }
    restrictPermissions(this.dataDir, this.location);
  }

  /** A room's stored updates in the order they were written (none when the room is new). */
  async read(room: string): Promise<StoredRoom> {
    if (!this.writable) throw new StorageUnavailable('The store is being reopened after a storage error.');
    try {
      const entries = await this.level.iterator(updateRange(room)).all();
      const updates = entries.map(([key, update]) => ({ clock: clockOfUpdateKey(key), update }));
      const [sv, meta] = await this.level.getMany([stateVectorKey(room), metaKey(room, BASE_META)]);
      return { updates, base: describedBase(updates[0]?.clock, sv, meta) };
    } catch (error) {
      // A failed read tears nothing: only this room is affected (a damaged table file, say).
      if (!this.writable) throw new StorageUnavailable('The store is being reopened after a storage error.');
      throw new SyncServerError(`The document "${room}" could not be read from disk: ${describe(error)}.`);
    }
  }

  /** Adds one update after the others. */
  append(room: string, clock: number, update: Uint8Array): Promise<void> {
    return this.write([{ type: 'put', key: updateKey(room, clock), value: update }]);
  }

  /**
   * Writes `update` at `base.clock` as the room's first update, dropping the
   * updates at `drop` (everything before it), all at once: either all of it is
   * on disk or none of it. Without `update`, saves only the description.
   */
  writeBase(room: string, base: BaseDescription, update?: Uint8Array, drop: number[] = []): Promise<void> {
    const ops: WriteOp[] = drop.map((old) => ({ type: 'del', key: updateKey(room, old) }));
    if (update) ops.push({ type: 'put', key: updateKey(room, base.clock), value: update });
    ops.push({ type: 'put', key: stateVectorKey(room), value: encodeStateVectorValue(base.clock, base.stateVector) });
    ops.push({ type: 'put', key: metaKey(room, BASE_META), value: encodeMeta({ clock: base.clock, deletes: base.deletes, gaps: base.gaps }) });
    return this.write(ops);
  }

  /** Replaces the updates at `drop` with `update` at `clock`, atomically. */
  replace(room: string, drop: number[], clock: number, update: Uint8Array): Promise<void> {
    const ops: WriteOp[] = drop.map((old) => ({ type: 'del', key: updateKey(room, old) }));
    ops.push({ type: 'put', key: updateKey(room, clock), value: update });
    return this.write(ops);
  }

  /** Waits for every pending write, then closes the database (also while it is being reopened). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wakeRecovery?.();
    await this.recovery;
    await this.flushing;
    await this.level.close().catch(() => undefined);
  }

  /**
   * Queues one atomic write. It fails at once while the store is down; a
   * batch that fails takes the store down, and none of its writes counts as
   * saved.
   */
  private write(ops: WriteOp[]): Promise<void> {
    if (this.closed) return Promise.reject(new SyncServerError('The server is shutting down; the change was not saved.'));
    if (this.down) return Promise.reject(new StorageUnavailable('The store is being reopened after a storage error; the change was not saved.'));
    return new Promise((resolve, reject) => {
      this.pending.push({ ops, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /** Writes what is queued, one LevelDB batch at a time, until nothing is. */
  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending.splice(0);
      if (this.down) {
        const refused = new StorageUnavailable('The store is being reopened after a storage error; the change was not saved.');
        for (const write of group) write.reject(refused);
        continue;
      }
      try {
        await this.level.batch(group.length === 1 ? group[0].ops : group.flatMap((write) => write.ops));
      } catch (error) {
        this.fail(error);
        const failed = new StorageUnavailable(`The change could not be saved: ${describe(error)}.`);
        for (const write of group) write.reject(failed);
        continue;
      }
      for (const write of group) write.resolve();
    }
    this.flushing = null;
  }

  private fail(error: unknown): void {
    if (this.down || this.closed) return;
    this.down = { since: Date.now() };
    const cause = describe(error);
    this.emit({
      type: 'failed',
      cause,
      message: `The server cannot save to ${this.location} (${cause}); it accepts no changes until it has reopened its store.${diskFull(cause) ? ' Free some space on that disk.' : ''}`,
    });
    this.recovery = this.reopen();
  }

  /** Closes the LevelDB instance that failed, then opens a new one, with backoff until that works. */
  private async reopen(): Promise<void> {
    await this.level.close().catch(() => undefined);
    let delay = this.retry.firstMs;
    for (let attempt = 1; ; attempt++) {
      await this.pause(delay);
      if (this.closed) return;
      const level = this.newLevel();
      try {
        await level.open();
      } catch (error) {
        await level.close().catch(() => undefined);
        delay = Math.min(delay * 2, this.retry.maxMs);
        this.emit({ type: 'reopen-failed', attempt, cause: describe(error), retryInMs: delay });
        continue;
      }
      if (this.closed) {
        await level.close().catch(() => undefined);
        return;
      }
      this.level = level;
      try {
        restrictPermissions(this.dataDir, this.location);
      } catch {
        // Permissions are tightened again at the next start; saving matters more now.
      }
      const downMs = Date.now() - this.down!.since;
      this.down = null;
      this.recovery = null;
      this.emit({ type: 'recovered', attempt, downMs });
      return;
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeRecovery = done;
    }).finally(() => {
      this.wakeRecovery = null;
    });
  }

  private newLevel(): Level<Buffer, Uint8Array> {
    return new Level<Buffer, Uint8Array>(this.location, { keyEncoding: 'buffer', valueEncoding: 'view' });
  }

  private emit(event: StorageEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/**
 * Stored documents are for the server alone: its folders are 0700 and its
 * files 0600 (LevelDB creates later files under the process umask, which the
 * server tightens too).
 */
function restrictPermissions(dataDir: string, docs: string): void {
  if (process.platform === 'win32') return;
  chmodSync(dataDir, 0o700);
  chmodSync(docs, 0o700);
  for (const entry of readdirSync(docs, { withFileTypes: true })) {
    if (entry.isFile()) chmodSync(join(docs, entry.name), 0o600);
  }
}

/** LevelDB's own message, with the operating system's reason when it has one. */
function describe(error: unknown): string {
  const e = error as { message?: string; cause?: { message?: string } };
  const message = e?.message ?? String(error);
  return e?.cause?.message && !message.includes(e.cause.message) ? `${message}: ${e.cause.message}` : message;
}

const diskFull = (cause: string): boolean => /no space left|ENOSPC|quota/i.test(cause);

function describedBase(firstClock: number | undefined, sv: Uint8Array | undefined, meta: Uint8Array | undefined): BaseDescription | null {
  if (firstClock === undefined || !sv || !meta) return null;
  const stored = decodeStateVectorValue(sv);
  const described = decodeMeta(meta) as { clock?: unknown; deletes?: unknown; gaps?: unknown };
  if (stored.clock !== firstClock || described.clock !== firstClock) return null;
  if (!(described.deletes instanceof Uint8Array) || typeof described.gaps !== 'boolean') return null;
  return { clock: firstClock, stateVector: stored.stateVector, deletes: described.deletes, gaps: described.gaps };
}
