import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { AccessStore } from '../../sync-server/access-store';
import { handleBlobRequest } from '../../sync-server/blob-routes';
import { BlobStore } from '../../sync-server/blob-store';
import type { LogEntry } from '../../sync-server/logger';
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
  const head = async (hash: string) => (await fetch(`${base}/${hash}`, { method: 'HEAD', headers: auth })).status;
  /** Writes `bytes` straight under the hash name, as a failing disk or a careless copy would. */
  const plant = (hash: string, bytes: Uint8Array) => {
    mkdirSync(join(blobPath(hash), '..'), { recursive: true });
    writeFileSync(blobPath(hash), bytes);
  };
  /** Files set aside in blobs/.damaged, by name. */
  const setAside = () => (existsSync(join(dataDir, 'blobs', '.damaged')) ? readdirSync(join(dataDir, 'blobs', '.damaged')) : []);
  return { server, dataDir, workspaceId, base, auth, blobPath, incoming, put, serves, head, plant, setAside };
}

/** How often the store has read a stored file through to hash it (a spy on the method that does it, calling through). */
function countHashing() {
  const spy = vi.spyOn(BlobStore.prototype as unknown as { hashOpenFile: (...args: unknown[]) => Promise<unknown> }, 'hashOpenFile');
  onTestFinished(() => spy.mockRestore());
  return () => spy.mock.calls.length;
}

