import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { SHA256_HEX } from './blob-store';

/** One media file of the blob store: blobs/<workspaceId>/<ab>/<sha256>. */
export interface BlobFile {
  path: string;
  /** Relative to the data folder, with forward slashes. */
  name: string;
  sha256: string;
  /** The path has the store's shape (the hash's first two characters as the folder). */
  wellPlaced: boolean;
}

/** Every media file under `dataDir`/blobs (uploads in progress, in .incoming, and files set aside as damaged, in .damaged, are left out). */
export function listBlobFiles(dataDir: string): BlobFile[] {
  const root = join(dataDir, 'blobs');
  if (!existsSync(root)) return [];
  const files: BlobFile[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const parts = relative(root, path).split(/[\\/]/);
    if (parts[0] === '.incoming' || parts[0] === '.damaged') continue;
    const wellPlaced = parts.length === 3 && SHA256_HEX.test(parts[2]) && parts[1] === parts[2].slice(0, 2);
    files.push({ path, name: ['blobs', ...parts].join('/'), sha256: parts.at(-1)!, wellPlaced });
  }
  return files.sort((a, b) => a.name.localeCompare(b.name));
}

/** The SHA-256 (hex) and size of a file's bytes, read as a stream (media files can be gigabytes). */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Copies a file, returning the SHA-256 and size of what reached the disk: the
 * copy is read back, so a short write (a full disk) shows as a hash that
 * differs from the source's, never as a good copy.
 */
export async function copyHashed(from: string, to: string): Promise<{ sha256: string; bytes: number }> {
  mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(createReadStream(from), tap, createWriteStream(to, { mode: 0o600, flush: true }));
  const read = { sha256: hash.digest('hex'), bytes };
  const written = await hashFile(to);
  if (written.sha256 !== read.sha256 || written.bytes !== read.bytes) {
    throw new Error(`${to} holds ${written.bytes} of ${read.bytes} bytes, or other bytes than ${from}: the disk may be full.`);
  }
  return written;
}
