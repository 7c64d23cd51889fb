import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// A browser that has not opened Fanfare's link: what the person sees, and how the link lets them in.
test.use({ storageState: { cookies: [], origins: [] } });

test('without the link, the page says how to open Fanfare; the link opens it and leaves the address', async ({ page }) => {
  mkdirSync('/tmp/h', { recursive: true });
  const response = await page.goto('/campaigns');
  expect(response?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'Open Fanfare from its link' })).toBeVisible();
  await expect(page.getByText('web-link.txt')).toBeVisible();
  await page.screenshot({ path: '/tmp/h/open-from-link.png' });

  await page.goto(`/?key=${'0'.repeat(64)}`);
  await expect(page.getByText('This link is from an earlier time Fanfare was started')).toBeVisible();
  await page.screenshot({ path: '/tmp/h/open-from-link-old.png' });

  await page.goto(`/?key=${process.env.FANFARE_WEB_KEY}`);
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
  await expect(page.getByRole('button', { name: 'Start my own workspace' })).toBeVisible();
  const cookies = await page.context().cookies();
  expect(cookies).toEqual([expect.objectContaining({ name: expect.stringMatching(/^fanfare-session-\d+$/), httpOnly: true, sameSite: 'Strict' })]);
});
