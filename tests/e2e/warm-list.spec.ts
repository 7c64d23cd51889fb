import { expect, test } from '@playwright/test';

test('the warm list ranks creators who posted for us and brings one back into a campaign', async ({ page }) => {
  await page.goto('/#/warm-list');
  const rows = page.getByTestId('warm-row');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(3);

  // Ranked by engagement: each row's rate is at least the next one's.
  const rates = (await page.getByTestId('warm-list').locator('tbody tr td:nth-child(5)').allInnerTexts()).map((t) => Number.parseFloat(t));
  expect(rates).toEqual([...rates].sort((a, b) => b - a));

  await page.screenshot({ path: 'test-results/screens/warm-list.png' });

  // Cost per order, from the orders on their codes: cheapest first, creators without one after them.
  await page.getByRole('radiogroup', { name: 'Rank by' }).locator('label').filter({ hasText: 'Lowest CPA' }).click();
  const cpa = (await page.getByTestId('warm-list').locator('tbody tr td:nth-child(7)').allInnerTexts()).map((t) => t.trim());
  const known = cpa.filter((t) => t !== '—').map((t) => Number(t.replace(/[^\d.]/g, '')));
  expect(known.length).toBeGreaterThan(0);
  expect(cpa.slice(0, known.length).every((t) => t !== '—')).toBe(true);
  expect(known).toEqual([...known].sort((a, b) => a - b));
  await page.getByRole('radiogroup', { name: 'Rank by' }).locator('label').filter({ hasText: 'Engagement' }).click();

  // For a campaign, creators already in it are hidden, and one click adds one.
  await page.getByRole('combobox', { name: 'Re-activate for' }).click();
  await page.getByRole('option', { name: 'Spring Glow seeding' }).click();
  const remaining = await rows.count();
  expect(remaining).toBeLessThan(count);
  const name = await rows.first().locator('a').innerText();
  await rows.first().getByRole('button', { name: 'Add to campaign' }).click();
  await expect(page.getByText(`${name} added to Spring Glow seeding`)).toBeVisible();
  await expect(rows).toHaveCount(remaining - 1);

  await page.getByRole('alert').getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(remaining);

  // The profile shows the same figures, by the same rules.
  const rate = await rows.first().locator('td').nth(4).innerText();
  await rows.first().locator('a').click();
  await expect(page.getByTestId('performance-card')).toContainText(rate);
});
