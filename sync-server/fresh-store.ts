import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Level } from 'level';

/** Entries are written in batches of about this many bytes: few writes, bounded memory for a 60 MB room. */
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * A new LevelDB written from scratch with the entries read from another one,
 * in key order: what a backup and a repair hand over. Finished, it is
 * compacted into table files (no log to replay) and holds nothing else.
 * `digest` covers every key and value added, to compare a read-back against.
 */
export class FreshStore {
  readonly digest: Hash = createHash('sha256');
  entries = 0;
  private batch: Array<{ type: 'put'; key: Buffer; value: Uint8Array }> = [];
  private batchBytes = 0;

  private constructor(private readonly db: Level<Buffer, Uint8Array>) {}

  static async create(location: string): Promise<FreshStore> {
    mkdirSync(location, { recursive: true, mode: 0o700 });
    const db = new Level<Buffer, Uint8Array>(location, { keyEncoding: 'buffer', valueEncoding: 'view', errorIfExists: true });
    await db.open();
    return new FreshStore(db);
  }

  async add(key: Buffer, value: Uint8Array): Promise<void> {
    digestEntry(this.digest, key, value);
    this.entries++;
    // The reader may reuse its buffers: keep copies until the batch is written.
    this.batch.push({ type: 'put', key: Buffer.from(key), value: Uint8Array.from(value) });
    this.batchBytes += key.length + value.length;
    if (this.batchBytes >= BATCH_BYTES) await this.flush();
  }

  async finish(): Promise<string> {
    await this.flush();
    const compactable = this.db as unknown as { compactRange(start: Buffer, end: Buffer): Promise<void> };
    // y-leveldb's keys all start with a small type byte: this range covers them all.
    await compactable.compactRange(Buffer.alloc(0), Buffer.alloc(64, 0xff));
    await this.db.close();
    return this.digest.digest('hex');
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    await this.db.batch(this.batch);
    this.batch = [];
    this.batchBytes = 0;
  }
}

export function digestEntry(hash: Hash, key: Uint8Array, value: Uint8Array): void {
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32BE(key.length, 0);
  lengths.writeUInt32BE(value.length, 4);
  hash.update(lengths);
  hash.update(key);
  hash.update(value);
}

/** LevelDB's own bookkeeping that a copy does not need (LOCK is re-created on open). */
export function dropLevelBookkeeping(location: string): void {
  for (const name of ['LOCK', 'LOG', 'LOG.old']) rmSync(join(location, name), { force: true });
}
