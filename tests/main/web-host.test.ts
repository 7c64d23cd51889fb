import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHostHandlers } from '../../src/main/handlers';
import { createWebHost, type WebHost } from '../../src/main/web-host/server';
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp';
import type { ProgressMessage } from '../../src/shared/api/wire';

let dir: string;
let host: WebHost;

const INDEX = `<!doctype html><html><head>
<title>Fanfare</title></head><body><div id="root"></div></body></html>`;
let session: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-web-'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log("hi")');
  writeFileSync(join(dir, 'assets', 'app-1234.css'), 'body{margin:0}');
  host = await createWebHost({ port: 0, rendererDir: dir, handlers: createHostHandlers() });
  session = await signIn(host);
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http rather than fetch, so tests can forge Host and Origin like a hostile page or a rebinding attack would. */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string, to = { host: '127.0.0.1', port: 0 }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: to.host, port: to.port || host.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens the launch link as the browser would, and keeps the session cookie ("name=value"). */
async function signIn(of: WebHost): Promise<string> {
  const opened = await send('GET', `/?key=${of.launchKey}`, {}, undefined, { host: '127.0.0.1', port: of.port });
  expect(opened.status).toBe(303);
  return String(opened.headers['set-cookie']).split(';')[0];
}

const call = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send('POST', `/api/call/${method}`, { 'content-type': 'application/json', cookie: session, 'x-fanfare-call-id': 'call-1', ...headers }, JSON.stringify(input));

function openEvents(headers: Record<string, string> = {}, port = host.port): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('web host: pages', () => {
  it('listens on 127.0.0.1 with a long random launch key in the link to open', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.launchKey).toMatch(/^[0-9a-f]{64}$/);
    expect(host.openUrl).toBe(`http://127.0.0.1:${host.port}/?key=${host.launchKey}`);
  });

  it('serves index.html to a signed-in browser with strict headers, and never the key', async () => {
    const res = await send('GET', '/', { cookie: session });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<div id="root"></div>');
    expect(res.body).not.toContain(host.launchKey);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their content type, and app routes as index.html', async () => {
    const js = await send('GET', '/assets/app-1234.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send('GET', '/assets/app-1234.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const route = await send('GET', '/campaigns/summer-launch', { cookie: session });
    expect(route.status).toBe(200);
    expect(route.body).toContain('<div id="root"></div>');
    expect((await send('GET', '/campaigns/summer-launch')).status).toBe(401);
    expect((await send('GET', '/assets/missing-9999.js')).status).toBe(404);
  });

  it('does not serve files outside the renderer folder', async () => {
    const res = await send('GET', '/..%2f..%2f..%2fetc%2fpasswd');
    expect(res.body).not.toContain('root:');
    expect([400, 404]).toContain(res.status);
  });

  it('refuses a foreign Host header for pages too (a rebound name must not open a session)', async () => {
    const page = await send('GET', `/?key=${host.launchKey}`, { host: 'evil.example' });
    expect(page.status).toBe(403);
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await send('GET', '/', { host: `evil.example:${host.port}`, cookie: session })).status).toBe(403);
    expect((await send('GET', '/', { host: `localhost:${host.port}`, cookie: session })).status).toBe(200);
  });

  it('uses the content security policy the host is given, asked afresh for each response', async () => {
    let servers = 'wss://team.example';
    const other = await createWebHost({ port: 0, rendererDir: dir, handlers: createHostHandlers(), contentSecurityPolicy: () => `connect-src 'self' ${servers}` });
    try {
      expect((await send('GET', '/assets/app-1234.js', {}, undefined, { host: '127.0.0.1', port: other.port })).headers['content-security-policy']).toBe("connect-src 'self' wss://team.example");
      servers = 'wss://team.example wss://other.example';
      expect((await send('GET', '/', {}, undefined, { host: '127.0.0.1', port: other.port })).headers['content-security-policy']).toBe("connect-src 'self' wss://team.example wss://other.example");
    } finally {
      await other.close();
    }
  });
});

