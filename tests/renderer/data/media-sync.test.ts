import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncServer } from '../../../sync-server/server';
import { fetchMissingMedia, MediaSync, memoryInMemory, type MediaAsset, type MediaHost, type MediaSyncStatus } from '../../../src/renderer/src/data/media-sync';
import { summarizeMediaDownloads, summarizeMediaSync } from '../../../src/renderer/src/data/media-sync-summary';
import { cleanupAll, laptop, randomFile, slowLink, startServer, tempDir, waitUntil } from '../../main/services/media-store/helpers';

// The renderer's media queue against the real host (in-process) and a real sync server on 127.0.0.1.
// Typechecked with the Node project (tsconfig.node.json): it starts the host and the server.

const MB = 1024 * 1024;
const syncs: MediaSync[] = [];
afterEach(async () => {
  syncs.splice(0).forEach((s) => s.close());
  await cleanupAll();
});

function mediaSync(host: MediaHost, options: ConstructorParameters<typeof MediaSync>[1] = {}) {
  const sync = new MediaSync(host, { retryMs: { first: 50, max: 200 }, ...options });
  syncs.push(sync);
  return sync;
}

function until(sync: MediaSync, check: (status: MediaSyncStatus) => boolean, timeoutMs = 15_000): Promise<MediaSyncStatus> {
  if (check(sync.status)) return Promise.resolve(sync.status);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Timed out; last status: ${JSON.stringify(sync.status)}`));
    }, timeoutMs);
    const stop = sync.onStatus((status) => {
      if (!check(status)) return;
      clearTimeout(timer);
      stop();
      resolve(status);
    });
  });
}

/** A laptop with some files added to its media store, described as the workspace's asset records. */
async function laptopWithFiles(sizes: number[]) {
  const a = laptop();
  const dir = tempDir();
  const assets: (MediaAsset & { bytes: Buffer })[] = [];
  for (const [i, size] of sizes.entries()) {
    const file = randomFile(dir, `clip-${i + 1}.mp4`, size);
    const added = await a.add(file.path);
    assets.push({ sha256: added.sha256, fileName: added.fileName, sizeBytes: added.sizeBytes, bytes: file.bytes });
  }
  return { ...a, assets };
}

async function onServer(remote: { server: string; token: string }, sha256: string): Promise<boolean> {
  const res = await fetch(`${remote.server.replace(/^ws/, 'http')}/blobs/${sha256}`, { method: 'HEAD', headers: { Authorization: `Bearer ${remote.token}` } });
  return res.status === 200;
}

describe('media sync (renderer queue over the real host)', () => {
  it('uploads every file that is here and not on the server, two at a time, and says so', async () => {
    const team = await startServer();
    const a = await laptopWithFiles([2 * MB, 1 * MB, 3 * MB]);
    const teammatesFile = { sha256: 'ab'.repeat(32), fileName: 'from Sam.mov', sizeBytes: 10 };
    const sync = mediaSync(a.host);
    const seen: MediaSyncStatus[] = [];
    sync.onStatus((s) => seen.push(s));

    sync.setAssets([...a.assets, teammatesFile]);
    expect(sync.status.state).toBe('off');
    sync.setRemote(team.issued);

    const done = await until(sync, (s) => s.state === 'idle' && s.pending === 0);
    expect(summarizeMediaSync(done)).toEqual({ headline: 'All media uploaded', tone: 'ok', detail: null });
    for (const asset of a.assets) expect(await onServer(team.remote, asset.sha256)).toBe(true);

    const busy = seen.filter((s) => s.state === 'uploading');
    expect(Math.max(...busy.map((s) => s.uploads.length))).toBe(2);
    expect(busy.some((s) => s.uploads.some((u) => /^Uploading clip-\d\.mp4 · [\d.]+ of \d MB$/.test(u.message)))).toBe(true);
    const fractions = busy.map((s) => s.fraction ?? 0);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1] - 1e-9)).toBe(true);
    expect(summarizeMediaSync(busy[0])!.headline).toMatch(/^Uploading 3 files · \d+%$/);
    // The teammate's file is not here: it is left for their laptop to send.
    expect(done.failed).toEqual([]);
  });

  it('fetches a teammate’s file on demand, once for everyone asking, with progress', async () => {
    const team = await startServer();
    const a = await laptopWithFiles([4 * MB]);
    const upA = mediaSync(a.host);
    upA.setAssets(a.assets);
    upA.setRemote(team.issued);
    await until(upA, (s) => s.state === 'idle' && s.pending === 0);

    const b = laptop();
    const onB = mediaSync(b.host, { downloadMode: 'open' });
    onB.setRemote(team.issued);
    onB.setAssets(a.assets);
    await until(onB, (s) => s.state === 'idle');
    const progress: number[] = [];
    const first = onB.ensureLocal(a.assets[0].sha256, { onProgress: (p) => progress.push(p.fraction ?? -1) });
    const second = onB.ensureLocal(a.assets[0].sha256);
    expect(onB.status.downloads).toMatchObject([{ sha256: a.assets[0].sha256, fileName: 'clip-1.mp4' }]);
    expect(onB.stateOf(a.assets[0].sha256).state).toBe('downloading');
    expect(second).toBe(first);
    await first;
    expect(progress.at(-1)).toBe(1);
    expect(readFileSync(b.store.pathOf(a.assets[0].sha256)).equals(a.assets[0].bytes)).toBe(true);
    expect(onB.status.downloads).toEqual([]);
    await expect(onB.ensureLocal('cd'.repeat(32))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('waits while the server is down and sends everything once it is back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fanfare-sync-'));
    let server = await createSyncServer({ port: 0, dataDir, log: () => undefined });
    const port = server.port;
    const issued = server.createWorkspace('Acme');
    await server.close();
    try {
      const a = await laptopWithFiles([1 * MB, 1 * MB]);
      const sync = mediaSync(a.host);
      sync.setAssets(a.assets);
      sync.setRemote(issued);
      const waiting = await until(sync, (s) => s.state === 'waiting');
      expect(summarizeMediaSync(waiting)).toEqual({
        headline: '2 files waiting — offline', tone: 'waiting',
        detail: 'The team server can’t be reached; the file will upload when you’re back online.',
      });

      server = await createSyncServer({ port, dataDir, log: () => undefined });
      // No nudge: the backoff timer tries again by itself.
      await until(sync, (s) => s.state === 'idle' && s.pending === 0);
      for (const asset of a.assets) expect(await onServer(issued, asset.sha256)).toBe(true);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('holds files while sync is paused or offline, and stops when the invite is revoked', async () => {
    const team = await startServer();
    const a = await laptopWithFiles([1 * MB]);
    const sync = mediaSync(a.host);
    sync.setPaused(true);
    sync.setAssets(a.assets);
    sync.setRemote(team.issued);
    const paused = await until(sync, (s) => s.state === 'paused' && s.pending === 1);
    expect(summarizeMediaSync(paused)!.headline).toBe('1 file waiting — sync paused');
    sync.setOnline(false);
    sync.setPaused(false);
    expect(summarizeMediaSync(sync.status)!.headline).toBe('1 file waiting — offline');
    expect(await onServer(team.remote, a.assets[0].sha256)).toBe(false);

    team.server.revoke(team.remote.token);
    sync.setOnline(true);
    const refused = await until(sync, (s) => s.state === 'refused');
    expect(summarizeMediaSync(refused)).toEqual({
      headline: '1 file waiting — invite not accepted', tone: 'problem',
      detail: 'Your invite to the team server is no longer valid, so media files can’t be sent or fetched. Ask a teammate for a new invite.',
    });
  });

  it('sets aside a file too big for the server with the reason, and sends the rest', async () => {
    const team = await startServer({ maxBlobBytes: 1 * MB });
    const a = await laptopWithFiles([3 * MB, 100_000]);
    const sync = mediaSync(a.host);
    sync.setAssets(a.assets);
    sync.setRemote(team.issued);
    const done = await until(sync, (s) => s.state === 'idle' && s.pending === 0 && s.failed.length === 1);
    expect(done.failed).toEqual([{
      sha256: a.assets[0].sha256, fileName: 'clip-1.mp4',
      message: '“clip-1.mp4” is larger than your team server accepts (the limit is 1 MB). Ask whoever runs the server to allow bigger files, or use a smaller version.',
    }]);
    expect(summarizeMediaSync(done)!.headline).toBe('1 file could not be uploaded');
    expect(await onServer(team.remote, a.assets[1].sha256)).toBe(true);
  });

  it('remembers what the server has, so reopening the workspace sends nothing again (it only checks, with HEAD)', async () => {
    const team = await startServer();
    const a = await laptopWithFiles([500_000, 500_000]);
    const memory = memoryInMemory();
    const first = mediaSync(a.host, { memory });
    first.setAssets(a.assets);
    first.setRemote(team.issued);
    await until(first, (s) => s.state === 'idle' && s.pending === 0);
    first.close();

    const calls: string[] = [];
    let serverAnswered: Promise<unknown> | null = null;
    const counting: MediaHost = {
      'media-status': (input, o) => (calls.push('media-status'), a.host['media-status'](input, o)),
      'media-upload': (input, o) => (calls.push('media-upload'), a.host['media-upload'](input, o)),
      'media-download': (input, o) => (calls.push('media-download'), a.host['media-download'](input, o)),
      'media-remote-status': (input, o) => {
        calls.push('media-remote-status');
        const answer = a.host['media-remote-status'](input, o);
        serverAnswered = answer;
        return answer;
      },
      'team-server-remember': (input, o) => a.host['team-server-remember'](input, o),
    };
    const stored = team.logs.filter((l) => l.event === 'blob-stored').length;
    const reopened = mediaSync(counting, { memory });
    reopened.setRemote(team.issued);
    reopened.setAssets(a.assets);
    await waitUntil(() => serverAnswered !== null);
    // The server's answer is the event: a file it lacked would be queued as soon as the answer is read,
    // within the same turn of the event loop, so one turn after it nothing more can start.
    await serverAnswered;
    await new Promise((resolve) => setImmediate(resolve));
    expect(summarizeMediaSync(reopened.status)!.headline).toBe('All media uploaded');
    expect(calls).toEqual(['media-status', 'media-remote-status']);
    expect(team.logs.filter((l) => l.event === 'blob-stored').length).toBe(stored);
  });
});

// Teammates' files coming to this laptop.

const names: Record<string, string> = { 'person-alex': 'Alex', 'person-sam': 'Sam' };
const nameOf = (id: string | null) => (id ? names[id] ?? null : null);

/** Laptop A (Alex) with files in its store, uploaded to the team server; plus a file only Sam has. */
async function teamWithFiles(sizes: number[]) {
  const team = await startServer();
  const a = laptop();
  const dir = tempDir();
  const assets: (MediaAsset & { bytes: Buffer })[] = [];
  for (const [i, size] of sizes.entries()) {
    const file = randomFile(dir, `clip-${i + 1}.mp4`, size);
    const added = await a.add(file.path);
    assets.push({ sha256: added.sha256, fileName: added.fileName, sizeBytes: added.sizeBytes, addedBy: 'person-alex', bytes: file.bytes });
  }
  const memory = memoryInMemory();
  const onA = mediaSync(a.host, { memory });
  onA.setAssets(assets);
  onA.setRemote(team.issued);
  await until(onA, (s) => s.state === 'idle' && s.pending === 0);
  const samsFile: MediaAsset = { sha256: 'ab'.repeat(32), fileName: 'only-on-sam.mov', sizeBytes: 5000, addedBy: 'person-sam' };
  return { team, a, onA, memory, assets, samsFile };
}

describe('media sync: teammates’ files come to this laptop', () => {
  it('“all media”: fetches every file the server has by itself, counting “X of Y”, and names the one missing everywhere', async () => {
    const { team, assets, samsFile } = await teamWithFiles([2 * MB, 1 * MB, 3 * MB]);
    const b = laptop();
    const onB = mediaSync(b.host);
    const seen: MediaSyncStatus[] = [];
    onB.onStatus((s) => seen.push(s));
    onB.setRemote(team.issued);
    onB.setAssets([...assets, samsFile]);

    const done = await until(onB, (s) => s.incoming?.here === 3 && s.incoming.run === null && s.incoming.missing.length === 1);
    for (const asset of assets) {
      expect(readFileSync(b.store.pathOf(asset.sha256)).equals(asset.bytes)).toBe(true);
      expect(onB.stateOf(asset.sha256)).toEqual({ state: 'local', fraction: null });
    }
    expect(onB.stateOf(samsFile.sha256).state).toBe('missing');
    const busy = seen.map((s) => summarizeMediaDownloads(s)?.headline ?? '').filter((h) => h.startsWith('Downloading'));
    expect(busy.some((h) => /^Downloading [0-2] of 3 files · \d+% · 1 file missing everywhere$/.test(h))).toBe(true);
    expect(Math.max(...seen.map((s) => s.downloads.length))).toBeLessThanOrEqual(2);
    expect(summarizeMediaDownloads(done, nameOf)).toEqual({
      headline: '1 file missing everywhere', tone: 'problem',
      detail: 'Not on this computer and not on the team server: only the laptop it was added on has it.',
      missing: ['“only-on-sam.mov” is not on the team server: it was added on Sam’s computer and arrives once their Fanfare is back online.'],
      failed: [],
    });
    // B's own upload side has nothing to send: what it fetched is on the server already.
    expect(summarizeMediaSync(done)!.headline).toBe('All media uploaded');
  });

  it('“only what I open”: says the files are on the team server, and fetches one when it is opened', async () => {
    const { team, assets } = await teamWithFiles([1 * MB, 1 * MB]);
    const b = laptop();
    const onB = mediaSync(b.host, { downloadMode: 'open' });
    onB.setRemote(team.issued);
    onB.setAssets(assets);
    const known = await until(onB, (s) => s.incoming?.onServer === 2);
    expect(onB.stateOf(assets[0].sha256).state).toBe('remote');
    expect(summarizeMediaDownloads(known)!.headline).toBe('2 files only on the team server — downloaded when you open them');
    expect(b.store.pathOf(assets[0].sha256)).toBeTruthy();
    expect(await b.store.sizeOf(assets[0].sha256)).toBeNull();

    await onB.ensureLocal(assets[0].sha256);
    expect(onB.stateOf(assets[0].sha256).state).toBe('local');
    expect(summarizeMediaDownloads(onB.status)!.headline).toBe('1 file only on the team server — downloaded when you open them');

    // Switching to "all media" fetches the rest.
    onB.setDownloadMode('all');
    await until(onB, (s) => s.incoming?.here === 2);
    expect(summarizeMediaDownloads(onB.status)!.headline).toBe('All media is on this computer');
  });

  it('one caller giving up does not stop the download another is waiting for; the last one does', async () => {
    const { team, assets } = await teamWithFiles([4 * MB]);
    const link = await slowLink(team.server.port);
    const b = laptop();
    const onB = mediaSync(b.host, { downloadMode: 'open' });
    onB.setRemote({ ...team.issued, server: link.url });
    onB.setAssets(assets);
    const impatient = new AbortController();
    const first = onB.ensureLocal(assets[0].sha256, { signal: impatient.signal });
    const second = onB.ensureLocal(assets[0].sha256);
    impatient.abort();
    await expect(first).rejects.toMatchObject({ code: 'cancelled' });
    await second;
    expect(readFileSync(b.store.pathOf(assets[0].sha256)).equals(assets[0].bytes)).toBe(true);

    const c = laptop();
    const onC = mediaSync(c.host, { downloadMode: 'open' });
    onC.setRemote({ ...team.issued, server: link.url });
    onC.setAssets(assets);
    const alone = new AbortController();
    const only = onC.ensureLocal(assets[0].sha256, { signal: alone.signal, onProgress: (p) => void ((p.fraction ?? 0) > 0.05 && alone.abort()) });
    await expect(only).rejects.toMatchObject({ code: 'cancelled' });
    await until(onC, (s) => s.downloads.length === 0);
    expect(await c.store.sizeOf(assets[0].sha256)).toBeNull();
  });

  it('works without a team server for a file that is here, and says plainly when it is not', async () => {
    const a = laptop();
    const file = randomFile(tempDir(), 'here.mp4', 10_000);
    await a.add(file.path);
    const alone = mediaSync(a.host);
    alone.setAssets([{ sha256: file.sha256, fileName: 'here.mp4', sizeBytes: 10_000 }]);
    await alone.ensureLocal(file.sha256);
    await expect(alone.ensureLocal('cd'.repeat(32), { fileName: 'elsewhere.mov' })).rejects.toMatchObject({
      message: '“elsewhere.mov” is not on this computer. This workspace is not connected to a team server, so files from teammates can’t be fetched.',
    });
  });

  it('a file the server set aside as damaged is sent again by the laptop that has it, and then reaches the teammate', async () => {
    const { team, a, onA, memory, assets } = await teamWithFiles([500_000]);
    const [asset] = assets;
    // The server's copy rots; B asks for it: the server sets it aside and says 404.
    writeFileSync(join(team.dataDir, 'blobs', team.remote.workspaceId, asset.sha256.slice(0, 2), asset.sha256), Buffer.alloc(500_000, 9));
    const b = laptop();
    const onB = mediaSync(b.host, { downloadMode: 'open', recheckMs: { missing: 100, uploaded: 60_000 } });
    onB.setRemote(team.issued);
    onB.setAssets(assets);
    await until(onB, (s) => s.incoming?.missing.length === 1);
    await expect(onB.ensureLocal(asset.sha256)).rejects.toMatchObject({ code: 'not-found' });
    expect(team.logs.some((l) => l.event === 'blob-damaged')).toBe(true);

    // Alex's laptop remembers having sent it; reopening the workspace checks and sends it again.
    onA.close();
    const reopened = mediaSync(a.host, { memory });
    reopened.setRemote(team.issued);
    reopened.setAssets(assets);
    await until(reopened, () => team.logs.filter((l) => l.event === 'blob-stored').length === 2);
    await until(reopened, (s) => s.state === 'idle' && s.pending === 0);

    // B asks again about files missing everywhere, and now finds it.
    await until(onB, (s) => s.incoming?.onServer === 1);
    await onB.ensureLocal(asset.sha256);
    expect(readFileSync(b.store.pathOf(asset.sha256)).equals(asset.bytes)).toBe(true);
  });

  it('fetches the pictures a document lacked, and leaves out the ones that cannot come', async () => {
    const { team, assets, samsFile } = await teamWithFiles([200_000, 300_000]);
    const b = laptop();
    const onB = mediaSync(b.host, { downloadMode: 'open' });
    onB.setRemote(team.issued);
    onB.setAssets([...assets, samsFile]);
    expect(await fetchMissingMedia(onB, [assets[0].sha256, samsFile.sha256, assets[1].sha256, assets[0].sha256])).toBe(2);
    expect(await b.host['media-status']({ sha256s: assets.map((a) => a.sha256) })).toMatchObject({ missing: [] });
    expect(await fetchMissingMedia(null, [samsFile.sha256])).toBe(0);
  });
});
