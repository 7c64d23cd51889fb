import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../../../../src/main/handlers';
import { createWebHost } from '../../../../src/main/web-host/server';
import type { Progress } from '../../../../src/shared/api/contract';
import { cleanupAll, filesUnder, laptop, randomFile, recorder, sha256Of, slowLink, startServer, tempDir, waitUntil, webSession } from './helpers';

afterEach(cleanupAll);

const MB = 1024 * 1024;

function expectSteadyProgress(events: Progress[]) {
  const fractions = events.map((e) => e.fraction);
  expect(fractions.length).toBeGreaterThanOrEqual(2);
  expect(fractions.every((f) => typeof f === 'number')).toBe(true);
  for (let i = 1; i < fractions.length; i++) expect(fractions[i]!).toBeGreaterThan(fractions[i - 1]!);
  expect(fractions.at(-1)).toBe(1);
}

/** Laptop A adds a file and uploads it; what the team server then holds. */
async function uploadedFromA(size = 3 * MB, name = 'clip.mp4') {
  const team = await startServer();
  const a = laptop();
  const source = randomFile(tempDir(), name, size);
  const added = await a.add(source.path);
  await a.host['media-upload']({ sha256: added.sha256, ...(await a.via(team.remote)), fileName: name });
  return { team, a, source, added };
}

