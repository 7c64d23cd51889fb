import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createSyncServer } from '../../sync-server/server';
import { encodeInvite, parseInvite } from '../../src/shared/sync/invite';
import { startStallProxy, type StallProxy } from '../support/stall-proxy';
import { addCreator, connectTeam, joinTeam, ownWorkspace, setMyName } from './laptops';

// The header and each brief say what the team server really has: a real sync server on 127.0.0.1,
// reached through a TCP proxy that can go silent without closing anything (a pulled cable, a frozen server).
let server: Awaited<ReturnType<typeof createSyncServer>>;
let proxy: StallProxy;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fanfare-sync-truth-e2e-'));
  server = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: () => undefined });
  proxy = await startStallProxy(server.port);
  mkdirSync('test-results/screens', { recursive: true });
});

test.afterAll(async () => {
  await proxy?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const header = (page: Page) => page.getByTestId('sync-indicator').first();
const briefText = (page: Page) => page.getByRole('textbox', { name: 'Brief text' });

/** The same invite, to be reached through the proxy. */
function throughProxy(invite: string): string {
  const parsed = parseInvite(invite);
  if (!parsed.ok) throw new Error(parsed.message);
  return encodeInvite({ ...parsed.invite, server: proxy.url });
}

async function newBrief(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Briefs' }).click();
  await page.getByRole('button', { name: 'New brief' }).first().click();
  await page.getByLabel('Brief title').fill(title);
  await page.getByRole('dialog', { name: 'New brief' }).getByText('A blank page').click();
  await page.getByRole('button', { name: 'Create brief' }).click();
}

test('a silent connection reads Offline within 3 s, four edits read 4 changes, and Synced comes back once the server has them', async ({ browser }) => {
  const { invite } = await server.createWorkspace('Heartbeat team');
  const alex = await joinTeam(browser, throughProxy(invite), 'Alex Morgan');
  await expect(header(alex)).toHaveText('Synced');
  await alex.getByRole('banner').screenshot({ path: 'test-results/screens/sync-header-synced.png' });

  proxy.stall();
  const cut = Date.now();
  await expect(header(alex)).toHaveText(/^Offline/, { timeout: 3_500 });
  const seconds = (Date.now() - cut) / 1000;
  console.log(`header said Offline ${seconds.toFixed(2)} s after the link went silent`);
  expect(seconds).toBeLessThan(3.5);

  for (const name of ['Maya Johnson', 'Zoë Łukasiewicz', 'Алёна Шевченко', 'Nguyễn Thị Hương']) await addCreator(alex, name);
  await expect(header(alex)).toHaveText('Offline · 4 changes not sent yet');
  await alex.getByRole('banner').screenshot({ path: 'test-results/screens/sync-header-offline-4-changes.png' });

  proxy.resume();
  await expect(header(alex)).toHaveText('Synced');
  // Synced means the server has all four: a teammate who joins now gets them.
  const sam = await joinTeam(browser, invite, 'Sam Lee');
  await sam.getByRole('link', { name: 'Creators' }).click();
  await expect(sam.getByText('4 creators in this workspace')).toBeVisible();
});

test('a brief whose own room is cut off says it is not sent, and the header does not say Synced', async ({ browser }) => {
  // Two laptops, a cut and a mend: a connection that opens but never speaks is retried after 10 s.
  test.setTimeout(120_000);
  const { invite } = await server.createWorkspace('Blocked brief team');
  const alex = await ownWorkspace(browser, 'Blocked brief team');
  await setMyName(alex, 'Alex Morgan');
  await connectTeam(alex, invite);

  // Only rich-text rooms (<workspace>/<document>) go through this route; the workspace room is untouched.
  let blocked = false;
  await alex.routeWebSocket((url) => url.pathname.split('/').filter(Boolean).length === 2, (socket) => {
    if (blocked) return; // Opens, then never a word: the room is unreachable.
    const room = socket.connectToServer();
    socket.onMessage((message) => { if (!blocked) room.send(message); });
    room.onMessage((message) => { if (!blocked) socket.send(message); });
  });

  await newBrief(alex, 'Spring launch – TikTok');
  await briefText(alex).click();
  await alex.keyboard.type('Goal: show the serum in a morning routine.');
  await expect(alex.getByTestId('text-save-state')).toHaveText('Saved on this computer');
  await expect(alex.getByTestId('text-team-state')).toHaveText('Sent to the team');
  await expect(header(alex)).toHaveText('Synced');
  await alex.getByTestId('text-save-state').locator('xpath=../..').screenshot({ path: 'test-results/screens/brief-sent-to-team.png' });

  const sam = await joinTeam(browser, invite, 'Sam Lee');
  await sam.getByRole('link', { name: 'Briefs' }).click();
  await sam.getByTestId('brief-card').filter({ hasText: 'Spring launch – TikTok' }).click();
  await expect(briefText(sam)).toContainText('Goal: show the serum in a morning routine.');

  blocked = true;
  await briefText(alex).click();
  await alex.keyboard.press('Control+End');
  await alex.keyboard.type(' Dates: 3 to 10 March.');
  await expect(alex.getByTestId('text-save-state')).toHaveText('Saved on this computer');
  await expect(alex.getByTestId('text-team-state')).toHaveText('Not sent to the team yet · offline');
  await expect(header(alex)).toHaveText('Waiting for the team server · 1 change not sent yet');
  await expect(briefText(sam)).not.toContainText('Dates: 3 to 10 March.');
  await alex.getByRole('banner').screenshot({ path: 'test-results/screens/sync-header-brief-blocked.png' });
  await alex.getByTestId('text-save-state').locator('xpath=../..').screenshot({ path: 'test-results/screens/brief-not-sent.png' });

  // The room is reachable again: the text goes out without a reload, and only then does the header say Synced.
  blocked = false;
  await expect(alex.getByTestId('text-team-state')).toHaveText('Sent to the team');
  await expect(header(alex)).toHaveText('Synced');
  await expect(briefText(sam)).toContainText('Dates: 3 to 10 March.');
});

test('the same field changed on two laptops at the same moment, online: the value not kept is listed, one click from coming back', async ({ browser }) => {
  const { invite } = await server.createWorkspace('Online clash team');
  const alex = await ownWorkspace(browser, 'Online clash team');
  await setMyName(alex, 'Alex Morgan');
  await connectTeam(alex, invite);
  await addCreator(alex, 'Maya Johnson');
  const sam = await joinTeam(browser, invite, 'Sam Lee');
  for (const page of [alex, sam]) {
    await page.getByRole('link', { name: 'Creators' }).click();
    await page.getByTestId('creator-row').filter({ hasText: 'Maya Johnson' }).click();
    const contact = page.getByTestId('contact-card');
    await contact.getByRole('button', { name: 'Edit contact' }).click();
  }

  // Both are editing the phone number while online, and press Save at the same moment.
  const phones = [[alex, '+44 20 7946 0001'], [sam, '+44 20 7946 0002']] as const;
  for (const [page, phone] of phones) await page.getByTestId('contact-card').getByRole('textbox', { name: 'Phone', exact: true }).fill(phone);
  await Promise.all(phones.map(([page]) => page.getByTestId('contact-card').getByRole('button', { name: 'Save' }).click()));

  const kept = await Promise.all([alex, sam].map(async (page) => {
    const history = page.getByTestId('record-history');
    await expect(history).toContainText(`${page === alex ? 'You' : 'Alex Morgan'} changed phone to “+44 20 7946 0001”`);
    await expect(history).toContainText(`${page === sam ? 'You' : 'Sam Lee'} changed phone to “+44 20 7946 0002”`);
    await expect(history.getByText('Kept', { exact: true })).toBeVisible();
    await expect(history.getByText('Changed at the same time · not kept')).toBeVisible();
    await expect(history.getByRole('button', { name: 'Use this instead' })).toBeVisible();
    return (await page.getByTestId('contact-card').textContent())!.includes('+44 20 7946 0001') ? '+44 20 7946 0001' : '+44 20 7946 0002';
  }));
  expect(kept[0]).toBe(kept[1]);
  await alex.getByTestId('record-history').screenshot({ path: 'test-results/screens/online-clash-history.png' });

  await alex.getByRole('button', { name: 'Use this instead' }).click();
  const other = kept[0] === '+44 20 7946 0001' ? '+44 20 7946 0002' : '+44 20 7946 0001';
  for (const page of [alex, sam]) await expect(page.getByTestId('contact-card')).toContainText(other);
});
