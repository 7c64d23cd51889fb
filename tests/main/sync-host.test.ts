import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createHostHandlers, createInProcessHost } from '../../src/main/handlers';
import { SyncHost } from '../../src/main/services/sync-host';
import { HostError } from '../../src/shared/api/errors';
import { parseInvite } from '../../src/shared/sync/invite';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function hostWithSync() {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-sync-host-'));
  const syncHost = new SyncHost(dir);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => syncHost.stop());
  return createInProcessHost(createHostHandlers({ syncHost }));
}

describe('host sync on this computer (sync-host-*)', () => {
  it('serves a workspace on loopback, keeps one room per workspace, and gives each teammate their own token', async () => {
    const host = hostWithSync();
    const input = { reach: 'this-computer' as const, port: 23_456, workspaceId: 'ws-local-1', workspaceName: 'Acme' };
    const first = await host['sync-host-share'](input);
    const second = await host['sync-host-share'](input);
    const a = parseInvite(first.invite);
    const b = parseInvite(second.invite);
    if (!a.ok || !b.ok) throw new Error('invites did not parse');
    expect(a.invite.workspaceId).toBe('ws-local-1');
    expect(b.invite.workspaceId).toBe('ws-local-1');
    expect(a.invite.token).not.toBe(b.invite.token);
    expect(first.status).toMatchObject({ running: true, reach: 'this-computer', port: 23_456, addresses: ['ws://127.0.0.1:23456'] });

    // The stock client syncs through it with the invite's token.
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(a.invite.server, a.invite.workspaceId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, params: { token: a.invite.token }, disableBc: true,
    });
    cleanups.push(() => provider.destroy());
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    expect(provider.synced).toBe(true);

    expect(await host['sync-host-stop']({})).toMatchObject({ running: false });
  });

  it('refuses a port outside 1024–65535 before anything starts, and says when a port is taken', async () => {
    const host = hostWithSync();
    await expect(host['sync-host-share']({ reach: 'this-computer', port: 80, workspaceId: 'w', workspaceName: 'W' }))
      .rejects.toMatchObject({ code: 'invalid-input', fields: { port: 'Use a port from 1024 to 65535' } });
    const other = hostWithSync();
    await host['sync-host-share']({ reach: 'this-computer', port: 23_457, workspaceId: 'w', workspaceName: 'W' });
    const taken = other['sync-host-share']({ reach: 'this-computer', port: 23_457, workspaceId: 'w', workspaceName: 'W' });
    await expect(taken).rejects.toBeInstanceOf(HostError);
    await expect(taken).rejects.toThrow('Port 23457 is already in use on this computer. Choose another port, for example 23458.');
  });

  it('comes back after the app restarts, until the person stops hosting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanfare-sync-host-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const first = new SyncHost(dir);
    const { invite } = await first.share({ reach: 'this-computer', port: 23_471, workspaceId: 'ws-restart', workspaceName: 'Acme' });
    await first.close(); // the app quits

    const second = new SyncHost(dir);
    cleanups.push(() => second.close());
    await second.resume(); // the app starts again
    expect(second.status()).toMatchObject({ running: true, port: 23_471, problem: null });
    const parsed = parseInvite(invite);
    if (!parsed.ok) throw new Error(parsed.message);
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(parsed.invite.server, parsed.invite.workspaceId, doc, { WebSocketPolyfill: WebSocket as never, params: { token: parsed.invite.token }, disableBc: true });
    cleanups.push(() => provider.destroy());
    await new Promise<void>((resolve) => provider.once('sync', () => resolve()));

    await second.stop(); // the person stops hosting
    const third = new SyncHost(dir);
    await third.resume();
    expect(third.status()).toMatchObject({ running: false, problem: null });
  });

  it('says why hosting did not come back when its port is taken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanfare-sync-host-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const first = new SyncHost(dir);
    await first.share({ reach: 'this-computer', port: 23_472, workspaceId: 'ws-taken', workspaceName: 'Acme' });
    await first.close();
    const squatter = new SyncHost(mkdtempSync(join(tmpdir(), 'fanfare-sync-host-')));
    cleanups.push(() => squatter.stop());
    await squatter.share({ reach: 'this-computer', port: 23_472, workspaceId: 'ws-other', workspaceName: 'Other' });

    const second = new SyncHost(dir);
    await second.resume();
    expect(second.status()).toMatchObject({ running: false });
    expect(second.status().problem).toMatch(/Hosting did not restart: Port 23472 is already in use/);
  });

  it('says hosting is unavailable where the app cannot host', async () => {
    const host = createInProcessHost(createHostHandlers());
    await expect(host['sync-host-share']({ reach: 'this-computer', port: 23_458, workspaceId: 'w', workspaceName: 'W' }))
      .rejects.toThrow('Hosting team sync is not available in this version of Fanfare.');
    expect(await host['sync-host-status']({})).toEqual({ running: false, reach: null, port: null, addresses: [], problem: null });
  });
});
