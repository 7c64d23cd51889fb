import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';

async function choose(page: Page, label: string | RegExp, option: string | RegExp, scope = page.getByRole('dialog')) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).first().click();
}

test('a draft is sent back with feedback, approved at v2, posted, measured, and its usage right shows on it', async ({ page }) => {
  // One long journey through four screens on a shared 2-core machine.
  test.setTimeout(150_000);
  await page.goto('/#/review');
  await expect(page.getByRole('heading', { name: 'Content review' })).toBeVisible();
  // The sample workspace has drafts waiting.
  await expect(page.getByTestId('review-row').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/content-review-queue.png' });

  // v1: a link, assigned to me.
  await page.getByRole('button', { name: 'Add a draft' }).click();
  const modal = page.getByRole('dialog', { name: /Add a draft for review/ });
  await choose(page, 'Campaign', 'Spring Glow seeding', modal);
  await modal.getByRole('combobox', { name: 'Creator' }).click();
  const creator = (await page.getByRole('option').nth(3).innerText()).trim();
  await page.getByRole('option').nth(3).click();
  await modal.getByRole('textbox', { name: 'Link to the draft' }).fill('not a link');
  await modal.getByRole('button', { name: 'Add draft v1' }).click();
  await expect(modal.getByText('This is not a web address')).toBeVisible();
  await modal.getByRole('textbox', { name: 'Link to the draft' }).fill('https://drive.google.com/file/d/abc123/view');
  await modal.getByRole('button', { name: 'Add draft v1' }).click();
  await expect(modal).toBeHidden();

  const panel = page.getByTestId('submission-panel');
  await expect(panel.getByRole('heading', { name: creator })).toBeVisible();
  await expect(panel.getByTestId('decision')).toHaveText('Waiting for review');
  // Each tick is saved to the round (and its history), then shown.
  await panel.getByRole('checkbox', { name: /Call to action/ }).click();
  await expect(panel.getByRole('checkbox', { name: /Call to action/ })).toBeChecked();
  await panel.getByRole('checkbox', { name: /Product is visible/ }).click();
  await expect(panel.getByTestId('checklist')).toContainText('2 of 4');

  // Changes asked point by point; a point without "how" is refused.
  await panel.getByRole('button', { name: 'Request changes' }).click();
  const form = panel.getByTestId('feedback-form');
  await form.getByRole('textbox', { name: 'What to change' }).fill('The disclosure');
  await form.getByRole('button', { name: 'Send the changes' }).click();
  await expect(form.getByText(/How should it change/)).toBeVisible();
  await form.getByRole('textbox', { name: 'How' }).fill('Say #ad in the first line, and on screen in the first 3 seconds');
  await form.getByRole('textbox', { name: 'Which piece' }).fill('0:00–0:03');
  await form.getByRole('button', { name: 'Send the changes' }).click();
  await expect(panel.getByTestId('decision')).toHaveText('Changes requested');
  await expect(panel.getByTestId('rounds')).toContainText('The disclosure (0:00–0:03): Say #ad in the first line');

  // v2 arrives and is approved with the checklist complete.
  await panel.getByRole('button', { name: /next draft \(v2\)/ }).click();
  const next = page.getByRole('dialog', { name: /Add a draft for review · v2/ });
  await next.getByRole('textbox', { name: 'Link to the draft' }).fill('https://drive.google.com/file/d/abc124/view');
  await next.getByRole('button', { name: 'Add draft v2' }).click();
  await expect(next).toBeHidden();
  await expect(panel.getByTestId('checklist')).toContainText('0 of 4');
  for (const box of await panel.getByTestId('checklist').getByRole('checkbox').all()) {
    await box.click();
    await expect(box).toBeChecked();
  }
  await expect(panel.getByTestId('checklist')).toContainText('4 of 4');
  await panel.getByRole('button', { name: 'Approve' }).click();
  await expect(panel.getByTestId('decision')).toHaveText('Approved');
  await expect(panel.getByTestId('rounds').getByText('v1')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/content-review-panel.png' });
  await page.keyboard.press('Escape');

  // The live post, from its link.
  await page.goto('/#/posts');
  await page.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Spring Glow seeding' }).click();
  await page.getByRole('button', { name: 'Log a post' }).click();
  const log = page.getByRole('dialog', { name: 'Log a live post' });
  await log.getByRole('textbox', { name: 'Link to the post' }).fill('https://www.instagram.com/reel/DAbcdEfGh12/?igsh=MWQ1ZGUx');
  await expect(log.getByTestId('parsed-post')).toContainText('Reel');
  await expect(log.getByTestId('parsed-post')).toContainText('DAbcdEfGh12');
  await log.getByRole('combobox', { name: 'Creator' }).fill(creator);
  await page.getByRole('option', { name: creator, exact: true }).click();
  await log.getByRole('button', { name: 'Log post' }).click();
  await expect(log).toBeHidden();
  await expect(page.getByTestId('post-row').first()).toContainText(creator);

  await page.getByRole('tab', { name: /Not posted yet/ }).click();
  await expect(page.getByTestId('not-posted')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/not-posted.png' });

  // Metrics typed in the grid with the keyboard; a bad value is refused.
  await page.getByRole('tab', { name: 'Metrics grid' }).click();
  const grid = page.getByTestId('metrics-grid');
  await grid.getByRole('textbox', { name: `Reach for ${creator}` }).first().click();
  await page.keyboard.type('2000');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('5000');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('lots');
  await expect(page.getByRole('button', { name: 'Save metrics for 1 post' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await page.keyboard.type('110');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('10');
  await expect(grid.getByTestId('engagement-rate').first()).toHaveText('6.00%');
  await page.screenshot({ path: 'test-results/screens/metrics-grid.png' });
  await page.getByRole('button', { name: 'Save metrics for 1 post' }).click();
  await expect(page.getByText('Metrics saved for 1 post')).toBeVisible();

  // A usage right on the post, and its badge.
  await page.getByRole('tab', { name: /Live posts/ }).click();
  await page.getByTestId('post-row').first().click();
  const post = page.getByTestId('post-panel');
  await expect(post.getByTestId('snapshots')).toContainText('2,000');
  await expect(post.getByTestId('rights-badge')).toHaveText('No usage rights');
  await post.getByRole('button', { name: 'Add a usage right' }).click();
  const right = page.getByRole('dialog', { name: 'Add a usage right' });
  await right.getByRole('combobox', { name: 'Channels' }).click();
  await page.getByRole('option', { name: /Paid social: Meta/ }).click();
  await right.getByRole('textbox', { name: 'Fee' }).fill('350');
  // Ending in 10 days: the renewal alert is raised at once (14 days or fewer left).
  const pad = (n: number) => String(n).padStart(2, '0');
  const end = new Date(Date.now() + 10 * 86_400_000);
  await right.getByText('On a date', { exact: true }).click();
  await right.getByLabel('Last day of use').fill(`${end.getFullYear()}-${pad(end.getMonth() + 1)}-${pad(end.getDate())}`);
  await page.screenshot({ path: 'test-results/screens/rights-form.png' });
  await right.getByRole('button', { name: 'Add usage right' }).click();
  await expect(right).toBeHidden();
  await expect(post.getByTestId('rights-badge')).toHaveText(/^Paid use OK until \d{1,2} [A-Z][a-z]{2}( \d{4})?$/);
  await page.screenshot({ path: 'test-results/screens/post-panel.png' });
  await page.keyboard.press('Escape');

  // The ledger: the renewal alert for the right ending in 10 days, and an Excel export.
  await page.goto('/#/rights');
  await expect(page.getByTestId('renewal-tasks')).toContainText(`${creator}: Renew usage rights: 11 days left`);
  await expect(page.getByTestId('rights-row').filter({ hasText: creator })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/rights-ledger.png', fullPage: true });
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Excel/ }).click();
  const file = await (await download).path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(file) as never);
  const sheet = workbook.getWorksheet('Usage rights')!;
  expect(sheet.getRow(1).getCell(1).value).toBe('Creator');
  const rows = sheet.getSheetValues().slice(2) as unknown[][];
  const ours = rows.find((r) => r?.[1] === creator)!;
  expect(ours).toBeTruthy();
  expect(ours[5]).toBe('Yes');
  expect(ours[11]).toBe(350);
});

test('metrics are imported from a CSV: good rows become snapshots, bad rows are listed with their reason and skipped', async ({ page }) => {
  await page.goto('/#/posts');
  await page.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  const first = page.getByTestId('post-row').first();
  const url = await first.getByRole('link', { name: 'open' }).getAttribute('href');
  const creator = (await first.locator('td').first().innerText()).trim();
  const csv = [
    'Post URL,Date,Reach,Likes,Comments,Revenue',
    `${url},2026-11-20,"12,345",777,55,$1 234.50`,
    'https://www.instagram.com/p/NOTOURS/,2026-11-20,10,1,1,',
    `${url},2026-11-21,lots,1,1,`,
  ].join('\n');
  await page.getByRole('button', { name: 'Import metrics' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import metrics from a CSV' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'metrics.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByTestId('import-summary')).toContainText('3 rows read · 1 snapshot for 1 post · 2 row problems (skipped)');
  await expect(dialog.getByTestId('import-problems')).toContainText('No logged post matches “https://www.instagram.com/p/NOTOURS/”');
  await expect(dialog.getByTestId('import-problems')).toContainText('“lots” is not a number');
  await page.screenshot({ path: 'test-results/screens/metrics-import.png' });
  await dialog.getByRole('button', { name: 'Import 1 snapshot' }).click();
  await expect(page.getByText('Imported 1 snapshot for 1 post; 2 rows skipped')).toBeVisible();
  await page.getByTestId('post-row').filter({ hasText: creator }).first().click();
  await expect(page.getByTestId('snapshots')).toContainText('12,345');
  await expect(page.getByTestId('snapshots')).toContainText('$1,234.50');
});
