import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';

async function renameCreator(page: Page, id: string, name: string): Promise<void> {
  await page.goto(`/#/creators/${id}`);
  await page.getByRole('button', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename creator' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

async function newContractFor(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Contracts' }).click();
  await page.getByRole('button', { name: 'New contracts' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New contracts' });
  await dialog.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Spring Glow seeding' }).click();
  await dialog.getByRole('checkbox', { name: 'All' }).uncheck();
  await dialog.getByRole('checkbox', { name: `Contract for ${name}` }).check();
  await dialog.getByRole('button', { name: 'Create contract', exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
}

test('a contract for a creator with an Arabic name previews the PDF’s own shaped glyphs, and saves with the name', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('You are exploring')).toBeVisible();
  const name = 'ليلى الحسن';
  await renameCreator(page, 'demo-cr-000000', name);
  await newContractFor(page, name);

  const row = page.getByTestId('contract-row').filter({ hasText: name });
  await row.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: /Preview · Creator agreement/ });
  const first = preview.getByTestId('pdf-page').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  // Drawn as the Arabic font's glyph outlines (no browser text, no fallback font), and nothing is missing.
  await expect(first.locator('g[data-font="arabic"] use').first()).toBeVisible();
  expect(await first.locator('g[data-font^="arabic"] use').count()).toBeGreaterThan(20);
  expect(await first.locator('text').count()).toBe(0);
  // Each run still says what it reads, for finding it (the space between the two names is the brand font's: two runs).
  await expect(first.locator('g[data-font="arabic"][data-text="الحسن"]').first()).toBeAttached();
  await expect(preview.getByTestId('uncovered-warning')).toHaveCount(0);
  await page.waitForTimeout(300);
  await page.screenshot({ path: '/tmp/h/scripts-pdf/contract-preview-arabic.png' });
  await first.screenshot({ path: '/tmp/h/scripts-pdf/contract-preview-arabic-page.png' });

  const downloading = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save PDF' }).click();
  const path = await (await downloading).path();
  expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain(name);
});

test('a name with a character no bundled font has is named before saving, and saving asks first', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('You are exploring')).toBeVisible();
  const name = 'Zoë 𓀀 Nowak';
  await renameCreator(page, 'demo-cr-000001', name);
  await newContractFor(page, name);

  const row = page.getByTestId('contract-row').filter({ hasText: 'Nowak' });
  await row.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: /Preview · Creator agreement/ });
  await expect(preview.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  const warning = preview.getByTestId('uncovered-warning');
  await expect(warning).toContainText('no font in Fanfare');
  await expect(warning).toContainText('“𓀀” (U+13000) in the title');
  await page.screenshot({ path: '/tmp/h/scripts-pdf/contract-preview-uncovered.png' });

  await preview.getByRole('button', { name: 'Save PDF' }).click();
  await expect(preview.getByTestId('save-anyway-question')).toBeVisible();
  await page.screenshot({ path: '/tmp/h/scripts-pdf/contract-preview-save-anyway.png' });
  const downloading = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save anyway' }).click();
  expect((await downloading).suggestedFilename()).toContain('Nowak');
});
