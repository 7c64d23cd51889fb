import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { AccessStore } from './access-store';
import { BlobStore } from './blob-store';
import { handleBlobRequest } from './blob-routes';
import { attachConnection } from './connection';
import { CLOSE, CLOSE_REASON } from './close-codes';
import { checkDataFolder } from './data-folder-check';
import { DocPersistence, type StorageRetry } from './doc-persistence';
import { SyncServerError } from './errors';
import { refuseUpgrade, remoteOf, sendError, sendJson, tokenFrom } from './http-util';
import { jsonLineLogger, type Logger } from './logger';
import { RoomRegistry } from './room-registry';
import { InflightBudget } from './inflight-budget';
import { PRESENCE_DEFAULTS, type PresenceLimits } from './presence-owners';
import { tokenId } from './tokens';
import { describeInvite, type IssuedInvite } from './issued-invite';
import { parseRoomPath } from './room-path';

export interface SyncServerOptions {
  host?: string;
  /** 0 picks a free port (tests). */
  port?: number;
  dataDir: string;
  /** Largest WebSocket message accepted; a bigger one closes that connection (1009). */
  maxMessageBytes?: number;
  /** Largest media file accepted by the blob store (413 above it). */
  maxBlobBytes?: number;
  /** Open connections one token may have at once (429 above it). */
  maxConnectionsPerToken?: number;
  /**
   * Bytes one token may have on their way in at once: frames being received
   * and messages not yet handled (4513 above it). At least maxMessageBytes.
   */
  maxInflightBytesPerToken?: number;
  /** The same for all tokens of one workspace together. At least maxMessageBytes. */
  maxInflightBytesPerWorkspace?: number;
  /** Presence client ids one connection may hold in a room, and the largest presence state (bytes of JSON). */
  presence?: Partial<PresenceLimits>;
  /** PEM certificate and key: serve wss:// and https:// directly. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** The address teammates use, when it is not host:port (a reverse proxy, a LAN name). Goes into invites. */
  publicUrl?: string;
  /** Backoff between attempts to reopen the document store after a storage error (tests shorten it). */
  storageRetry?: StorageRetry;
  log?: Logger;
}

export interface SyncServer {
  /** ws:// (or wss://) base URL the server listens on. */
  url: string;
  port: number;
  close(): Promise<void>;
  createWorkspace(name: string, id?: string): IssuedInvite;
  hasWorkspace(id: string): boolean;
  invite(workspaceId: string): IssuedInvite;
  /** Revokes a token (whole, or a unique prefix) and closes its open connections at once. */
  revoke(tokenOrPrefix: string): { tokenId: string; workspaceId: string };
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 1234,
  // A 50k-creator workspace with full profiles is ~60 MB as one update (bench/sync); its first upload must fit.
  maxMessageBytes: 64 * 1024 * 1024,
  // Video files from creators are big; an admin can lower this.
  maxBlobBytes: 2 * 1024 * 1024 * 1024,
  // One per open document (the workspace plus each open brief), across a few windows.
  maxConnectionsPerToken: 50,
  // Two messages of the largest size: a first upload and one more change. Bounds what one invite costs in memory.
  maxInflightBytesPerToken: 128 * 1024 * 1024,
  // Four of them: two invites at their limit.
  maxInflightBytesPerWorkspace: 256 * 1024 * 1024,
} as const;

/** How often the access file is re-read, so revocations from the CLI close connections promptly. */
const ACCESS_POLL_MS = 1_000;

