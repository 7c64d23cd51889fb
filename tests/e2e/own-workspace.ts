import { expect, type Page } from '@playwright/test';

/** Starts an empty workspace of one's own in this page and waits for the empty creator list. */
export async function startOwnWorkspace(page: Page, name: string): Promise<void> {
  await page.goto('/#/creators');
  // A fresh browser opens the Sample brand first (about 990 records): as the other first-load waits, 30 s.
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Start my own workspace' }).click();
  await page.getByLabel('Brand or team name').fill(name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByText('Your creator list starts here')).toBeVisible();
}
