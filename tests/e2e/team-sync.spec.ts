import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createSyncServer } from '../../sync-server/server';
import { addCreator, joinTeam, ownWorkspace } from './laptops';

// A real sync server on 127.0.0.1, two browser profiles (two teammates' laptops).
let server: Awaited<ReturnType<typeof createSyncServer>>;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fanfare-sync-e2e-'));
  server = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: () => undefined });
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('two teammates share a workspace through the team server', async ({ browser }) => {
  const { invite } = await server.createWorkspace('Acme team');

  const alex = await ownWorkspace(browser, 'Acme team');
  await addCreator(alex, 'Zoë Łukasiewicz');

  // A wrong invite says so plainly and leaves the work alone.
  await alex.getByRole('link', { name: 'Settings' }).click();
  await alex.getByLabel('Invite').fill('hello');
  await alex.getByRole('button', { name: 'Connect to the team server' }).click();
  await expect(alex.getByText('This is not a Fanfare invite.')).toBeVisible();
  await alex.getByLabel('Invite').fill(invite);
  await alex.getByRole('button', { name: 'Connect to the team server' }).click();
  await expect(alex.getByTestId('sync-indicator').first()).toHaveText(/Synced/);

  const sam = await joinTeam(browser, invite);
  await expect(sam.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Acme team/);
  await sam.getByRole('link', { name: 'Creators' }).click();
  await expect(sam.getByTestId('creator-row')).toContainText('Zoë Łukasiewicz');

  // And back: Sam's creator appears on Alex's screen without a reload.
  await addCreator(sam, 'Алёна Шевченко');
  await alex.getByRole('link', { name: 'Creators' }).click();
  await expect(alex.getByText('2 creators in this workspace')).toBeVisible();
  await expect(alex.getByTestId('creator-row').filter({ hasText: 'Алёна Шевченко' })).toBeVisible();
});

test('work done while the server is down survives a reload and reaches the team; a revoked invite is said plainly', async ({ browser }) => {
  const { invite, token } = await server.createWorkspace('Field team');
  const port = server.port;

  const alex = await joinTeam(browser, invite);
  await expect(alex.getByTestId('sync-indicator')).toHaveText(/Synced/);

  await server.close();
  await expect(alex.getByTestId('sync-indicator')).toHaveText(/Offline/);
  await addCreator(alex, 'Nguyễn Thị Hương');
  await expect(alex.getByTestId('sync-indicator')).toHaveText(/Offline · \d+ changes? not sent yet/);

  await alex.reload();
  await alex.getByRole('link', { name: 'Creators' }).click();
  await expect(alex.getByTestId('creator-row')).toContainText('Nguyễn Thị Hương');

  server = await createSyncServer({ host: '127.0.0.1', port, dataDir, log: () => undefined });
  await expect(alex.getByTestId('sync-indicator')).toHaveText(/Synced/, { timeout: 40_000 });

  const sam = await joinTeam(browser, invite);
  await sam.getByRole('link', { name: 'Creators' }).click();
  await expect(sam.getByTestId('creator-row')).toContainText('Nguyễn Thị Hương');

  // Revoking the invite disconnects at once and says why; the local copy stays.
  await server.revoke(token);
  await expect(alex.getByTestId('sync-indicator')).toHaveText(/Invite not accepted/);
  await expect(alex.getByTestId('creator-row')).toContainText('Nguyễn Thị Hương');
});

