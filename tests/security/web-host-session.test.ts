import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHostHandlers } from '../../src/main/handlers';
import { MediaStore } from '../../src/main/services/media-store/media-store';
import { createWebHost, type WebHost } from '../../src/main/web-host/server';
import { bundleWebHostCli, INDEX_HTML, send, signIn, startHostProcess, type HostProcess } from './web-host-process';

// Attacks on the web host from this computer: another user, a web page, a tab without the link.

let dir: string;
let host: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-session-'));
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'renderer', 'assets', 'app-1234.js'), 'console.log("the app")');
  const handlers = createHostHandlers({ mediaStore: new MediaStore(join(dir, 'media')) });
  host = await createWebHost({ port: 0, rendererDir: join(dir, 'renderer'), handlers, linkFile: '/home/sam/.fanfare/web-link.txt' });
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => send(host.port, 'GET', path, headers);
const callWith = (headers: Record<string, string>, method = 'app-info', input: unknown = {}) =>
  send(host.port, 'POST', `/api/call/${method}`, { 'content-type': 'application/json', 'x-fanfare-call-id': 'call-1', ...headers }, JSON.stringify(input));

function openEvents(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('a browser tab without the link', () => {
  it('gets a page that explains how to open Fanfare, with nothing that unlocks it (401)', async () => {
    for (const path of ['/', '/campaigns/summer-launch', '/index.html']) {
      const page = await get(path);
      expect(page.status).toBe(401);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['set-cookie']).toBeUndefined();
      expect(page.body).toContain('Open Fanfare from its link');
      expect(page.body).toContain('terminal');
      expect(page.body).toContain('/home/sam/.fanfare/web-link.txt');
      expect(page.body).not.toContain(host.launchKey);
      // Not the app: no bundle, no script at all.
      expect(page.body).not.toContain('<script');
      expect(page.body).not.toContain('id="root"');
    }
  });

  it('with a wrong key gets the same page, saying the link is old, and no cookie', async () => {
    const page = await get(`/?key=${'0'.repeat(64)}`);
    expect(page.status).toBe(401);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.body).toContain('earlier time Fanfare was started');
    expect((await get(`/?key=${host.launchKey.slice(0, 32)}`)).headers['set-cookie']).toBeUndefined();
    expect((await get('/?key=')).headers['set-cookie']).toBeUndefined();
  });

  it('can call nothing and hear nothing (401)', async () => {
    const call = await callWith({});
    expect(call.status).toBe(401);
    expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await callWith({ cookie: `fanfare-session-${host.port}=${host.launchKey}` })).status).toBe(401);
    await expect(openEvents({})).rejects.toThrow('HTTP 401');
    await expect(openEvents({ cookie: `fanfare-session-${host.port}=made-up` })).rejects.toThrow('HTTP 401');
  });

  it('still loads the public scripts and styles, which carry no key', async () => {
    const script = await get('/assets/app-1234.js');
    expect(script.status).toBe(200);
    expect(script.body).not.toContain(host.launchKey);
  });
});

