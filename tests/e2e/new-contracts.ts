import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens "New contracts" in the Sample brand for Run Club ambassadors with only
 * the first creator ticked; returns the dialog and that creator's name.
 */
export async function newContractForOneCreator(page: Page): Promise<{ dialog: Locator; creatorName: string }> {
  await page.goto('/#/contracts');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await page.getByRole('button', { name: 'New contracts' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New contracts' });
  await dialog.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await dialog.getByRole('checkbox', { name: 'All' }).uncheck();
  const box = dialog.getByRole('checkbox', { name: /^Contract for / }).first();
  await box.check();
  const creatorName = (await box.getAttribute('aria-label'))!.replace('Contract for ', '');
  return { dialog, creatorName };
}
