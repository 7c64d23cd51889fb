import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { linkTeamSync } from './link-team-sync';
import { parseInvite, type Invite } from '../../../../src/shared/sync/invite';

/**
 * The app's link to the team server, against real sockets: a small scripted
 * WebSocket server that ends each connection with the next close code, and
 * the real sync server on a real full disk. Server and Node modules are
 * imported at run time so the browser typecheck does not pull them in.
 */
const serverModule = '../../../../sync-server/server';
const smallDiskModule = '../../../support/small-disk';

interface SyncServer {
  url: string;
  createWorkspace(name: string): { invite: string; token: string };
  revoke(token: string): unknown;
  close(): Promise<void>;
}
interface SmallDisk {
  dir: string;
  fill(leaveBytes?: number): void;
  release(): void;
  unmount(): void;
}
interface ScriptedServer {
  url: string;
  connections: number;
  close(): Promise<void>;
}

let ws: typeof import('ws');
beforeAll(async () => {
  ws = await import('ws');
  // The stock y-websocket client needs a WebSocket; Node 20 has none built in.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= ws.WebSocket;
});

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Ends the n-th connection with the n-th close code (and the last one from then on). */
async function scriptedServer(closes: { code: number; reason: string }[]): Promise<ScriptedServer> {
  const wss = new ws.WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const server = {
    url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}`,
    connections: 0,
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
  wss.on('connection', (socket) => {
    const { code, reason } = closes[Math.min(server.connections, closes.length - 1)];
    server.connections++;
    socket.close(code, reason);
  });
  cleanups.push(() => server.close());
  return server;
}

function link(invite: Invite) {
  const { doc, sync, statuses, until } = linkTeamSync(invite, cleanups);
  /** Whether the stock provider will try again by itself. */
  const retrying = () => (sync as unknown as { provider: { shouldConnect: boolean } }).provider.shouldConnect;
  return { doc, sync, statuses, until, retrying };
}

const STORAGE = 'The team server cannot save right now; your changes are kept on this laptop and will be sent when it can.';

describe('team sync: transient is not refusal', () => {
  it('keeps retrying through every transient close, showing the words, and stops only when the invite is revoked', async () => {
    const server = await scriptedServer([
      { code: 4503, reason: STORAGE },
      { code: 4509, reason: '' },
      { code: 1001, reason: 'The sync server is shutting down.' },
      { code: 4500, reason: '' },
      { code: 4401, reason: 'This invite was revoked. Ask for a new one.' },
    ]);
    const { statuses, until, retrying } = link({ server: server.url, workspaceId: 'w1', token: 't' });
    await until((s) => s.state === 'refused', 'the revocation');

    const messages = statuses.filter((s) => s.state === 'offline' && s.message).map((s) => s.message);
    expect([...new Set(messages)]).toEqual([
      STORAGE,
      'The team server is reloading this workspace; reconnecting.',
      'The team server is restarting. Keep working: your changes are kept on this laptop and sent when it is back.',
      'The team server could not read a change from this app; reconnecting.',
    ]);
    // Refused only at the revocation, and for good from then on.
    const firstRefusal = statuses.findIndex((s) => s.state === 'refused');
    expect(firstRefusal).toBeGreaterThan(statuses.findLastIndex((s) => s.message === 'The team server could not read a change from this app; reconnecting.'));
    expect(statuses.slice(firstRefusal).every((s) => s.state === 'refused')).toBe(true);
    expect(statuses[statuses.length - 1]).toEqual({ state: 'refused', waiting: 0, message: 'This invite was revoked. Ask for a new one.', unsent: false });
    expect(server.connections).toBe(5);
    expect(retrying()).toBe(false);
  }, 30_000);

  it('says the server cannot save while its disk is full, and is back in sync by itself once there is space', async () => {
    const { mountSmallDisk } = (await import(/* @vite-ignore */ smallDiskModule)) as { mountSmallDisk(bytes: number): SmallDisk };
    const disk = mountSmallDisk(8 * 1024 * 1024);
    cleanups.push(() => disk.unmount());
    const { createSyncServer } = (await import(/* @vite-ignore */ serverModule)) as { createSyncServer(options: object): Promise<SyncServer> };
    const server = await createSyncServer({ port: 0, dataDir: `${disk.dir}/data`, storageRetry: { firstMs: 20, maxMs: 200 }, log: () => undefined });
    cleanups.push(() => server.close());
    const parsed = parseInvite(server.createWorkspace('Acme').invite);
    if (!parsed.ok) throw new Error(parsed.message);

    const laptop = link(parsed.invite);
    await laptop.until((s) => s.state === 'synced', 'the first sync');
    disk.fill(0);
    const items = laptop.doc.getMap('items');
    let n = 0;
    const notice = laptop.until((s) => s.state === 'offline' && s.message === STORAGE, 'the storage notice');
    const typing = setInterval(() => items.set(`k${n++}`, 'x'.repeat(1_000)), 10);
    await notice.finally(() => clearInterval(typing));
    expect(laptop.retrying()).toBe(true);

    disk.release();
    items.set('after', 'space is back');
    const back = await laptop.until((s) => s.state === 'synced' && !s.unsent, 'sync to resume and the server to confirm');
    expect(back).toEqual({ state: 'synced', waiting: 0, message: null, unsent: false });
    expect(laptop.statuses.some((s) => s.state === 'refused')).toBe(false);

    // Everything typed meanwhile reached the server: a second laptop gets all of it.
    const other = link(parsed.invite);
    await other.until((s) => s.state === 'synced', 'the second laptop to sync');
    expect(other.doc.getMap('items').size).toBe(items.size);
  }, 60_000);

  it('stops, saying so, when the invite was revoked while the laptop was away (refused before the socket opens)', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dataDir = mkdtempSync(`${tmpdir()}/fanfare-revoked-`);
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const { createSyncServer } = (await import(/* @vite-ignore */ serverModule)) as { createSyncServer(options: object): Promise<SyncServer> };
    const server = await createSyncServer({ port: 0, dataDir, log: () => undefined });
    cleanups.push(() => server.close());
    const issued = server.createWorkspace('Acme');
    const parsed = parseInvite(issued.invite);
    if (!parsed.ok) throw new Error(parsed.message);
    server.revoke(issued.token);

    const laptop = link(parsed.invite);
    const refused = await laptop.until((s) => s.state === 'refused', 'the refusal');
    expect(refused.message).toMatch(/does not accept this invite any more.*Ask your teammate for a new one/);
    expect(laptop.retrying()).toBe(false);
  }, 30_000);
});
