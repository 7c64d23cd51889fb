import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, statSync, writeSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * A backup as one file: a plain POSIX (ustar) tar of the backup folder, so
 * an admin can also open it with `tar -xf` anywhere. Only regular files and
 * folders; names are the folder's relative paths.
 */
const BLOCK = 512;
const CHUNK = 1024 * 1024;

export function writeTar(folder: string, file: string): void {
  const out = openSync(file, 'w', 0o600);
  try {
    const buffer = Buffer.alloc(CHUNK);
    for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true }).sort((a, b) => fullPath(a).localeCompare(fullPath(b)))) {
      if (!entry.isFile()) continue;
      const path = fullPath(entry);
      const name = relative(folder, path).split(sep).join('/');
      const size = statSync(path).size;
      writeSync(out, header(name, size));
      const input = openSync(path, 'r');
      try {
        let left = size;
        while (left > 0) {
          const read = readSync(input, buffer, 0, Math.min(CHUNK, left), null);
          if (read === 0) throw new Error(`${path} got shorter while it was being written to the backup`);
          writeSync(out, buffer, 0, read);
          left -= read;
        }
      } finally {
        closeSync(input);
      }
      if (size % BLOCK) writeSync(out, Buffer.alloc(BLOCK - (size % BLOCK)));
    }
    writeSync(out, Buffer.alloc(BLOCK * 2));
    fsyncSync(out);
  } finally {
    closeSync(out);
  }
}

/** Unpacks a tar written by writeTar into `folder`; throws on anything cut short or odd. */
export function readTar(file: string, folder: string): void {
  const input = openSync(file, 'r');
  try {
    const block = Buffer.alloc(BLOCK);
    const buffer = Buffer.alloc(CHUNK);
    let position = 0;
    for (;;) {
      if (readSync(input, block, 0, BLOCK, position) !== BLOCK) throw new Error('the file ends in the middle (it was cut short)');
      position += BLOCK;
      if (block.every((b) => b === 0)) return;
      const { name, size, type } = parseHeader(block);
      const target = resolve(folder, name);
      if (!target.startsWith(resolve(folder) + sep)) throw new Error(`it holds a file outside the backup (${name})`);
      if (type === '5') {
        mkdirSync(target, { recursive: true, mode: 0o700 });
        continue;
      }
      if (type !== '0' && type !== '\0') throw new Error(`it holds something that is not a plain file (${name})`);
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
      const out = openSync(target, 'w', 0o600);
      try {
        let left = size;
        while (left > 0) {
          const read = readSync(input, buffer, 0, Math.min(CHUNK, left), position);
          if (read === 0) throw new Error('the file ends in the middle (it was cut short)');
          writeSync(out, buffer, 0, read);
          position += read;
          left -= read;
        }
        fsyncSync(out);
      } finally {
        closeSync(out);
      }
      position += size % BLOCK ? BLOCK - (size % BLOCK) : 0;
    }
  } finally {
    closeSync(input);
  }
}

function fullPath(entry: { parentPath: string; name: string }): string {
  return join(entry.parentPath, entry.name);
}

function header(name: string, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  let prefix = '';
  let short = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`the name ${name} is too long for a tar file`);
    prefix = name.slice(0, cut);
    short = name.slice(cut + 1);
  }
  block.write(short, 0, 100, 'utf8');
  block.write('0000600\0', 100, 'ascii');
  block.write('0000000\0', 108, 'ascii');
  block.write('0000000\0', 116, 'ascii');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  block.write(`${Math.floor(Date.now() / 1000).toString(8).padStart(11, '0')}\0`, 136, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  block.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

function parseHeader(block: Buffer): { name: string; size: number; type: string } {
  const text = (start: number, length: number): string => block.toString('utf8', start, start + length).replace(/\0.*$/s, '');
  const stored = parseInt(text(148, 8).trim(), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  if (stored !== sum) throw new Error('a part of it is damaged (a header checksum does not match)');
  const prefix = text(345, 155);
  const name = prefix ? `${prefix}/${text(0, 100)}` : text(0, 100);
  return { name, size: parseInt(text(124, 12).trim() || '0', 8), type: String.fromCharCode(block[156] || 48) };
}
