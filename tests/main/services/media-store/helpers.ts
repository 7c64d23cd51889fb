import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEntry } from '../../../../sync-server/logger';
import { createSyncServer, type SyncServerOptions } from '../../../../sync-server/server';
import { createHostHandlers, createInProcessHost } from '../../../../src/main/handlers';
import { addMedia, type AddMediaOptions } from '../../../../src/main/services/media-store/add-media';
import { MediaStore } from '../../../../src/main/services/media-store/media-store';
import { TeamServers } from '../../../../src/main/services/team-servers';
import type { Progress } from '../../../../src/shared/api/contract';

/** Real folders, a real sync server on 127.0.0.1, and one in-process host per "laptop". */

const cleanups: Array<() => unknown> = [];

export async function cleanupAll(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!();
}

export function tempDir(prefix = 'fanfare-media-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.unshift(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A file of random bytes on "this laptop's" disk, to be added to the store. */
export function randomFile(dir: string, name: string, size: number): { path: string; bytes: Buffer; sha256: string } {
  const bytes = randomBytes(size);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, bytes, sha256: sha256Of(bytes) };
}

/**
 * One laptop: its own data folder (`<data>/media`), the host API as the renderer calls it,
 * and `add`: a file from its disk into the store, as the main process does (no call takes a path).
 */
export function laptop() {
  const dataDir = tempDir('fanfare-laptop-');
  const store = new MediaStore(join(dataDir, 'media'));
  const teamServers = new TeamServers(join(dataDir, 'team-servers.json'));
  const host = createInProcessHost(createHostHandlers({ mediaStore: store, teamServers }));
  const add = (path: string, options?: AddMediaOptions) => addMedia(store, path, options);
  /** Connects the workspace to this team server (as joining with its invite does); media calls then name only the workspace. */
  const via = async (remote: { server: string; workspaceId: string; token: string }) => {
    await host['team-server-remember'](remote);
    return { workspaceId: remote.workspaceId };
  };
  return { dataDir, store, host, add, via, teamServers, mediaDir: join(dataDir, 'media') };
}

/** Every file under a folder, as paths relative to it (to see what a failed transfer left behind). */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .sort();
  } catch {
    return [];
  }
}

export async function startServer(options: Partial<SyncServerOptions> = {}) {
  const logs: LogEntry[] = [];
  const dataDir = tempDir('fanfare-sync-');
  const server = await createSyncServer({ port: 0, ...options, dataDir, log: (entry) => logs.push(entry) });
  cleanups.push(() => server.close());
  const issued = server.createWorkspace('Acme');
  const remote = { server: issued.server, workspaceId: issued.workspaceId, token: issued.token };
  return { server, logs, dataDir, issued, remote };
}

export async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function recorder() {
  const events: Progress[] = [];
  return { events, onProgress: (p: Progress) => void events.push(p) };
}

/**
 * A slow network between a laptop and the server: a real TCP relay that
 * passes at most `chunkBytes` every `delayMs` in each direction, so a
 * transfer is still running when the test cancels it or cuts the line.
 */
/**
 * A relay to the server that sends bytes in small, slow pieces. With
 * `flipByteAt`, the byte at that offset of what the server sends is changed on
 * the way: bytes damaged in transit, which the app must refuse.
 */
export async function slowLink(targetPort: number, { chunkBytes = 64 * 1024, delayMs = 20, flipByteAt = -1, dropFirstAfter = -1 } = {}) {
  const sockets = new Set<Socket>();
  /** Bytes relayed from the server, over all connections. */
  let downstream = 0;
  let connections = 0;
  const relay = (from: Socket, to: Socket, flipAt = -1, dropAt = -1) => {
    let seen = 0;
    from.on('data', (chunk: Buffer) => {
      if (flipAt >= seen && flipAt < seen + chunk.length) chunk[flipAt - seen] ^= 0xff;
      if (to.destroyed) return;
      if (dropAt >= 0 && seen + chunk.length > dropAt) {
        // The line drops: this connection dies, the next one gets through.
        from.destroy();
        to.destroy();
        return;
      }
      seen += chunk.length;
      from.pause();
      let offset = 0;
      const step = () => {
        if (to.destroyed) return;
        to.write(chunk.subarray(offset, offset + chunkBytes));
        offset += chunkBytes;
        if (offset < chunk.length) setTimeout(step, delayMs);
        else setTimeout(() => from.resume(), delayMs);
      };
      step();
    });
    from.on('end', () => to.end());
    from.on('error', () => to.destroy());
    from.on('close', () => to.destroy());
  };
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) sockets.add(s);
    connections++;
    relay(client, upstream, -1);
    relay(upstream, client, flipByteAt, connections === 1 ? dropFirstAfter : -1);
    upstream.on('data', (chunk: Buffer) => void (downstream += chunk.length));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  /** Cuts the line: every open connection drops, new ones are refused. */
  const cut = () => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  });
  cleanups.push(cut);
  return { url: `ws://127.0.0.1:${port}`, cut, bytesFromServer: () => downstream, connections: () => connections };
}

/** Opens a web host's launch link as a browser does, and keeps the session cookie ("name=value") its API calls need. */
export async function webSession(web: { url: string; launchKey: string }): Promise<string> {
  const opened = await fetch(`${web.url}?key=${web.launchKey}`, { redirect: 'manual' });
  const cookie = opened.headers.get('set-cookie');
  if (opened.status !== 303 || !cookie) throw new Error(`The web host did not open a session (HTTP ${opened.status})`);
  return cookie.split(';')[0];
}