describe('media bytes between two laptops (media-upload, media-download)', () => {
  it('uploads from one laptop by hash and downloads identical bytes on another, with progress', async () => {
    const team = await startServer();
    const a = laptop();
    const b = laptop();
    const source = randomFile(tempDir(), 'clip.mp4', 6 * MB);
    const added = await a.add(source.path);

    const up = recorder();
    expect(await a.host['media-upload']({ sha256: added.sha256, ...(await a.via(team.remote)), fileName: 'clip.mp4' }, up))
      .toEqual({ sha256: source.sha256, sizeBytes: 6 * MB, transferred: true });
    expectSteadyProgress(up.events);
    expect(up.events[0].message).toBe('Uploading clip.mp4 · 0 of 6 MB');
    expect(up.events.at(-1)!.message).toBe('Uploading clip.mp4 · 6 of 6 MB');

    expect(await b.host['media-status']({ sha256s: [source.sha256] })).toEqual({ present: [], missing: [source.sha256] });
    const down = recorder();
    expect(await b.host['media-download']({ sha256: source.sha256, ...(await b.via(team.remote)), fileName: 'clip.mp4' }, down))
      .toEqual({ sha256: source.sha256, sizeBytes: 6 * MB, transferred: true });
    expectSteadyProgress(down.events);
    expect(down.events.at(-1)!.message).toBe('Downloading clip.mp4 · 6 of 6 MB');

    const onB = readFileSync(b.store.pathOf(source.sha256));
    expect(onB.equals(source.bytes)).toBe(true);
    expect(sha256Of(onB)).toBe(source.sha256);
    expect(filesUnder(b.mediaDir)).toEqual([`${source.sha256.slice(0, 2)}/${source.sha256}`]);
  });

  it('does not send bytes the server already has, from either laptop', async () => {
    const { team, a, source } = await uploadedFromA();
    const b = laptop();
    await b.host['media-download']({ sha256: source.sha256, ...(await b.via(team.remote)) });
    const stores = () => team.logs.filter((l) => l.event === 'blob-stored' || l.event === 'blob-exists');
    expect(stores()).toHaveLength(1);

    const progress = recorder();
    expect(await a.host['media-upload']({ sha256: source.sha256, ...(await a.via(team.remote)), fileName: 'clip.mp4' }, progress))
      .toEqual({ sha256: source.sha256, sizeBytes: source.bytes.length, transferred: false });
    expect(await b.host['media-upload']({ sha256: source.sha256, ...(await b.via(team.remote)) })).toMatchObject({ transferred: false });
    // Only HEAD went out: the server never received the bytes a second time.
    expect(stores()).toHaveLength(1);
    expect(progress.events).toEqual([{ fraction: 1, message: 'clip.mp4 is already on the team server' }]);
    // And a file already on this laptop is not fetched again.
    expect(await b.host['media-download']({ sha256: source.sha256, ...(await b.via(team.remote)) })).toMatchObject({ transferred: false });
  });

  it('says a teammate has not uploaded the file yet (404)', async () => {
    const team = await startServer();
    const b = laptop();
    const missing = sha256Of(Buffer.from('still on Alex’s laptop'));
    await expect(b.host['media-download']({ sha256: missing, ...(await b.via(team.remote)) })).rejects.toMatchObject({
      code: 'not-found',
      message: 'This file hasn’t been uploaded by your teammate yet. It will be here once their Fanfare is back online.',
    });
    expect(filesUnder(b.mediaDir)).toEqual([]);
  });

  it('says the invite is no longer valid once its token is revoked (401)', async () => {
    const { team, a, source } = await uploadedFromA(1000);
    team.server.revoke(team.remote.token);
    const message = 'Your invite to the team server is no longer valid, so media files can’t be sent or fetched. Ask a teammate for a new invite.';
    const c = laptop();
    await expect(c.host['media-download']({ sha256: source.sha256, ...(await c.via(team.remote)) })).rejects.toMatchObject({ code: 'unauthorized', message });
    await expect(a.host['media-upload']({ sha256: source.sha256, ...(await a.via(team.remote)) })).rejects.toMatchObject({ code: 'unauthorized', message });
  });

  it('says a file is too big for the server and names the limit (413)', async () => {
    const team = await startServer({ maxBlobBytes: 1 * MB });
    const a = laptop();
    const source = randomFile(tempDir(), 'Full shoot.mov', 5 * MB);
    await a.add(source.path);
    await expect(a.host['media-upload']({ sha256: source.sha256, ...(await a.via(team.remote)), fileName: 'Full shoot.mov' })).rejects.toMatchObject({
      code: 'too-large',
      message: '“Full shoot.mov” is larger than your team server accepts (the limit is 1 MB). Ask whoever runs the server to allow bigger files, or use a smaller version.',
    });
  });

  it('says the server cannot be reached, and that the upload will happen later', async () => {
    const team = await startServer();
    const a = laptop();
    const source = randomFile(tempDir(), 'clip.mp4', 1000);
    await a.add(source.path);
    await team.server.close();
    await expect(a.host['media-upload']({ sha256: source.sha256, ...(await a.via(team.remote)) })).rejects.toMatchObject({
      code: 'unreachable', message: 'The team server can’t be reached; the file will upload when you’re back online.',
    });
    const c = laptop();
    await expect(c.host['media-download']({ sha256: source.sha256, ...(await c.via(team.remote)) })).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('refuses bytes that arrive damaged and keeps nothing', async () => {
    const { team, source } = await uploadedFromA(200_000);
    // One byte of the body changes on the way (the server's own copy is intact, so it serves it).
    const link = await slowLink(team.server.port, { delayMs: 0, flipByteAt: 100_000 });
    const b = laptop();
    await expect(b.host['media-download']({ sha256: source.sha256, ...(await b.via({ ...team.remote, server: link.url })) })).rejects.toMatchObject({
      code: 'damaged', message: 'The file arrived damaged; try again.',
    });
    expect(filesUnder(b.mediaDir)).toEqual([]);
    await link.cut();
  });

  it('is not served a file that rotted on the server', async () => {
    const { team, source } = await uploadedFromA(200_000);
    const onServer = join(team.dataDir, 'blobs', team.remote.workspaceId, source.sha256.slice(0, 2), source.sha256);
    writeFileSync(onServer, Buffer.alloc(200_000, 7));
    const b = laptop();
    await expect(b.host['media-download']({ sha256: source.sha256, ...(await b.via(team.remote)) })).rejects.toMatchObject({ code: 'not-found' });
    expect(filesUnder(b.mediaDir)).toEqual([]);
  });

  it('stops a download when cancelled and removes the part file', async () => {
    const { team, source } = await uploadedFromA(4 * MB);
    const link = await slowLink(team.server.port);
    const b = laptop();
    const controller = new AbortController();
    const seen: Progress[] = [];
    const download = b.host['media-download']({ sha256: source.sha256, ...(await b.via({ ...team.remote, server: link.url })) }, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if ((p.fraction ?? 0) > 0.05) controller.abort();
      },
    });
    await expect(download).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen.at(-1)!.fraction).toBeLessThan(1);
    expect(filesUnder(b.mediaDir)).toEqual([]);
  });

  it('keeps what arrived when the line drops and the server stays away, and fetches only the rest later', async () => {
    const { team, source } = await uploadedFromA(4 * MB);
    const link = await slowLink(team.server.port);
    const b = laptop();
    const download = b.host['media-download']({ sha256: source.sha256, ...(await b.via({ ...team.remote, server: link.url })) }, {
      onProgress: (p) => void ((p.fraction ?? 0) > 0.25 && link.cut()),
    });
    await expect(download).rejects.toMatchObject({ code: 'unreachable' });
    // Nothing under the file's own name; the bytes that came are kept aside for the next try.
    expect(filesUnder(b.mediaDir)).toEqual([`.incoming/${source.sha256}.part`]);
    const kept = await b.store.partSize(source.sha256);
    expect(kept).toBeGreaterThan(MB);

    const counting = await slowLink(team.server.port, { delayMs: 0 });
    const progress = recorder();
    expect(await b.host['media-download']({ sha256: source.sha256, ...(await b.via({ ...team.remote, server: counting.url })), fileName: 'clip.mp4' }, progress))
      .toEqual({ sha256: source.sha256, sizeBytes: 4 * MB, transferred: true });
    expect(readFileSync(b.store.pathOf(source.sha256)).equals(source.bytes)).toBe(true);
    expect(filesUnder(b.mediaDir)).toEqual([`${source.sha256.slice(0, 2)}/${source.sha256}`]);
    // Only the rest travelled (plus one answer's headers), and the bar started where it had got to.
    expect(counting.bytesFromServer()).toBeLessThan(4 * MB - kept + 2048);
    expect(progress.events[0].fraction).toBeCloseTo(kept / (4 * MB), 5);
    expect(progress.events.at(-1)).toEqual({ fraction: 1, message: 'Downloading clip.mp4 · 4 of 4 MB' });
  });

  it('picks a dropped download up again by itself, from where it stopped', async () => {
    const { team, source } = await uploadedFromA(4 * MB);
    const link = await slowLink(team.server.port, { delayMs: 0, dropFirstAfter: MB + 12_345 });
    const b = laptop();
    expect(await b.host['media-download']({ sha256: source.sha256, ...(await b.via({ ...team.remote, server: link.url })) }))
      .toMatchObject({ sha256: source.sha256, transferred: true });
    expect(readFileSync(b.store.pathOf(source.sha256)).equals(source.bytes)).toBe(true);
    expect(link.connections()).toBe(2);
    // Starting over would have cost the first MB again; only the piece lost with the line (<= 64 KB here) travels twice.
    expect(link.bytesFromServer()).toBeLessThan(4 * MB + 128 * 1024);
  });

  it('starts over when the bytes kept from before turn out wrong, and keeps only the right file', async () => {
    const { team, source } = await uploadedFromA(2 * MB);
    const b = laptop();
    // A part file from an earlier try whose bytes went bad on this disk.
    const part = join(b.mediaDir, '.incoming', `${source.sha256}.part`);
    mkdirSync(join(b.mediaDir, '.incoming'), { recursive: true });
    writeFileSync(part, Buffer.alloc(MB, 3));
    expect(await b.host['media-download']({ sha256: source.sha256, ...(await b.via(team.remote)) })).toMatchObject({ transferred: true });
    expect(readFileSync(b.store.pathOf(source.sha256)).equals(source.bytes)).toBe(true);
    expect(filesUnder(b.mediaDir)).toEqual([`${source.sha256.slice(0, 2)}/${source.sha256}`]);
  });

  it('fetches a file once when two callers ask for it at the same time', async () => {
    const { team, source } = await uploadedFromA(3 * MB);
    const link = await slowLink(team.server.port, { delayMs: 0 });
    const b = laptop();
    const [one, two] = await Promise.all([
      b.host['media-download']({ sha256: source.sha256, ...(await b.via({ ...team.remote, server: link.url })) }),
      b.host['media-download']({ sha256: source.sha256, ...(await b.via({ ...team.remote, server: link.url })) }),
    ]);
    expect([one.transferred, two.transferred].sort()).toEqual([false, true]);
    expect(link.bytesFromServer()).toBeLessThan(3 * MB * 1.01);
  });

  it('says which files the team server has, and which it does not (media-remote-status)', async () => {
    const { team, source } = await uploadedFromA(100_000);
    const b = laptop();
    const never = sha256Of(Buffer.from('only on Sam’s laptop'));
    expect(await b.host['media-remote-status']({ sha256s: [source.sha256, never], ...(await b.via(team.remote)) }))
      .toEqual({ onServer: [source.sha256], notOnServer: [never] });
    // A copy that rotted on the server is set aside: for the team, it is not there any more.
    writeFileSync(join(team.dataDir, 'blobs', team.remote.workspaceId, source.sha256.slice(0, 2), source.sha256), Buffer.alloc(100_000, 1));
    expect(await b.host['media-remote-status']({ sha256s: [source.sha256], ...(await b.via(team.remote)) })).toEqual({ onServer: [], notOnServer: [source.sha256] });
    await team.server.close();
    await expect(b.host['media-remote-status']({ sha256s: [never], ...(await b.via(team.remote)) })).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('stops an upload when cancelled; the server keeps nothing', async () => {
    const team = await startServer();
    const link = await slowLink(team.server.port);
    const a = laptop();
    const source = randomFile(tempDir(), 'clip.mp4', 8 * MB);
    await a.add(source.path);
    const controller = new AbortController();
    const upload = a.host['media-upload']({ sha256: source.sha256, ...(await a.via({ ...team.remote, server: link.url })) }, {
      signal: controller.signal,
      onProgress: (p) => void ((p.fraction ?? 0) > 0 && controller.abort()),
    });
    await expect(upload).rejects.toMatchObject({ code: 'cancelled' });
    const head = await fetch(`${team.remote.server.replace('ws', 'http')}/blobs/${source.sha256}`, { method: 'HEAD', headers: { Authorization: `Bearer ${team.remote.token}` } });
    expect(head.status).toBe(404);
  });

  it('stops a download whose browser page cancels it (web host) and leaves nothing on the host', async () => {
    const { team, source } = await uploadedFromA(4 * MB);
    const link = await slowLink(team.server.port);
    const b = laptop();
    const web = await createWebHost({ port: 0, rendererDir: tempDir(), handlers: createHostHandlers({ mediaStore: b.store, teamServers: b.teamServers }) });
    await b.via({ ...team.remote, server: link.url });
    const cookie = await webSession(web);
    const controller = new AbortController();
    // What the page's web host client sends; aborting drops the request, as it does in the browser.
    const download = fetch(`${web.url}api/call/media-download`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-fanfare-call-id': 'call-1' },
      body: JSON.stringify({ sha256: source.sha256, workspaceId: team.remote.workspaceId }),
      signal: controller.signal,
    });
    // The part file shows the download is under way on the host.
    await waitUntil(() => filesUnder(b.mediaDir).length > 0);
    controller.abort();
    await expect(download).rejects.toThrow();
    await waitUntil(() => filesUnder(b.mediaDir).length === 0);
    expect(await b.store.sizeOf(source.sha256)).toBeNull();
    await web.close();
  });
});
