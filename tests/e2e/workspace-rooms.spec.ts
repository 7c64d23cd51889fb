import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { CutJobView } from '../../src/shared/media/library-contract';
import { ownWorkspace } from './laptops';

const shots = 'test-results/screens';

async function switchTo(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Switch workspace' }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(new RegExp(name));
}

async function workspaceId(page: Page, name: string): Promise<string> {
  const list = await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('fanfare.workspaces.v1'));
  return (JSON.parse(list ?? '[]') as { id: string; name: string }[]).find((w) => w.name === name)!.id;
}

/** What the page's host client does: the web host's API, with the browser's session cookie and a call id. */
async function cutJobs(page: Page, input: { workspaceId: string; afterVersion?: number; waitMs?: number }): Promise<{ version: number; jobs: CutJobView[] }> {
  const res = await page.request.post('/api/call/cut-jobs-list', { headers: { 'x-fanfare-call-id': 'e2e' }, data: input, timeout: 30_000 });
  return ((await res.json()) as { value: { version: number; jobs: CutJobView[] } }).value;
}

test('a cut started in one workspace stays there when the person switches away mid-cut, and is filed there once', async ({ browser }) => {
  test.setTimeout(420_000);
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-rooms-e2e-'));
  // Long enough that two full-HD outputs are still being encoded when the person switches.
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=15',
    '-f', 'lavfi', '-i', 'sine=frequency=440:duration=15', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', join(dir, 'launch film.mp4')]);

  const page = await ownWorkspace(browser, 'Acme Outdoors');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Acme Outdoors/);
  await page.getByRole('button', { name: 'Switch workspace' }).click();
  await page.getByRole('menuitem', { name: 'New workspace…' }).click();
  await page.getByLabel('Workspace name').fill('Northwind Team');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Northwind Team/);
  const a = await workspaceId(page, 'Acme Outdoors');
  const b = await workspaceId(page, 'Northwind Team');

  // In A: add the film and cut it for two channels.
  await switchTo(page, 'Acme Outdoors');
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByTestId('library-file-input').setInputFiles([join(dir, 'launch film.mp4')]);
  await expect(page.getByTestId('asset-card')).toHaveCount(1);
  await page.getByTestId('asset-card').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cut for channels' }).click();
  const modal = page.getByRole('dialog', { name: /Cut “/ });
  await modal.getByRole('checkbox', { name: /Instagram Reels/ }).check();
  await modal.getByRole('checkbox', { name: /Square 1:1/ }).check();
  await modal.getByRole('button', { name: 'Cut 2 versions' }).click();
  await expect(modal).toBeHidden();
  const job = page.getByTestId('cut-job');
  await expect(job).toHaveCount(1);
  await expect(job.getByText('Cutting')).toBeVisible();
  await page.getByTestId('cut-jobs').screenshot({ path: `${shots}/cut-queue-panel.png` });

  // Switch to B while it runs: B's library and B's queue know nothing of it.
  await switchTo(page, 'Northwind Team');
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByText('Bring in the content creators made for you')).toBeVisible();
  await expect(page.getByTestId('cut-job')).toHaveCount(0);
  expect((await cutJobs(page, { workspaceId: b })).jobs).toEqual([]);
  const running = await cutJobs(page, { workspaceId: a });
  expect(running.jobs.map((j) => [j.workspaceId, j.status])).toEqual([[a, expect.stringMatching(/^(queued|running)$/)]]);

  // Let it finish while B is open (waiting on A's queue, as the page would), then look at B again.
  let done = running;
  while (done.jobs[0].status === 'queued' || done.jobs[0].status === 'running') done = await cutJobs(page, { workspaceId: a, afterVersion: done.version, waitMs: 20_000 });
  expect(done.jobs[0].status).toBe('done');
  expect(done.jobs[0].outputs.map((o) => o.status)).toEqual(['done', 'done']);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Northwind Team/);
  await expect(page.getByText('Bring in the content creators made for you')).toBeVisible();
  await expect(page.getByTestId('cut-job')).toHaveCount(0);
  await expect(page.getByTestId('asset-card')).toHaveCount(0);

  // Back in A: the job is in A's queue and both cuts are filed, once, as cuts of the film.
  await switchTo(page, 'Acme Outdoors');
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByTestId('cut-job')).toContainText('Ready');
  await expect(page.getByText('3 of 3 files')).toBeVisible();
  await page.getByRole('combobox', { name: 'Originals or cuts' }).click();
  await page.getByRole('option', { name: 'Channel cuts' }).click();
  await expect(page.getByTestId('asset-card')).toHaveCount(2);
  await expect(page.getByTestId('asset-card').filter({ hasText: '1080×1920' })).toHaveCount(1);
  await expect(page.getByTestId('asset-card').filter({ hasText: '1080×1080' })).toHaveCount(1);
  await page.screenshot({ path: `${shots}/workspace-rooms-filed.png` });
  // A reload files nothing twice.
  await page.reload();
  await expect(page.getByTestId('cut-job')).toContainText('Ready');
  await expect(page.getByText('3 of 3 files')).toBeVisible();

  // And B still has nothing of it.
  await switchTo(page, 'Northwind Team');
  await expect(page.getByText('Bring in the content creators made for you')).toBeVisible();
  await expect(page.getByTestId('cut-job')).toHaveCount(0);
});
