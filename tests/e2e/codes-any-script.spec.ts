import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/** A creator added by hand, by name only, as a marketer would after meeting them. */
async function addCreator(page: Page, name: string) {
  await page.goto('/#/creators');
  await page.getByRole('button', { name: 'Add creator' }).click();
  const add = page.getByRole('dialog', { name: 'Add a creator' });
  await add.getByLabel('Name').fill(name);
  await add.getByRole('button', { name: 'Add creator' }).click();
  await expect(add).toBeHidden();
}

test('codes for creators with Greek and Cyrillic names, and limits shown as the export writes them', async ({ page }) => {
  test.setTimeout(120_000);
  mkdirSync('/tmp/h', { recursive: true });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await addCreator(page, 'Ουρανία Ευαγγέλου');
  await addCreator(page, 'Ярослава Щукина');

  // Both join the gifting campaign (names the sample brand does not have, so each is found alone).
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring Glow seeding' }).click();
  for (const name of ['Ουρανία Ευαγγέλου', 'Ярослава Щукина']) {
    await page.getByRole('button', { name: 'Add creators' }).click();
    const adding = page.getByRole('dialog', { name: /Add creators to Spring Glow seeding/ });
    await adding.getByText('Find by name or handle').click();
    await adding.getByLabel('Name, handle or email').fill(name);
    await expect(adding.getByTestId('add-creators-preview')).toContainText(name);
    await adding.getByRole('button', { name: 'Add 1 creator' }).click();
    await expect(adding).toBeHidden();
  }

  // A rule by first name, once per customer.
  await page.goto('/#/codes');
  await page.getByRole('tab', { name: /Code rules/ }).click();
  await page.getByRole('button', { name: 'New code rule' }).click();
  const ruleDialog = page.getByRole('dialog', { name: 'New code rule' });
  await ruleDialog.getByLabel('Rule name').fill('Spring Glow first names');
  await ruleDialog.getByRole('combobox', { name: 'For program or campaign' }).click();
  await page.getByRole('option', { name: 'Spring Glow seeding' }).click();
  await ruleDialog.getByLabel('Pattern').fill('{FIRSTNAME}{DISCOUNT}');
  await ruleDialog.getByRole('textbox', { name: 'Percent' }).fill('15');
  await ruleDialog.getByRole('button', { name: 'Save rule' }).click();
  await expect(ruleDialog).toBeHidden();

  await page.getByRole('tab', { name: /Discount codes/ }).click();
  await page.getByRole('button', { name: 'Generate codes' }).click();
  const gen = page.getByRole('dialog', { name: 'Generate codes' });
  await gen.getByRole('combobox', { name: 'Code rule' }).click();
  await page.getByRole('option', { name: /Spring Glow first names/ }).click();
  await expect(gen.getByRole('combobox', { name: 'Campaign or program' })).toHaveValue('Spring Glow seeding');
  await gen.getByRole('checkbox', { name: 'Ουρανία Ευαγγέλου' }).check();
  await gen.getByRole('checkbox', { name: 'Ярослава Щукина' }).check();
  // ELOT 743 for Greek (ου is "ou", not any-ascii's "oy"), any-ascii for Cyrillic.
  await expect(gen.getByRole('textbox', { name: 'Code for Ουρανία Ευαγγέλου' })).toHaveValue('OURANIA15');
  await expect(gen.getByRole('textbox', { name: 'Code for Ярослава Щукина' })).toHaveValue('YAROSLAVA15');
  await expect(gen.getByText(/has no handle or name the pattern can use/)).toHaveCount(0);
  await page.screenshot({ path: '/tmp/h/codes-any-script-generate.png' });
  await gen.getByRole('button', { name: 'Create 2 codes' }).click();
  await expect(gen).toBeHidden();

  const ourania = page.getByTestId('code-row').filter({ hasText: 'Ουρανία Ευαγγέλου' });
  await expect(ourania).toContainText('OURANIA15');
  // The Limits column says what the Shopify file will say: once per customer.
  await expect(ourania.getByTestId('code-limits')).toHaveText('once per customer');
  await expect(page.getByTestId('code-limits').filter({ hasText: /^None$/ })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/h/codes-any-script-list.png', fullPage: false });
});
