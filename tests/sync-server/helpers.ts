import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../sync-server/server';
import type { LogEntry } from '../../sync-server/logger';

/** Shared test plumbing: temp data folders, a real server, the stock y-websocket client. */

const cleanups: Array<() => unknown> = [];

export async function cleanupAll(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!();
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-sync-'));
  cleanups.unshift(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestServer extends SyncServer {
  logs: LogEntry[];
  dataDir: string;
}

export async function startServer(options: Partial<SyncServerOptions> = {}): Promise<TestServer> {
  const logs: LogEntry[] = [];
  const dataDir = options.dataDir ?? tempDir();
  const server = await createSyncServer({ port: 0, ...options, dataDir, log: (entry) => logs.push(entry) });
  cleanups.push(() => server.close());
  return Object.assign(server, { logs, dataDir });
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  statuses: string[];
}

/** The stock client, exactly as the app will use it (no BroadcastChannel: every byte goes through the server). */
export function connect(url: string, room: string, token: string | null, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(url, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: token === null ? {} : { token },
    disableBc: true,
    maxBackoffTime: 300,
  });
  const statuses: string[] = [];
  provider.on('status', ({ status }: { status: string }) => statuses.push(status));
  cleanups.push(() => {
    provider.destroy();
    doc.destroy();
  });
  return { doc, provider, statuses };
}

/** The usual start: a server, one workspace, two clients synced with it. */
export async function twoSyncedClients(options: Partial<SyncServerOptions> = {}) {
  const server = await startServer(options);
  const { workspaceId, token } = server.createWorkspace('Acme');
  const a = connect(server.url, workspaceId, token);
  const b = connect(server.url, workspaceId, token);
  await Promise.all([synced(a), synced(b)]);
  return { server, workspaceId, token, a, b };
}

export function synced(client: Client, timeoutMs = 10_000): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return waitFor(() => client.provider.synced, timeoutMs, 'the client to sync');
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'a condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export type RawResult = { ws: WebSocket; status?: undefined; body?: undefined } | { ws?: undefined; status: number; body: string };

/** A bare WebSocket: either it opens, or the server answers the upgrade with an HTTP status. */
export function rawConnect(url: string, room: string, token: string | null): Promise<RawResult> {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(`${url}/${room}${query}`);
  cleanups.push(() => ws.terminate());
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.on('error', reject);
  });
}

export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export function mapOf(client: Client, name = 'items'): Record<string, unknown> {
  return client.doc.getMap(name).toJSON();
}
