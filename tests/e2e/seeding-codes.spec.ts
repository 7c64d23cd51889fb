import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';

const rowOf = (page: Page, name: string) => page.getByTestId('shipment-row').filter({ has: page.getByRole('link', { name, exact: true }) });

test('seeding: add a product, create shipments, export them for Shopify, import tracking with an unmatched row reported, mark delivered', async ({ page }) => {
  // A whole seeding round (catalogue, shipments, two files, tracking, delivery): more than the default minute on a busy machine.
  test.setTimeout(150_000);
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
  await page.screenshot({ path: 'test-results/screens/seeding-products.png' });

  // Creators without a parcel: one matched from their opt-in, one chosen by hand.
  await page.getByRole('tab', { name: 'Shipments' }).click();
  // Creators with a name of their own (the sample has two Chloé Merciers), an address, and no parcel yet.
  await expect(page.getByTestId('shipment-row').first()).toBeVisible();
  await expect(page.locator('[data-testid="shipment-row"][data-creator="…"]')).toHaveCount(0);
  const all = await page.getByTestId('shipment-row').evaluateAll((rows) => rows.map((r) => ({ name: r.getAttribute('data-creator') ?? '', text: r.textContent ?? '' })));
  const once = all.filter((r) => all.filter((o) => o.name === r.name).length === 1);
  const ready = once.filter((r) => r.text.includes('Not created') && !r.text.includes('No shipping address yet'));
  const matchedName = ready.find((r) => /from opt-in/i.test(r.text))?.name;
  const chosenName = ready.find((r) => !/from opt-in/i.test(r.text))?.name;
  expect(matchedName && chosenName).toBeTruthy();
  await rowOf(page, chosenName!).getByRole('combobox', { name: `Product for ${chosenName}` }).click();
  await page.getByRole('option', { name: 'Trail Sock — M' }).click();
  await rowOf(page, matchedName!).getByRole('checkbox').check();
  await rowOf(page, chosenName!).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Create 2 shipments' }).click();
  await expect(rowOf(page, matchedName!)).toContainText('To ship');
  await expect(rowOf(page, chosenName!)).toContainText('To ship');

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

  // Marking the parcel delivered moved the creator on the campaign's board too.
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring Glow seeding' }).click();
  const delivered = page.getByTestId('board-column').filter({ has: page.getByText('Delivered', { exact: true }) });
  await expect(delivered.getByRole('link', { name: matchedName!, exact: true })).toBeVisible();
});

