import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import sharp from 'sharp';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createSyncServer } from '../../sync-server/server';
import { WorkspaceStore } from '../../src/shared/data/store';
import { connectTeam, ownWorkspace } from './laptops';

// Two laptops, each its own web host with its own data folder (its own media store), and a real
// sync server on 127.0.0.1. Laptop A is the Playwright web server; laptop B is started here.

const shots = 'test-results/screens';
let server: Awaited<ReturnType<typeof createSyncServer>>;
let serverDir: string;
let hostB: ChildProcess | null = null;
let urlB: string;
// Laptop B's own launch key: its link, not A's, lets Bea's browser in (the cookies differ by port).
const keyB = randomBytes(32).toString('hex');
let dataB: string;

test.beforeAll(async () => {
  serverDir = mkdtempSync(join(tmpdir(), 'fanfare-follow-server-'));
  server = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir: serverDir, log: () => undefined });
  dataB = mkdtempSync(join(tmpdir(), 'fanfare-follow-b-'));
  hostB = spawn(process.execPath, ['out/main/web-host.js', '--port', '0'], { env: { ...process.env, FANFARE_DATA_DIR: dataB, FANFARE_WEB_KEY: keyB }, stdio: ['ignore', 'pipe', 'inherit'] });
  urlB = await new Promise<string>((resolve, reject) => {
    let out = '';
    hostB!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = /running at (http:\/\/\S+\/)/.exec(out);
      if (match) resolve(match[1]);
    });
    hostB!.once('exit', (code) => reject(new Error(`Laptop B's web host stopped (${code}): ${out}`)));
  });
});

test.afterAll(async () => {
  hostB?.kill('SIGKILL');
  await server?.close();
  rmSync(serverDir, { recursive: true, force: true });
  rmSync(dataB, { recursive: true, force: true });
});

/** A teammate's laptop on its own web host: a fresh browser profile that joins with the invite. */
async function joinOn(browser: Browser, url: string, invite: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // Opened from laptop B's link, as Bea would from her terminal.
  await page.goto(`${url}?key=${keyB}`);
  await expect(page).toHaveURL(url);
  await page.getByRole('button', { name: 'Switch workspace' }).click();
  await page.getByRole('menuitem', { name: 'Join a team workspace…' }).click();
  await page.getByLabel('Invite').fill(invite);
  await page.getByLabel('Your name, as teammates will see it').fill(name);
  await page.getByRole('button', { name: 'Join workspace' }).click();
  await expect(page.getByTestId('sync-indicator').first()).toHaveText(/Synced/);
  return page;
}

/** A record written the way another laptop's edits arrive: Sam's file, whose bytes never left Sam's laptop. */
async function samAddsWithoutUploading(workspaceId: string, token: string): Promise<void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url, workspaceId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, params: { token }, disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const store = new WorkspaceStore(doc, { actorId: 'person-sam' });
  store.create('settings', { kind: 'member', name: 'Sam', data: { personId: 'person-sam' } });
  store.create('assets', {
    sha256: 'ab'.repeat(32), fileName: 'sam-unboxing.mov', sizeBytes: 48_000_000, mimeType: 'video/quicktime', kind: 'video',
    width: 1920, height: 1080, durationSeconds: 42, videoCodec: 'h264', audioCodec: 'aac',
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  provider.destroy();
  doc.destroy();
}

// The e2e project has no DOM types: what the checks read of an <img> and a <video>.
interface Picture { complete: boolean; naturalWidth: number }
interface Player { muted: boolean; play(): Promise<void>; videoWidth: number; currentTime: number }

/** Whether the team server holds these bytes (as Alex's laptop named them: by their SHA-256). */
async function onServer(token: string, path: string): Promise<boolean> {
  const sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  const res = await fetch(`${server.url.replace(/^ws/, 'http')}/blobs/${sha256}`, { method: 'HEAD', headers: { Authorization: `Bearer ${token}` } });
  return res.status === 200;
}

const card = (page: Page, name: string) => page.getByTestId('asset-card').filter({ hasText: name });

/** The preview shows real pixels (not the placeholder). */
async function expectRealImage(page: Page, alt: string) {
  const image = page.getByRole('img', { name: alt });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img) => { const el = img as unknown as Picture; return el.complete && el.naturalWidth > 0; })).toBe(true);
}

