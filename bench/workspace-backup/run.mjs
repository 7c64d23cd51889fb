// Workspace backup and restore at 50,000 creators, through the real built app
// (web host + Chromium): "Back up this workspace…" until the file is
// downloaded, then "Restore from a backup…" in a fresh browser profile until
// the restored workspace is open and loaded. Prints seconds, file size, peak
// memory (Chromium's processes and the web host, resident) and the longest
// task on the screen's thread while each runs.
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { buildIfNeeded } from '../../scripts/lib/build-if-needed.mjs';
import { openSession, serveSeedPages, startWebHost } from '../../scripts/lib/start-web-host.mjs';

const here = resolve(import.meta.dirname);
const root = resolve(here, '../..');
const seedDir = resolve(root, 'out/bench-workspace-backup');
const CREATORS = Number(process.env.BENCH_CREATORS ?? 50_000);

buildIfNeeded();
await build({ root: here, base: '/__bench/', logLevel: 'warn', build: { outDir: seedDir, emptyOutDir: true, rollupOptions: { input: join(here, 'index.html') } } });

const dataDir = mkdtempSync(join(tmpdir(), 'fanfare-bench-backup-'));
const { host, url, openUrl } = await startWebHost(dataDir);

/** Resident memory of a process and everything it started (Chromium: browser, renderers, GPU, workers' hosts). */
function treeRss(pid) {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const walk = (p) => {
    total += rss.get(p) ?? 0;
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return total;
}

/** Samples memory every 200 ms while `work` runs; returns its time and peaks. */
async function measured(page, work) {
  const peaks = { chromium: 0, host: 0 };
  const baseline = { chromium: treeRss(process.pid) - treeRss(host.pid) - rssOf(process.pid), host: treeRss(host.pid) };
  const timer = setInterval(() => {
    peaks.chromium = Math.max(peaks.chromium, treeRss(process.pid) - treeRss(host.pid) - rssOf(process.pid));
    peaks.host = Math.max(peaks.host, treeRss(host.pid));
  }, 200);
  await page.evaluate(() => { window.__longest = 0; });
  const started = Date.now();
  await work();
  const seconds = (Date.now() - started) / 1000;
  clearInterval(timer);
  const longestTaskMs = await page.evaluate(() => window.__longest);
  return { seconds, peakChromiumMB: mb(peaks.chromium), chromiumBeforeMB: mb(baseline.chromium), peakHostMB: mb(peaks.host), longestTaskMs: Math.round(longestTaskMs) };
}

function rssOf(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
  } catch {
    return 0;
  }
}

const mb = (bytes) => Math.round(bytes / 2 ** 20);

const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const longTasks = () => {
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask', buffered: false });
};

const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
await openSession(context, openUrl);
await serveSeedPages(context, url, seedDir);
await context.addInitScript(longTasks);
const page = await context.newPage();
page.on('pageerror', (error) => console.error('page error:', error.message));
await page.goto(`${url}__bench/index.html`);
await page.waitForFunction(() => document.title === 'ready');
const seed = await page.evaluate((n) => window.fanfareBench.seed(n), CREATORS);
console.log(`seeded ${CREATORS.toLocaleString('en-US')} creators in ${(seed.seedMs / 1000).toFixed(1)} s`);

const dailyStarted = Date.now();
await page.goto(`${url}#/settings`);
// The day's automatic backup starts 10 s after the workspace has loaded: let it finish before measuring the manual one.
await page.getByTestId('kept-backup').filter({ hasText: 'Daily' }).first().waitFor({ timeout: 300_000 });
const daily = { secondsFromOpen: (Date.now() - dailyStarted) / 1000 };
{
  // From the file itself: when its header was made (the backup assembled in the page) and when its last byte was written.
  const [name] = readdirSync(join(dataDir, 'backups')).filter((n) => n.endsWith('.fanfare-backup'));
  const bytes = readFileSync(join(dataDir, 'backups', name));
  const header = JSON.parse(bytes.subarray(16, 16 + bytes.readUInt32LE(12)).toString('utf8'));
  daily.fileMB = Math.round((bytes.length / 2 ** 20) * 10) / 10;
  daily.sendAndKeepSeconds = (statSync(join(dataDir, 'backups', name)).mtimeMs - Date.parse(header.createdAt)) / 1000;
}
console.log(`daily automatic backup (${daily.fileMB} MB) in the list ${daily.secondsFromOpen.toFixed(1)} s after the page opened (it starts 10 s after the workspace has loaded); sending it to the host took ${daily.sendAndKeepSeconds.toFixed(1)} s`);