test('a laptop hosts sync itself: no server to install, invites handed out from Settings', async ({ browser }) => {
  const alex = await ownWorkspace(browser, 'Studio Ψ');
  await addCreator(alex, 'Ψυχή Παπαδοπούλου');

  await alex.getByRole('link', { name: 'Settings' }).click();
  const panel = alex.getByTestId('host-sync');
  await panel.getByText('This computer only').click();
  await panel.getByLabel('Port').fill(String(21_000 + Math.floor(Math.random() * 20_000)));
  await panel.getByRole('button', { name: 'Start hosting' }).click();
  await expect(alex.getByTestId('sync-indicator').first()).toHaveText(/Synced/);
  await expect(panel.getByText('This computer hosts sync for your team')).toBeVisible();
  const invite = (await panel.getByTestId('hosted-invite').textContent())!.trim();

  const sam = await joinTeam(browser, invite);
  await expect(sam.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Studio Ψ/);
  await sam.getByRole('link', { name: 'Creators' }).click();
  await expect(sam.getByTestId('creator-row')).toContainText('Ψυχή Παπαδοπούλου');

});

test('the same creator added on two laptops offline is flagged, not doubled silently, and merges into one', async ({ browser }) => {
  // Two laptops, each opening the Sample brand before joining, then offline edits and a merge: more than the default minute.
  test.setTimeout(150_000);
  const { invite } = await server.createWorkspace('Twin team');
  const alex = await joinTeam(browser, invite);
  await expect(alex.getByTestId('sync-indicator').first()).toHaveText(/Synced/);
  const sam = await joinTeam(browser, invite);
  await expect(sam.getByTestId('sync-indicator').first()).toHaveText(/Synced/);

  for (const [page, name, email] of [[alex, 'Zoë Łukasiewicz', 'zoe@example.com'], [sam, 'Zoe L.', 'zoe.l@agency.pl']] as const) {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Pause sync' }).click();
    await page.getByRole('link', { name: 'Creators' }).click();
    await page.getByRole('button', { name: /Add (your first )?creator/ }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a creator' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Main platform').click();
    await page.getByRole('option', { name: 'TikTok' }).click();
    await dialog.getByLabel('Handle').fill(page === alex ? '@zoe.runs' : 'https://www.tiktok.com/@Zoe.Runs');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByRole('button', { name: 'Add creator' }).click();
    await expect(dialog).toBeHidden();
  }
  for (const page of [alex, sam]) {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Resume sync' }).click();
    await expect(page.getByTestId('sync-indicator').first()).toHaveText(/Synced/);
  }

  await alex.getByRole('link', { name: 'Creators' }).click();
  await expect(alex.getByText('2 creators in this workspace')).toBeVisible();
  await expect(alex.getByTestId('duplicates-banner')).toContainText('One creator may be in your list twice');
  await alex.getByTestId('duplicates-banner').getByRole('button', { name: 'Review' }).click();
  await expect(alex.getByText('Same TikTok handle: @zoe.runs')).toBeVisible();
  await expect(alex.getByTestId('duplicate-candidate')).toHaveCount(2);
  await alex.getByRole('radio', { name: 'Keep Zoë Łukasiewicz' }).check();
  const preview = alex.getByTestId('merge-preview');
  await expect(preview.getByRole('row', { name: /name/ }).first()).toContainText('kept in history');
  await expect(preview.getByRole('row', { name: /emails/ })).toContainText('zoe@example.com, zoe.l@agency.pl');
  await alex.screenshot({ path: 'test-results/screens/duplicates-review.png' });
  await alex.getByRole('button', { name: 'Merge into Zoë Łukasiewicz' }).click();

  for (const page of [alex, sam]) {
    await page.getByRole('link', { name: 'Creators' }).click();
    await expect(page.getByText('1 creator in this workspace')).toBeVisible();
    await expect(page.getByTestId('duplicates-banner')).toBeHidden();
  }
  await alex.getByTestId('creator-row').first().click();
  await expect(alex.getByTestId('contact-card')).toContainText('zoe@example.comprimary');
  await expect(alex.getByTestId('contact-card')).toContainText('zoe.l@agency.pl');
  await expect(alex.getByTestId('record-history')).toContainText('merged in a duplicate (Zoe L.) whose name was “Zoe L.”: not kept');
  await alex.screenshot({ path: 'test-results/screens/merged-creator.png', fullPage: true });
});
