import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
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

export interface WebHostOptions {
  /** 0 picks a free port. */
  port: number;
  /** Defaults to 127.0.0.1: the API must not be reachable from other machines. */
  host?: string;
  rendererDir: string;
  handlers: HostHandlers;
  /** Defaults to 32 random bytes; tests may pin it. */
  secret?: string;
}

export interface WebHost {
  url: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

/**
 * Large enough for what a call carries (a signed contract of up to 30 MB as
 * base64, a report's rows for its workbook), small enough that a runaway
 * request cannot fill the memory of a host that only its own page can reach.
 */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const SECRET_META = /<meta\s+name=["']fanfare-web-secret["']\s+content=["'][^"']*["']\s*\/?>/i;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

const STATUS_FOR: Partial<Record<HostErrorCode, number>> = {
  'invalid-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'unknown-method': 404,
  'not-available': 503,
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Serves the built renderer and the host API to a browser on this machine.
 * Three locks, because any web page the person visits can send requests to
 * 127.0.0.1: the Host header must name us (defeats DNS rebinding, and
 * guards index.html, which carries the secret), a foreign Origin is refused,
 * and every API call needs the per-run secret only our page can read.
 */
export async function createWebHost(options: WebHostOptions): Promise<WebHost> {
  const bindHost = options.host ?? '127.0.0.1';
  const rendererDir = resolve(options.rendererDir);
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const secretDigest = digest(secret);
  const sockets = new Set<WebSocket>();
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const hasSecret = (given: string | null | undefined) =>
    typeof given === 'string' && given.length > 0 && timingSafeEqual(digest(given), secretDigest);

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
      if (!hasSecret(header(req, 'x-fanfare-secret'))) {
        return sendResult(res, 401, toCallResult(new HostError('unauthorized', 'This page is not allowed to use Fanfare. Reload it from the address Fanfare printed.')));
      }
      const match = /^\/api\/call\/([^/]+)$/.exec(url.pathname);
      if (!match) return sendResult(res, 404, toCallResult(new HostError('unknown-method', 'There is nothing at this address.')));
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        return sendResult(res, 405, toCallResult(new HostError('invalid-input', 'Calls must be sent with POST.')));
      }
      return handleCall(req, res, decodeURIComponent(match[1]));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    return serveStatic(url.pathname, req, res);
  }

  async function handleCall(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    let input: unknown;
    try {
      const body = await readBody(req);
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch (error) {
      if (error instanceof HostError) return sendResult(res, 413, toCallResult(error));
      return sendResult(res, 400, toCallResult(new HostError('invalid-input', 'Fanfare could not read this request (it was not valid JSON).')));
    }
    const callId = (header(req, 'x-fanfare-call-id') ?? '').slice(0, 200);
    const controller = new AbortController();
    // The page went away (closed tab, reload): stop work nobody will read.
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const ctx: HandlerContext = {
      transport: 'web',
      signal: controller.signal,
      progress: (progress) => {
        if (callId) broadcast({ callId, progress });
      },
    };
    try {
      const value = await dispatch(options.handlers, method, input, ctx);
      sendResult(res, 200, { ok: true, value });
    } catch (error) {
      const result = toCallResult(error);
      sendResult(res, STATUS_FOR[result.error.code as HostErrorCode] ?? 500, result);
    }
  }

  async function serveStatic(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return sendPlain(res, 400, 'Bad address.');
    }
    const file = resolve(join(rendererDir, decoded));
    if (decoded.includes('\0') || (file !== rendererDir && !file.startsWith(rendererDir + sep))) {
      return sendPlain(res, 404, 'Not found.');
    }
    const info = await stat(file).catch(() => null);
    if (info?.isFile() && !file.endsWith(`${sep}index.html`)) {
      const body = await readFile(file);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    // A missing asset is a 404; any other path is a screen of the single-page app.
    if (!info?.isFile() && extname(decoded) !== '') return sendPlain(res, 404, 'Not found.');
    let html: string;
    try {
      html = await readFile(join(rendererDir, 'index.html'), 'utf8');
    } catch {
      return sendPlain(res, 503, 'Fanfare’s screens have not been built yet. Run "npm run build", then reload.');
    }
    // The page carries the API secret, so only this computer gets it, whatever --host says.
    if (!isLoopback(req.socket.remoteAddress)) {
      return sendPlain(res, 403, 'Fanfare in the browser only opens on the computer it runs on. Open it there, or use the desktop app.');
    }
    const tag = `<meta name="fanfare-web-secret" content="${secret}" />`;
    html = SECRET_META.test(html) ? html.replace(SECRET_META, tag) : html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${tag}`);
    const body = Buffer.from(html, 'utf8');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': CONTENT_TYPES['.html'],
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
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
    // Browsers cannot set headers on a WebSocket, so the secret comes in the query.
    if (!hasSecret(url.searchParams.get('secret'))) return refuse(401, 'Unauthorized');
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
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  // Someone who chose --host (say a LAN address) will type that name in the browser.
  if (!['0.0.0.0', '::', '127.0.0.1', 'localhost', '::1'].includes(bindHost)) {
    names.push(bindHost.includes(':') ? `[${bindHost}]` : bindHost);
  }
  allowedHosts = new Set(names.map((n) => `${n.toLowerCase()}:${port}`));
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));
  const shownHost = bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost.includes(':') ? `[${bindHost}]` : bindHost;

  return {
    url: `http://${shownHost}:${port}/`,
    port,
    secret,
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

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, rejectBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // Keep draining rather than destroying the socket, so the 413 answer still arrives.
        req.off('data', onData);
        req.resume();
        rejectBody(new HostError('invalid-input', 'This request is too large for Fanfare to accept.'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', rejectBody);
  });
}

function sendResult(res: ServerResponse, status: number, result: CallResult): void {
  const body = JSON.stringify(result);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendPlain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || plain.startsWith('127.');
}
