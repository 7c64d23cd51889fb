import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { ownWorkspace } from './laptops';

const shots = 'test-results/screens';
const videoName = 'Zoë "summer" 夏 clip.mp4';

test('a marketer imports a video, cuts it to two channels, follows the progress and finds the cuts in the library', async ({ browser }) => {
  test.setTimeout(240_000);
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-library-e2e-'));
  // Small and generated here: 5 s of a test pattern with a tone, landscape.
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=480x270:rate=25:duration=5',
    '-f', 'lavfi', '-i', 'sine=frequency=330:duration=5', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', join(dir, videoName)]);
  await sharp({ create: { width: 300, height: 400, channels: 3, background: '#e8590c' } }).jpeg().toFile(join(dir, 'portrait photo.jpg'));
  writeFileSync(join(dir, 'brief.txt'), 'Not a video.');

  const page = await ownWorkspace(browser, 'Acme Outdoors');
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByText('Bring in the content creators made for you')).toBeVisible();
  await page.screenshot({ path: `${shots}/library-empty.png` });

  // Import through the file dialog: two media files and one that is not.
  await page.getByTestId('library-file-input').setInputFiles([join(dir, videoName), join(dir, 'portrait photo.jpg'), join(dir, 'brief.txt')]);
  await expect(page.getByTestId('import-progress')).toContainText('2 files added, 1 skipped');
  await expect(page.getByTestId('import-progress')).toContainText('brief.txt: Not a photo or video');
  await expect(page.getByTestId('asset-card')).toHaveCount(2);
  await expect(page.getByTestId('asset-card').filter({ hasText: videoName })).toContainText('480×270');

  // The same file again is recognised, not added twice.
  await page.getByTestId('library-file-input').setInputFiles([join(dir, videoName)]);
  await expect(page.getByTestId('import-progress')).toContainText('0 files added, 1 already in the library');
  await expect(page.getByTestId('asset-card')).toHaveCount(2);

  // Filters: photos only, then portrait only.
  await page.getByText('Photos', { exact: true }).click();
  await expect(page.getByTestId('asset-card')).toHaveCount(1);
  await page.getByText('All', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Search the library' }).fill('summer');
  await expect(page.getByTestId('asset-card')).toHaveCount(1);
  await page.screenshot({ path: `${shots}/library-grid.png` });
  await page.getByRole('textbox', { name: 'Search the library' }).fill('');

  // Open the video: details and the preview player.
  await page.getByTestId('asset-card').filter({ hasText: videoName }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('h264 + aac')).toBeVisible();
  await expect(drawer.getByTestId('preview-player')).toBeVisible();
  await page.screenshot({ path: `${shots}/library-preview.png` });

  // Cut it for Instagram Reels (crop) and Square (fit with blurred fill), trimmed by the timeline.
  await drawer.getByRole('button', { name: 'Cut for channels' }).click();
  const modal = page.getByRole('dialog', { name: /Cut “/ });
  await expect(modal.getByTestId('timeline-frames').getByRole('img')).toHaveCount(10);
  await modal.getByRole('slider', { name: 'End of the cut' }).focus();
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowLeft');
  await expect(modal.getByText('Cut length 4.0 s')).toBeVisible();
  await modal.getByRole('checkbox', { name: /Instagram Reels/ }).check();
  await modal.getByRole('checkbox', { name: /Square 1:1/ }).check();
  await modal.getByText('Fit, blurred fill').last().click();
  await modal.getByTestId('focus-picker').click({ position: { x: 60, y: 100 } });
  await page.screenshot({ path: `${shots}/library-cut.png` });
  await modal.getByRole('button', { name: 'Cut 2 versions' }).click();
  await expect(modal).toBeHidden();

  // Progress, in the queue the main process keeps: a reload does not lose it.
  const job = page.getByTestId('cut-job').first();
  await expect(job).toBeVisible();
  await expect(job.getByRole('progressbar').or(job.getByText('Ready'))).toBeVisible();
  await page.screenshot({ path: `${shots}/library-progress.png` });
  await page.reload();
  await expect(page.getByTestId('cut-job').first()).toBeVisible();
  // A figure for the report, not an assertion: the longest UI-thread task while the job runs.
  await page.evaluate(() => {
    // Runs in the page; typed loosely because this file is checked without the DOM's types.
    type Observer = new (callback: (list: { getEntries(): { duration: number }[] }) => void) => { observe(options: { type: string }): void };
    const scope = globalThis as unknown as { longestTaskMs: number; PerformanceObserver: Observer };
    scope.longestTaskMs = 0;
    new scope.PerformanceObserver((list) => {
      for (const e of list.getEntries()) scope.longestTaskMs = Math.max(scope.longestTaskMs, e.duration);
    }).observe({ type: 'longtask' });
  });
  await expect(page.getByTestId('cut-job').first()).toContainText('Ready', { timeout: 180_000 });
  console.log(`longest UI-thread task while the cut ran: ${Math.round(await page.evaluate(() => (globalThis as unknown as { longestTaskMs: number }).longestTaskMs))} ms`);

  // Both checked cuts are now in the library, as cuts of the original.
  await page.getByRole('combobox', { name: 'Originals or cuts' }).click();
  await page.getByRole('option', { name: 'Channel cuts' }).click();
  await expect(page.getByTestId('asset-card')).toHaveCount(2);
  await expect(page.getByTestId('asset-card').filter({ hasText: '1080×1920' })).toContainText('instagram-reels');
  await expect(page.getByTestId('asset-card').filter({ hasText: '1080×1080' })).toHaveCount(1);
  await page.getByRole('button', { name: 'List' }).click();
  await expect(page.getByTestId('asset-table')).toContainText('h264 + aac');
  await page.screenshot({ path: `${shots}/library-cuts.png`, fullPage: true });

  // The team adds its own format; a bad size is refused with the reason.
  await page.getByRole('button', { name: 'Channel formats' }).click();
  const formats = page.getByRole('dialog', { name: 'Channel formats' });
  await expect(formats.getByRole('link', { name: /TikTok in-feed video/ }).first()).toHaveAttribute('href', 'https://ads.tiktok.com/help/article/video-ads-specifications');
  await formats.getByRole('textbox', { name: 'Name' }).fill('Pinterest 2:3');
  await formats.getByRole('textbox', { name: 'Width (px)' }).fill('1001');
  await formats.getByRole('textbox', { name: 'Height (px)' }).fill('1500');
  await formats.getByRole('button', { name: 'Add format' }).click();
  await expect(formats.getByText('Use an even number of pixels (H.264 needs it)')).toBeVisible();
  await formats.getByRole('textbox', { name: 'Width (px)' }).fill('1000');
  await formats.getByRole('button', { name: 'Add format' }).click();
  await expect(formats.getByRole('cell', { name: '1000×1500 (2:3)' })).toBeVisible();
  await page.screenshot({ path: `${shots}/library-formats.png` });
  await page.keyboard.press('Escape');
  await expect(formats).toBeHidden();

  // The paid cut, made differently (fit with a blurred fill), so it is other bytes than the organic Reels cut.
  await page.getByRole('combobox', { name: 'Originals or cuts' }).click();
  await page.getByRole('option', { name: 'Originals', exact: true }).click();
  await page.getByTestId('asset-table').getByText(videoName).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cut for channels' }).click();
  const paidModal = page.getByRole('dialog', { name: /Cut “/ });
  await paidModal.getByRole('checkbox', { name: /Reels ad \(paid\)/ }).check();
  await paidModal.getByText('Fit, blurred fill').click();
  await paidModal.getByRole('checkbox', { name: 'I have checked with the creator; cut it anyway' }).check();
  await paidModal.getByRole('button', { name: 'Cut 1 version' }).click();
  await expect(paidModal).toBeHidden();
  await expect(page.getByTestId('cut-job')).toHaveCount(2);
  for (const j of await page.getByTestId('cut-job').all()) await expect(j).toContainText('Ready', { timeout: 180_000 });

  // Originals and all their cuts selected, three formats: each file × format once, the paid cut under its own name.
  await page.getByRole('combobox', { name: 'Originals or cuts' }).click();
  await page.getByRole('option', { name: 'Originals and cuts' }).click();
  await expect(page.getByText('5 of 5 files')).toBeVisible();
  await page.getByRole('button', { name: 'Select all shown' }).click();
  await page.getByRole('button', { name: 'Export pack (5)' }).click();
  const pack = page.getByRole('dialog', { name: /Export a pack/ });
  await pack.getByRole('checkbox', { name: /Instagram Reels/ }).check();
  await pack.getByRole('checkbox', { name: /Reels ad \(paid\)/ }).check();
  await pack.getByRole('checkbox', { name: /Square 1:1/ }).check();
  await expect(pack.getByText('Not cut yet, so not in the pack')).toBeVisible();
  await pack.getByRole('checkbox', { name: 'I have checked with the creators; export anyway' }).check();
  await pack.getByRole('textbox', { name: 'Pack name' }).fill('Summer pack');
  await expect(pack.getByTestId('pack-summary')).toHaveText('In the pack: 2 as they are, 2 for organic posts, 1 for paid ads. Each file and format appears once.');
  await pack.screenshot({ path: `${shots}/library-export-pack.png` });
  const [download] = await Promise.all([page.waitForEvent('download'), pack.getByRole('button', { name: 'Download 5 files as a zip' }).click()]);
  const zip = join(dir, 'pack.zip');
  await download.saveAs(zip);
  const read = (name: string) => execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', zip, name], { maxBuffer: 256 * 1024 * 1024 });
  const names = JSON.parse(execFileSync('python3', ['-c', 'import json,sys,zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))', zip], { encoding: 'utf8' })) as string[];
  expect(names.slice().sort()).toEqual([
    'no-campaign_no-creator_Feed-square_1x1.mp4',
    'no-campaign_no-creator_Instagram-Reels_9x16.mp4',
    'no-campaign_no-creator_Meta-Reels-ads_9x16_paid.mp4',
    'no-campaign_no-creator_original_16x9.mp4',
    'no-campaign_no-creator_original_3x4.jpg',
  ]);
  expect(read('no-campaign_no-creator_original_16x9.mp4').equals(readFileSync(join(dir, videoName)))).toBe(true);
  expect(read('no-campaign_no-creator_Meta-Reels-ads_9x16_paid.mp4').equals(read('no-campaign_no-creator_Instagram-Reels_9x16.mp4'))).toBe(false);
});
