import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { extname, join, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { HandlerContext, HostHandlers } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { HostError, type HostErrorCode } from '../../shared/api/errors';
import { toCallResult, type CallResult, type ProgressMessage } from '../../shared/api/wire';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { APP_CONTENT_TYPES, appSecurityHeaders } from '../services/app-files';
import { openFromLinkPage } from './open-from-link-page';
import { WebSessions } from './sessions';

export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1: the API must not be reachable from other machines. */
  host?: string;
  rendererDir: string;
  handlers: HostHandlers;
  /** The key of the link that lets a browser in; defaults to 32 random bytes (hex). Tests and the CLI's FANFARE_WEB_KEY pin it. */
  launchKey?: string;
  /** Where the CLI saved the link, named on the page a tab without a session gets. */
  linkFile?: string;
  /** Asked for every response, so the policy can follow settings that change while running (the team servers). */
  contentSecurityPolicy?: () => string;
}

export interface WebHost {
  /** The app's address, without a key: a tab that opens it needs a session already. */
  url: string;
  /** The address to open: carries the launch key, so only its holder should see it. */
  openUrl: string;
  port: number;
  launchKey: string;
  close(): Promise<void>;
}

/**
 * Large enough for the largest call (documents-store-file: a 30 MB file is
 * 40 MB of base64), small enough that a runaway request cannot fill the
 * memory of the host.
 */
export const MAX_BODY_BYTES = 48 * 1024 * 1024;
/** A declared body up to this size is read and dropped after its 413, so the answer arrives; a larger one is cut off. */
const DRAIN_AT_MOST = 4 * MAX_BODY_BYTES;
const LINGER_MS = 10_000;

const STATUS_FOR: Partial<Record<HostErrorCode, number>> = {
  'invalid-input': 400,
  // 401 is kept for a tab without a session; a handler's 'unauthorized' is a team server refusing an invite, which the page must show as it is.
  unauthorized: 403,
  forbidden: 403,
  'unknown-method': 404,
  'too-large': 413,
  'not-available': 503,
};

const TOO_LARGE = `This request is too large for Fanfare to accept (at most ${MAX_BODY_BYTES / 1024 / 1024} MB).`;
const NOT_LET_IN =
  'This browser tab is not signed in to Fanfare. Open Fanfare again from the link shown in the terminal where it was started (it is also saved in web-link.txt in Fanfare’s data folder).';

/**
 * Serves the built renderer and the host API to a browser on this machine.
 * Any web page the person visits, and any other user of the computer, can
 * send requests to 127.0.0.1, so: the Host header must name us (defeats DNS
 * rebinding), a foreign Origin is refused, and the app and its API need a
 * session, which only the holder of the launch key (the person who started
 * the host) can open. A call also needs the x-fanfare-call-id header, which
 * no cross-site form can send.
 */