test('codes: a rule, codes for a selection avoiding a code live in the store, the Shopify discount file, revoke and reissue, a tracked link', async ({ page }) => {
  await page.goto('/#/codes');
  await expect(page.getByRole('heading', { name: 'Codes & links' })).toBeVisible();
  await expect(page.getByTestId('code-row').first()).toBeVisible();

  // A rule for the gifting campaign, with its preview.
  await page.getByRole('tab', { name: /Code rules/ }).click();
  await page.getByRole('button', { name: 'New code rule' }).click();
  const ruleDialog = page.getByRole('dialog', { name: 'New code rule' });
  await ruleDialog.getByLabel('Rule name').fill('Spring Glow: 15% off');
  await ruleDialog.getByRole('combobox', { name: 'For program or campaign' }).click();
  await page.getByRole('option', { name: 'Spring Glow seeding' }).click();
  await ruleDialog.getByLabel('Pattern').fill('{FIRSTNAME}{DISCOUNT');
  await expect(ruleDialog.getByText('A brace is not closed')).toBeVisible();
  await ruleDialog.getByLabel('Pattern').fill('{FIRSTNAME}{DISCOUNT}');
  await ruleDialog.getByRole('textbox', { name: 'Percent' }).fill('15');
  await expect(ruleDialog.getByTestId('rule-preview')).toContainText('Zoë Åberg (@zoe.makes) → ZOE15');
  await page.screenshot({ path: 'test-results/screens/codes-rule.png' });
  await ruleDialog.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.getByTestId('code-rules-table')).toContainText('Spring Glow: 15% off');

  // Generate for two creators; the first one's code is already live in the store.
  await page.getByRole('tab', { name: /Discount codes/ }).click();
  await page.getByRole('button', { name: 'Generate codes' }).click();
  const gen = page.getByRole('dialog', { name: 'Generate codes' });
  await gen.getByRole('combobox', { name: 'Code rule' }).click();
  await page.getByRole('option', { name: /Spring Glow: 15% off/ }).click();
  await expect(gen.getByRole('combobox', { name: 'Campaign or program' })).toHaveValue('Spring Glow seeding');
  await gen.getByRole('checkbox').nth(1).check();
  const first = gen.getByTestId('generated-code').first();
  const firstName = (await first.getAttribute('data-creator'))!;
  const wanted = await gen.getByRole('textbox', { name: `Code for ${firstName}` }).inputValue();
  expect(wanted).toMatch(/^[A-Z]+15$/);
  await gen.getByLabel('Codes already live in your store').fill(`SUMMER20\n${wanted.toLowerCase()}`);
  await expect(first).toContainText(`${wanted} is already live in your store`);
  const issued = await gen.getByRole('textbox', { name: `Code for ${firstName}` }).inputValue();
  expect(issued).not.toBe(wanted);
  expect(issued).toMatch(/15$/);
  await gen.getByRole('checkbox').nth(2).check();
  await expect(gen.getByTestId('generated-code')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/screens/codes-generate.png' });
  await gen.getByRole('button', { name: 'Create 2 codes' }).click();
  await expect(gen).toBeHidden();
  await expect(page.getByText('2 codes created')).toBeVisible();

  // Export them for Shopify's discount import and read the file back.
  await page.getByRole('combobox', { name: 'Filter by campaign' }).click();
  await page.getByRole('option', { name: 'Spring Glow seeding' }).click();
  // The sample campaign has codes of its own already; the two new ones are among them.
  await expect(page.getByTestId('code-row').filter({ has: page.getByText(issued, { exact: true }) })).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Select all shown codes' }).check();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export \d+ for Shopify$/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/discounts/);
  const parsed = Papa.parse<Record<string, string>>(readFileSync(await download.path(), 'utf8').trim(), { header: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(['Title', 'Command', 'Code', 'Method', 'Type', 'Value Type', 'Value', 'Starts At', 'Ends At', 'Limit Total Times', 'Limit One Use Per Customer']);
  const issuedRow = parsed.data.find((r) => r.Code === issued);
  expect(issuedRow).toMatchObject({ Command: 'NEW', Method: 'Code', 'Value Type': 'Percentage', Value: '15', Title: `Spring Glow seeding – ${firstName}` });
  expect(parsed.data.some((r) => r.Code.toUpperCase() === wanted)).toBe(false);

  // The code leaks: revoke it and reissue; the history keeps both.
  await page.getByRole('button', { name: `Actions for ${issued}` }).click();
  await page.getByRole('menuitem', { name: 'Revoke…' }).click();
  const revoke = page.getByRole('dialog', { name: `Revoke ${issued}` });
  await revoke.getByRole('button', { name: 'Leaked on a coupon site' }).click();
  await revoke.getByRole('button', { name: 'Revoke and reissue' }).click();
  await expect(revoke).toBeHidden();
  await expect(page.getByText(new RegExp(`${issued} revoked; [A-Z]+15 issued in its place`))).toBeVisible();
  // The replacement avoids the code pasted from the store too.
  const replacement = (await page.getByText(/issued in its place/).innerText()).match(/revoked; ([A-Z0-9]+) issued/)![1];
  expect(replacement).not.toBe(wanted);
  await page.getByText('All', { exact: true }).click();
  const revokedRow = page.getByTestId('code-row').filter({ has: page.getByText(issued, { exact: true }) });
  await expect(revokedRow).toContainText('Revoked');
  await expect(revokedRow).toContainText('Leaked on a coupon site · replaced by');
  await page.screenshot({ path: 'test-results/screens/codes-list.png' });

  // Orders and revenue from the shop's report: one unknown code and one bad row are reported and skipped.
  const report = join(tmpdir(), `sales-by-discount-${Date.now()}.csv`);
  writeFileSync(report, `Discount code,Orders,Total sales\r\n${replacement.toLowerCase()},7,"$1,234.50"\r\nNOTOURS10,2,40.00\r\nBROKEN,two,5\r\n`);
  await page.getByRole('button', { name: 'Import orders & revenue' }).click();
  const sales = page.getByRole('dialog', { name: 'Import orders and revenue per code' });
  const picker = page.waitForEvent('filechooser');
  await sales.getByRole('button', { name: 'Choose a CSV file' }).click();
  await (await picker).setFiles(report);
  await expect(sales.getByTestId('attribution-summary')).toContainText('1 codes matched');
  await expect(sales.getByTestId('attribution-summary')).toContainText('1 unknown codes');
  await expect(sales.getByTestId('attribution-summary')).toContainText('1 rows skipped');
  await sales.getByRole('button', { name: 'Update 1 code', exact: true }).click();
  await expect(sales).toBeHidden();
  await expect(page.getByTestId('code-row').filter({ has: page.getByText(replacement, { exact: true }) })).toContainText('$1,234.50');

  // A tracked link that validates, with fixes offered.
  await page.getByRole('tab', { name: 'Link builder' }).click();
  await page.getByLabel('Page to link to').fill('brand.com/serum');
  await page.getByLabel('Source (utm_source)').fill('Instagram');
  await page.getByLabel('Campaign (utm_campaign)').fill('Spring Glow');
  await expect(page.getByText('Start the address with https://')).toBeVisible();
  await page.getByRole('button', { name: 'Apply all suggested fixes' }).click();
  await expect(page.getByTestId('built-link')).toContainText('https://brand.com/serum?utm_source=instagram&utm_medium=influencer&utm_campaign=spring-glow');
  await page.screenshot({ path: 'test-results/screens/codes-link-builder.png' });
});
