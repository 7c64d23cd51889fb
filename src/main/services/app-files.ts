import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

/**
 * The desktop window's pages come from app://fanfare/…, served from the built
 * renderer folder by src/main/app-protocol.ts. A custom scheme instead of
 * file:// gives the page a real origin of its own (storage, workers, CSP
 * 'self' mean "our files", not "any file on the disk") and lets the
 * file:// fuse stay off. This module is the part that decides which file a URL
 * may read; it knows nothing of Electron so it is tested in Node.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'fanfare';
/** Where the window starts. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Types for what the build emits; anything else is sent as bytes the page cannot run (nosniff). */
export const APP_CONTENT_TYPES: Readonly<Record<string, string>> = {
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

/** The same security headers the web host sends with every page (src/main/web-host/server.ts). */
export function appSecurityHeaders(contentSecurityPolicy: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

export type AppFileTarget =
  /** A file of the build, by absolute path inside the renderer folder. */
  | { kind: 'file'; path: string }
  /** A screen of the single-page app: answered with index.html. */
  | { kind: 'page' }
  | { kind: 'refused'; status: 400 | 404 | 405; reason: string };

/**
 * Which file of `rendererDir` a request for `url` may read, decided from the
 * URL alone. Refuses anything that could name a file outside the folder:
 * `..` and `.` segments (also when escaped, or hidden behind an escaped `/`),
 * backslashes, NUL, drive letters and stream names (`:`), and empty segments.
 */
export function appFileTarget(rendererDir: string, url: string, method = 'GET'): AppFileTarget {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405, reason: `Fanfare’s screens can only be read (${method} is not allowed).` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', status: 400, reason: 'Bad address.' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') {
    return { kind: 'refused', status: 404, reason: `Only ${APP_SCHEME}://${APP_HOST}/ is served.` };
  }
  // The URL parser already folds plain and %2e-escaped dot segments; the raw
  // path is checked too so a traversal is refused, not quietly rewritten.
  const rawPath = rawPathOf(url);
  if (rawPath === null || /(^|\/)(\.|%2e){1,2}(\/|$)/i.test(rawPath)) return traversal();
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'refused', status: 400, reason: 'Bad address: a % escape is malformed.' };
  }
  if (decoded === '/' || decoded === '') return { kind: 'page' };
  // A trailing slash names a folder (or a screen); an empty segment anywhere else is `//`, the start of an absolute path.
  const segments = decoded.slice(1).replace(/\/$/, '').split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || /[\\:\0]/.test(segment)) return traversal();
  }
  const root = resolve(rendererDir);
  const path = resolve(join(root, ...segments));
  if (!path.startsWith(root + sep)) return traversal();
  return { kind: 'file', path };
}

function traversal(): AppFileTarget {
  return { kind: 'refused', status: 400, reason: 'Bad address: it points outside Fanfare’s screens.' };
}

/** The path exactly as written (before the parser folds dot segments), or null for something that is not an app:// URL. */
function rawPathOf(url: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
  return match ? match[1] : null;
}

export interface AppFilesOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Read per response, so a policy that changes (team servers added) applies to the next page load. */
  contentSecurityPolicy: () => string;
}

/**
 * Answers a request for app://fanfare/… the way the web host answers one for
 * its pages: a file of the build with its type, index.html for a screen
 * (an extension-less path), 404 for a missing asset or a folder, and the
 * same security headers on every answer, refusals included.
 */
export function createAppFileHandler(options: AppFilesOptions): (request: Request) => Promise<Response> {
  const root = resolve(options.rendererDir);
  const plain = (status: number, text: string) => new Response(text, {
    status,
    headers: { ...appSecurityHeaders(options.contentSecurityPolicy()), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
  const send = (request: Request, body: Buffer, contentType: string, cache: string) => new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      ...appSecurityHeaders(options.contentSecurityPolicy()),
      'Content-Type': contentType,
      'Content-Length': String(body.length),
      'Cache-Control': cache,
    },
  });
  const index = async (request: Request) => {
    const body = await readFile(join(root, 'index.html')).catch(() => null);
    if (!body) return plain(503, 'Fanfare’s screens are missing from this installation. Reinstall Fanfare.');
    // index.html names the current build's scripts, so it is never reused after an update.
    return send(request, body, APP_CONTENT_TYPES['.html'], 'no-store');
  };

  return async (request) => {
    const target = appFileTarget(root, request.url, request.method);
    if (target.kind === 'refused') return plain(target.status, target.reason);
    if (target.kind === 'page' || target.path === join(root, 'index.html')) return index(request);
    const info = await stat(target.path).catch(() => null);
    if (info?.isFile()) {
      const extension = extname(target.path).toLowerCase();
      return send(request, await readFile(target.path), APP_CONTENT_TYPES[extension] ?? 'application/octet-stream', 'no-cache');
    }
    // A screen of the single-page app has no extension; a missing asset or a folder is not a page.
    if (!info && extname(target.path) === '') return index(request);
    return plain(404, 'Not found.');
  };
}
