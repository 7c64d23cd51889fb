import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createSyncServer } from '../../sync-server/server';
import { connectTeam, joinTeam, ownWorkspace, setMyName } from './laptops';

// Two laptops, each opening the Sample brand before its own workspace, and a server restart: more than the default minute.
test.describe.configure({ timeout: 120_000 });

// Two teammates' laptops (two browser profiles) and a real sync server on 127.0.0.1.
let server: Awaited<ReturnType<typeof createSyncServer>>;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fanfare-collab-e2e-'));
  server = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: () => undefined });
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const briefText = (page: Page) => page.getByRole('textbox', { name: 'Brief text' });

/** The brief's words without teammates' caret labels. */
const wordsOf = (page: Page) => briefText(page).evaluate((el) => {
  const copy = el.cloneNode(true) as typeof el;
  copy.querySelectorAll('.collaboration-carets__caret').forEach((caret: { remove(): void }) => caret.remove());
  return copy.textContent;
});

test('two teammates write one brief together and see each other', async ({ browser }) => {
  const { invite } = await server.createWorkspace('Glow team');
  const alex = await ownWorkspace(browser, 'Glow team');
  await setMyName(alex, 'Alex Morgan');
  await connectTeam(alex, invite);

  await alex.getByRole('link', { name: 'Briefs' }).click();
  await expect(alex.getByText('Write your first brief')).toBeVisible();
  await alex.getByRole('button', { name: 'New brief' }).first().click();
  await alex.getByLabel('Brief title').fill('Spring launch – TikTok');
  await alex.getByRole('dialog', { name: 'New brief' }).getByText('A blank page').click();
  await alex.getByRole('button', { name: 'Create brief' }).click();
  await briefText(alex).click();
  await alex.keyboard.type('Goal: show the serum in a morning routine.');

  const sam = await joinTeam(browser, invite, 'Sam Lee');
  await sam.getByRole('link', { name: 'Briefs' }).click();
  await sam.getByTestId('brief-card').filter({ hasText: 'Spring launch – TikTok' }).click();
  await expect(briefText(sam)).toContainText('Goal: show the serum in a morning routine.');

  // Presence: each sees the other on the brief, by name.
  await expect(sam.getByTestId('record-presence')).toContainText('Alex Morgan');
  await expect(alex.getByTestId('record-presence')).toContainText('Sam Lee');
  await expect(alex.getByTestId('teammates-online')).toBeVisible();

  // Sam writes at the end; Alex sees it, and Sam's caret with Sam's name.
  await briefText(sam).click();
  await sam.keyboard.press('Control+End');
  await sam.keyboard.press('Enter');
  await sam.keyboard.type('Dates: post between 3 and 10 March.');
  await expect(briefText(alex)).toContainText('Dates: post between 3 and 10 March.');
  await expect(alex.getByText('Sam Lee', { exact: true }).first()).toBeVisible();
  await expect(alex.getByTestId('record-presence')).toContainText('Sam Lee is editing the brief');

  // Both typing at once: both sentences survive on both laptops.
  await briefText(alex).click();
  await alex.keyboard.press('Control+Home');
  await Promise.all([alex.keyboard.type('Title card first. '), sam.keyboard.type(' No filters.')]);
  for (const page of [alex, sam]) {
    await expect(briefText(page)).toContainText('Title card first.');
    await expect(briefText(page)).toContainText('No filters.');
  }
  const [a, s] = await Promise.all([wordsOf(alex), wordsOf(sam)]);
  expect(a).toBe(s);

  await alex.screenshot({ path: 'test-results/screens/brief-co-editing.png' });
});