describe('web host: API', () => {
  it('answers a call made with the session', async () => {
    const res = await call('app-info', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Fanfare', transport: 'web' } });
  });

  it('refuses calls without a session or with a made-up one (401)', async () => {
    const none = await send('POST', '/api/call/app-info', { 'content-type': 'application/json', 'x-fanfare-call-id': 'c' }, '{}');
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(JSON.parse(none.body).error.message).toContain('link shown in the terminal');
    expect((await call('app-info', {}, { cookie: `fanfare-session-${host.port}=${'a'.repeat(43)}` })).status).toBe(401);
    // The launch key is for the link, not a session.
    expect((await call('app-info', {}, { cookie: `fanfare-session-${host.port}=${host.launchKey}` })).status).toBe(401);
    expect((await call('app-info', {}, { cookie: `fanfare-session-1=${session.split('=')[1]}` })).status).toBe(401);
    expect((await send('GET', '/api/anything')).status).toBe(401);
  });

  it('refuses a call without the call-id header, which a cross-site form cannot send (403)', async () => {
    const res = await send('POST', '/api/call/app-info', { 'content-type': 'application/json', cookie: session }, '{}');
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a foreign Origin or Host even with a session (403)', async () => {
    const origin = await call('app-info', {}, { origin: 'https://evil.example' });
    expect(origin.status).toBe(403);
    expect(JSON.parse(origin.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call('app-info', {}, { origin: 'null' })).status).toBe(403);
    expect((await call('app-info', {}, { host: 'evil.example' })).status).toBe(403);
    expect((await call('app-info', {}, { origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('maps invalid input to 400 with per-field messages', async () => {
    const res = await call('documents-store-file', { fileName: '', base64: 'aGk=' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: { fileName: 'The file needs a name' } } });
    const broken = await send('POST', '/api/call/app-info', { cookie: session, 'x-fanfare-call-id': 'c' }, '{not json');
    expect(broken.status).toBe(400);
  });

  it('maps an unknown method to 404', async () => {
    const res = await call('format-disk', {});
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('accepts only POST for calls', async () => {
    expect((await send('GET', '/api/call/app-info', { cookie: session })).status).toBe(405);
  });
});

describe('web host: progress events', () => {
  it('refuses the socket without a session, or from a foreign origin', async () => {
    await expect(openEvents()).rejects.toThrow('HTTP 401');
    await expect(openEvents({ cookie: `fanfare-session-${host.port}=wrong` })).rejects.toThrow('HTTP 401');
    await expect(openEvents({ cookie: session, origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('delivers progress for a call to the socket opened with the session', async () => {
    const ws = await openEvents({ cookie: session, origin: `http://127.0.0.1:${host.port}` });
    const received: ProgressMessage[] = [];
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as ProgressMessage));
    try {
      const res = await call('media-tools-check', {}, { 'x-fanfare-call-id': 'call-42' });
      expect(res.status).toBe(200);
      await expect.poll(() => received.length).toBeGreaterThanOrEqual(2);
      expect(received.every((m) => m.callId === 'call-42')).toBe(true);
      expect(received.map((m) => m.progress.message)).toEqual(expect.arrayContaining(['Checking ffmpeg…', 'Checking ffprobe…']));
    } finally {
      ws.close();
    }
  });
});

describe('web host: lifecycle', () => {
  it('reports a taken port as EADDRINUSE so the CLI can say so', async () => {
    const error = await createWebHost({ port: host.port, rendererDir: dir, handlers: createHostHandlers() }).then(() => null, (e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe('EADDRINUSE');
  });

  it('closes promptly even with an open socket', async () => {
    const other = await createWebHost({ port: 0, rendererDir: dir, handlers: createHostHandlers(), launchKey: 'pinned' });
    expect(other.launchKey).toBe('pinned');
    const ws = await openEvents({ cookie: await signIn(other) }, other.port);
    const closed = new Promise((resolve) => ws.once('close', resolve));
    await other.close();
    await closed;
  });
});

describe('web host bound beyond loopback', () => {
  const lanAddress = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

  it.skipIf(!lanAddress)('opens sessions only for this computer, even with the key', async () => {
    const lan = await createWebHost({ port: 0, host: lanAddress!, rendererDir: dir, handlers: createHostHandlers() });
    try {
      // Connecting to the LAN address makes us a non-loopback peer, as another machine would be.
      const reply = await send('GET', `/?key=${lan.launchKey}`, { host: `127.0.0.1:${lan.port}` }, undefined, { host: lanAddress!, port: lan.port });
      expect(reply.status).toBe(403);
      expect(reply.headers['set-cookie']).toBeUndefined();
      expect(reply.body).toContain('only opens on the computer it runs on');
    } finally {
      await lan.close();
    }
  });
});
