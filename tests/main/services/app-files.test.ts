import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/csp';
import { APP_INDEX_URL, appFileTarget, createAppFileHandler } from '../../../src/main/services/app-files';

// A real folder laid out like out/, with a secret beside the renderer that no URL may reach.
let base: string;
let rendererDir: string;
const INDEX = '<!doctype html><title>Fanfare</title>';
const SECRET = 'the user’s private notes';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'fanfare-app-files-'));
  rendererDir = join(base, 'out', 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX);
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'export const x = 1;');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(rendererDir, 'assets', 'data.bin'), Buffer.from([0, 1, 2]));
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(base, 'out', 'secret'), SECRET);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = (url: string, init?: RequestInit) =>
  createAppFileHandler({ rendererDir, contentSecurityPolicy: () => CONTENT_SECURITY_POLICY })(new Request(url, init));

describe('which file an app:// URL may read', () => {
  it('maps a path of the build to its file inside the renderer folder', () => {
    expect(appFileTarget(rendererDir, 'app://fanfare/assets/index-abc.js')).toEqual({ kind: 'file', path: join(rendererDir, 'assets', 'index-abc.js') });
    expect(appFileTarget(rendererDir, APP_INDEX_URL)).toEqual({ kind: 'file', path: join(rendererDir, 'index.html') });
    expect(appFileTarget(rendererDir, 'app://fanfare/')).toEqual({ kind: 'page' });
    expect(appFileTarget(rendererDir, 'app://fanfare/index.html?x=1#/campaigns')).toEqual({ kind: 'file', path: join(rendererDir, 'index.html') });
  });

  it.each([
    ['dot-dot', 'app://fanfare/../secret.txt'],
    ['dot-dot deeper in', 'app://fanfare/assets/../../secret.txt'],
    ['a single dot', 'app://fanfare/./index.html'],
    ['escaped dot-dot', 'app://fanfare/%2e%2e/secret.txt'],
    ['upper-case escaped dot-dot', 'app://fanfare/%2E%2E/%2E%2E/secret.txt'],
    ['half-escaped dot-dot', 'app://fanfare/.%2e/secret.txt'],
    ['dot-dot behind an escaped slash', 'app://fanfare/..%2f..%2fsecret.txt'],
    ['escaped dot-dot behind an escaped slash', 'app://fanfare/assets%2f%2e%2e%2f%2e%2e%2fsecret.txt'],
    ['a backslash', 'app://fanfare/..%5c..%5csecret.txt'],
    ['a NUL', 'app://fanfare/index.html%00.js'],
    ['an absolute path', 'app://fanfare/%2Fetc%2Fpasswd'],
    ['a double slash', 'app://fanfare//etc/passwd'],
    ['a drive letter', 'app://fanfare/C:%5CWindows%5Cwin.ini'],
    ['a stream name', 'app://fanfare/index.html::$DATA'],
  ])('refuses %s', (_label, url) => {
    expect(appFileTarget(rendererDir, url)).toEqual({ kind: 'refused', status: 400, reason: 'Bad address: it points outside Fanfare’s screens.' });
  });

  it('refuses a malformed escape, another host, a port or a credential, and writes', () => {
    expect(appFileTarget(rendererDir, 'app://fanfare/%E0%A4%A.js')).toMatchObject({ kind: 'refused', status: 400, reason: expect.stringContaining('malformed') });
    expect(appFileTarget(rendererDir, 'app://evil/index.html')).toMatchObject({ kind: 'refused', status: 404 });
    expect(appFileTarget(rendererDir, 'app://fanfare:8080/index.html')).toMatchObject({ kind: 'refused', status: 404 });
    expect(appFileTarget(rendererDir, 'app://user@fanfare/index.html')).toMatchObject({ kind: 'refused', status: 404 });
    expect(appFileTarget(rendererDir, 'file:///etc/passwd')).toMatchObject({ kind: 'refused', status: 404 });
    expect(appFileTarget(rendererDir, 'app://fanfare/index.html', 'POST')).toMatchObject({ kind: 'refused', status: 405 });
  });
});

describe('answering app:// requests', () => {
  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8', 'export const x = 1;'],
    ['assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['assets/logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ['index.html', 'text/html; charset=utf-8', INDEX],
  ])('serves %s as %s', async (path, type, body) => {
    const res = await serve(`app://fanfare/${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(await res.text()).toBe(body);
  });

  it('sends an unknown type as bytes the page cannot run', async () => {
    const res = await serve('app://fanfare/assets/data.bin');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2]));
  });

  it('sends the web host’s policy and security headers with pages, files and refusals', async () => {
    for (const url of [APP_INDEX_URL, 'app://fanfare/assets/index-abc.js', 'app://fanfare/missing.js', 'app://fanfare/..%2fsecret.txt']) {
      const res = await serve(url);
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), url).toBe('DENY');
      expect(res.headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy'), url).toBe('same-origin');
      expect(res.headers.get('cross-origin-resource-policy'), url).toBe('same-origin');
    }
    expect((await serve(APP_INDEX_URL)).headers.get('cache-control')).toBe('no-store');
  });

  it('reads the policy for each answer, so a changed policy applies to the next page', async () => {
    let policy = "default-src 'self'";
    const handle = createAppFileHandler({ rendererDir, contentSecurityPolicy: () => policy });
    expect((await handle(new Request(APP_INDEX_URL))).headers.get('content-security-policy')).toBe("default-src 'self'");
    policy = "default-src 'none'";
    expect((await handle(new Request(APP_INDEX_URL))).headers.get('content-security-policy')).toBe("default-src 'none'");
  });

  it('answers a screen of the app (no extension) with index.html', async () => {
    for (const url of ['app://fanfare/', 'app://fanfare/campaigns', 'app://fanfare/creators/42/']) {
      const res = await serve(url);
      expect(res.status, url).toBe(200);
      expect(await res.text(), url).toBe(INDEX);
    }
  });

  it('answers a missing asset and a folder with 404, not the page or a listing', async () => {
    for (const url of ['app://fanfare/assets/missing.js', 'app://fanfare/favicon.ico', 'app://fanfare/assets', 'app://fanfare/assets/']) {
      const res = await serve(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).toBe('Not found.');
    }
  });

  it('never sends a file outside the renderer folder, whatever the request says', async () => {
    // Request (like Chromium) folds plain and %2e dot segments before the handler sees the URL;
    // what is left must still land inside the folder or be refused.
    for (const url of [
      'app://fanfare/../secret.txt', 'app://fanfare/%2e%2e/%2e%2e/secret.txt', 'app://fanfare/..%2f..%2fsecret.txt',
      'app://fanfare/..%2fsecret', 'app://fanfare/%2F' + encodeURIComponent(join(base, 'secret.txt').slice(1)), 'app://fanfare/..%5csecret.txt',
    ]) {
      const res = await serve(url);
      expect(await res.text(), url).not.toContain(SECRET);
      expect([400, 404], url).toContain(res.status);
    }
  });

  it('refuses writes with 405 and answers HEAD without a body', async () => {
    expect((await serve(APP_INDEX_URL, { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await serve('app://fanfare/assets/index-abc.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('export const x = 1;'.length));
    expect(await head.text()).toBe('');
  });

  it('says the installation is broken when index.html is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'fanfare-app-files-empty-'));
    try {
      const res = await createAppFileHandler({ rendererDir: empty, contentSecurityPolicy: () => CONTENT_SECURITY_POLICY })(new Request(APP_INDEX_URL));
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('Reinstall Fanfare');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
