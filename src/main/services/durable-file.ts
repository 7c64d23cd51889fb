import { closeSync, fsyncSync, openSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

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