test('a teammate’s photo and video reach the other laptop: real previews, the video plays; “only what I open” fetches on opening', async ({ browser }) => {
  test.setTimeout(180_000);
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-follow-files-'));
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=480x270:rate=25:duration=3',
    '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest',
    '-movflags', '+faststart', join(dir, 'beach reel.mp4')]);
  await sharp({ create: { width: 400, height: 300, channels: 3, background: '#1c7ed6' } }).jpeg().toFile(join(dir, 'team photo.jpg'));
  await sharp({ create: { width: 300, height: 400, channels: 3, background: '#e8590c' } }).jpeg().toFile(join(dir, 'later photo.jpg'));

  const { invite, workspaceId, token } = server.createWorkspace('Acme Outdoors');
  const alex = await ownWorkspace(browser, 'Acme Outdoors');
  await connectTeam(alex, invite);
  await alex.getByRole('link', { name: 'Library' }).click();
  await alex.getByTestId('library-file-input').setInputFiles([join(dir, 'team photo.jpg'), join(dir, 'beach reel.mp4')]);
  await expect(alex.getByTestId('import-progress')).toContainText('2 files added');
  await alex.getByRole('link', { name: 'Settings' }).click();
  await expect(alex.getByTestId('media-sync-headline')).toHaveText('All media uploaded');
  await expect.poll(() => onServer(token, join(dir, 'beach reel.mp4'))).toBe(true);
  await expect.poll(() => onServer(token, join(dir, 'team photo.jpg'))).toBe(true);

  // Laptop B joins ("all media", the default): the files come by themselves.
  const bea = await joinOn(browser, urlB, invite, 'Bea');
  await bea.getByRole('link', { name: 'Library' }).click();
  await expect(card(bea, 'team photo.jpg').getByTestId('media-state')).toHaveAttribute('data-state', 'local');
  await expect(card(bea, 'beach reel.mp4').getByTestId('media-state')).toHaveAttribute('data-state', 'local');
  await expectRealImage(bea, 'Thumbnail of team photo.jpg');

  await card(bea, 'team photo.jpg').click();
  await expectRealImage(bea, 'Preview of team photo.jpg');
  await bea.keyboard.press('Escape');

  await card(bea, 'beach reel.mp4').click();
  const player = bea.getByTestId('preview-player');
  await expect(player).toBeVisible();
  await player.evaluate((el) => { const video = el as unknown as Player; video.muted = true; return video.play(); });
  await expect.poll(() => player.evaluate((el) => { const video = el as unknown as Player; return video.videoWidth > 0 && video.currentTime > 0.2; })).toBe(true);
  await bea.keyboard.press('Escape');

  // Bea chooses "only what I open".
  await bea.getByRole('link', { name: 'Settings' }).click();
  await bea.getByTestId('download-mode').getByText('Only what I open').click();
  await expect(bea.getByTestId('media-sync-incoming')).toHaveText('All media is on this computer');

  // Alex adds one more photo, it goes up, and Alex's laptop goes away before Bea asks for it.
  await alex.getByRole('link', { name: 'Library' }).click();
  await alex.getByTestId('library-file-input').setInputFiles([join(dir, 'later photo.jpg')]);
  await expect(alex.getByTestId('import-progress')).toContainText('1 file added');
  await expect.poll(() => onServer(token, join(dir, 'later photo.jpg'))).toBe(true);
  await alex.context().close();
  // And Sam's record arrives, whose bytes never left Sam's laptop.
  await samAddsWithoutUploading(workspaceId, token);

  await expect(bea.getByTestId('media-sync-incoming')).toHaveText('1 file only on the team server — downloaded when you open them · 1 file missing everywhere');
  await expect(bea.getByTestId('media-sync')).toContainText('“sam-unboxing.mov” is not on the team server: it was added on Sam’s computer');
  await bea.locator('.mantine-Card-root', { hasText: 'Team sync' }).screenshot({ path: `${shots}/settings-media-files.png` });

  await bea.getByRole('link', { name: 'Library' }).click();
  await expect(card(bea, 'later photo.jpg').getByTestId('media-state')).toHaveAttribute('data-state', 'remote');
  await expect(card(bea, 'later photo.jpg')).toContainText('Only on the team server');
  await expect(card(bea, 'sam-unboxing.mov').getByTestId('media-state')).toHaveAttribute('data-state', 'missing');
  await expect(card(bea, 'sam-unboxing.mov')).toContainText('Missing everywhere');
  await expect(card(bea, 'sam-unboxing.mov').getByTestId('missing-added-by')).toHaveText('Added by Sam; not on the team server yet');
  await bea.screenshot({ path: `${shots}/library-media-states.png` });
  await bea.getByRole('button', { name: 'List' }).click();
  await expect(bea.getByTestId('asset-table')).toContainText('Only on the team server');
  await expect(bea.getByTestId('asset-table')).toContainText('Missing everywhere · added by Sam');
  await bea.screenshot({ path: `${shots}/library-media-states-list.png` });
  await bea.getByRole('button', { name: 'Grid' }).click();

  // Opening it fetches it from the team server and shows it.
  await card(bea, 'later photo.jpg').click();
  await expectRealImage(bea, 'Preview of later photo.jpg');
  await bea.keyboard.press('Escape');
  await expect(card(bea, 'later photo.jpg').getByTestId('media-state')).toHaveAttribute('data-state', 'local');
  await expectRealImage(bea, 'Thumbnail of later photo.jpg');

  // Sam's file cannot come from anywhere yet: the drawer says why, and whose it is.
  await card(bea, 'sam-unboxing.mov').click();
  await expect(bea.getByTestId('preview-problem')).toHaveText('Not on this computer and not on the team server. It is on Sam’s computer it was added on, and arrives once that Fanfare is back online.');
  await bea.screenshot({ path: `${shots}/library-missing-drawer.png` });
  rmSync(dir, { recursive: true, force: true });
});