export async function createSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const host = options.host ?? DEFAULTS.host;
  const maxConnectionsPerToken = options.maxConnectionsPerToken ?? DEFAULTS.maxConnectionsPerToken;
  const log = options.log ?? jsonLineLogger;
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULTS.maxMessageBytes;
  const budget = new InflightBudget(
    options.maxInflightBytesPerToken ?? Math.max(DEFAULTS.maxInflightBytesPerToken, 2 * maxMessageBytes),
    options.maxInflightBytesPerWorkspace ?? Math.max(DEFAULTS.maxInflightBytesPerWorkspace, 4 * maxMessageBytes),
  );
  // A message of the largest size must fit, or it would be refused every time it is sent again.
  if (budget.perToken < maxMessageBytes || budget.perWorkspace < maxMessageBytes) {
    throw new SyncServerError('The in-flight limits per invite and per workspace must be at least the message size limit (--max-message-mb).');
  }

  // A damaged folder is refused before anything opens it: LevelDB would "repair" a folder
  // missing CURRENT into an empty database and delete its tables. A new folder passes.
  await checkDataFolder(options.dataDir);
  // Everything the server writes is for it alone: files 0600, folders 0700 (LevelDB creates its files under the umask).
  if (process.platform !== 'win32') process.umask(process.umask(0o077) | 0o077);
  const access = new AccessStore(options.dataDir);
  const blobs = new BlobStore(options.dataDir, options.maxBlobBytes ?? DEFAULTS.maxBlobBytes);
  const persistence = new DocPersistence(options.dataDir, options.storageRetry);
  await persistence.open();
  persistence.onEvent((event) => {
    const where = { dataDir: options.dataDir };
    if (event.type === 'failed') log({ event: 'storage-failed', ...where, message: event.message, reason: event.cause });
    else if (event.type === 'reopen-failed') {
      log({ event: 'storage-reopen-failed', ...where, attempt: event.attempt, reason: event.cause, retryInMs: event.retryInMs, message: 'The document store could not be reopened yet; trying again.' });
    } else log({ event: 'storage-recovered', ...where, attempt: event.attempt, downMs: event.downMs, message: 'The document store was reopened; changes are accepted again.' });
  });
  const rooms = new RoomRegistry(persistence, log, { ...PRESENCE_DEFAULTS, ...options.presence });
  let closing: Promise<void> | null = null;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: false });

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://sync.invalid');
    // The app runs on its own origin (a file, or the local web host) and checks an
    // invite before connecting. Access is by token, never by cookie, so any origin may ask.
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, HEAD, PUT, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      sendJson(res, 200, { ok: true });
      return;
    }
    if (url.pathname.startsWith('/blobs/')) {
      handleBlobRequest(req, res, url, { access, blobs, log }).catch((error: unknown) => {
        log({ event: 'error', what: 'blob', message: (error as Error).message });
        if (!res.headersSent) sendError(res, 500, 'The server could not handle this file; try again.');
        else res.destroy();
      });
      return;
    }
    req.resume();
    sendError(res, 404, 'There is nothing here. Fanfare connects to this server with an invite.');
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://sync.invalid');
    const remote = remoteOf(req);
    const refuse = (status: number, message: string, details: Record<string, unknown>): void => {
      log({ event: 'refused', status, remote, ...details });
      refuseUpgrade(socket, status, message);
    };
    if (closing) return refuse(503, 'The sync server is shutting down; the app will reconnect.', { reason: 'shutting down' });
    const path = parseRoomPath(url.pathname);
    if (!path) return refuse(404, 'There is no document at this address.', { reason: 'bad room path' });
    try {
      enforceRevocations(access.refresh());
    } catch (error) {
      return refuse(503, 'The server cannot read its access list; tell the person who runs it.', { reason: (error as Error).message });
    }
    const check = access.check(tokenFrom(req, url));
    if (!check.ok) {
      return refuse(401, 'This invite is not valid on this server (missing, wrong or revoked). Ask for a new one.', {
        reason: `token ${check.reason}`, tokenId: check.tokenId, room: path.room,
      });
    }
    const who = { tokenId: check.tokenId, workspaceId: check.workspaceId, room: path.room };
    if (path.workspaceId !== check.workspaceId) return refuse(401, 'This invite does not open that workspace.', { ...who, reason: 'other workspace' });
    if (rooms.connectionsOf(check.tokenHash) >= maxConnectionsPerToken) {
      return refuse(429, `Too many connections with this invite at once (the limit is ${maxConnectionsPerToken}). Close some windows, or ask for another invite.`, { ...who, reason: 'connection limit' });
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Never served from memory or a half-open store: the app is told in words and retries.
      if (!rooms.accepting) {
        log({ event: 'refused', ...who, remote, code: CLOSE.storage, reason: 'storage unavailable' });
        ws.close(CLOSE.storage, CLOSE_REASON.storage);
        return;
      }
      attachConnection(ws, { ...who, tokenHash: check.tokenHash, remote }, rooms, log, { socket, budget, maxMessageBytes });
    });
  };

  /** Closes the connections of tokens that are now revoked. */
  const enforceRevocations = (changed: boolean): void => {
    if (!changed) return;
    const revoked = new Set(access.tokens.filter((t) => t.revokedAt).map((t) => t.hash));
    for (const peer of [...rooms.peers()]) if (revoked.has(peer.tokenHash)) peer.close(CLOSE.revoked, CLOSE_REASON.revoked);
  };

  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest)
    : createHttpServer(onRequest);
  server.on('upgrade', onUpgrade);
  // Idle keep-alive sockets must not hold up a shutdown.
  server.keepAliveTimeout = 5_000;

  const port = await listen(server, host, options.port ?? DEFAULTS.port).catch(async (error: unknown) => {
    await persistence.close();
    throw error;
  });
  const scheme = options.tls ? 'wss' : 'ws';
  const url = `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const publicUrl = (options.publicUrl ?? url).replace(/\/+$/, '');

  const poll = setInterval(() => {
    try {
      enforceRevocations(access.refresh());
    } catch (error) {
      log({ event: 'error', what: 'access file', message: (error as Error).message });
    }
  }, ACCESS_POLL_MS);
  poll.unref();

  const issued = (workspace: { id: string; name: string }, token: string): IssuedInvite => describeInvite(workspace, token, publicUrl);

  log({ event: 'listening', url, dataDir: options.dataDir });

  return {
    url,
    port,
    hasWorkspace(id) {
      access.refresh();
      return access.workspace(id) !== undefined;
    },
    createWorkspace(name, id) {
      const { workspace, token } = access.createWorkspace(name, id);
      log({ event: 'workspace-created', workspaceId: workspace.id, tokenId: tokenId(token) });
      return issued(workspace, token);
    },
    invite(workspaceId) {
      const { workspace, token } = access.issueToken(workspaceId);
      log({ event: 'invite-created', workspaceId, tokenId: tokenId(token) });
      return issued(workspace, token);
    },
    revoke(tokenOrPrefix) {
      const token = access.revoke(tokenOrPrefix);
      log({ event: 'token-revoked', workspaceId: token.workspaceId, tokenId: token.id });
      enforceRevocations(true);
      return { tokenId: token.id, workspaceId: token.workspaceId };
    },
    close() {
      closing ??= (async () => {
        clearInterval(poll);
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Every accepted change is written before it is shared; this waits for the last ones.
        await rooms.close();
        wss.close();
        await persistence.close();
        server.closeAllConnections();
        await stopped;
        log({ event: 'stopped' });
      })();
      return closing;
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      if (error.code === 'EADDRINUSE') reject(new SyncServerError(`Port ${port} on ${host} is already in use; pick another with --port.`, 'port-in-use'));
      else if (error.code === 'EACCES') reject(new SyncServerError(`This user may not listen on port ${port}; pick one above 1024 with --port.`));
      else if (error.code === 'EADDRNOTAVAIL') reject(new SyncServerError(`This computer has no address ${host}; check --host.`));
      else reject(new SyncServerError(`The server could not listen on ${host}:${port}: ${error.message}.`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
