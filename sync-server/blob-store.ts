import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, rmSync, type ReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDir } from './atomic-write';

/**
 * Media bytes, content-addressed: a file's name is its SHA-256, in a folder
 * per workspace (a token opens only its own workspace's files). An upload is
 * hashed while it streams into a temp file and only renamed into place when
 * the hash matches, so a stored file is always exactly what its name says.
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

export class BlobStore {
  private readonly root: string;
  private readonly tempDir: string;

  constructor(
    dataDir: string,
    readonly maxBytes: number,
  ) {
    this.root = join(dataDir, 'blobs');
    this.tempDir = join(this.root, '.incoming');
    // Half-finished uploads from before a crash are useless: start clean.
    if (existsSync(this.tempDir)) rmSync(this.tempDir, { recursive: true, force: true });
    mkdirSync(this.tempDir, { recursive: true });
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

  /**
   * Stores the bytes of `body` under `sha256`. Returns false when the file was
   * already there (uploads are idempotent). Throws a BlobError with the HTTP
   * status to answer when the bytes are too many or do not match the hash.
   */
  async put(workspaceId: string, sha256: string, body: AsyncIterable<Buffer>): Promise<boolean> {
    const temp = join(this.tempDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const file = await open(temp, 'w', 0o600);
    try {
      try {
        for await (const chunk of body) {
          size += chunk.length;
          if (size > this.maxBytes) throw new BlobError(413, `The file is larger than this server allows (${formatBytes(this.maxBytes)}).`);
          hash.update(chunk);
          await file.write(chunk);
        }
        await file.sync();
      } finally {
        await file.close();
      }
      if (hash.digest('hex') !== sha256) {
        throw new BlobError(422, 'The file that arrived does not match its name (SHA-256); it was not stored. Try the upload again.');
      }
      const target = this.pathOf(workspaceId, sha256);
      if (existsSync(target)) return false;
      await mkdir(dirname(target), { recursive: true });
      await rename(temp, target);
      fsyncDir(dirname(target));
      return true;
    } finally {
      await unlink(temp).catch(() => {});
    }
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${+(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