describe('the person who opens the link', () => {
  it('gets an HttpOnly, SameSite=Strict session cookie named for this port, and the key leaves the address', async () => {
    const opened = await get(`/campaigns/summer-launch?tab=posts&key=${host.launchKey}`);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/campaigns/summer-launch?tab=posts');
    expect(opened.headers['cache-control']).toBe('no-store');
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^fanfare-session-${host.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(cookie).not.toContain(host.launchKey);
    expect(opened.body).not.toContain(host.launchKey);
  });

  it('is never sent away from Fanfare by the redirect', async () => {
    const opened = await get(`/a/..//evil-site/?key=${host.launchKey}`);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/evil-site/');
  });

  it('each opening makes a fresh session', async () => {
    const first = await signIn(host.port, host.openUrl);
    const second = await signIn(host.port, host.openUrl);
    expect(first).not.toBe(second);
  });

  it('uses the app, its API and its progress socket with the cookie', async () => {
    const cookie = await signIn(host.port, host.openUrl);
    const app = await get('/', { cookie });
    expect(app.status).toBe(200);
    expect(app.body).toContain('<div id="root"></div>');
    expect(app.body).not.toContain(host.launchKey);
    const call = await callWith({ cookie });
    expect(call.status).toBe(200);
    expect(JSON.parse(call.body)).toMatchObject({ ok: true, value: { name: 'Fanfare', transport: 'web' } });
    const ws = await openEvents({ cookie, origin: `http://127.0.0.1:${host.port}` });
    ws.close();
  });
});

describe('a web page the person visits', () => {
  it('cannot call, even when the browser would attach the cookie', async () => {
    const cookie = await signIn(host.port, host.openUrl);
    const fromPage = await callWith({ cookie, origin: 'https://evil.example' });
    expect(fromPage.status).toBe(403);
    expect(JSON.parse(fromPage.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await callWith({ cookie, origin: 'null' })).status).toBe(403);
    await expect(openEvents({ cookie, origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('cannot call with a form (no custom header), even from a same-site-looking request', async () => {
    const cookie = await signIn(host.port, host.openUrl);
    const form = await send(host.port, 'POST', '/api/call/app-info', { cookie, 'content-type': 'text/plain' }, '{}');
    expect(form.status).toBe(403);
    expect(JSON.parse(form.body).error.message).toContain('Fanfare’s own page');
  });

  it('cannot open a session through a rebound name, even holding the key', async () => {
    const rebound = await get(`/?key=${host.launchKey}`, { host: `evil.example:${host.port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.headers['set-cookie']).toBeUndefined();
  });
});

const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
const hasCurl = spawnSync('curl', ['--version']).status === 0;
const asNobody = ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--inh-caps=-all'];

/** Runs a command as the user "nobody": another person's account on this computer. */
function nobody(cmd: string, args: string[]): { status: number | null; out: string; err: string } {
  const run = spawnSync('setpriv', [...asNobody, cmd, ...args], { encoding: 'utf8', timeout: 15_000 });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

describe.skipIf(!isRoot || !hasSetpriv || !hasCurl)('another user of this computer (needs root to become "nobody", setpriv and curl)', () => {
  let cli: Awaited<ReturnType<typeof bundleWebHostCli>>;
  let started: HostProcess;
  const key = 'f'.repeat(24) + 'a'.repeat(40);

  beforeAll(async () => {
    cli = await bundleWebHostCli();
    started = await startHostProcess(cli.file, { FANFARE_WEB_KEY: key });
    // Open folders all the way down, so only the link file's own mode keeps it private.
    for (let d = started.dataDir; d !== tmpdir() && d !== '/'; d = join(d, '..')) chmodSync(d, 0o755);
  });

  afterAll(() => {
    started?.stop();
    cli?.remove();
  });

  it('prints the link to the person who started it and saves it in a file only they can read', () => {
    expect(started.openUrl).toBe(`http://127.0.0.1:${started.port}/?key=${key}`);
    const linkFile = join(started.dataDir, 'web-link.txt');
    expect(readFileSync(linkFile, 'utf8').trim()).toBe(started.openUrl);
    expect(statSync(linkFile).mode & 0o777).toBe(0o600);
    const read = nobody('cat', [linkFile]);
    expect(read.status).not.toBe(0);
    expect(read.err).toContain('Permission denied');
    expect(read.out).not.toContain(key);
    // The folder itself is open to them here: the file's mode is what stops them.
    expect(nobody('ls', [started.dataDir]).out).toContain('web-link.txt');
  });

  it('fetching / gets the explanation, with no key and no cookie', () => {
    const page = nobody('curl', ['-s', '-i', `http://127.0.0.1:${started.port}/`]);
    expect(page.status).toBe(0);
    expect(page.out).toMatch(/^HTTP\/1\.1 401/);
    expect(page.out).toContain('Open Fanfare from its link');
    expect(page.out).toContain(join(started.dataDir, 'web-link.txt'));
    expect(page.out).not.toContain(key);
    expect(page.out.toLowerCase()).not.toContain('set-cookie');
  });

  it('trying what it finds gets nothing: the API, the socket, guessed keys, the process', () => {
    const base = `http://127.0.0.1:${started.port}`;
    const status = (args: string[]) => nobody('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', ...args]).out;
    for (const method of ['library-read', 'app-info', 'documents-store-file', 'backup-list']) {
      expect(status(['-X', 'POST', '-H', 'content-type: application/json', '-H', 'x-fanfare-call-id: x', '--data', '{}', `${base}/api/call/${method}`])).toBe('401');
    }
    expect(status([`${base}/api/events`, '-H', 'Connection: Upgrade', '-H', 'Upgrade: websocket', '-H', 'Sec-WebSocket-Version: 13', '-H', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=='])).toBe('401');
    const guessed = nobody('curl', ['-s', '-i', `${base}/?key=${'f'.repeat(64)}`]).out;
    expect(guessed).toMatch(/^HTTP\/1\.1 401/);
    expect(guessed.toLowerCase()).not.toContain('set-cookie');
    // The pinned key is in the host's environment, which only its own user can read; it is not on its command line.
    expect(nobody('cat', [`/proc/${started.pid}/environ`]).status).not.toBe(0);
    expect(nobody('cat', [`/proc/${started.pid}/cmdline`]).out).not.toContain(key);
    // The public script is theirs to read, and holds nothing.
    expect(nobody('curl', ['-s', `${base}/assets/app-1234.js`]).out).toBe('console.log("the app")');
  });

  it('while the person who started it, with the link, gets in', () => {
    const opened = execFileSync('curl', ['-s', '-i', started.openUrl], { encoding: 'utf8' });
    expect(opened).toMatch(/^HTTP\/1\.1 303/);
    expect(opened).toMatch(new RegExp(`set-cookie: fanfare-session-${started.port}=`, 'i'));
  });
});
