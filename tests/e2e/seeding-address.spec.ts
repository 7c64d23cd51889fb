import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startOwnWorkspace } from './own-workspace';

const shots = process.env.FANFARE_SHOTS_DIR ?? '/tmp/h';
mkdirSync(shots, { recursive: true });

const row = (page: Page, name: string) => page.locator(`[data-testid="shipment-row"][data-creator="${name}"]`);

async function openActions(page: Page, name: string) {
  await row(page, name).getByRole('button', { name: `Shipment actions for ${name}` }).click();
}

test('a parcel without an address waits (no export, no tracking, said why) until the address is added; failed with "Wrong size sent", it is re-shipped in another size', async ({ page }) => {
  test.setTimeout(150_000);
  await startOwnWorkspace(page, 'Run Club Co');

  // A creator with no address yet.
  await page.getByRole('button', { name: 'Add your first creator' }).click();
  const add = page.getByRole('dialog', { name: 'Add a creator' });
  await add.getByLabel('Name').fill('Ana Lima');
  await add.getByLabel('Handle').fill('@ana.runs');
  await add.getByLabel('Email').fill('ana@example.com');
  await add.getByRole('button', { name: 'Add creator' }).click();
  await expect(add).toBeHidden();

  // A gifting campaign.
  await page.goto('/#/campaigns');
  await page.getByRole('button', { name: 'New campaign' }).first().click();
  const form = page.getByRole('dialog', { name: 'New campaign' });
  await form.getByLabel('Name').fill('Run Club drop');
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(form).toBeHidden();

  // A tee in three sizes.
  await page.goto('/#/shipments');
  await page.getByRole('tab', { name: /Product catalogue/ }).click();
  await page.getByRole('button', { name: 'Add a product' }).first().click();
  const product = page.getByRole('dialog', { name: 'Add a product' });
  await product.getByLabel('Product name').fill('Run Club Tee');
  await product.getByLabel('SKU').fill('TEE');
  for (const [i, size] of ['S', 'M', 'L'].entries()) {
    await product.getByRole('button', { name: 'Add a variant' }).click();
    await product.getByLabel(`Variant ${i + 1} name`).fill(size);
    await product.getByLabel(`Variant ${i + 1} SKU`).fill(`TEE-${size}`);
  }
  await product.getByRole('button', { name: 'Add product' }).click();
  await expect(product).toBeHidden();

  // The tee is the campaign's product (on its plan); Ana joins the campaign.
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Run Club drop' }).click();
  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.getByTestId('plan-products').getByRole('combobox', { name: 'Add a product' }).click();
  await page.getByRole('option', { name: 'Run Club Tee' }).click();
  await expect(page.getByTestId('plan-products').getByTestId('campaign-product')).toHaveText(['1.Run Club Tee']);
  await page.getByRole('button', { name: 'Add creators' }).click();
  const join1 = page.getByRole('dialog', { name: /Add creators to Run Club drop/ });
  await join1.getByLabel('Name, handle or email').fill('Ana');
  await join1.getByRole('button', { name: 'Add 1 creator' }).click();
  await expect(join1).toBeHidden();

  // Seeding offers the campaign's tee first, and asks for the size.
  await page.goto('/#/shipments');
  await expect(row(page, 'Ana Lima')).toContainText('No shipping address yet');
  await row(page, 'Ana Lima').getByRole('combobox', { name: 'Product for Ana Lima' }).click();
  await expect(page.getByRole('listbox').getByText('This campaign’s products')).toBeVisible();
  await page.getByRole('option', { name: 'Run Club Tee — M' }).click();
  await row(page, 'Ana Lima').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Create 1 shipment' }).click();
  await expect(row(page, 'Ana Lima')).toContainText('Needs address');
  await expect(page.getByText('Needs address 1')).toBeVisible();
  const order = (await row(page, 'Ana Lima').locator('td').nth(3).locator('p').first().innerText()).trim();
  expect(order).toMatch(/^SEED-\d+$/);

  // Export refuses it, with the words.
  await row(page, 'Ana Lima').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Export 1 as CSV' }).click();
  await page.getByRole('menuitem', { name: /For a 3PL/ }).click();
  await expect(page.getByText('Nothing exported')).toBeVisible();
  await expect(page.getByText(`Left out: Ana Lima (${order}): No shipping address yet: add it on the creator's profile or on the shipment`)).toBeVisible();
  await page.screenshot({ path: join(shots, 'seeding-needs-address.png') });

  // A tracking number by hand is refused, with the words.
  await openActions(page, 'Ana Lima');
  await page.getByRole('menuitem', { name: 'Add tracking…' }).click();
  const tracking = page.getByRole('dialog', { name: `Tracking for ${order}` });
  await expect(tracking.getByTestId('tracking-hold')).toContainText(`${order} for Ana Lima needs an address first (no shipping address yet)`);
  await tracking.getByLabel('Tracking number').fill('1Z999AA10123456784');
  await expect(tracking.getByRole('button', { name: 'Save tracking' })).toBeDisabled();
  await page.screenshot({ path: join(shots, 'seeding-tracking-held.png') });
  await tracking.getByRole('button', { name: 'Cancel' }).click();

  // A tracking import reports that row and skips it.
  const file = join(tmpdir(), `tracking-held-${Date.now()}.csv`);
  writeFileSync(file, `Order Number,Tracking Number\r\n${order},1Z999AA10123456784\r\n`);
  await page.getByRole('button', { name: 'Import tracking numbers' }).click();
  const importer = page.getByRole('dialog', { name: 'Import tracking numbers' });
  const chooser = page.waitForEvent('filechooser');
  await importer.getByRole('button', { name: 'Choose a CSV file' }).click();
  await (await chooser).setFiles(file);
  await expect(importer.getByTestId('tracking-import-summary')).toContainText('0 to save');
  await expect(importer.getByTestId('tracking-import-report')).toContainText(`Skipped: ${order} for Ana Lima needs an address first`);
  await page.screenshot({ path: join(shots, 'seeding-tracking-import-held.png') });
  await page.keyboard.press('Escape');
  await expect(importer).toBeHidden();

  // The address, added on the shipment (and the profile), releases it.
  await row(page, 'Ana Lima').getByRole('button', { name: 'Add the address' }).click();
  const address = page.getByRole('dialog', { name: `Address for ${order} (Ana Lima)` });
  await address.getByLabel('Street address').fill('Rua Augusta 12');
  await address.getByRole('button', { name: 'Save address' }).click();
  await expect(address.getByTestId('address-problem')).toHaveText('The address has no city, postal code, country.');
  await address.getByLabel('Postcode').fill('1100-053');
  await address.getByLabel('City').fill('Lisboa');
  await address.getByRole('combobox', { name: 'Country' }).fill('Portugal');
  await page.getByRole('option', { name: /Portugal/ }).click();
  await page.screenshot({ path: join(shots, 'seeding-add-address.png') });
  await address.getByRole('button', { name: 'Save address' }).click();
  await expect(address).toBeHidden();
  await expect(row(page, 'Ana Lima')).toContainText('To ship');
  await expect(page.getByText('Needs address 0')).toBeVisible();

  await row(page, 'Ana Lima').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Export 1 as CSV' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /For a 3PL/ }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain(order);
  expect(csv).toContain('TEE-M');
  expect(csv).toContain('Rua Augusta 12');

  // Shipped, then failed: a reason is required.
  await openActions(page, 'Ana Lima');
  await page.getByRole('menuitem', { name: 'Mark shipped' }).click();
  await expect(row(page, 'Ana Lima')).toContainText('Shipped');
  await openActions(page, 'Ana Lima');
  await page.getByRole('menuitem', { name: 'Mark failed' }).click();
  const failed = page.getByRole('dialog', { name: `${order} did not arrive` });
  await failed.getByRole('button', { name: 'Mark failed' }).click();
  await expect(failed.getByText('Say what happened: the re-shipment is decided from it')).toBeVisible();
  await failed.getByRole('button', { name: 'Wrong size sent' }).click();
  await failed.getByRole('button', { name: 'Mark failed' }).click();
  await expect(failed).toBeHidden();
  await expect(row(page, 'Ana Lima')).toContainText('Failed');
  await expect(row(page, 'Ana Lima')).toContainText('Wrong size sent');

  // Re-ship: the reason is shown, the same size is refused, another size goes out.
  await openActions(page, 'Ana Lima');
  await page.getByRole('menuitem', { name: 'Re-ship…' }).click();
  const reship = page.getByRole('dialog', { name: `Re-ship ${order} to Ana Lima` });
  await expect(reship.getByTestId('reship-reason')).toContainText('Wrong size sent');
  await expect(reship.getByText('The wrong size was sent: choose another size')).toBeVisible();
  await expect(reship.getByRole('button', { name: 'Re-ship as a new parcel' })).toBeDisabled();
  await reship.getByRole('combobox', { name: 'Item 1 to send' }).click();
  await page.getByRole('option', { name: 'Run Club Tee — L' }).click();
  await page.screenshot({ path: join(shots, 'seeding-reship.png') });
  await reship.getByRole('button', { name: 'Re-ship as a new parcel' }).click();
  await expect(reship).toBeHidden();
  await expect(row(page, 'Ana Lima')).toContainText('Run Club Tee — L');
  await expect(row(page, 'Ana Lima')).toContainText('To ship');
  await expect(row(page, 'Ana Lima')).toContainText('1 earlier parcel');
  await page.screenshot({ path: join(shots, 'seeding-reshipped.png') });
});
