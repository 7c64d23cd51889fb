import { expect, test } from '@playwright/test';

test('“Find duplicate creators” also checks names, and namesakes can be told apart for good', async ({ page }) => {
  await page.goto('/#/creators');
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });
  // Namesakes alone are not flagged unasked.
  await expect(page.getByTestId('duplicates-banner')).toBeHidden();

  await page.keyboard.press('Control+K');
  await page.getByPlaceholder('Search creators, campaigns, screens…').fill('duplicate');
  await page.getByRole('button', { name: /Find duplicate creators/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Is this the same person?' });
  await expect(dialog.getByText(/Same name:/)).toBeVisible();
  await expect(page.getByTestId('duplicates-banner')).toContainText('may be in your list twice');
  const before = await page.getByTestId('duplicates-banner').innerText();

  await dialog.getByRole('button', { name: 'They are different people' }).click();
  await expect(page.getByTestId('duplicates-banner')).not.toHaveText(before);
});
