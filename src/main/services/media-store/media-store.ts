import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, open, readdir, rename, stat, truncate, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { MediaStatus } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';
import { fsyncDir, writeAll } from '../durable-file';

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Leftovers of a crash or a killed download; younger ones may belong to another Fanfare on the same folder. */
const STALE_INCOMING_MS = 24 * 60 * 60 * 1000;

export const DAMAGED = 'The file arrived damaged; try again.';
export const DISK_FULL = 'This computer’s disk is full, so Fanfare could not keep the file. Free some space and try again.';
export const DISK_FAILED =
  'This computer’s disk did not keep the file correctly (a disk error), so Fanfare did not keep it. Try again; if it happens again, check the disk.';

/** Media may be private (unreleased content): only this user may read it. */
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

export interface WriteOptions {
  /** The SHA-256 the bytes must have (a download); without it, whatever they hash to (a new file). */
  expected?: string;
  signal?: AbortSignal;
  /** Bytes written so far, after each chunk. */
  onBytes?: (done: number) => void;
}

export interface PartOptions {
  signal?: AbortSignal;
  /** Bytes of the part file so far (the bytes kept from before included), after each chunk. */
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
 * Bytes are hashed while they stream into `<root>/.incoming` (the same disk,
 * so the rename is atomic), every write is checked for its byte count, the
 * file is flushed, read back and hashed again, and only then renamed to its
 * final name. So a crash, a cancelled download or a full disk never leaves a
 * half file where a whole one is expected, and a file's name always says
 * what is in it.
 */
export class MediaStore {
  readonly root: string;
  private readonly incoming: string;
  private prepared: Promise<void> | null = null;
  /**
   * Files this process has hashed (or written) and found true, by the stat they
   * had then: asking again about an unchanged file costs a stat, not a read of
   * gigabytes. A file changed since (size, time or inode) is read again.
   */
  private readonly verified = new Map<string, string>();

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

