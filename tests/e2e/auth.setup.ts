import { expect, test as setup } from '@playwright/test';
import { SESSION_STATE } from '../../playwright.config';

// What a person does once per run: open the link Fanfare printed. The web project's browsers
// start with the session cookie this leaves (including contexts a spec makes with browser.newContext()).
setup('open Fanfare from the link it printed', async ({ page }) => {
  const key = process.env.FANFARE_WEB_KEY;
  expect(key, 'playwright.config.ts pins FANFARE_WEB_KEY').toBeTruthy();
  await page.goto(`/?key=${key}`);
  // The key leaves the address bar at once.
  await expect(page).toHaveURL(/\/$/);
  expect(page.url()).not.toContain(key!);
  await expect(page.getByText('Open Fanfare from its link')).toHaveCount(0);
  await page.context().storageState({ path: SESSION_STATE });
});
