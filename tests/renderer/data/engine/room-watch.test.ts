import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { RoomWatch } from '../../../../src/renderer/src/data/engine/room-watch';
import { sendInPieces } from '../../../../src/renderer/src/data/engine/piecewise-sync';
import type { SyncStatus } from '../../../../src/renderer/src/data/engine/protocol';
import { linkTeamSync } from './link-team-sync';
import { LOCAL_ORIGIN } from '../../../../src/shared/data/ydoc';
import { parseInvite, type Invite } from '../../../../src/shared/sync/invite';

/**
 * The heartbeat and the count of unsent changes, against the real sync
 * server behind a TCP proxy that can go silent without closing anything
 * (what a pulled cable or a frozen server looks like to a browser). Server
 * and Node modules are imported at run time so the browser typecheck does
 * not pull them in.
 */
const serverModule = '../../../../sync-server/server';
const proxyModule = '../../../support/stall-proxy';

interface SyncServer {
  port: number;
  url: string;
  createWorkspace(name: string): { invite: string; token: string };
  close(): Promise<void>;
}
interface StallProxy {
  url: string;
  stall(): void;
  resume(): void;
  close(): Promise<void>;
}

beforeAll(async () => {
  const ws = await import('ws');
  (globalThis as { WebSocket?: unknown }).WebSocket ??= ws.WebSocket;
});

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function serverBehindProxy(): Promise<{ direct: Invite; proxied: Invite; proxy: StallProxy }> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dataDir = mkdtempSync(`${tmpdir()}/fanfare-heartbeat-`);
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const { createSyncServer } = (await import(/* @vite-ignore */ serverModule)) as { createSyncServer(options: object): Promise<SyncServer> };
  const server = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: () => undefined });
  cleanups.push(() => server.close());
  const { startStallProxy } = (await import(/* @vite-ignore */ proxyModule)) as { startStallProxy(port: number): Promise<StallProxy> };
  const proxy = await startStallProxy(server.port);
  cleanups.push(() => proxy.close());
  const parsed = parseInvite(server.createWorkspace('Acme').invite);
  if (!parsed.ok) throw new Error(parsed.message);
  return { direct: parsed.invite, proxied: { ...parsed.invite, server: proxy.url }, proxy };
}

function link(invite: Invite) {
  const { doc, statuses, until } = linkTeamSync(invite, cleanups);
  /** One edit as the store makes it: one transaction. */
  const edit = (key: string, value: string) => doc.transact(() => doc.getMap('creators').set(key, value), LOCAL_ORIGIN);
  return { doc, statuses, until, edit };
}

const allSent = (s: SyncStatus) => s.state === 'synced' && s.waiting === 0 && !s.unsent;

describe('team sync heartbeat', () => {
  it('calls a silent connection offline within 3 s, counts each edit made meanwhile, and says sent only once the server has them all', async () => {
    const { direct, proxied, proxy } = await serverBehindProxy();
    const laptop = link(proxied);
    await laptop.until(allSent, 'the first sync');

    // One edit online: sent, and confirmed.
    laptop.edit('c1', 'Maya');
    await laptop.until(allSent, 'the first edit to be confirmed');

    proxy.stall();
    const cut = Date.now();
    await laptop.until((s) => s.state === 'offline', 'offline');
    const seconds = (Date.now() - cut) / 1000;
    console.log(`offline shown ${seconds.toFixed(2)} s after the link went silent`);
    expect(seconds).toBeLessThan(3.5);

    for (const name of ['Alex', 'Sam', 'Jo', 'Kim']) laptop.edit(`c-${name}`, name);
    expect(laptop.statuses.at(-1)).toMatchObject({ state: 'offline', waiting: 4, unsent: true });

    proxy.resume();
    await laptop.until(allSent, 'the four edits to be confirmed');
    // At that moment the server has every one: a laptop that asks it directly gets all five.
    const other = link(direct);
    await other.until(allSent, 'the second laptop to sync');
    expect([...other.doc.getMap('creators').keys()].sort()).toEqual(['c-Alex', 'c-Jo', 'c-Kim', 'c-Sam', 'c1']);
  }, 60_000);

  it('is not "synced" after a reconnect until the server confirms the edits made offline', async () => {
    const { proxied, proxy } = await serverBehindProxy();
    const laptop = link(proxied);
    await laptop.until(allSent, 'the first sync');
    laptop.edit('c0', 'Sam');
    await laptop.until(allSent, 'the first edit to be confirmed');
    proxy.stall();
    await laptop.until((s) => s.state === 'offline', 'offline');
    laptop.edit('c1', 'Maya');
    laptop.edit('c2', 'Zoë');
    proxy.resume();
    await laptop.until(allSent, 'everything confirmed');
    // Every status between the edits and the confirmation still counted them.
    const afterEdits = laptop.statuses.slice(laptop.statuses.findIndex((s) => s.waiting === 2));
    const firstConfirmed = afterEdits.findIndex(allSent);
    expect(afterEdits.slice(0, firstConfirmed).every((s) => s.waiting === 2 && s.unsent)).toBe(true);
  }, 60_000);

  it('says sent only after the last piece of a first upload sent in pieces, whatever the uploader asks the server meanwhile', async () => {
    const { direct } = await serverBehindProxy();
    const doc = new Y.Doc();
    const creators = doc.getMap('creators');
    doc.transact(() => {
      for (let i = 0; i < 3_000; i++) creators.set(`c${i}`, `Creator number ${i} with a longish name`);
    });
    const provider = new WebsocketProvider(direct.server, direct.workspaceId, doc, { params: { token: direct.token }, disableBc: true, connect: false });
    sendInPieces(provider, 8 * 1024);
    const sends: string[] = [];
    let sentAt = -1;
    const watch = new RoomWatch(provider, () => true, () => {
      if (sentAt < 0 && watch.progress.sent) sentAt = sends.length;
    });
    provider.on('status', ({ status }: { status: string }) => {
      const ws = provider.ws;
      if (status !== 'connected' || !ws) return;
      const send = ws.send.bind(ws);
      ws.send = (data) => {
        const bytes = new Uint8Array(data as ArrayBuffer);
        sends.push(bytes[0] === 0 ? `sync-${bytes[1]}` : `type-${bytes[0]}`);
        send(data);
      };
    });
    cleanups.push(() => {
      watch.destroy();
      provider.destroy();
    });
    expect(watch.progress.sent).toBe(false);
    provider.connect();
    const deadline = Date.now() + 20_000;
    while (!watch.progress.sent && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(watch.progress.sent).toBe(true);
    // Many pieces, each followed by the uploader's own question; "sent" came after the last one (the sync step 2) and one answer more.
    expect(sends.filter((s) => s === 'sync-2').length).toBeGreaterThan(5);
    expect(sends.filter((s) => s === 'type-3').length).toBeGreaterThan(5);
    expect(sends.slice(0, sentAt)).toContain('sync-1');
    const lastPiece = sends.lastIndexOf('sync-1');
    expect(sends.slice(lastPiece + 1, sentAt)).toContain('type-3');

    const other = link(direct);
    await other.until(allSent, 'a second laptop to sync');
    expect(other.doc.getMap('creators').size).toBe(3_000);
  }, 60_000);
});

