import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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
  // The first visit loads the Sample brand (about a thousand records) before the banner shows.
  await expect(page.getByRole('button', { name: 'Start my own workspace' })).toBeVisible({ timeout: 30_000 });
  // The cookie only: this page's localStorage (who this browser is, its workspaces) must not
  // follow into every context, or two "laptops" would be the same person.
  const { cookies } = await page.context().storageState();
  expect(cookies.map((c) => c.name)).toEqual([expect.stringMatching(/^fanfare-session-\d+$/)]);
  mkdirSync(dirname(SESSION_STATE), { recursive: true });
  writeFileSync(SESSION_STATE, JSON.stringify({ cookies, origins: [] }));
});