export async function createWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindHost = options.host ?? '127.0.0.1';
  const rendererDir = resolve(options.rendererDir);
  const policy = options.contentSecurityPolicy ?? (() => CONTENT_SECURITY_POLICY);
  // The same headers as the desktop window's app:// pages, with the policy asked for each response.
  const securityHeaders = () => appSecurityHeaders(policy());
  const sessions = new WebSessions(options.launchKey);
  const sockets = new Set<WebSocket>();
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const originProblem = (req: IncomingMessage): string | null => {
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return 'This address is not Fanfare’s. Open the address Fanfare printed when it started.';
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) {
      return 'Other websites are not allowed to use Fanfare on this computer.';
    }
    return null;
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    // The socket only carries progress out; nothing the page sends is acted on.
    ws.on('message', () => undefined);
    ws.on('error', () => ws.terminate());
  });

  const broadcast = (message: ProgressMessage) => {
    const text = JSON.stringify(message);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  };

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendResult(res, 500, toCallResult(error));
      else res.destroy();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fanfare.invalid');
    const forbidden = originProblem(req);
    if (forbidden) return sendResult(res, 403, toCallResult(new HostError('forbidden', forbidden)));

    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (!sessions.has(req)) return sendResult(res, 401, toCallResult(new HostError('unauthorized', NOT_LET_IN)));
      const match = /^\/api\/call\/([^/]+)$/.exec(url.pathname);
      if (!match) return sendResult(res, 404, toCallResult(new HostError('unknown-method', 'There is nothing at this address.')));
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return sendResult(res, 405, toCallResult(new HostError('invalid-input', 'Calls must be sent with POST.')));
      }
      const callId = header(req, 'x-fanfare-call-id') ?? '';
      // A cross-site form cannot set a header: a call without it did not come from Fanfare's page.
      if (callId.length === 0) {
        return sendResult(res, 403, toCallResult(new HostError('forbidden', 'Calls must come from Fanfare’s own page (the x-fanfare-call-id header is missing).')));
      }
      let method: string;
      try {
        method = decodeURIComponent(match[1]);
      } catch {
        return sendResult(res, 400, toCallResult(new HostError('invalid-input', `“${match[1].slice(0, 100)}” is not a call name Fanfare can read (it has a broken % escape).`)));
      }
      return handleCall(req, res, method, callId.slice(0, 200));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      res.writeHead(405, securityHeaders()).end();
      return;
    }
    return serveStatic(url, req, res);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, method: string, callId: string): Promise<void> {
    const lengthHeader = req.headers['content-length'];
    const declared = lengthHeader === undefined ? null : Number(lengthHeader);
    // Refused on the header alone: not one byte of an oversized body is kept.
    if (declared !== null && declared > MAX_BODY_BYTES) return refuseDeclaredTooLarge(req, res, declared);
    let input: unknown;
    try {
      input = parseBody(await readBody(req, declared));
    } catch (error) {
      if (error instanceof HostError && error.code === 'too-large') return refuseTooLarge(res);
      return sendResult(res, 400, toCallResult(new HostError('invalid-input', 'Fanfare could not read this request (it was not valid JSON).')));
    }
    const controller = new AbortController();
    // The page went away (closed tab, reload): stop work nobody will read.
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const ctx: HandlerContext = {
      transport: 'web',
      signal: controller.signal,
      progress: (progress) => broadcast({ callId, progress }),
    };
    try {
      const value = await dispatch(options.handlers, method, input, ctx);
      sendResult(res, 200, { ok: true, value });
    } catch (error) {
      const result = toCallResult(error);
      sendResult(res, STATUS_FOR[result.error.code as HostErrorCode] ?? 500, result);
    }
  }

  /**
   * The answer goes out at once, but the connection closes only once the body
   * the client is still sending has been read and dropped (up to a bound, and
   * at most LINGER_MS): closing on a client that is still sending resets the
   * connection, and the 413 was lost with it (the client saw a reset, not why).
   */
  function refuseDeclaredTooLarge(req: IncomingMessage, res: ServerResponse, declared: number): void {
    if (declared > DRAIN_AT_MOST) return refuseTooLarge(res);
    const body = JSON.stringify(toCallResult(new HostError('too-large', TOO_LARGE)));
    res.writeHead(413, { ...resultHeaders(body), Connection: 'close' });
    // The whole answer is written now; ending the response (which closes the connection) waits.
    res.write(body);
    const finish = () => {
      clearTimeout(timer);
      if (!res.writableEnded) res.end();
    };
    const timer = setTimeout(finish, LINGER_MS);
    req.on('end', finish);
    req.on('close', finish);
    req.resume();
  }

  function refuseTooLarge(res: ServerResponse): void {
    // Closing afterwards stops the rest of the body from being read at all.
    res.setHeader('Connection', 'close');
    sendResult(res, 413, toCallResult(new HostError('too-large', TOO_LARGE)));
  }

  async function serveStatic(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      return sendPlain(res, 400, 'Bad address.');
    }
    const file = resolve(join(rendererDir, decoded));
    if (decoded.includes('\0') || (file !== rendererDir && !file.startsWith(rendererDir + sep))) {
      return sendPlain(res, 404, 'Not found.');
    }
    const info = await stat(file).catch(() => null);
    // The public build's scripts, styles and fonts are open to all: nothing in them unlocks the API.
    if (info?.isFile() && !file.endsWith(`${sep}index.html`)) {
      const body = await readFile(file);
      res.writeHead(200, {
        ...securityHeaders(),
        'Content-Type': APP_CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    // A missing asset is a 404; any other path is a screen of the single-page app.
    if (!info?.isFile() && extname(decoded) !== '') return sendPlain(res, 404, 'Not found.');
    return serveApp(url, req, res);
  }

  async function serveApp(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Sessions open only on this computer, whatever --host says.
    if (!isLoopback(req.socket.remoteAddress)) {
      return sendPlain(res, 403, 'Fanfare in the browser only opens on the computer it runs on. Open it there, or use the desktop app.');
    }
    const key = url.searchParams.get('key');
    if (key !== null && sessions.isLaunchKey(key)) {
      url.searchParams.delete('key');
      // Leading slashes collapsed: "//elsewhere" in Location would leave Fanfare.
      const location = `/${url.pathname.replace(/^\/+/, '')}${url.search}`;
      // The key leaves the address bar (and history) at once; the cookie stays out of reach of scripts.
      res.writeHead(303, { ...securityHeaders(), Location: location, 'Set-Cookie': sessions.open(), 'Cache-Control': 'no-store', 'Content-Length': 0 });
      res.end();
      return;
    }
    if (!sessions.has(req)) {
      const page = openFromLinkPage({ port: sessions.port, linkFile: options.linkFile, staleKey: key !== null });
      return sendHtml(res, 401, page, req.method === 'HEAD');
    }
    let html: string;
    try {
      html = await readFile(join(rendererDir, 'index.html'), 'utf8');
    } catch {
      return sendPlain(res, 503, 'Fanfare’s screens have not been built yet. Run "npm run build", then reload.');
    }
    sendHtml(res, 200, html, req.method === 'HEAD');
  }

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A peer that resets mid-handshake must not take the process down with an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://fanfare.invalid');
    const refuse = (status: number, text: string) => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (originProblem(req)) return refuse(403, 'Forbidden');
    if (url.pathname !== '/api/events') return refuse(404, 'Not Found');
    // The browser sends the session cookie with the handshake, as with any same-site request.
    if (!sessions.has(req)) return refuse(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port, bindHost, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });

  const port = (server.address() as AddressInfo).port;
  sessions.port = port;
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  // Someone who chose --host (say a LAN address) will type that name in the browser.
  if (!['0.0.0.0', '::', '127.0.0.1', 'localhost', '::1'].includes(bindHost)) {
    names.push(bindHost.includes(':') ? `[${bindHost}]` : bindHost);
  }
  allowedHosts = new Set(names.map((n) => `${n.toLowerCase()}:${port}`));
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  const shownHost = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost.includes(':') ? `[${bindHost}]` : bindHost;
  const url = `http://${shownHost}:${port}/`;

  function sendResult(res: ServerResponse, status: number, result: CallResult): void {
    const body = JSON.stringify(result);
    res.writeHead(status, resultHeaders(body));
    res.end(body);
  }

  function resultHeaders(body: string): Record<string, string | number> {
    return { ...securityHeaders(), 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' };
  }

  function sendHtml(res: ServerResponse, status: number, html: string, headOnly: boolean): void {
    const body = Buffer.from(html, 'utf8');
    res.writeHead(status, { ...securityHeaders(), 'Content-Type': APP_CONTENT_TYPES['.html'], 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(headOnly ? undefined : body);
  }

  function sendPlain(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(text);
  }

  return {
    url,
    openUrl: `${url}?key=${sessions.launchKey}`,
    port,
    launchKey: sessions.launchKey,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The body as text, decoded once. With a Content-Length (what browsers send)
 * the bytes go straight into one buffer of that size, instead of a list of
 * chunks plus their concatenation; without one (chunked), buffering stops at
 * the limit.
 */
function readBody(req: IncomingMessage, declared: number | null): Promise<string> {
  return new Promise((resolveBody, rejectBody) => {
    let whole = declared !== null && Number.isInteger(declared) && declared >= 0 ? Buffer.allocUnsafe(declared) : null;
    const limit = whole?.length ?? MAX_BODY_BYTES;
    let chunks: Buffer[] = [];
    let size = 0;
    // The listeners stay on the request while the call runs: they must not keep the bytes alive.
    const release = () => {
      req.off('data', onData);
      whole = null;
      chunks = [];
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > limit) {
        release();
        // Drain rather than destroy the socket, so the 413 answer still arrives.
        req.resume();
        rejectBody(new HostError('too-large', TOO_LARGE));
        return;
      }
      if (whole) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
    };
    req.on('data', onData);
    req.on('end', () => {
      const bytes = whole ? whole.subarray(0, size) : Buffer.concat(chunks, size);
      release();
      resolveBody(bytes.toString('utf8'));
    });
    req.on('error', (error) => {
      release();
      rejectBody(error);
    });
  });
}

/** Apart from the call, so the request's text is garbage as soon as it is parsed. */
function parseBody(text: string): unknown {
  return text.length === 0 ? {} : JSON.parse(text);
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || plain.startsWith('127.');
}
