import { expect, test } from '@playwright/test';
import { newContractForOneCreator } from './new-contracts';

test('payment terms and Spark code days are read, never clamped: -5 days is refused with the reason', async ({ page }) => {
  const { dialog } = await newContractForOneCreator(page);

  const terms = dialog.getByRole('textbox', { name: 'Pay invoices within (days)' });
  await terms.fill('-5');
  await terms.blur();
  await expect(dialog.getByText(/Payment terms cannot be negative/)).toBeVisible();
  await page.screenshot({ path: '/tmp/h/payment-terms-refused.png' });
  await dialog.getByRole('button', { name: 'Create contract' }).click();
  await expect(dialog.getByText('No contracts were created')).toBeVisible();
  await terms.fill('400');
  await expect(dialog.getByText('Payment terms are at most 180 days.')).toBeVisible();

  await terms.fill('45');
  await dialog.getByRole('button', { name: 'Create contract' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await page.getByTestId('contract-row').first().getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: /Preview · Creator agreement/ });
  // The preview draws the PDF's own glyphs; each run carries its text in data-text.
  await expect(preview.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => preview.locator('[data-text]').evaluateAll((runs) => runs.map((r) => r.getAttribute('data-text')).join(' ').replace(/\s+/g, ' ')))
    .toMatch(/within 45 days of receiving a correct\s?invoice/);
  // The footer's Close (the last one): the corner ✕ is named Close too.
  await preview.getByRole('button', { name: 'Close' }).last().click();

  await page.getByRole('button', { name: 'Plans, guides and forms' }).click();
  const docs = page.getByRole('dialog', { name: 'Plans, guides and forms' });
  await docs.getByText('Ad access guide').click();
  await docs.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await docs.getByRole('combobox', { name: 'Creator' }).click();
  await page.getByRole('option').first().click();
  const spark = docs.getByRole('textbox', { name: 'Spark code lasts (days)' });
  await spark.fill('5');
  await spark.blur();
  await expect(docs.getByText('Spark codes last 7 days or more.')).toBeVisible();
  await expect(docs.getByRole('button', { name: 'Preview' })).toBeDisabled();
  await spark.fill('2 months');
  await spark.blur();
  await expect(docs.getByRole('button', { name: 'Preview' })).toBeDisabled();
  await page.screenshot({ path: '/tmp/h/spark-days-refused.png' });
  await spark.fill('90');
  // The guide also needs the brand's handles it explains (never the brand's name in their place).
  await docs.getByRole('textbox', { name: 'Brand on Instagram' }).fill('@sampleglow');
  await docs.getByRole('textbox', { name: 'Brand on TikTok' }).fill('sampleglow');
  await expect(docs.getByRole('button', { name: 'Preview' })).toBeEnabled();
});
