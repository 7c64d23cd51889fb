import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * `write()` may take fewer bytes than it was given (a nearly full disk does
 * exactly that) and says so only in its count: write the rest, until the
 * disk either takes it or fails with ENOSPC. With `position`, the bytes go
 * there; without, at the file's current position.
 */
export async function writeAll(file: FileHandle, chunk: Uint8Array, position?: number): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const at = position === undefined ? null : position + offset;
    const { bytesWritten } = await file.write(chunk, offset, chunk.length - offset, at);
    // No progress and no error: treat it as the full disk it almost certainly is, rather than loop forever.
    if (bytesWritten <= 0) throw Object.assign(new Error('The disk took no more bytes.'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

/** So a rename itself survives a power cut; Windows cannot open folders for this and does not need it. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort (some file systems refuse fsync on a folder): the file itself is already flushed.
  }
}

/**
 * Puts `bytes` in place of `file` so a crash leaves the old file or the new
 * one, never half of either: a new file (only the owner may read it, from
 * the moment it exists: these files hold tokens and links), flushed, renamed
 * over the old one, and the folder flushed so the rename survives too.
 */
export async function replaceFile(file: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${randomUUID()}.tmp`;
  const handle = await open(temp, 'wx', 0o600);
  try {
    await writeAll(handle, bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  fsyncDir(dir);
}