/** A GET read at the socket: what was declared, what arrived, and whether the response was complete. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer; complete: boolean }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => undefined);
      res.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), complete: res.complete }));
    }).on('error', reject);
  });
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
      // The wrong file is kept for the admin, and said so in the log.
      expect(store.setAside().filter((name) => name.startsWith(`${store.workspaceId}-${hash}-`)), damage).toHaveLength(1);
      expect(store.server.logs.filter((e) => e.event === 'blob-damaged' && e.sha256 === hash), damage).toHaveLength(1);
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

describe('sync server: a damaged file is never served', () => {
  it('answers HEAD and GET with 404 for garbage or a truncated copy, sets it aside for the admin, and a correct upload restores it', async () => {
    const store = await setup();
    for (const damage of ['garbage', 'truncated'] as const) {
      for (const method of ['HEAD', 'GET'] as const) {
        const what = `${damage}, ${method}`;
        const bytes = randomBytes(200_000);
        const hash = sha256(bytes);
        const wrong = damage === 'garbage' ? randomBytes(bytes.length) : bytes.subarray(0, 150_000);
        store.plant(hash, wrong);

        const res = await fetch(`${store.base}/${hash}`, { method, headers: store.auth });
        expect(res.status, what).toBe(404);
        expect(res.headers.get('etag'), what).toBeNull();
        if (method === 'GET') expect(((await res.json()) as { error: string }).error, what).toMatch(/damaged/);
        // Moved aside, not deleted: the admin can still look at it.
        expect(existsSync(store.blobPath(hash)), what).toBe(false);
        const aside = store.setAside().filter((name) => name.startsWith(`${store.workspaceId}-${hash}-`));
        expect(aside, what).toHaveLength(1);
        expect(readFileSync(join(store.dataDir, 'blobs', '.damaged', aside[0])).equals(wrong), what).toBe(true);
        expect(store.server.logs.filter((e) => e.event === 'blob-damaged' && e.sha256 === hash), what).toEqual([
          expect.objectContaining({ workspaceId: store.workspaceId, movedTo: join(store.dataDir, 'blobs', '.damaged', aside[0]) }),
        ]);
        // The uploader asks HEAD first: 404 is what makes it send the file again.
        expect(await store.head(hash), what).toBe(404);
        expect((await store.put(hash, bytes)).status, what).toBe(201);
        expect(await store.head(hash), what).toBe(200);
        expect(await store.serves(hash, bytes), what).toEqual({ status: 200, same: true });
      }
    }
    expect(store.incoming()).toEqual([]);
  });

  it('treats a folder under a hash name as damaged: 404, set aside, and an upload takes its place', async () => {
    const store = await setup();
    const bytes = randomBytes(20_000);
    const hash = sha256(bytes);
    mkdirSync(store.blobPath(hash), { recursive: true });
    writeFileSync(join(store.blobPath(hash), 'inside'), 'x');

    expect(await store.head(hash)).toBe(404);
    expect((await fetch(`${store.base}/${hash}`, { headers: store.auth })).status).toBe(404);
    expect(store.setAside().filter((name) => name.startsWith(`${store.workspaceId}-${hash}-`))).toHaveLength(1);
    expect((await store.put(hash, bytes)).status).toBe(201);
    expect(await store.serves(hash, bytes)).toEqual({ status: 200, same: true });
  });

  it('reads an intact file once: asking again costs a stat, and a file changed since is read again', async () => {
    const store = await setup();
    const hashed = countHashing();
    const bytes = randomBytes(300_000);
    const hash = sha256(bytes);
    // Put there behind the server's back (as after a restart or a restore), so nothing is known about it yet.
    store.plant(hash, bytes);

    expect(await store.head(hash)).toBe(200);
    expect(hashed()).toBe(1);
    expect(await store.head(hash)).toBe(200);
    expect(await store.serves(hash, bytes)).toEqual({ status: 200, same: true });
    expect(await store.head(hash)).toBe(200);
    expect(hashed()).toBe(1);

    // Rewritten in place with other bytes: the stat changed, so it is read again, found wrong and not served.
    writeFileSync(store.blobPath(hash), randomBytes(bytes.length));
    expect(await store.head(hash)).toBe(404);
    expect(hashed()).toBe(2);

    // An upload the server wrote itself is known to be true: no read at all.
    expect((await store.put(hash, bytes)).status).toBe(201);
    const afterPut = hashed();
    expect(await store.head(hash)).toBe(200);
    expect(await store.serves(hash, bytes)).toEqual({ status: 200, same: true });
    expect(hashed()).toBe(afterPut);
  });

  it('streams a file too big to check first, and cuts a GET short of its last byte when the bytes do not match', async () => {
    // A real server makes the workspace and token; a second listener serves the same data folder through
    // the same routes with a store that checks only files up to 64 KB before their first byte.
    const { dataDir, workspaceId, auth, blobPath, plant, setAside } = await setup();
    const logs: LogEntry[] = [];
    const blobs = new BlobStore(dataDir, 10 * 1024 * 1024, { checkFirstUpTo: 64 * 1024 });
    const access = new AccessStore(dataDir);
    const listener = createServer((req, res) => {
      void handleBlobRequest(req, res, new URL(req.url ?? '/', 'http://test.invalid'), { access, blobs, log: (e) => logs.push(e) });
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => listener.close(() => resolve())));
    const base = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/blobs`;
    const hashed = countHashing();

    const bytes = randomBytes(2 * 1024 * 1024);
    const hash = sha256(bytes);
    plant(hash, bytes);
    const intact = await rawGet(`${base}/${hash}`, auth);
    expect({ status: intact.status, complete: intact.complete, same: intact.body.equals(bytes) }).toEqual({ status: 200, complete: true, same: true });
    // Checked on the way out, so not read again before answering the next one.
    expect((await fetch(`${base}/${hash}`, { method: 'HEAD', headers: auth })).status).toBe(200);
    expect(hashed()).toBe(0);

    const other = randomBytes(2 * 1024 * 1024);
    const otherHash = sha256(other);
    const wrong = Buffer.from(other);
    wrong[wrong.length - 1] ^= 0xff; // only the very last byte differs
    plant(otherHash, wrong);
    const cut = await rawGet(`${base}/${otherHash}`, auth);
    expect(cut.status).toBe(200);
    expect(cut.headers['content-length']).toBe(String(other.length));
    expect(cut.complete).toBe(false);
    expect(cut.body.length).toBeLessThan(other.length);
    expect(existsSync(blobPath(otherHash))).toBe(false);
    expect(setAside().filter((name) => name.startsWith(`${workspaceId}-${otherHash}-`))).toHaveLength(1);
    expect(logs.filter((e) => e.event === 'blob-damaged').map((e) => e.sha256)).toEqual([otherHash]);
    expect((await fetch(`${base}/${otherHash}`, { method: 'HEAD', headers: auth })).status).toBe(404);
  });
});
