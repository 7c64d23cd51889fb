import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../sync-server/server';
import type { LogEntry } from '../../sync-server/logger';
export { freePort } from '../support/free-port';

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


export function mapOf(client: Client, name = 'items'): Record<string, unknown> {
  return client.doc.getMap(name).toJSON();
}

/**
 * Asks the server for what a client with `stateVector` lacks, over a bare
 * socket (sync step 1): the updates it answers with, in order, up to and
 * including its sync step 2, and the state vector of its own step 1. The
 * room must be quiet meanwhile.
 * `first` is sent before the question, on the same socket (so the room has
 * handled it by the time it answers).
 */
export async function fetchMissing(
  url: string, room: string, token: string,
  stateVector: Uint8Array = Y.encodeStateVector(new Y.Doc()), first: Uint8Array[] = [],
): Promise<{ updates: Uint8Array[]; stateVector: Map<number, number> }> {
  // Listening from the start: the server's step 1 can come in the same packet as the upgrade.
  const ws = new WebSocket(`${url}/${room}?token=${encodeURIComponent(token)}`);
  cleanups.push(() => ws.terminate());
  return new Promise((resolve, reject) => {
    const updates: Uint8Array[] = [];
    let serverState = new Map<number, number>();
    ws.on('open', () => {
      for (const message of first) ws.send(message);
      const step1 = encoding.createEncoder();
      encoding.writeVarUint(step1, 0); // sync
      encoding.writeVarUint(step1, 0); // step 1
      encoding.writeVarUint8Array(step1, stateVector);
      ws.send(encoding.toUint8Array(step1));
    });
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== 0) return; // presence
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === 0) serverState = Y.decodeStateVector(payload);
      else updates.push(payload);
      if (step === 1) {
        ws.close();
        resolve({ updates, stateVector: serverState });
      }
    });
    ws.on('error', reject);
    ws.on('close', (code) => reject(new Error(`closed (${code}) before sync step 2`)));
  });
}

/** A document made of `updates`, as a client applying them in order would have it. */
export function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  cleanups.push(() => doc.destroy());
  return doc;
}

export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/** A y-websocket message carrying one update, as a client sends a change. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
