import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { Level } from 'level';
import { LeveldbPersistence } from 'y-leveldb';
import { SyncServerError } from './errors';

/**
 * Every room's document on disk, in LevelDB (y-leveldb's layout, so the
 * reference y-websocket server and its tools can read the same folder).
 *
 * Each update is written as it arrives and before anyone else is sent it.
 * LevelDB hands every write to the operating system before it reports
 * success, so a `kill -9` of the server loses nothing it had accepted; a
 * power cut can lose the last moments, which the clients then send again
 * from their own copies when they reconnect.
 */
export class DocPersistence {
  private readonly db: LeveldbPersistence;
  private readonly level: Level<unknown, unknown>;
  private readonly location: string;
  private readonly dataDir: string;
  private closed = false;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.location = join(dataDir, 'docs');
    mkdirSync(this.location, { recursive: true });
    let created: Level<unknown, unknown> | undefined;
    // y-leveldb opens the database lazily and only logs failures; keeping a
    // handle lets open() fail loudly and early (e.g. a second server on the same folder).
    class OpenableLevel extends Level<unknown, unknown> {
      constructor(location: string, options: object) {
        super(location, options);
        created = this as Level<unknown, unknown>;
      }
    }
    this.db = new LeveldbPersistence(this.location, { Level: OpenableLevel });
    this.level = created!;
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

  /** Loads a room's stored document (empty when the room is new). */
  async load(room: string): Promise<Y.Doc> {
    const doc = await this.db.getYDoc(room);
    // y-leveldb reports failures by logging and returning null; make them visible.
    if (!doc) throw new SyncServerError(`The document "${room}" could not be read from disk.`);
    return doc;
  }

  async store(room: string, update: Uint8Array): Promise<void> {
    if (this.closed) throw new SyncServerError('The server is shutting down; the change was not saved.');
    const clock = await this.db.storeUpdate(room, update);
    if (typeof clock !== 'number') throw new SyncServerError(`A change to "${room}" could not be saved to disk.`);
  }

  /** Merges a room's stored updates into one, so loading it stays fast. */
  async compact(room: string): Promise<void> {
    await this.db.flushDocument(room);
  }

  /** Waits for every pending write, then closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.destroy();
  }
}
