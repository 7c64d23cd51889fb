import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ownWorkspace } from './laptops';

const shots = '/tmp/h';

test('a damaged video is flagged with the reason when it is added, and a cancelled cut says Cancelled', async ({ browser }) => {
  test.setTimeout(240_000);
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-flags-e2e-'));
  // Long enough that the cut is still running when it is cancelled.
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30:duration=20',
    '-f', 'lavfi', '-i', 'sine=frequency=330:duration=20', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', join(dir, 'launch teaser.mp4')]);
  const whole = readFileSync(join(dir, 'launch teaser.mp4'));
  // Cut off while copying: the index at the end never arrived.
  writeFileSync(join(dir, 'unboxing (cut off).mp4'), whole.subarray(0, Math.floor(whole.length / 2)));
  writeFileSync(join(dir, 'brief renamed.mp4'), 'This is the campaign brief, not a video.\n'.repeat(20));

  const page = await ownWorkspace(browser, 'Acme Outdoors');
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByTestId('library-file-input').setInputFiles([join(dir, 'launch teaser.mp4'), join(dir, 'unboxing (cut off).mp4'), join(dir, 'brief renamed.mp4')]);
  // Each video is probed and its last second decoded at import: give a loaded machine time.
  await expect(page.getByTestId('import-progress')).toContainText('3 files added', { timeout: 60_000 });
  const cutOff = page.getByTestId('asset-card').filter({ hasText: 'unboxing (cut off).mp4' });
  await expect(cutOff.getByTestId('asset-unreadable')).toContainText('Can’t be read: the file is incomplete: its index never arrived');
  await expect(page.getByTestId('asset-card').filter({ hasText: 'brief renamed.mp4' }).getByTestId('asset-unreadable'))
    .toContainText('Can’t be read: its contents are not a video or picture');
  await expect(page.getByTestId('asset-card').filter({ hasText: 'launch teaser.mp4' })).toContainText('1280×720');
  await expect(page.getByText('No details yet')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/library-unreadable.png` });

  // A file that cannot be read says so where it would be cut, and offers no cut that would only fail.
  await cutOff.click();
  await expect(page.getByTestId('asset-unreadable-note')).toContainText('The file is incomplete');
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Cut for channels' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.getByTestId('asset-card').filter({ hasText: 'launch teaser.mp4' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cut for channels' }).click();
  const modal = page.getByRole('dialog', { name: /Cut “/ });
  await modal.getByRole('checkbox', { name: /Landscape 16:9/ }).check();
  await modal.getByRole('checkbox', { name: /Square 1:1/ }).check();
  await modal.getByRole('button', { name: 'Cut 2 versions' }).click();
  await expect(modal).toBeHidden();
  await page.keyboard.press('Escape');
  const job = page.getByTestId('cut-job').first();
  await job.getByRole('button', { name: 'Cancel' }).click();
  await expect(job).toContainText('Cancelled');
  await expect(job.locator('[data-status="Cancelled"]')).toHaveCount(2);
  await expect(job.locator('[data-status="Failed"]')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/library-cancelled.png` });
});
