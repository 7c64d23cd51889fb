import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { HostError } from '../../../shared/api/errors';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array, seed = 0): number {
  let c = (seed ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  path: string;
}

const LIMIT = 0xffffffff;

/**
 * A zip of already-compressed media: stored, not deflated (MP4 and JPEG do
 * not shrink, and storing is as fast as copying). Names are UTF-8 (flag
 * bit 11), so "Zoë's “summer” 夏.mp4" survives on every unzip tool.
 */
export async function writeZip(target: string, entries: ZipEntry[], onEntry?: (index: number) => void, signal?: AbortSignal): Promise<{ sizeBytes: number }> {
  let total = 0;
  for (const e of entries) total += (await stat(e.path)).size;
  if (total > LIMIT - 1024 * 1024 * entries.length) {
    throw new HostError('too-large', 'This pack is larger than 4 GB, which a zip file cannot hold here. Export fewer files at once.');
  }
  await mkdir(dirname(target), { recursive: true });
  const out = createWriteStream(target);
  let offset = 0;
  const write = (buf: Buffer) => new Promise<void>((resolve, reject) => {
    offset += buf.length;
    out.write(buf, (error) => (error ? reject(error) : resolve()));
  });
  const central: Buffer[] = [];
  const now = new Date();
  const dosTime = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
  const dosDate = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  try {
    for (const [index, entry] of entries.entries()) {
      signal?.throwIfAborted();
      const name = Buffer.from(entry.name, 'utf8');
      const headerOffset = offset;
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0808, 6); // sizes after the data; UTF-8 names
      local.writeUInt16LE(0, 8); // stored
      local.writeUInt16LE(dosTime, 10);
      local.writeUInt16LE(dosDate, 12);
      local.writeUInt16LE(name.length, 26);
      await write(local);
      await write(name);
      let crc = 0;
      let size = 0;
      for await (const chunk of createReadStream(entry.path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
        signal?.throwIfAborted();
        crc = crc32(chunk, crc);
        size += chunk.length;
        await write(chunk);
      }
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(size, 8);
      descriptor.writeUInt32LE(size, 12);
      await write(descriptor);
      const record = Buffer.alloc(46);
      record.writeUInt32LE(0x02014b50, 0);
      record.writeUInt16LE(20, 4);
      record.writeUInt16LE(20, 6);
      record.writeUInt16LE(0x0808, 8);
      record.writeUInt16LE(0, 10);
      record.writeUInt16LE(dosTime, 12);
      record.writeUInt16LE(dosDate, 14);
      record.writeUInt32LE(crc, 16);
      record.writeUInt32LE(size, 20);
      record.writeUInt32LE(size, 24);
      record.writeUInt16LE(name.length, 28);
      record.writeUInt32LE(headerOffset, 42);
      central.push(record, name);
      onEntry?.(index);
    }
    const centralStart = offset;
    for (const part of central) await write(part);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(offset - centralStart, 12);
    end.writeUInt32LE(centralStart, 16);
    await write(end);
  } finally {
    out.end();
    await finished(out).catch(() => undefined);
  }
  return { sizeBytes: offset };
}
