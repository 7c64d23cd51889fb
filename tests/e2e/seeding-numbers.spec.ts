import { expect, test } from '@playwright/test';

test('a product value of -50 is refused under its field and nothing is added; what was typed stays', async ({ page }) => {
  await page.goto('/#/shipments');
  await expect(page.getByRole('heading', { name: 'Seeding' })).toBeVisible();
  await page.getByRole('tab', { name: /Product catalogue/ }).click();
  await page.getByRole('button', { name: 'Add a product' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a product' });
  await dialog.getByLabel('Product name').fill('Refused Sock');
  const value = dialog.getByRole('textbox', { name: 'Value of one' });
  await value.fill('-50');
  await dialog.getByRole('button', { name: 'Add product' }).click();
  await expect(dialog.getByText('Value of one cannot be negative (“-50”).')).toBeVisible();
  await expect(value).toHaveValue('-50');
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: '/tmp/h/product-value-refused.png' });
  // A European spelling is read and echoed before it is stored.
  await value.fill('12,50');
  await expect(dialog.getByText('= 12.50')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add product' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('product-table').getByRole('row').filter({ hasText: 'Refused Sock' })).toContainText('12.50');
});

test('a code rule with a usage limit of 0 or 150% off cannot be saved, and says why', async ({ page }) => {
  await page.goto('/#/codes');
  await expect(page.getByRole('heading', { name: 'Codes & links' })).toBeVisible();
  await page.getByRole('tab', { name: /Code rules/ }).click();
  await page.getByRole('button', { name: 'New code rule' }).click();
  const rule = page.getByRole('dialog', { name: 'New code rule' });
  await rule.getByLabel('Rule name').fill('Too generous');
  await rule.getByRole('textbox', { name: 'Percent' }).fill('150');
  await expect(rule.getByText('A discount is at most 100% off.')).toBeVisible();
  await rule.getByRole('textbox', { name: 'Percent' }).fill('15');
  await rule.getByRole('textbox', { name: 'Usage limit' }).fill('0');
  await rule.getByRole('textbox', { name: 'Usage limit' }).blur();
  await expect(rule.getByText('A usage limit is at least 1: leave it empty for no limit.')).toBeVisible();
  await expect(rule.getByTestId('rule-preview')).toContainText('Fix the rule to see codes');
  await expect(rule.getByRole('button', { name: 'Save rule' })).toBeDisabled();
  await rule.getByRole('textbox', { name: 'Usage limit' }).fill('');
  await expect(rule.getByRole('button', { name: 'Save rule' })).toBeEnabled();
});
