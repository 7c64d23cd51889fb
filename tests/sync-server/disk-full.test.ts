import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk';
import { CLOSE, CLOSE_REASON } from '../../sync-server/close-codes';
import { cleanupAll, closed, connect, docOf, fetchMissing, mapOf, rawConnect, startServer, synced, waitFor, type Client, type TestServer } from './helpers';

let disk: SmallDisk | null = null;
afterEach(async () => {
  await cleanupAll();
  disk?.unmount();
  disk = null;
});

/** What one client has seen arrive from the server (the other client's edits, relayed: acknowledged). */
function watchRelayed(client: Client): Set<string> {
  const seen = new Set<string>();
  client.doc.getMap('items').observe((event, transaction) => {
    if (transaction.origin !== client.provider) return;
    for (const key of event.keysChanged) seen.add(key);
  });
  return seen;
}

/** The close codes a client was sent by the server. */
function closeCodes(client: Client): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event: { code: number } | null) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

/** A change of about a kilobyte, so the log grows quickly. */
const edit = (client: Client, key: string): void => {
  client.doc.getMap('items').set(key, `${key} ${'x'.repeat(1000)}`);
};

async function editBoth(a: Client, b: Client, prefix: string, count: number, pace: () => Promise<void>): Promise<void> {
  for (let i = 0; i < count; i++) {
    edit(a, `${prefix}-a${i}`);
    edit(b, `${prefix}-b${i}`);
    await pace();
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('sync server: the disk fills up while people edit', () => {
  it('keeps every acknowledged edit, says why it stopped, and both clients carry on once space is back', async () => {
    disk = mountSmallDisk(12 * 1024 * 1024);
    const dataDir = join(disk.dir, 'data');
    const server: TestServer = await startServer({ dataDir, storageRetry: { firstMs: 50, maxMs: 300 } });
    const { workspaceId, token } = server.createWorkspace('Acme');
    const a = connect(server.url, workspaceId, token);
    const b = connect(server.url, workspaceId, token);
    await Promise.all([synced(a), synced(b)]);
    const seenByA = watchRelayed(a);
    const seenByB = watchRelayed(b);
    const codesA = closeCodes(a);
    const codesB = closeCodes(b);

    // A steady stream, and the disk fills in the middle of it.
    await editBoth(a, b, 'before', 40, () => sleep(5));
    await waitFor(() => seenByB.has('before-a39') && seenByA.has('before-b39'), 10_000, 'the first edits to be relayed');
    disk.fill(0);
    await editBoth(a, b, 'full', 60, () => sleep(10));
    await waitFor(() => server.logs.some((l) => l.event === 'storage-failed'), 10_000, 'the server to log the failure');
    // The disk stays full for a while: the server tries to reopen its store and fails, and the clients
    // are told to come back later. Waiting for those, not for a fixed time, says the full-disk state was reached.
    await waitFor(() => server.logs.filter((l) => l.event === 'storage-reopen-failed').length >= 2, 10_000, 'failed reopen attempts to be logged');
    await waitFor(() => codesA.includes(CLOSE.storage) && codesB.includes(CLOSE.storage), 10_000, 'both clients to be told to come back later');

    disk.release();
    await editBoth(a, b, 'after', 40, () => sleep(5));
    const everyKey = (client: Client) => Object.keys(mapOf(client)).length;
    await waitFor(() => everyKey(a) === 280 && everyKey(b) === 280, 20_000, 'both clients to converge');

    const failed = server.logs.find((l) => l.event === 'storage-failed')!;
    expect(String(failed.message)).toMatch(/cannot save/i);
    expect(server.logs.some((l) => l.event === 'storage-recovered')).toBe(true);
    // The clients were told to come back later (never a refusal), and came back by themselves.
    expect([...codesA, ...codesB]).toContain(4503);
    expect([...codesA, ...codesB].filter((code) => code >= 4400 && code < 4500)).toEqual([]);
    expect(a.provider.synced && b.provider.synced).toBe(true);

    // Restarted on the same folder, without the clients (who would resend what it lost):
    // every edit either client saw relayed is there, and by now every edit at all.
    a.provider.destroy();
    b.provider.destroy();
    await server.close();
    const again = await startServer({ dataDir });
    const stored = docOf((await fetchMissing(again.url, workspaceId, token)).updates).getMap('items');
    const relayed = [...seenByA, ...seenByB];
    expect(relayed.length).toBeGreaterThan(100);
    expect(relayed.filter((key) => !stored.has(key))).toEqual([]);
    expect(stored.size).toBe(280);
    expect(Y.encodeStateVector(docOf([Y.encodeStateAsUpdate(a.doc)]))).toEqual(Y.encodeStateVector(docOf([Y.encodeStateAsUpdate(b.doc)])));
  }, 90_000);

  it('while the disk stays full, turns new connections away with the words and keeps trying to reopen; then serves what it had', async () => {
    disk = mountSmallDisk(8 * 1024 * 1024);
    const dataDir = join(disk.dir, 'data');
    const server = await startServer({ dataDir, storageRetry: { firstMs: 20, maxMs: 100 } });
    const { workspaceId, token } = server.createWorkspace('Acme');
    const a = connect(server.url, workspaceId, token);
    const b = connect(server.url, workspaceId, token);
    // A client in another room of the same store, who is not editing.
    const brief = connect(server.url, `${workspaceId}/brief1`, token);
    const briefCodes = closeCodes(brief);
    await Promise.all([synced(a), synced(b), synced(brief)]);
    edit(a, 'kept');
    await waitFor(() => mapOf(b).kept !== undefined, 10_000, 'the first edit to be relayed');

    disk.fill(0);
    for (let i = 0; !server.logs.some((l) => l.event === 'storage-failed'); i++) {
      edit(a, `while-full-${i}`);
      await sleep(10);
    }
    await waitFor(() => server.logs.filter((l) => l.event === 'storage-reopen-failed').length >= 2, 10_000, 'failed reopen attempts to be logged');
    expect(server.logs.find((l) => l.event === 'storage-failed')?.message).toMatch(/Free some space on that disk/);
    // Every room stopped, not only the one whose write failed.
    expect(briefCodes).toContain(CLOSE.storage);

    // Nobody is served from memory or from the store that failed.
    const raw = await rawConnect(server.url, workspaceId, token);
    expect(await closed(raw.ws!)).toEqual({ code: CLOSE.storage, reason: CLOSE_REASON.storage });
    expect(b.provider.synced).toBe(false);

    disk.release();
    await waitFor(() => server.logs.some((l) => l.event === 'storage-recovered'), 10_000, 'the store to be reopened');
    await Promise.all([synced(a), synced(b)]);
    await waitFor(() => JSON.stringify(mapOf(a)) === JSON.stringify(mapOf(b)), 10_000, 'the clients to converge');
    const c = connect(server.url, workspaceId, token);
    await synced(c);
    expect(mapOf(c)).toEqual(mapOf(a));
  }, 60_000);
});
