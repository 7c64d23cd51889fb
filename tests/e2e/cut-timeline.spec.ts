import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ownWorkspace } from './laptops';

test('the cut timeline says it is reading frames and shows them as they arrive, never a blank grey bar', async ({ browser }) => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-timeline-e2e-'));
  // Forty seconds with a single keyframe: every frame on the timeline has to be decoded from the start, as with many phone videos.
  const video = join(dir, 'long take.mp4');
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=854x480:rate=30:duration=40',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '1200', '-keyint_min', '1200', '-sc_threshold', '0', '-pix_fmt', 'yuv420p', video]);

  const page = await ownWorkspace(browser, 'Timeline check');
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByTestId('library-file-input').setInputFiles([video]);
  await expect(page.getByTestId('import-progress')).toContainText('1 file added');
  await page.getByTestId('asset-card').filter({ hasText: 'long take.mp4' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cut for channels' }).click();
  const modal = page.getByRole('dialog', { name: /Cut “/ });

  const loading = modal.getByTestId('timeline-loading');
  await expect(loading).toBeVisible();
  await page.screenshot({ path: '/tmp/h/cut-timeline-loading.png' });
  // The markers work while frames are read.
  await expect(modal.getByRole('slider', { name: 'End of the cut' })).toBeEnabled();
  await expect(modal.getByTestId('timeline-frames').getByRole('img')).toHaveCount(10, { timeout: 60_000 });
  await expect(loading).toBeHidden();
  await page.screenshot({ path: '/tmp/h/cut-timeline-done.png' });
});
