import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run against the web host in Debian's Chromium (browsers
 * are never downloaded); the Electron smoke test runs where the Electron
 * binary exists and reports itself skipped where it does not.
 */
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.FANFARE_E2E_PORT ?? 5191);
// The web host's launch key, pinned so the setup project can open its link. Set here in the
// runner's environment, which its workers inherit, so every process reads the same key.
process.env.FANFARE_WEB_KEY ??= randomBytes(32).toString('hex');
/** The session the setup project opens, given to every browser of the web project. */
export const SESSION_STATE = 'test-results/.auth/web-session.json';

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // Opens Fanfare from its link, as a person would, and keeps the session cookie.
    { name: 'setup', testMatch: 'e2e/auth.setup.ts' },
    { name: 'web', testMatch: 'e2e/**/*.spec.ts', dependencies: ['setup'], use: { storageState: SESSION_STATE } },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
  webServer: {
    command: `node out/main/web-host.js --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    // Hosted team sync writes under FANFARE_DATA_DIR: a fresh folder per run, never the user's own.
    // FANFARE_TEST_ALLOW_LOOPBACK_LINKS: the swipe-file spec's page server is on 127.0.0.1, which the host refuses to read otherwise.
    env: { FANFARE_DATA_DIR: mkdtempSync(join(tmpdir(), 'fanfare-e2e-data-')), FANFARE_WEB_KEY: process.env.FANFARE_WEB_KEY, FANFARE_TEST_ALLOW_LOOPBACK_LINKS: '1' },
    timeout: 30_000,
  },
});
