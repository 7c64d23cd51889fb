import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { MediaStatus } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Leftovers of a crash or a killed download; younger ones may belong to another Fanfare on the same folder. */
const STALE_INCOMING_MS = 24 * 60 * 60 * 1000;

export const DAMAGED = 'The file arrived damaged; try again.';

export interface WriteOptions {
  /** The SHA-256 the bytes must have (a download); without it, whatever they hash to (a new file). */
  expected?: string;
  signal?: AbortSignal;
  /** Bytes written so far, after each chunk. */
  onBytes?: (done: number) => void;
}

export interface Written {
  sha256: string;
  sizeBytes: number;
  /** False when the store had these bytes already (nothing new was kept). */
  stored: boolean;
}

/**
 * Media bytes on this computer, content-addressed: `<root>/<ab>/<sha256>`.
 * Bytes are hashed while they stream into `<root>/.incoming`, flushed, and
 * only then renamed to their final name, so a crash or a cancelled download
 * never leaves a half file where a whole one is expected, and a file's name
 * always says what is in it.
 */
export class MediaStore {
  readonly root: string;
  private readonly incoming: string;
  private prepared: Promise<void> | null = null;

  constructor(root: string) {
    this.root = resolve(root);
    this.incoming = join(this.root, '.incoming');
  }

  pathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new HostError('invalid-input', 'Not a file fingerprint (SHA-256).');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async sizeOf(sha256: string): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(sha256));
      return info.isFile() ? info.size : null;
    } catch {
      return null;
    }
  }

  async status(sha256s: string[]): Promise<MediaStatus> {
    const unique = [...new Set(sha256s)];
    const sizes = await Promise.all(unique.map((s) => this.sizeOf(s)));
    return {
      present: unique.filter((_, i) => sizes[i] !== null),
      missing: unique.filter((_, i) => sizes[i] === null),
    };
  }

  /**
   * Streams bytes into the store. With `expected`, bytes that hash to anything
   * else are thrown away (HostError "damaged"). On any failure or cancel the
   * temp file is removed.
   */
  async write(source: AsyncIterable<Buffer | Uint8Array>, options: WriteOptions = {}): Promise<Written> {
    await this.prepare();
    const temp = join(this.incoming, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    try {
      const file = await open(temp, 'wx', 0o600);
      try {
        for await (const chunk of source) {
          options.signal?.throwIfAborted();
          hash.update(chunk);
          await file.write(chunk);
          size += chunk.length;
          options.onBytes?.(size);
        }
        options.signal?.throwIfAborted();
        await file.sync();
      } finally {
        await file.close();
      }
      const sha256 = hash.digest('hex');
      if (options.expected && sha256 !== options.expected) throw new HostError('damaged', DAMAGED);
      const target = this.pathOf(sha256);
      if ((await this.sizeOf(sha256)) !== null) return { sha256, sizeBytes: size, stored: false };
      await mkdir(dirname(target), { recursive: true });
      await rename(temp, target);
      fsyncDir(dirname(target));
      return { sha256, sizeBytes: size, stored: true };
    } catch (error) {
      throw diskProblem(error, this.root) ?? error;
    } finally {
      // After a successful rename this finds nothing; otherwise it is a part file nobody wants.
      await unlink(temp).catch(() => undefined);
    }
  }

  private prepare(): Promise<void> {
    this.prepared ??= (async () => {
      await mkdir(this.incoming, { recursive: true });
      const now = Date.now();
      for (const name of await readdir(this.incoming).catch(() => [])) {
        const path = join(this.incoming, name);
        const info = await stat(path).catch(() => null);
        if (info && now - info.mtimeMs > STALE_INCOMING_MS) await unlink(path).catch(() => undefined);
      }
    })().catch((error: unknown) => {
      this.prepared = null;
      throw error;
    });
    return this.prepared;
  }
}

/** This computer's disk, not the source file or the network, is what failed: say so. */
function diskProblem(error: unknown, root: string): HostError | null {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new HostError('not-available', 'This computer’s disk is full, so Fanfare could not keep the file. Free some space and try again.');
  }
  // A source file we may not read fails with the same codes; only the store's own folder is ours to explain.
  if ((code === 'EACCES' || code === 'EPERM' || code === 'EROFS') && path?.startsWith(root)) {
    return new HostError('not-available', 'Fanfare is not allowed to save files in its data folder on this computer. Check that folder’s permissions.');
  }
  return null;
}

/** So the rename itself survives a power cut; Windows cannot open folders for this and does not need it. */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: the file itself is already flushed.
  }
}
