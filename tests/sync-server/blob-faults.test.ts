import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk';
import { cleanupAll, startServer, tempDir } from './helpers';

/**
 * The blob store against real faults: a real tmpfs that is nearly full (the
 * kernel's own short write and ENOSPC), and real wrong bytes left under a
 * hash name, all through the HTTP routes of a real server.
 */

let disk: SmallDisk | null = null;

afterEach(async () => {
  await cleanupAll();
  disk?.unmount();
  disk = null;
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const modeOf = (path: string): number => statSync(path).mode & 0o777;

async function setup(dataDir = tempDir()) {
  const server = await startServer({ dataDir });
  const { token, workspaceId } = server.createWorkspace('Acme');
  const base = `${server.url.replace(/^ws/, 'http')}/blobs`;
  const auth = { Authorization: `Bearer ${token}` };
  const blobPath = (hash: string) => join(dataDir, 'blobs', workspaceId, hash.slice(0, 2), hash);
  const incoming = () => readdirSync(join(dataDir, 'blobs', '.incoming'));
  const put = (hash: string, body: Uint8Array) => fetch(`${base}/${hash}`, { method: 'PUT', headers: auth, body });
  /** What a GET serves: its status, and whether the body is exactly `bytes` (compared as one buffer, not byte by byte). */
  const serves = async (hash: string, bytes: Buffer) => {
    const res = await fetch(`${base}/${hash}`, { headers: auth });
    return { status: res.status, same: Buffer.from(await res.arrayBuffer()).equals(bytes) };
  };
  return { server, dataDir, workspaceId, base, auth, blobPath, incoming, put, serves };
}

describe('sync server: blob store on a nearly full disk', () => {
  it('refuses an upload bigger than the free space with 507, keeps nothing, and takes it once space is back', async () => {
    disk = mountSmallDisk(8 * 1024 * 1024);
    const store = await setup(disk.dir);
    const bytes = randomBytes(600_000);
    const hash = sha256(bytes);

    // Less room than the upload: the kernel writes what fits, then says ENOSPC.
    disk.fill(64 * 1024);
    const refused = await store.put(hash, bytes);
    expect(refused.status).toBe(507);
    expect(((await refused.json()) as { error: string }).error).toBe(
      'The server’s disk is full, so this file was not stored. Ask whoever runs the server to free some space; the upload can then be tried again.',
    );
    expect(() => statSync(store.blobPath(hash))).toThrow();
    expect(store.incoming()).toEqual([]);
    expect((await fetch(`${store.base}/${hash}`, { method: 'HEAD', headers: store.auth })).status).toBe(404);

    disk.release();
    const stored = await store.put(hash, bytes);
    expect(stored.status).toBe(201);
    expect(await store.serves(hash, bytes)).toEqual({ status: 200, same: true });
    expect(sha256(readFileSync(store.blobPath(hash)))).toBe(hash);
    expect(store.incoming()).toEqual([]);

    // A file that is here already and intact needs no space: sending it again on a full disk is still fine.
    disk.fill(0);
    expect((await store.put(hash, bytes)).status).toBe(200);
    expect(store.incoming()).toEqual([]);
  });

  it('refuses a small upload that only partly fits (a single short write), and keeps nothing', async () => {
    disk = mountSmallDisk(8 * 1024 * 1024);
    const store = await setup(disk.dir);
    // One small body, likely a single chunk: the write that comes up short is the last one.
    const bytes = randomBytes(12_000);
    const hash = sha256(bytes);
    disk.fill(4096);
    const refused = await store.put(hash, bytes);
    expect(refused.status).toBe(507);
    expect(() => statSync(store.blobPath(hash))).toThrow();
    expect(store.incoming()).toEqual([]);
    disk.release();
    expect((await store.put(hash, bytes)).status).toBe(201);
    expect(readFileSync(store.blobPath(hash)).equals(bytes)).toBe(true);
  });
});

describe('sync server: a wrong file under a hash name', () => {
  it('is replaced by a correct upload (201), whether garbage of the same size or a truncated copy', async () => {
    const store = await setup();
    for (const damage of ['garbage', 'truncated'] as const) {
      const bytes = randomBytes(200_000);
      const hash = sha256(bytes);
      const path = store.blobPath(hash);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, damage === 'garbage' ? randomBytes(bytes.length) : bytes.subarray(0, 150_000));

      const put = await store.put(hash, bytes);
      expect(put.status, damage).toBe(201);
      expect(await put.json()).toEqual({ sha256: hash, stored: true });
      expect(readFileSync(path).equals(bytes), damage).toBe(true);
      expect(await store.serves(hash, bytes)).toEqual({ status: 200, same: true });
      expect(modeOf(path)).toBe(0o600);
    }
    expect(store.incoming()).toEqual([]);
  });

  it('leaves a correct file alone: a second upload answers 200 and does not rewrite it', async () => {
    const store = await setup();
    const bytes = randomBytes(100_000);
    const hash = sha256(bytes);
    expect((await store.put(hash, bytes)).status).toBe(201);
    const before = statSync(store.blobPath(hash), { bigint: true });
    expect((await store.put(hash, bytes)).status).toBe(200);
    const after = statSync(store.blobPath(hash), { bigint: true });
    expect({ ino: after.ino, mtime: after.mtimeNs }).toEqual({ ino: before.ino, mtime: before.mtimeNs });
    expect(store.incoming()).toEqual([]);
  });

  it('keeps blob files 0600 and their folders 0700, whatever the process umask', async () => {
    const store = await setup();
    // The server tightens the process umask; the store must not rely on that.
    const umask = process.umask(0o022);
    onTestFinished(() => void process.umask(umask));
    const bytes = randomBytes(5_000);
    const hash = sha256(bytes);
    expect((await store.put(hash, bytes)).status).toBe(201);
    const blobs = join(store.dataDir, 'blobs');
    expect(modeOf(store.blobPath(hash))).toBe(0o600);
    for (const dir of [blobs, join(blobs, '.incoming'), join(blobs, store.workspaceId), join(blobs, store.workspaceId, hash.slice(0, 2))]) {
      expect(modeOf(dir), dir).toBe(0o700);
    }
  });
});