// "Back up this workspace…" until the file is downloaded.
await page.getByRole('button', { name: 'Switch workspace' }).click();
await page.getByRole('menuitem', { name: 'Back up this workspace…' }).click();
const dialog = page.getByRole('dialog', { name: /^Back up/ });
let download;
const backup = await measured(page, async () => {
  [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), dialog.getByRole('button', { name: 'Save backup file' }).click()]);
});
const file = join(mkdtempSync(join(tmpdir(), 'fanfare-bench-backup-file-')), download.suggestedFilename());
await download.saveAs(file);
backup.fileMB = Math.round((statSync(file).size / 2 ** 20) * 10) / 10;
console.log(`backup: ${backup.seconds.toFixed(1)} s, ${backup.fileMB} MB file, peak memory Chromium ${backup.peakChromiumMB} MB (${backup.chromiumBeforeMB} MB before), web host ${backup.peakHostMB} MB, longest task on the screen's thread ${backup.longestTaskMs} ms`);
await context.close();

// "Restore from a backup…" in a fresh profile, until the restored workspace is open and loaded.
const fresh = await browser.newContext({ viewport: { width: 1400, height: 900 } });
await openSession(fresh, openUrl);
await fresh.addInitScript(longTasks);
const other = await fresh.newPage();
other.on('pageerror', (error) => console.error('page error:', error.message));
await other.goto(url);
await other.getByRole('button', { name: 'Switch workspace' }).waitFor();
await other.getByTestId('catch-up-indicator').waitFor({ state: 'detached', timeout: 120_000 });
await other.getByRole('button', { name: 'Switch workspace' }).click();
await other.getByRole('menuitem', { name: 'Restore from a backup…' }).click();
const restoreDialog = other.getByRole('dialog', { name: 'Restore from a backup' });
const [chooser] = await Promise.all([other.waitForEvent('filechooser'), restoreDialog.getByRole('button', { name: 'Choose a backup file…' }).click()]);
await chooser.setFiles(file);
await restoreDialog.getByTestId('backup-summary').waitFor();
let writtenSeconds = 0;
const restore = await measured(other, async () => {
  const started = Date.now();
  await restoreDialog.getByRole('button', { name: 'Restore as a new workspace' }).click();
  // The registry gets the new workspace once every part is checked and written, just before it opens.
  await other.waitForFunction(() => (localStorage.getItem('fanfare.workspaces.v1') ?? '').includes('(restored'), null, { polling: 100, timeout: 300_000 });
  writtenSeconds = (Date.now() - started) / 1000;
  await other.getByRole('button', { name: 'Switch workspace' }).filter({ hasText: '(restored' }).waitFor({ timeout: 300_000 });
  await other.getByTestId('catch-up-indicator').waitFor({ state: 'detached', timeout: 300_000 });
});
restore.writtenSeconds = writtenSeconds;
console.log(`restore: written and opening after ${writtenSeconds.toFixed(1)} s (includes the backup of the open workspace taken first), loaded after ${restore.seconds.toFixed(1)} s; peak memory Chromium ${restore.peakChromiumMB} MB (${restore.chromiumBeforeMB} MB before), web host ${restore.peakHostMB} MB, longest task on the screen's thread ${restore.longestTaskMs} ms`);
await other.goto(`${url}#/creators`);
await other.getByText(`${CREATORS.toLocaleString('en-US')} creators in this workspace`).waitFor({ timeout: 120_000 });
console.log(`restored workspace lists ${CREATORS.toLocaleString('en-US')} creators`);

await browser.close();
host.kill('SIGTERM');

export default { creators: CREATORS, seedSeconds: seed.seedMs / 1000, daily, backup, restore };
