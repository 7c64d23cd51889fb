import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { CallResult } from '../../src/shared/api/wire';

const root = join(import.meta.dirname, '..', '..');

function electronBinary(): string | null {
  try {
    // Throws when the package was installed with ELECTRON_SKIP_BINARY_DOWNLOAD.
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
test.skip(!binary, 'Electron binary not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); Electron smoke test skipped');

test.beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'lib', 'build-if-needed.mjs')], { cwd: root, stdio: 'inherit' });
});

test('the desktop app opens a locked-down window that can reach the host', async () => {
  // The built app, not the dev server; and a real Electron, not Electron-as-Node.
  const env = Object.fromEntries(Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL' && entry[0] !== 'ELECTRON_RUN_AS_NODE'));
  // Chromium refuses its OS sandbox as root (CI containers); the app's sandbox: true (no Node in the preload) still applies.
  const args = [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])];
  const app = await electron.launch({ executablePath: binary!, args, cwd: root, env });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await expect(page).toHaveTitle(/Fanfare/);
    // Served from the app's own scheme with its policy, never from file://.
    expect(page.url()).toMatch(/^app:\/\/fanfare\/index\.html($|#)/);
    const index = await page.evaluate(() => fetch('app://fanfare/index.html').then((r) => ({ status: r.status, csp: r.headers.get('content-security-policy') })));
    expect(index.status).toBe(200);
    expect(index.csp).toContain("script-src 'self'");
    const escapes = await page.evaluate(() => fetch('app://fanfare/..%2f..%2fpackage.json').then((r) => r.status));
    expect(escapes).toBe(400);

    // globalThis is the page's window here; this file is type-checked without DOM types.
    const globals = await page.evaluate(() => {
      const page = globalThis as Record<string, unknown>;
      return { fanfare: typeof page.fanfare, require: typeof page.require, process: typeof page.process };
    });
    expect(globals).toEqual({ fanfare: 'object', require: 'undefined', process: 'undefined' });

    const result = await page.evaluate(() =>
      (globalThis as unknown as { fanfare: { call(m: string, i: unknown): Promise<CallResult> } }).fanfare.call('app-info', {}));
    expect(result).toMatchObject({ ok: true, value: { name: 'Fanfare', transport: 'electron' } });
  } finally {
    await app.close();
  }
});
