import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { createHostHandlers, createInProcessHost } from '../../../../src/main/handlers';
import { addMedia } from '../../../../src/main/services/media-store/add-media';
import { MediaStore } from '../../../../src/main/services/media-store/media-store';
import { createSyncServer } from '../../../../sync-server/server';
import { mountSmallDisk, type SmallDisk } from '../../../support/small-disk';
import { cleanupAll, filesUnder, laptop, randomFile, sha256Of, startServer, tempDir } from './helpers';

/**
 * The app's media store against real faults: a real tmpfs that is nearly
 * full (the kernel's own short write and ENOSPC), and real wrong bytes left
 * under a hash name.
 */

let disk: SmallDisk | null = null;

afterEach(async () => {
  await cleanupAll();
  disk?.unmount();
  disk = null;
});

const DISK_FULL = 'This computer’s disk is full, so Fanfare could not keep the file. Free some space and try again.';
const modeOf = (path: string): number => statSync(path).mode & 0o777;

/** A laptop whose data folder is on a small disk of its own. */
function laptopOnSmallDisk() {
  disk = mountSmallDisk(8 * 1024 * 1024);
  const mediaDir = join(disk.dir, 'media');
  const store = new MediaStore(mediaDir);
  const host = createInProcessHost(createHostHandlers({ mediaStore: store }));
  const add = (path: string) => addMedia(store, path);
  const via = async (remote: { server: string; workspaceId: string; token: string }) => {
    await host['team-server-remember'](remote);
    return { workspaceId: remote.workspaceId };
  };
  return { disk, store, host, add, via, mediaDir };
}

