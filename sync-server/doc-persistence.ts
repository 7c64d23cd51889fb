import { mkdirSync } from 'node:fs';
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
 */
export class DocPersistence {
  private readonly level: Level<Buffer, Uint8Array>;
  private readonly location: string;
  private closed = false;

  constructor(private readonly dataDir: string) {
    this.location = join(dataDir, 'docs');
    mkdirSync(this.location, { recursive: true });
    this.level = new Level<Buffer, Uint8Array>(this.location, { keyEncoding: 'buffer', valueEncoding: 'view' });
  }

  async open(): Promise<void> {
    try {
      await this.level.open();
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      if (cause?.code === 'LEVEL_LOCKED') {
        throw new SyncServerError(`Another sync server is already using the data folder ${this.dataDir}; stop it, or pick another --data folder.`);
      }
      throw new SyncServerError(`The data folder ${this.location} could not be opened: ${(error as Error).message}.`);
    }
  }

  /** A room's stored updates in the order they were written (none when the room is new). */
  async read(room: string): Promise<StoredRoom> {
    try {
      const entries = await this.level.iterator(updateRange(room)).all();
      const updates = entries.map(([key, update]) => ({ clock: clockOfUpdateKey(key), update }));
      const [sv, meta] = await this.level.getMany([stateVectorKey(room), metaKey(room, BASE_META)]);
      return { updates, base: describedBase(updates[0]?.clock, sv, meta) };
    } catch (error) {
      throw new SyncServerError(`The document "${room}" could not be read from disk: ${(error as Error).message}.`);
    }
  }

  /** Adds one update after the others. */
  async append(room: string, clock: number, update: Uint8Array): Promise<void> {
    this.assertOpen();
    await this.level.put(updateKey(room, clock), update);
  }

  /**
   * Writes `update` at `base.clock` as the room's first update, dropping the
   * updates at `drop` (everything before it), all at once: either all of it is
   * on disk or none of it. Without `update`, saves only the description.
   */
  async writeBase(room: string, base: BaseDescription, update?: Uint8Array, drop: number[] = []): Promise<void> {
    this.assertOpen();
    const batch = this.level.batch();
    for (const old of drop) batch.del(updateKey(room, old));
    if (update) batch.put(updateKey(room, base.clock), update);
    batch.put(stateVectorKey(room), encodeStateVectorValue(base.clock, base.stateVector));
    batch.put(metaKey(room, BASE_META), encodeMeta({ clock: base.clock, deletes: base.deletes, gaps: base.gaps }));
    await batch.write();
  }

  /** Replaces the updates at `drop` with `update` at `clock`, atomically. */
  async replace(room: string, drop: number[], clock: number, update: Uint8Array): Promise<void> {
    this.assertOpen();
    const batch = this.level.batch();
    for (const old of drop) batch.del(updateKey(room, old));
    batch.put(updateKey(room, clock), update);
    await batch.write();
  }

  /** Waits for every pending write, then closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.level.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new SyncServerError('The server is shutting down; the change was not saved.');
  }
}

function describedBase(firstClock: number | undefined, sv: Uint8Array | undefined, meta: Uint8Array | undefined): BaseDescription | null {
  if (firstClock === undefined || !sv || !meta) return null;
  const stored = decodeStateVectorValue(sv);
  const described = decodeMeta(meta) as { clock?: unknown; deletes?: unknown; gaps?: unknown };
  if (stored.clock !== firstClock || described.clock !== firstClock) return null;
  if (!(described.deletes instanceof Uint8Array) || typeof described.gaps !== 'boolean') return null;
  return { clock: firstClock, stateVector: stored.stateVector, deletes: described.deletes, gaps: described.gaps };
}