  /** Reads a stored file back and says whether its bytes hash to its name. */
  async check(sha256: string): Promise<'missing' | 'intact' | 'damaged'> {
    const path = this.pathOf(sha256);
    const info = await stat(path).catch(() => null);
    if (!info) return 'missing';
    if (!info.isFile()) return 'damaged';
    if (this.verified.get(sha256) === statKey(info)) return 'intact';
    const onDisk = await hashFile(path).catch(() => null);
    if (onDisk?.sha256 !== sha256) return 'damaged';
    this.verified.set(sha256, statKey(info));
    return 'intact';
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
   * Gives a checked file (flushed, hashed as the disk gives it back) its hash
   * name, unless an intact copy is there already. Over a damaged file too:
   * rename replaces it in one step, never leaving the name empty.
   */
  private async place(file: string, sha256: string, size: number): Promise<Written> {
    if ((await this.check(sha256)) === 'intact') return { sha256, sizeBytes: size, stored: false };
    const target = this.pathOf(sha256);
    await mkdir(dirname(target), { recursive: true, mode: PRIVATE_DIR });
    await chmod(dirname(target), PRIVATE_DIR);
    await rename(file, target);
    fsyncDir(dirname(target));
    const info = await stat(target).catch(() => null);
    if (info) this.verified.set(sha256, statKey(info));
    return { sha256, sizeBytes: size, stored: true };
  }

  /**
   * Streams bytes into the store. With `expected`, bytes that hash to anything
   * else are thrown away (HostError "damaged"). A file already under that name
   * is kept when intact and replaced when its bytes do not match its name. On
   * any failure or cancel (a full disk included) the temp file is removed and
   * nothing is kept.
   */
  async write(source: AsyncIterable<Buffer | Uint8Array>, options: WriteOptions = {}): Promise<Written> {
    await this.prepare();
    const temp = join(this.incoming, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    try {
      const file = await open(temp, 'wx', PRIVATE_FILE);
      try {
        for await (const chunk of source) {
          options.signal?.throwIfAborted();
          hash.update(chunk);
          await writeAll(file, chunk).catch(inStore(temp));
          size += chunk.length;
          options.onBytes?.(size);
        }
        options.signal?.throwIfAborted();
        await file.sync().catch(inStore(temp));
      } finally {
        await file.close().catch(inStore(temp));
      }
      const sha256 = hash.digest('hex');
      if (options.expected && sha256 !== options.expected) throw new HostError('damaged', DAMAGED);
      // The hash above is of what arrived; this one is of what the disk gives back.
      const kept = await hashFile(temp).catch(inStore(temp));
      if (kept.size !== size || kept.sha256 !== sha256) throw new HostError('not-available', DISK_FAILED);
      options.signal?.throwIfAborted();
      return await this.place(temp, sha256, size);
    } catch (error) {
      throw diskProblem(error, this.root) ?? error;
    } finally {
      // After a successful rename this finds nothing; otherwise it is a part file nobody wants.
      await unlink(temp).catch(() => undefined);
    }
  }

  /**
   * How many bytes of a download of `sha256` are already here from an earlier
   * try (a dropped connection, a restart), to ask the server for the rest.
   */
  async partSize(sha256: string): Promise<number> {
    const info = await stat(this.partPathOf(sha256)).catch(() => null);
    return info?.isFile() ? info.size : 0;
  }

  async discardPart(sha256: string): Promise<void> {
    await unlink(this.partPathOf(sha256)).catch(() => undefined);
  }

  /**
   * Downloads go through a part file named by their hash, so a dropped
   * connection costs only the bytes still to come: the bytes of `source` are
   * appended at `offset` (what the server was asked to resume from; anything
   * past it is cut off first). When they end, the whole part file is read back
   * and hashed: only bytes that match `sha256` are renamed into place; wrong
   * ones are thrown away (HostError "damaged"). A cancel, a full disk or a
   * disk error removes the part file; a failure of the source (the network)
   * keeps it for the next try.
   */
  async writePart(sha256: string, source: AsyncIterable<Buffer | Uint8Array>, offset: number, options: PartOptions = {}): Promise<Written> {
    await this.prepare();
    const part = this.partPathOf(sha256);
    let keep = false;
    try {
      if (offset > 0) await truncate(part, offset).catch(inStore(part));
      const file = await open(part, offset > 0 ? 'a' : 'w', PRIVATE_FILE).catch(inStore(part));
      let size = offset;
      try {
        try {
          for await (const chunk of source) {
            options.signal?.throwIfAborted();
            await writeAll(file, chunk).catch(inStore(part));
            size += chunk.length;
            options.onBytes?.(size);
          }
        } catch (error) {
          // The line dropped: what arrived is good to keep, once it is on the disk.
          if (!options.signal?.aborted && !isStoreError(error, part)) {
            keep = true;
            await file.sync().catch(() => undefined);
          }
          throw error;
        }
        options.signal?.throwIfAborted();
        await file.sync().catch(inStore(part));
      } finally {
        await file.close().catch(inStore(part));
      }
      // Everything, the bytes kept from an earlier try included, as the disk gives it back.
      const kept = await hashFile(part).catch(inStore(part));
      if (kept.sha256 !== sha256) throw new HostError('damaged', DAMAGED);
      if (kept.size !== size) throw new HostError('not-available', DISK_FAILED);
      options.signal?.throwIfAborted();
      return await this.place(part, sha256, size);
    } catch (error) {
      throw diskProblem(error, this.root) ?? error;
    } finally {
      if (!keep) await unlink(part).catch(() => undefined);
    }
  }

  private partPathOf(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new HostError('invalid-input', 'Not a file fingerprint (SHA-256).');
    return join(this.incoming, `${sha256}.part`);
  }

  private prepare(): Promise<void> {
    this.prepared ??= (async () => {
      await mkdir(this.incoming, { recursive: true, mode: PRIVATE_DIR });
      // Folders made by older versions were 0755.
      await chmod(this.root, PRIVATE_DIR);
      await chmod(this.incoming, PRIVATE_DIR);
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
  if (code === 'ENOSPC' || code === 'EDQUOT') return new HostError('not-available', DISK_FULL);
  if (code === 'EIO' && path?.startsWith(root)) return new HostError('not-available', DISK_FAILED);
  // A source file we may not read fails with the same codes; only the store's own folder is ours to explain.
  if ((code === 'EACCES' || code === 'EPERM' || code === 'EROFS') && path?.startsWith(root)) {
    return new HostError('not-available', 'Fanfare is not allowed to save files in its data folder on this computer. Check that folder’s permissions.');
  }
  return null;
}

const statKey = (info: { ino: number; size: number; mtimeMs: number }) => `${info.ino}:${info.size}:${info.mtimeMs}`;

/** A failure of this computer's disk (marked by `inStore`), as opposed to one of the network. */
const isStoreError = (error: unknown, path: string) => (error as NodeJS.ErrnoException | null)?.path === path;

/** Writes through a handle name no file; name the store's own, so its disk problems are told apart from the source's. */
const inStore = (path: string) => (error: unknown): never => {
  if (error && typeof error === 'object' && !('path' in error)) Object.assign(error, { path });
  throw error;
};

/** Size and SHA-256 of a file as read back from the disk. */
async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    size += chunk.length;
    hash.update(chunk);
  }
  return { size, sha256: hash.digest('hex') };
}
