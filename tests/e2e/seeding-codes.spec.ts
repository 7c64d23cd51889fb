import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';

const rowOf = (page: Page, name: string) => page.getByTestId('shipment-row').filter({ has: page.getByRole('link', { name, exact: true }) });

test('seeding: add a product, create shipments, export them for Shopify, import tracking with an unmatched row reported, mark delivered', async ({ page }) => {
  await page.goto('/#/shipments');
  await expect(page.getByRole('heading', { name: 'Seeding' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Campaign' })).toHaveValue('Spring Glow seeding');

  // A new product with a variant.
  await page.getByRole('tab', { name: /Product catalogue/ }).click();
  await page.getByRole('button', { name: 'Add a product' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a product' });
  await dialog.getByLabel('Product name').fill('Trail Sock');
  await dialog.getByLabel('SKU').fill('ts');
  await dialog.getByRole('textbox', { name: 'Value of one' }).fill('12');
  await dialog.getByRole('button', { name: 'Add a variant' }).click();
  await dialog.getByLabel('Variant 1 name').fill('M');
  await dialog.getByLabel('Variant 1 SKU').fill('ts-m');
  await dialog.getByRole('button', { name: 'Add product' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('product-table').getByText('Trail Sock')).toBeVisible();
  await expect(page.getByTestId('product-table').getByText('TS', { exact: true })).toBeVisible();

  // Creators without a parcel: one matched from their opt-in, one chosen by hand.
  await page.getByRole('tab', { name: 'Shipments' }).click();
  await page.getByText(/^No shipment \d+$/).click();
  const rows = page.getByTestId('shipment-row').filter({ hasNot: page.getByText('No shipping address yet') });
  await expect(rows.first()).toBeVisible();
  const matched = rows.filter({ has: page.getByText('from opt-in') }).first();
  const matchedName = await matched.getAttribute('data-creator');
  const unmatched = rows.filter({ hasNot: page.getByText('from opt-in') }).first();
  const chosenName = await unmatched.getAttribute('data-creator');
  expect(matchedName && chosenName).toBeTruthy();
  await rowOf(page, chosenName!).getByRole('combobox', { name: `Product for ${chosenName}` }).click();
  await page.getByRole('option', { name: 'Trail Sock — M' }).click();
  await rowOf(page, matchedName!).getByRole('checkbox').check();
  await rowOf(page, chosenName!).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Create 2 shipments' }).click();
  await expect(page.getByText('2 shipments created')).toBeVisible();

  await page.getByText(/^To ship \d+$/).click();
  const orderOf = async (name: string) => (await rowOf(page, name).locator('td').nth(3).locator('p').first().innerText()).trim();
  const matchedOrder = await orderOf(matchedName!);
  const chosenOrder = await orderOf(chosenName!);
  expect(matchedOrder).toMatch(/^SEED-\d+$/);
  await expect(rowOf(page, chosenName!)).toContainText('Trail Sock — M');

  // Export for Shopify and read the file back.
  await rowOf(page, matchedName!).getByRole('checkbox').check();
  await rowOf(page, chosenName!).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Export 2 as CSV' }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /For Shopify/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^seeding-orders-shopify-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields?.slice(0, 3)).toEqual(['Name', 'Command', 'Send Receipt']);
  const sock = parsed.data.find((r) => r['Line: SKU'] === 'TS-M');
  expect(sock).toMatchObject({ Name: chosenOrder, Command: 'NEW', 'Line: Name': 'Trail Sock - M', 'Line: Price': '0.00', 'Line: Type': 'Line Item' });
  expect(sock!['Shipping: Address 1']).not.toBe('');
  expect(parsed.data.some((r) => r.Name === matchedOrder)).toBe(true);

  // Tracking numbers back from the shop: two match, one order is unknown.
  const file = join(tmpdir(), `tracking-${Date.now()}.csv`);
  writeFileSync(file, `\uFEFFName,Fulfillment: Tracking Company,Fulfillment: Tracking Number\r\n#${matchedOrder},UPS,1Z999AA10123456784\r\n${chosenOrder},DHL,1234567890\r\nSEED-99999,UPS,1Z999AA10123456785\r\n`);
  await page.getByRole('button', { name: 'Import tracking numbers' }).click();
  const importer = page.getByRole('dialog', { name: 'Import tracking numbers' });
  const chooser = page.waitForEvent('filechooser');
  await importer.getByRole('button', { name: 'Choose a CSV file' }).click();
  await (await chooser).setFiles(file);
  await expect(importer.getByTestId('tracking-import-summary')).toContainText('2 to save');
  await expect(importer.getByTestId('tracking-import-summary')).toContainText('1 unmatched');
  await expect(importer.getByTestId('tracking-import-report')).toContainText('Unmatched: No shipment has the order name SEED-99999');
  await page.screenshot({ path: 'test-results/screens/seeding-tracking-import.png' });
  await importer.getByRole('button', { name: 'Import 2 tracking numbers' }).click();
  await expect(importer).toBeHidden();

  await page.getByText(/^All \d+$/).click();
  await expect(rowOf(page, matchedName!)).toContainText('Shipped');
  await expect(rowOf(page, matchedName!).getByRole('link', { name: 'Track 1Z999AA10123456784' })).toHaveAttribute('href', 'https://www.ups.com/track?tracknum=1Z999AA10123456784');

  // Delivered, and the shipping email has the tracking link in it.
  await rowOf(page, matchedName!).getByRole('button', { name: `Shipment actions for ${matchedName}` }).click();
  await page.getByRole('menuitem', { name: 'Mark delivered' }).click();
  await expect(rowOf(page, matchedName!)).toContainText('Delivered');
  await rowOf(page, chosenName!).getByRole('button', { name: `Shipment actions for ${chosenName}` }).click();
  await page.getByRole('menuitem', { name: /Email tracking to/ }).click();
  await expect(page.getByTestId('email-preview')).toContainText('dhl.com');
  await page.screenshot({ path: 'test-results/screens/seeding-email.png' });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'test-results/screens/seeding-shipments.png', fullPage: true });

  await page.getByRole('tab', { name: /Delivered, not posted/ }).click();
  await page.getByRole('textbox', { name: 'Days since delivery' }).fill('0');
  await expect(page.getByTestId('not-posted-table').getByRole('link', { name: matchedName!, exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/seeding-not-posted.png' });
});
