import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'rolldown';

/**
 * The web host as the person starts it: its CLI in a process of its own
 * (so another user can be pointed at it, and its memory measured alone).
 * Bundled from src/ on the fly, because unit tests run before the app build.
 */
export async function bundleWebHostCli(): Promise<{ file: string; remove(): void }> {
  const root = resolve(__dirname, '../..');
  mkdirSync(join(root, '.tmp'), { recursive: true });
  // Inside the checkout so the bundle's bare imports (ws, zod, sharp…) resolve from its node_modules.
  const dir = mkdtempSync(join(root, '.tmp', 'security-web-host-'));
  const file = join(dir, 'web-host.mjs');
  await build({
    input: join(root, 'src/main/web-host/cli.ts'),
    platform: 'node',
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    output: { file, format: 'esm' },
    logLevel: 'silent',
  });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface HostProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  openUrl: string;
  dataDir: string;
  rendererDir: string;
  stop(): void;
}

export const INDEX_HTML = '<!doctype html><html><head><title>Fanfare</title></head><body><div id="root"></div><script type="module" src="/assets/app-1234.js"></script></body></html>';

export async function startHostProcess(cli: string, env: Record<string, string> = {}): Promise<HostProcess> {
  const base = mkdtempSync(join(tmpdir(), 'fanfare-security-'));
  const rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app-1234.js'), 'console.log("the app")');
  const dataDir = join(base, 'data');
  const child = spawn(process.execPath, [cli, '--port', '0', '--renderer-dir', rendererDir], {
    env: { ...process.env, FANFARE_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const openUrl = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const read = (chunk: Buffer) => {
      out += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?key=\S+)/.exec(out);
      if (match) resolveUrl(match[1]);
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`The web host stopped (${code}): ${out}`)));
  });
  return {
    child,
    pid: child.pid!,
    port: Number(new URL(openUrl).port),
    openUrl,
    dataDir,
    rendererDir,
    stop: () => {
      child.kill('SIGKILL');
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Resident memory now, and the peak since the last reset, in MB (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Sets the peak back to the current size, so a peak measures one request and not start-up. */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A raw HTTP request (node:http, so Host, Origin and Cookie can be forged).
 * `body` as a list is sent in chunked pieces; `declaredLength` sends a
 * Content-Length without the body, to see whether the host waits for it.
 */
export function send(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer | Buffer[]): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveReply({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // The host may close the connection after refusing a body it will not read.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (Array.isArray(body)) {
      for (const piece of body) req.write(piece);
      req.end();
    } else if (body === undefined && headers['content-length']) {
      req.flushHeaders();
    } else {
      req.end(body);
    }
  });
}

/** Opens the link as a browser would; the session cookie as "name=value". */
export async function signIn(port: number, openUrl: string): Promise<string> {
  const url = new URL(openUrl);
  const opened = await send(port, 'GET', `${url.pathname}${url.search}`);
  if (opened.status !== 303) throw new Error(`The link did not open a session (${opened.status})`);
  return String(opened.headers['set-cookie']).split(';')[0];
}