test('brief text written offline survives a reload and reaches the teammate', async ({ browser }) => {
  const { invite } = await server.createWorkspace('Offline team');
  const alex = await ownWorkspace(browser, 'Offline team');
  await connectTeam(alex, invite);
  await alex.getByRole('link', { name: 'Briefs' }).click();
  await alex.getByRole('button', { name: 'New brief' }).first().click();
  await alex.getByLabel('Brief title').fill('Holiday gifting');
  await alex.getByRole('dialog', { name: 'New brief' }).getByText('A blank page').click();
  await alex.getByRole('button', { name: 'Create brief' }).click();
  await briefText(alex).click();
  await alex.keyboard.type('Online part.');

  const sam = await joinTeam(browser, invite);
  await sam.getByRole('link', { name: 'Briefs' }).click();
  await sam.getByTestId('brief-card').filter({ hasText: 'Holiday gifting' }).click();
  await expect(briefText(sam)).toContainText('Online part.');

  const port = server.port;
  await server.close();
  await expect(alex.getByTestId('sync-indicator')).toHaveText(/Offline/);
  await briefText(alex).click();
  await alex.keyboard.press('Control+End');
  await alex.keyboard.type(' Written on the train.');
  await expect(alex.getByTestId('text-save-state')).toHaveText('Saved on this computer');
  await alex.reload();
  await expect(briefText(alex)).toContainText('Online part. Written on the train.');
  await expect(briefText(sam)).not.toContainText('Written on the train.');

  server = await createSyncServer({ host: '127.0.0.1', port, dataDir, log: () => undefined });
  await expect(briefText(sam)).toContainText('Online part. Written on the train.', { timeout: 40_000 });
});

test('the same field changed on two laptops at once: one value kept, both in the history, the other one click away', async ({ browser }) => {
  const { invite } = await server.createWorkspace('Conflict team');
  const alex = await ownWorkspace(browser, 'Conflict team');
  await setMyName(alex, 'Alex Morgan');
  await connectTeam(alex, invite);
  await alex.getByRole('link', { name: 'Briefs' }).click();
  await alex.getByRole('button', { name: 'New brief' }).first().click();
  await alex.getByLabel('Brief title').fill('Summer drop');
  await alex.getByRole('dialog', { name: 'New brief' }).getByText('A blank page').click();
  await alex.getByRole('button', { name: 'Create brief' }).click();
  const sam = await joinTeam(browser, invite);
  await setMyName(sam, 'Sam Lee');

  // Both go offline (Pause sync), both rename the brief, both come back.
  for (const page of [alex, sam]) {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Pause sync' }).click();
    await page.getByRole('link', { name: 'Briefs' }).click();
    await page.getByTestId('brief-card').filter({ hasText: 'Summer drop' }).click();
  }
  for (const [page, title] of [[alex, 'Summer drop – Reels'], [sam, 'Summer drop – TikTok']] as const) {
    const field = page.getByRole('textbox', { name: 'Brief title' });
    await field.fill(title);
    await field.press('Enter');
    await expect(page.getByTestId('record-history')).toContainText(`changed title to “${title}”`);
  }
  for (const page of [alex, sam]) {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Resume sync' }).click();
    await expect(page.getByTestId('sync-indicator').first()).toHaveText(/Synced/);
    await page.goBack();
  }

  const titles = await Promise.all([alex, sam].map(async (page) => {
    const history = page.getByTestId('record-history');
    await expect(history).toContainText(`${page === alex ? 'You' : 'Alex Morgan'} changed title to “Summer drop – Reels”`);
    await expect(history).toContainText(`${page === sam ? 'You' : 'Sam Lee'} changed title to “Summer drop – TikTok”`);
    await expect(history.getByText('Kept', { exact: true })).toBeVisible();
    await expect(history.getByText('Changed at the same time · not kept')).toBeVisible();
    return page.getByRole('textbox', { name: 'Brief title' }).inputValue();
  }));
  expect(titles[0]).toBe(titles[1]);

  // The other value is one click away, and then it is the one everyone sees.
  await alex.getByRole('button', { name: 'Use this instead' }).click();
  const other = titles[0] === 'Summer drop – Reels' ? 'Summer drop – TikTok' : 'Summer drop – Reels';
  await expect(alex.getByRole('textbox', { name: 'Brief title' })).toHaveValue(other);
  await expect(sam.getByRole('textbox', { name: 'Brief title' })).toHaveValue(other);
  await alex.screenshot({ path: 'test-results/screens/brief-conflict-history.png', fullPage: true });
});
