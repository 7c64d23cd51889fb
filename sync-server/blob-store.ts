import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, createReadStream, existsSync, mkdirSync, rmSync, type ReadStream } from 'node:fs';
import { chmod, mkdir, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDir } from './atomic-write';

/**
 * Media bytes, content-addressed: a file's name is its SHA-256, in a folder
 * per workspace (a token opens only its own workspace's files). An upload
 * streams into a temp file on the same disk, every write is checked for its
 * byte count, the file is flushed and then read back and hashed again, and
 * only bytes the disk really holds are renamed into place. So a stored file
 * is always exactly what its name says, even when the disk fills up mid-way.
 */
export class BlobError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export const DISK_FULL =
  'The server’s disk is full, so this file was not stored. Ask whoever runs the server to free some space; the upload can then be tried again.';
export const DISK_FAILED =
  'The server’s disk did not keep this file correctly (a disk error), so it was not stored. Ask whoever runs the server to check its disk; the upload can then be tried again.';

/** Only the server's own user may read media: folders 0700, files 0600. */
const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

export class BlobStore {
  private readonly root: string;
  private readonly tempDir: string;

  constructor(
    dataDir: string,
    readonly maxBytes: number,
  ) {
    this.root = join(dataDir, 'blobs');
    // Same file system as the blobs, so the final rename is atomic.
    this.tempDir = join(this.root, '.incoming');
    // Half-finished uploads from before a crash are useless: start clean.
    if (existsSync(this.tempDir)) rmSync(this.tempDir, { recursive: true, force: true });
    mkdirSync(this.tempDir, { recursive: true, mode: PRIVATE_DIR });
    // Folders made by older versions were 0755.
    chmodSync(this.root, PRIVATE_DIR);
    chmodSync(this.tempDir, PRIVATE_DIR);
  }

  pathOf(workspaceId: string, sha256: string): string {
    return join(this.root, workspaceId, sha256.slice(0, 2), sha256);
  }

  async size(workspaceId: string, sha256: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(workspaceId, sha256))).size;
    } catch {
      return null;
    }
  }

  read(workspaceId: string, sha256: string): ReadStream {
    return createReadStream(this.pathOf(workspaceId, sha256));
  }

  /** Reads a stored file back and says whether its bytes hash to its name. */
  async check(workspaceId: string, sha256: string): Promise<'missing' | 'intact' | 'damaged'> {
    const path = this.pathOf(workspaceId, sha256);
    const info = await stat(path).catch(() => null);
    if (!info) return 'missing';
    if (!info.isFile()) return 'damaged';
    const onDisk = await hashFile(path).catch(() => null);
    return onDisk?.sha256 === sha256 ? 'intact' : 'damaged';
  }

  /**
   * Stores the bytes of `body` under `sha256`. Returns false when an intact
   * file was already there (uploads are idempotent); a file under that name
   * whose bytes do not match it is replaced. Throws a BlobError with the HTTP
   * status to answer: 413 too many bytes, 422 bytes that do not match the
   * hash, 507 a disk that is full or did not keep the bytes. Nothing of a
   * refused upload is kept.
   */
  async put(workspaceId: string, sha256: string, body: AsyncIterable<Buffer>): Promise<boolean> {
    const target = this.pathOf(workspaceId, sha256);
    if ((await this.check(workspaceId, sha256)) === 'intact') {
      // Still read the upload to answer honestly, but never write it: a full disk cannot refuse what is already here.
      const arrived = await this.hashUpload(body, () => undefined);
      if (arrived.sha256 !== sha256) throw notMatching();
      return false;
    }
    const temp = join(this.tempDir, randomUUID());
    try {
      const file = await open(temp, 'wx', PRIVATE_FILE);
      let arrived: Hashed;
      try {
        arrived = await this.hashUpload(body, (chunk) => writeAll(file, chunk));
        await file.sync();
      } finally {
        await file.close();
      }
      if (arrived.sha256 !== sha256) throw notMatching();
      // The hash above is of what arrived; this one is of what the disk gives back.
      const kept = await hashFile(temp);
      if (kept.size !== arrived.size || kept.sha256 !== sha256) throw new BlobError(507, DISK_FAILED);
      await mkdir(dirname(target), { recursive: true, mode: PRIVATE_DIR });
      await chmod(dirname(dirname(target)), PRIVATE_DIR);
      await chmod(dirname(target), PRIVATE_DIR);
      // Over a damaged file too: rename replaces it in one step, never leaving the name empty.
      await rename(temp, target);
      fsyncDir(dirname(target));
      return true;
    } catch (error) {
      throw storageProblem(error) ?? error;
    } finally {
      // After a successful rename this finds nothing; otherwise it is a part file nobody wants.
      await unlink(temp).catch(() => {});
    }
  }

  private async hashUpload(body: AsyncIterable<Buffer>, write: (chunk: Buffer) => Promise<void> | void): Promise<Hashed> {
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > this.maxBytes) throw new BlobError(413, `The file is larger than this server allows (${formatBytes(this.maxBytes)}).`);
      hash.update(chunk);
      await write(chunk);
    }
    return { size, sha256: hash.digest('hex') };
  }
}

interface Hashed {
  size: number;
  sha256: string;
}

const notMatching = () =>
  new BlobError(422, 'The file that arrived does not match its name (SHA-256); it was not stored. Try the upload again.');

/**
 * `write()` may take fewer bytes than it was given (a nearly full disk does
 * exactly that) and says so only in its count: write the rest, until the
 * disk either takes it or fails with ENOSPC.
 */
async function writeAll(file: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await file.write(chunk, offset, chunk.length - offset);
    // No progress and no error: treat it as the full disk it almost certainly is, rather than loop forever.
    if (bytesWritten <= 0) throw Object.assign(new Error('The disk took no more bytes.'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

/** Size and SHA-256 of a file as read back from the disk. */
async function hashFile(path: string): Promise<Hashed> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    size += chunk.length;
    hash.update(chunk);
  }
  return { size, sha256: hash.digest('hex') };
}

/** The disk, not the upload, is what failed: 507 with a sentence an admin can act on. */
function storageProblem(error: unknown): BlobError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new BlobError(507, DISK_FULL);
  if (code === 'EIO' || code === 'EROFS') return new BlobError(507, DISK_FAILED);
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
