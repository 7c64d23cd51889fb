import { expect, test, type Page } from '@playwright/test';

/** Issue 20, items 2 and 3: figures that cannot all be true are asked about; imports show before → after and never overwrite by surprise. */

async function openCampaign(page: Page) {
  await page.goto('/#/posts');
  await page.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await expect(page.getByTestId('post-row').nth(1)).toBeVisible();
}

const rowOf = (page: Page, n: number) => page.getByTestId('metrics-grid').locator('tbody tr').nth(n);
const cell = (page: Page, n: number, metric: string) => rowOf(page, n).getByRole('textbox', { name: new RegExp(`^${metric} for `) });

test('a metric typed by hand that cannot be true is flagged as typed and saved only when confirmed', async ({ page }) => {
  await openCampaign(page);
  await page.getByRole('tab', { name: 'Metrics grid' }).click();
  await cell(page, 0, 'Reach').fill('5027');
  await cell(page, 0, 'Shares').fill('12k');
  // The cell says what it read, as the form fields do.
  await cell(page, 0, 'Shares').focus();
  await expect(page.getByRole('tooltip')).toContainText('= 12,000');
  const warning = page.getByTestId('plausibility-warning');
  await expect(warning).toContainText(/engagements but only 5,027 reach: more people engaged than saw the post/);
  await page.screenshot({ path: '/tmp/h/metrics-grid-implausible.png' });

  await page.getByRole('button', { name: 'Save metrics for 1 post' }).click();
  const ask = page.getByRole('dialog', { name: 'These figures cannot all be true' });
  await expect(ask.getByTestId('implausible-rows')).toContainText('5,027 reach');
  await page.screenshot({ path: '/tmp/h/metrics-confirm.png' });
  await ask.getByRole('button', { name: 'Go back and fix them' }).click();
  await expect(ask).toBeHidden();
  // Nothing was saved: the typed values are still waiting.
  await expect(page.getByRole('button', { name: 'Save metrics for 1 post' })).toBeEnabled();

  await page.getByRole('button', { name: 'Save metrics for 1 post' }).click();
  await ask.getByRole('button', { name: 'They are right: save them' }).click();
  await expect(page.getByText('Metrics saved for 1 post')).toBeVisible();
  await expect(warning).toBeHidden();

  await page.getByRole('tab', { name: /Live posts/ }).click();
  await page.getByTestId('post-row').first().click();
  await expect(page.getByTestId('snapshots')).toContainText('12,000');
  await expect(page.getByTestId('snapshots').getByLabel('Implausible figures, confirmed')).toBeVisible();
  await page.keyboard.press('Escape');

  // Reports mark the post and can leave its figures out.
  await page.goto('/#/reports');
  const alert = page.getByTestId('implausible-alert');
  await expect(alert).toContainText(/figures that cannot all be true/);
  await expect(alert).toContainText('They are included in every figure below.');
  await alert.getByRole('button', { name: 'Leave their figures out' }).click();
  await expect(alert).toContainText('are left out of this report');
  await expect(page.getByTestId('posts-card').getByTestId('implausible-mark').first()).toHaveText('Left out');
  await page.screenshot({ path: '/tmp/h/reports-implausible.png', fullPage: true });
});

test('the impact.com import previews before → after and "add to" keeps the existing orders', async ({ page }) => {
  await openCampaign(page);
  const url = await page.getByTestId('post-row').nth(1).getByRole('link', { name: 'open' }).getAttribute('href');
  await page.getByRole('tab', { name: 'Metrics grid' }).click();
  await cell(page, 1, 'Orders').fill('31');
  await cell(page, 1, 'Revenue').fill('1451');
  await page.getByRole('button', { name: 'Save metrics for 1 post' }).click();
  await expect(page.getByText('Metrics saved for 1 post')).toBeVisible();

  const csv = ['Action Id,Action Date,Referring URL,Sale Amount,State', `A-1001,2026-11-20,${url},89.00,Approved`].join('\n');
  await page.getByRole('button', { name: 'Import metrics' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import metrics from a CSV' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'impact-actions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByTestId('import-summary')).toContainText('1 row read · 1 snapshot for 1 post');
  // Nothing is written until the person says how the orders meet the post's 31.
  await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await dialog.getByRole('radio', { name: 'Replace them with the file’s totals' }).check();
  await expect(dialog.getByTestId('import-changes')).toContainText('Orders 31 → 1');
  await dialog.getByRole('radio', { name: 'Add to the orders already logged' }).check();
  const change = dialog.getByTestId('import-changes');
  await expect(change).toContainText('Orders 31 → 32');
  await expect(change).toContainText('Revenue $1,451.00 → $1,540.00');
  await page.screenshot({ path: '/tmp/h/metrics-import-add.png' });
  await dialog.getByRole('button', { name: 'Import 1 snapshot' }).click();
  await expect(page.getByText('Imported 1 snapshot for 1 post')).toBeVisible();

  await page.getByRole('tab', { name: /Live posts/ }).click();
  await page.getByTestId('post-row').nth(1).click();
  const latest = page.getByTestId('snapshots').locator('tbody tr').first();
  await expect(latest).toContainText('32');
  await expect(latest).toContainText('$1,540.00');
});

test('an older snapshot is kept in the post’s history and the preview says it changes nothing current', async ({ page }) => {
  await openCampaign(page);
  const url = await page.getByTestId('post-row').nth(2).getByRole('link', { name: 'open' }).getAttribute('href');
  const csv = ['Post URL,Date,Reach,Likes', `${url},2020-01-15,900,40`].join('\n');
  await page.getByRole('button', { name: 'Import metrics' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import metrics from a CSV' });
  await dialog.locator('input[type=file]').setInputFiles({ name: 'old.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByTestId('import-changes')).toContainText(/Kept in history: the figures of .* are older than the current ones .*; they do not change the current figures/);
  await page.screenshot({ path: '/tmp/h/metrics-import-older.png' });
  await dialog.getByRole('button', { name: 'Import 1 snapshot' }).click();
  await expect(page.getByText('Imported 1 snapshot for 1 post')).toBeVisible();
  await page.getByTestId('post-row').nth(2).click();
  await expect(page.getByTestId('snapshots').locator('tbody tr').last()).toContainText('900');
});