/** Puts `bytes` under the name of another file's hash, as a bad disk or an old bug would have. */
function plantWrongFile(store: MediaStore, sha256: string, bytes: Uint8Array): string {
  const path = store.pathOf(sha256);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

describe('media store on a nearly full disk', () => {
  it('refuses a file bigger than the free space in plain words, keeps nothing, and takes it once space is back', async () => {
    const { disk, mediaDir, add } = laptopOnSmallDisk();
    const source = randomFile(tempDir(), 'long take.mov', 600_000);

    disk.fill(64 * 1024);
    await expect(add(source.path)).rejects.toMatchObject({ code: 'not-available', message: DISK_FULL });
    expect(filesUnder(mediaDir)).toEqual([]);

    disk.release();
    expect(await add(source.path)).toMatchObject({ sha256: source.sha256, sizeBytes: 600_000 });
    expect(filesUnder(mediaDir)).toEqual([`${source.sha256.slice(0, 2)}/${source.sha256}`]);
    expect(sha256Of(readFileSync(join(mediaDir, source.sha256.slice(0, 2), source.sha256)))).toBe(source.sha256);
  });

  it('refuses bytes that only partly fit (one short write, no error from the disk), and keeps nothing', async () => {
    const { disk, store, mediaDir } = laptopOnSmallDisk();
    const bytes = randomBytes(12_000);
    disk.fill(4096);
    await expect(store.write(Readable.from([bytes]))).rejects.toMatchObject({ code: 'not-available', message: DISK_FULL });
    expect(filesUnder(mediaDir)).toEqual([]);
    disk.release();
    expect(await store.write(Readable.from([bytes]))).toEqual({ sha256: sha256Of(bytes), sizeBytes: 12_000, stored: true });
  });

  it('refuses a download that does not fit, keeps nothing, and fetches it whole later', async () => {
    const team = await startServer();
    const a = laptop();
    const source = randomFile(tempDir(), 'clip.mp4', 600_000);
    await a.add(source.path);
    await a.host['media-upload']({ sha256: source.sha256, ...(await a.via(team.remote)), fileName: 'clip.mp4' });

    const b = laptopOnSmallDisk();
    b.disk.fill(64 * 1024);
    await expect(b.host['media-download']({ sha256: source.sha256, ...(await b.via(team.remote)), fileName: 'clip.mp4' }))
      .rejects.toMatchObject({ code: 'not-available', message: DISK_FULL });
    expect(filesUnder(b.mediaDir)).toEqual([]);

    b.disk.release();
    expect(await b.host['media-download']({ sha256: source.sha256, ...(await b.via(team.remote)), fileName: 'clip.mp4' }))
      .toEqual({ sha256: source.sha256, sizeBytes: 600_000, transferred: true });
    expect(readFileSync(b.store.pathOf(source.sha256)).equals(source.bytes)).toBe(true);
  });
});

describe('media to and from a team server whose disk is full', () => {
  it('says the server’s disk is full and keeps the upload waiting (not final), then sends it once space is back', async () => {
    disk = mountSmallDisk(8 * 1024 * 1024);
    const server = await createSyncServer({ port: 0, dataDir: disk.dir, log: () => undefined });
    onTestFinished(() => server.close());
    const issued = server.createWorkspace('Acme');
    const remote = { server: issued.server, workspaceId: issued.workspaceId, token: issued.token };
    const a = laptop();
    const source = randomFile(tempDir(), 'clip.mp4', 600_000);
    await a.add(source.path);

    disk.fill(64 * 1024);
    await expect(a.host['media-upload']({ sha256: source.sha256, ...(await a.via(remote)), fileName: 'clip.mp4' })).rejects.toMatchObject({
      code: 'unreachable',
      message: 'The team server’s disk is full, so “clip.mp4” can’t be uploaded yet. Ask whoever runs the server to free some space; Fanfare will try again.',
    });
    disk.release();
    expect(await a.host['media-upload']({ sha256: source.sha256, ...(await a.via(remote)), fileName: 'clip.mp4' }))
      .toEqual({ sha256: source.sha256, sizeBytes: 600_000, transferred: true });
  });
});

describe('media store: a wrong file under a hash name', () => {
  it('is replaced when the right bytes are added, whether garbage of the same size or a truncated copy', async () => {
    const { store, mediaDir, add } = laptop();
    for (const damage of ['garbage', 'truncated'] as const) {
      const source = randomFile(tempDir(), `${damage}.mov`, 200_000);
      const path = plantWrongFile(store, source.sha256, damage === 'garbage' ? randomBytes(200_000) : source.bytes.subarray(0, 150_000));

      expect(await store.write(Readable.from([source.bytes]))).toEqual({ sha256: source.sha256, sizeBytes: 200_000, stored: true });
      expect(readFileSync(path).equals(source.bytes), damage).toBe(true);
      expect(modeOf(path)).toBe(0o600);

      // And as the app adds a file from this computer.
      plantWrongFile(store, source.sha256, randomBytes(200_000));
      expect(await add(source.path)).toMatchObject({ sha256: source.sha256, sizeBytes: 200_000 });
      expect(readFileSync(path).equals(source.bytes), damage).toBe(true);
    }
    expect(filesUnder(join(mediaDir, '.incoming'))).toEqual([]);
  });

  it('is fetched again from the team server instead of being taken as already here', async () => {
    const team = await startServer();
    const a = laptop();
    const source = randomFile(tempDir(), 'clip.mp4', 300_000);
    await a.add(source.path);
    await a.host['media-upload']({ sha256: source.sha256, ...(await a.via(team.remote)), fileName: 'clip.mp4' });

    const b = laptop();
    const path = plantWrongFile(b.store, source.sha256, source.bytes.subarray(0, 100_000));
    expect(await b.host['media-download']({ sha256: source.sha256, ...(await b.via(team.remote)), fileName: 'clip.mp4' }))
      .toEqual({ sha256: source.sha256, sizeBytes: 300_000, transferred: true });
    expect(readFileSync(path).equals(source.bytes)).toBe(true);
  });

  it('is not uploaded again and again: the app says its own copy is damaged', async () => {
    const team = await startServer();
    const a = laptop();
    const source = randomFile(tempDir(), 'clip.mp4', 100_000);
    await a.add(source.path);
    plantWrongFile(a.store, source.sha256, randomBytes(100_000));
    await expect(a.host['media-upload']({ sha256: source.sha256, ...(await a.via(team.remote)), fileName: 'clip.mp4' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'The copy of “clip.mp4” on this computer is damaged, so it can’t be uploaded. Add the file again from its original.',
    });
  });

  it('leaves a correct file alone: adding the same bytes again does not rewrite it', async () => {
    const { store } = laptop();
    const bytes = randomBytes(50_000);
    expect((await store.write(Readable.from([bytes]))).stored).toBe(true);
    const before = statSync(store.pathOf(sha256Of(bytes)), { bigint: true });
    expect(await store.write(Readable.from([bytes]))).toEqual({ sha256: sha256Of(bytes), sizeBytes: 50_000, stored: false });
    const after = statSync(store.pathOf(sha256Of(bytes)), { bigint: true });
    expect({ ino: after.ino, mtime: after.mtimeNs }).toEqual({ ino: before.ino, mtime: before.mtimeNs });
  });

  it('keeps media files 0600 and their folders 0700, whatever the process umask', async () => {
    // A sync server started in the same process tightens the umask; the store must not rely on that.
    const umask = process.umask(0o022);
    onTestFinished(() => void process.umask(umask));
    const { store, mediaDir } = laptop();
    const bytes = randomBytes(5_000);
    const { sha256 } = await store.write(Readable.from([bytes]));
    expect(modeOf(store.pathOf(sha256))).toBe(0o600);
    for (const dir of [mediaDir, join(mediaDir, '.incoming'), join(mediaDir, sha256.slice(0, 2))]) expect(modeOf(dir), dir).toBe(0o700);
  });
});
