import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startOwnWorkspace } from './own-workspace';

const shots = process.env.FANFARE_SHOTS_DIR ?? '/tmp/h';
mkdirSync(shots, { recursive: true });

async function openCampaignTab(page: Page, campaign: string, tab: string) {
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: campaign }).click();
  await page.getByRole('tab', { name: tab }).click();
}

async function addProduct(page: Page, name: string, sku: string) {
  await page.getByRole('button', { name: 'Add a product' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a product' });
  await dialog.getByLabel('Product name').fill(name);
  await dialog.getByLabel('SKU').fill(sku);
  await dialog.getByRole('button', { name: 'Add product' }).click();
  await expect(dialog).toBeHidden();
}

test('products chosen for a campaign fill {{product}} in outreach, in the order chosen; a product deleted later is shown as deleted', async ({ page }) => {
  test.setTimeout(150_000);
  await startOwnWorkspace(page, 'Lumen Skin');
  await page.getByRole('button', { name: 'Add your first creator' }).click();
  const creator = page.getByRole('dialog', { name: 'Add a creator' });
  await creator.getByLabel('Name').fill('Maya Johnson');
  await creator.getByLabel('Handle').fill('@mayamoves');
  await creator.getByLabel('Email').fill('maya@example.com');
  await creator.getByRole('button', { name: 'Add creator' }).click();
  await expect(creator).toBeHidden();

  await page.goto('/#/campaigns');
  await page.getByRole('button', { name: 'New campaign' }).first().click();
  const form = page.getByRole('dialog', { name: 'New campaign' });
  await form.getByLabel('Name').fill('Glow Drop');
  await expect(form.getByTestId('campaign-products')).toContainText('The product catalogue is empty');
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(form).toBeHidden();

  await page.goto('/#/shipments');
  await page.getByRole('tab', { name: /Product catalogue/ }).click();
  await addProduct(page, 'Glow Serum 30 ml', 'GLW-30');
  await addProduct(page, 'Daily SPF 50', 'SPF-50');

  // Maya joins; a message with {{product}} is held back while the campaign has no products.
  await openCampaignTab(page, 'Glow Drop', 'Table');
  await page.getByRole('button', { name: 'Add creators' }).click();
  const join1 = page.getByRole('dialog', { name: /Add creators to Glow Drop/ });
  await join1.getByLabel('Name, handle or email').fill('Maya');
  await join1.getByRole('button', { name: 'Add 1 creator' }).click();
  await expect(join1).toBeHidden();
  await page.getByRole('tab', { name: 'Outreach' }).click();
  await page.getByRole('button', { name: 'New template' }).click();
  const editor = page.getByRole('dialog', { name: 'New template' });
  await editor.getByLabel('Name').fill('Product note');
  await editor.getByLabel('Subject').fill('{{first_name}}, meet {{product}}');
  await editor.getByLabel('Message').fill('Hi {{first_name}}, we would love you to try {{product}}.');
  await editor.getByRole('button', { name: 'Create template' }).click();
  await expect(editor).toBeHidden();
  const preview = page.getByTestId('message-preview');
  await page.getByTestId('outreach-creator-row').filter({ hasText: 'Maya Johnson' }).locator('td').nth(1).click();
  await expect(preview.getByTestId('preview-problems')).toContainText('Missing product');

  // The products, chosen in the campaign form: both added, the SPF moved first.
  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.getByRole('button', { name: 'Edit plan' }).click();
  const plan = page.getByRole('dialog', { name: 'Edit the plan of Glow Drop' });
  const products = plan.getByTestId('campaign-products');
  await products.getByRole('combobox', { name: 'Add a product' }).click();
  await page.getByRole('option', { name: 'Glow Serum 30 ml' }).click();
  await products.getByRole('combobox', { name: 'Add a product' }).click();
  await page.getByRole('option', { name: 'Daily SPF 50' }).click();
  await expect(products.getByTestId('campaign-product')).toHaveText(['1.Glow Serum 30 ml', '2.Daily SPF 50']);
  await products.getByRole('button', { name: 'Move Daily SPF 50 up' }).click();
  await expect(products.getByTestId('campaign-product')).toHaveText(['1.Daily SPF 50', '2.Glow Serum 30 ml']);
  await products.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'campaign-form-products.png') });
  await plan.getByRole('button', { name: 'Save plan' }).click();
  await expect(plan).toBeHidden();
  await expect(page.getByTestId('plan-products').getByTestId('campaign-product')).toHaveText(['1.Daily SPF 50', '2.Glow Serum 30 ml']);

  // Outreach now fills {{product}}, and nothing is held back.
  await page.getByRole('tab', { name: 'Outreach' }).click();
  await page.getByTestId('outreach-creator-row').filter({ hasText: 'Maya Johnson' }).locator('td').nth(1).click();
  await expect(preview.locator('[data-field="product"]').first()).toHaveText('Daily SPF 50 and Glow Serum 30 ml');
  await expect(preview.getByTestId('preview-problems')).toHaveCount(0);
  await page.screenshot({ path: join(shots, 'outreach-campaign-product.png') });

  // The serum leaves the catalogue: the plan says so instead of dropping it; messages name what is left.
  await page.goto('/#/shipments');
  await page.getByRole('tab', { name: /Product catalogue/ }).click();
  await page.getByRole('button', { name: 'Actions for Glow Serum 30 ml' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await openCampaignTab(page, 'Glow Drop', 'Plan');
  const serum = page.getByTestId('plan-products').getByTestId('campaign-product').filter({ hasText: 'Glow Serum 30 ml' });
  await expect(serum).toContainText('deleted from the catalogue');
  await page.getByTestId('plan-products').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'plan-products-deleted.png') });
  await page.getByRole('tab', { name: 'Outreach' }).click();
  await page.getByTestId('outreach-creator-row').filter({ hasText: 'Maya Johnson' }).locator('td').nth(1).click();
  await expect(preview.locator('[data-field="product"]').first()).toHaveText('Daily SPF 50');
});
