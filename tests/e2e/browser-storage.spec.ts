import { chromium, expect, test, type BrowserContext } from '@playwright/test';
import { join } from 'node:path';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk';
import { editPhone } from './laptops';

// The browser profile lives on a real small tmpfs; "disk full" is the kernel's ENOSPC, which Chromium
// answers with QuotaExceededError ("Encountered disk full while committing transaction") and then
// refuses to reopen the database (UnknownError) until space comes back.

let disk: SmallDisk;
test.beforeEach(() => {
  disk = mountSmallDisk(160 * 1024 * 1024);
});
test.afterEach(() => disk.unmount());

async function launch(baseURL: string): Promise<BrowserContext> {
  const launchOptions = test.info().project.use.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(join(disk.dir, 'profile'), { ...launchOptions, baseURL, viewport: { width: 1400, height: 900 } });
  // A browser of its own, outside the web project's session: it opens Fanfare's link as a person does.
  const opened = await context.request.get(`/?key=${process.env.FANFARE_WEB_KEY}`, { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  return context;
}

test('a change the full disk refuses is said at once, kept in the window, and saved once space comes back', async ({ baseURL }) => {
  let context = await launch(baseURL!);
  let page = await context.newPage();
  await page.goto('/#/creators');
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('creator-row').first().click();
  await expect(page).toHaveURL(/#\/creators\/.+/);
  const creatorUrl = page.url();
  await editPhone(page, '+48 600 100 200');
  await expect(page.getByTestId('unsaved-changes-banner')).toBeHidden();

  // Chromium frees some room of its own (old log files) and the last page of its log may still hold
  // a small write: those writes are stored for real. So the disk is kept full, as by another program
  // writing, and edits go on until one is refused, which the banner must say at once.
  disk.fill();
  const keepFull = setInterval(() => disk.fill(), 100);
  const banner = page.getByTestId('unsaved-changes-banner');
  let last = '';
  for (let i = 0; i < 40 && !(await banner.isVisible()); i++) {
    last = `+48 600 999 7${String(i).padStart(2, '0')}`;
    await editPhone(page, last);
  }
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Your latest changes are not saved on this computer yet');
  await expect(banner).toContainText('The disk is full');
  await expect(banner).toContainText('Free some disk space');
  await expect(banner).toContainText('kept in this window');
  await page.screenshot({ path: test.info().outputPath('unsaved-changes-banner.png') });
  // It stays while the disk is full, retries included.
  await banner.getByRole('button', { name: 'Try again now' }).click();
  await expect(banner).toBeVisible();

  clearInterval(keepFull);
  disk.release();
  await expect(banner).toBeHidden({ timeout: 30_000 });
  await context.close();

  // A fresh start of the browser on the same profile: the change was stored.
  context = await launch(baseURL!);
  page = await context.newPage();
  await page.goto(creatorUrl);
  await expect(page.getByTestId('contact-card').getByText(last)).toBeVisible();
  await context.close();
});

test('Settings says whether the browser keeps Fanfare’s data, what that means, and how much room it takes', async ({ page }) => {
  await page.goto('/#/settings');
  const card = page.getByTestId('storage-card');
  await expect(card).toBeVisible();
  // Headless Chromium refuses persistent storage to a site the person has not engaged with.
  const granted = await page.evaluate(() => (globalThis as unknown as { navigator: { storage: { persisted(): Promise<boolean> } } }).navigator.storage.persisted());
  if (granted) await expect(card.getByTestId('storage-kept')).toContainText('agreed to keep');
  else {
    await expect(card.getByTestId('storage-kept')).toContainText('may clear it without asking');
    await expect(card).toContainText('Back up each workspace regularly');
  }
  await expect(card.getByTestId('storage-space')).toContainText(/Using [\d.]+ (bytes|KB|MB|GB) of the [\d.]+ (MB|GB) this browser allows Fanfare/);
  await expect(card.getByTestId('storage-saved')).toHaveText('Every change is saved on this computer.');
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: test.info().outputPath('storage-card.png') });
});
