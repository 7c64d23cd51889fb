import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

export interface ZipEntry {
  name: string;
  path: string;
}

/**
 * A zip of already-compressed media, through yazl: stored, not deflated (MP4
 * and JPEG do not shrink, and storing is as fast as copying), UTF-8 names
 * (so "Zoë's “summer” 夏.mp4" survives on every unzip tool), and ZIP64
 * records wherever a size or offset passes 4 GB: a pack of a few dozen 4K
 * cuts does, and a hand-written zip without ZIP64 could not hold it.
 */
export async function writeZip(target: string, entries: ZipEntry[], onEntry?: (index: number) => void, signal?: AbortSignal): Promise<{ sizeBytes: number }> {
  signal?.throwIfAborted();
  await mkdir(dirname(target), { recursive: true });
  const zip = new ZipFile();
  const mtime = new Date();
  for (const [index, entry] of entries.entries()) {
    // The size up front lets yazl write it (and choose ZIP64) in the local header, before the bytes.
    const { size } = await stat(entry.path);
    const input = createReadStream(entry.path, { highWaterMark: 1024 * 1024 });
    input.once('end', () => onEntry?.(index));
    zip.addReadStream(input, entry.name, { compress: false, size, mtime, mode: 0o100644 });
  }
  zip.end();
  let sizeBytes = 0;
  zip.outputStream.on('data', (chunk: Buffer) => { sizeBytes += chunk.length; });
  await pipeline(zip.outputStream, createWriteStream(target), { signal });
  return { sizeBytes };
}
