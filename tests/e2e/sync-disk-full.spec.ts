import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createSyncServer } from '../../sync-server/server';
import { mountSmallDisk, type SmallDisk } from '../support/small-disk';
import { addCreator, joinTeam } from './laptops';

// The team server's disk fills up (a real tmpfs) while a teammate works: the app
// says so in words, keeps the work, and is back in sync by itself once there is space.
let server: Awaited<ReturnType<typeof createSyncServer>>;
let disk: SmallDisk;

test.beforeAll(async () => {
  disk = mountSmallDisk(8 * 1024 * 1024);
  server = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir: join(disk.dir, 'data'), storageRetry: { firstMs: 100, maxMs: 1_000 }, log: () => undefined });
});

test.afterAll(async () => {
  await server?.close();
  disk?.unmount();
});

test('a full disk on the team server is said plainly, the work is kept, and sync resumes by itself', async ({ browser }) => {
  const { invite } = server.createWorkspace('Full disk team');
  const alex = await joinTeam(browser, invite);
  await expect(alex.getByTestId('sync-indicator').first()).toHaveText(/Synced/);

  disk.fill(0);
  await addCreator(alex, 'Zoë Łukasiewicz');
  const indicator = alex.getByTestId('sync-indicator').first();
  await expect(indicator).toHaveText(/Waiting for the team server/);
  await addCreator(alex, 'Nguyễn Thị Hương');
  await expect(indicator).toHaveText(/Waiting for the team server · \d+ changes? not sent yet/);
  await indicator.hover();
  await expect(alex.getByRole('tooltip')).toHaveText('The team server cannot save right now; your changes are kept on this laptop and will be sent when it can.');
  await alex.screenshot({ path: 'test-results/sync-disk-full-header.png' });

  await alex.getByRole('link', { name: 'Settings' }).click();
  await expect(alex.getByTestId('sync-notice')).toHaveText(/cannot save right now; your changes are kept on this laptop.*Fanfare keeps trying by itself/);
  await alex.getByTestId('sync-notice').scrollIntoViewIfNeeded();
  await alex.screenshot({ path: 'test-results/sync-disk-full-settings.png' });

  disk.release();
  await expect(indicator).toHaveText(/Synced/, { timeout: 45_000 });
  await expect(alex.getByTestId('sync-notice')).toBeHidden();

  const sam = await joinTeam(browser, invite);
  await sam.getByRole('link', { name: 'Creators' }).click();
  await expect(sam.getByTestId('creator-row').filter({ hasText: 'Zoë Łukasiewicz' })).toBeVisible();
  await expect(sam.getByTestId('creator-row').filter({ hasText: 'Nguyễn Thị Hương' })).toBeVisible();
});
