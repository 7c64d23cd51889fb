import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** Issue 23 item 2: whitelisting and Spark Ads, recorded once and shown wherever the post is. */

const CODE = '#SparkAuth-7Hq2ZxLm9Pw4Ks8Rt1Vb6Nd3Yc5Wj0GQ4e';
const dayIso = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('a Spark code recorded for a post: masked, copied on click, reminded before it ends, on the profile, the post and the Library; the guide fills in from it', async ({ page, context }) => {
  test.setTimeout(150_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-ad-access-'));
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=360x640', '-frames:v', '1', join(dir, 'spark-post.jpg')]);

  await page.goto('/#/library');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await page.getByTestId('library-file-input').setInputFiles([join(dir, 'spark-post.jpg')]);
  await expect(page.getByText('spark-post.jpg').first()).toBeVisible({ timeout: 30_000 });

  // A TikTok post with that file as its screenshot.
  await page.goto('/#/posts');
  await page.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await page.getByRole('button', { name: 'Log a post' }).click();
  const log = page.getByRole('dialog', { name: 'Log a live post' });
  await log.getByRole('textbox', { name: 'Link to the post' }).fill('https://www.tiktok.com/@sparkrunner/video/7400000000000000042');
  await log.getByRole('combobox', { name: 'Creator' }).click();
  const option = page.getByRole('option').first();
  const creator = (await option.innerText()).trim();
  await option.click();
  await log.getByRole('combobox', { name: 'Screenshots from the library' }).click();
  await page.getByRole('option', { name: 'spark-post.jpg' }).click();
  // A multi-select stays open for more picks; Escape closes it.
  await page.keyboard.press('Escape');
  await log.getByRole('button', { name: 'Log post' }).click();
  await expect(log).toBeHidden();

  await page.getByTestId('post-row').filter({ hasText: creator }).filter({ hasText: /TikTok/ }).first().click();
  const panel = page.getByTestId('post-panel');
  await expect(panel.getByTestId('ad-access-section')).toContainText('None recorded');
  await panel.getByRole('button', { name: 'Record ad access' }).click();
  const form = page.getByRole('dialog', { name: 'Record ad access' });
  // The post is on TikTok, so the form starts on Spark Ads.
  await expect(form.getByRole('combobox', { name: 'Platform' })).toHaveValue('TikTok Spark Ads');
  await form.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Granted (code received)' }).click();
  // Granted without the code is refused, with what to do.
  await form.getByRole('button', { name: 'Record ad access' }).click();
  await expect(form.getByText('Paste the Spark Ads code the creator sent: Spark Ads cannot run without it.')).toBeVisible();
  await expect(form.getByText('Spark Ads codes run out: enter the last day the code works')).toBeVisible();
  await form.getByLabel('Spark Ads code').fill(CODE);
  await form.getByLabel('Access starts').fill(dayIso(-54));
  await form.getByLabel('Last day of access').fill(dayIso(5));
  await form.getByRole('textbox', { name: 'Ad account' }).fill('Glow Ads EU');
  await page.screenshot({ path: '/tmp/h/ad-access-form.png' });
  await form.getByRole('button', { name: 'Record ad access' }).click();
  await expect(form).toBeHidden();

  // On the post: the code masked, never in full; a click copies all of it.
  const line = panel.getByTestId('ad-access-line');
  await expect(line).toContainText('TikTok Spark Ads');
  await expect(line.getByTestId('ad-access-status')).toHaveText('Granted · 6 days left');
  await expect(line.getByTestId('ad-code')).toHaveText('••••GQ4e');
  await expect(page.getByText(CODE)).toHaveCount(0);
  await expect(line).toContainText('ad account Glow Ads EU');
  await line.getByTestId('ad-code').click();
  await expect(page.getByText('The Spark Ads code is copied: paste it into the ads manager.')).toBeVisible();
  // A string, so the test's TypeScript (no DOM types) need not know navigator.
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(CODE);
  await panel.screenshot({ path: '/tmp/h/ad-access-post.png' });
  await page.keyboard.press('Escape');

  // The reminder: six days left reaches the 7-day threshold.
  await page.goto('/#/rights/ad-access');
  const tasks = page.getByTestId('renewal-tasks');
  await expect(tasks).toContainText(`${creator}: Ad access ends: TikTok Spark Ads, 6 days left`);
  await expect(tasks).toContainText('(code ••••GQ4e) in Glow Ads EU');
  await expect(tasks).not.toContainText(CODE);
  // The ledger opens on ad access only, with the code masked.
  const row = page.getByTestId('rights-row').filter({ hasText: creator });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('ledger-ad-access')).toContainText('TikTok Spark Ads');
  await expect(row.getByTestId('ledger-ad-access').getByTestId('ad-code')).toHaveText('••••GQ4e');
  await page.screenshot({ path: '/tmp/h/ad-access-ledger.png', fullPage: true });

  // The Library: the post's file carries the post's ad access.
  await page.goto('/#/library');
  await page.getByText('spark-post.jpg').first().click();
  const drawer = page.getByRole('dialog', { name: 'spark-post.jpg' });
  await expect(drawer.getByTestId('ad-access-line')).toContainText('Given for the post this file is from');
  await expect(drawer.getByTestId('ad-code')).toHaveText('••••GQ4e');
  await page.screenshot({ path: '/tmp/h/ad-access-library.png' });
  await page.keyboard.press('Escape');

  // The creator's profile.
  await page.goto('/#/creators');
  // 400 creators in a windowed list: find this one by name, as a person would.
  await page.getByRole('textbox', { name: 'Search creators' }).fill(creator);
  await page.getByTestId('creator-row').filter({ hasText: creator }).first().click();
  const card = page.getByTestId('ad-access-card');
  await expect(card.getByTestId('ad-access-line')).toContainText('TikTok post');
  await expect(card.getByTestId('ad-code')).toHaveText('••••GQ4e');
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: '/tmp/h/ad-access-profile.png' });

  // The guide: filled in from what is recorded, read back from the saved PDF.
  await page.goto('/#/contracts');
  await page.getByRole('button', { name: 'Plans, guides and forms' }).click();
  const docs = page.getByRole('dialog', { name: 'Plans, guides and forms' });
  await docs.getByText('Ad access guide').click();
  await docs.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await docs.getByRole('combobox', { name: 'Creator' }).click();
  await page.getByRole('option', { name: creator, exact: true }).click();
  await expect(docs.getByTestId('guide-recorded')).toContainText('TikTok Spark Ads');
  await expect(docs.getByRole('checkbox', { name: /Meta partnership ads/ })).not.toBeChecked();
  await expect(docs.getByRole('textbox', { name: 'Spark code lasts (days)' })).toHaveValue('60');
  await expect(docs.getByRole('textbox', { name: 'Ad account' })).toHaveValue('Glow Ads EU');
  await docs.getByRole('textbox', { name: 'Brand on TikTok' }).fill('@sampleglow');
  // Kept as a team template, and started from again.
  await docs.getByRole('button', { name: 'Save as team template' }).click();
  const naming = page.getByRole('dialog', { name: 'Save the guide settings as a team template' });
  await naming.getByRole('textbox', { name: 'Template name' }).fill('Spark Ads, EU account');
  await naming.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByText('Template “Spark Ads, EU account” saved for the team')).toBeVisible();
  await docs.getByRole('textbox', { name: 'Brand on TikTok' }).fill('');
  await docs.getByRole('combobox', { name: 'Start from a team template' }).click();
  await page.getByRole('option', { name: 'Spark Ads, EU account' }).click();
  await expect(docs.getByRole('textbox', { name: 'Brand on TikTok' })).toHaveValue('@sampleglow');
  await page.screenshot({ path: '/tmp/h/ad-access-guide-form.png' });
  await docs.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: 'Preview · Ad access guide' });
  await expect(preview.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save PDF' }).click();
  const text = execFileSync('pdftotext', [await (await downloading).path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const until = new Date(`${dayIso(5)}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  for (const value of [creator, '@sampleglow', 'TikTok Spark Ads', '60 days', 'Glow Ads EU', until]) expect(text).toContain(value);
  expect(text).not.toContain('Meta partnership ads (Instagram and Facebook)');
});
