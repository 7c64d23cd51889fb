import { expect, test, type Page } from '@playwright/test';

const column = (page: Page, name: string) => page.getByTestId('board-column').filter({ has: page.getByText(name, { exact: true }) });
const countOf = async (page: Page, name: string) => Number(await column(page, name).locator('.mantine-Badge-label').first().innerText());

test('a campaign board moves creators between steps by drag or menu, logs who moved them, and undoes', async ({ page }) => {
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring Glow seeding' }).click();
  await expect(page.getByTestId('campaign-board')).toBeVisible();
  await expect(column(page, 'Shortlisted')).toBeVisible();
  await expect(page.getByTestId('bucket-progress')).toContainText(/Nano\d+ of 30/);
  const shortlisted = await countOf(page, 'Shortlisted');
  const contacted = await countOf(page, 'Contacted');
  expect(shortlisted).toBeGreaterThan(0);

  const card = column(page, 'Shortlisted').getByTestId('board-card').first();
  const name = await card.locator('a').innerText();
  // Dropped near the top of the column, where a person drops it: Contacted is long (most invitations are not answered yet).
  await card.dragTo(column(page, 'Contacted'), { targetPosition: { x: 60, y: 40 } });
  await expect(page.getByText(`${name} moved to Contacted`)).toBeVisible();
  await expect.poll(() => countOf(page, 'Contacted')).toBe(contacted + 1);
  await expect.poll(() => countOf(page, 'Shortlisted')).toBe(shortlisted - 1);
  await page.screenshot({ path: 'test-results/screens/campaign-board.png' });

  // Undo puts them back, the timeline line too.
  await page.getByRole('alert').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => countOf(page, 'Shortlisted')).toBe(shortlisted);

  // The menu does the same without a mouse drag.
  await column(page, 'Shortlisted').getByRole('button', { name: `Move ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Replied' }).click();
  await expect(column(page, 'Replied').getByText(name)).toBeVisible();
  await column(page, 'Replied').getByRole('link', { name }).click();
  await expect(page.getByText('Moved to Replied', { exact: true })).toBeVisible();
  await expect(page.getByText(/· by you/).first()).toBeVisible();
});

test('a campaign’s steps are edited: rename, reorder, add, and remove with its creators moved elsewhere', async ({ page }) => {
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring Glow seeding' }).click();
  const replied = await countOf(page, 'Replied');
  const contacted = await countOf(page, 'Contacted');
  await page.getByRole('button', { name: 'Edit steps' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit steps' });
  await dialog.getByRole('textbox', { name: 'Step 1' }).fill('Longlist');
  await dialog.getByRole('button', { name: 'Remove Replied' }).click();
  await dialog.getByRole('button', { name: 'Save steps' }).click();
  await expect(dialog.getByText('Choose where the creators of each removed step go.')).toBeVisible();
  await dialog.getByTestId('move-removed').click();
  await page.getByRole('option', { name: 'Contacted' }).click();
  await dialog.getByRole('button', { name: 'Add a step' }).click();
  await dialog.getByRole('textbox', { name: /Step \d+/ }).last().fill('Reposted by brand');
  await dialog.getByRole('button', { name: 'Save steps' }).click();
  await expect(dialog).toBeHidden();

  await expect(column(page, 'Longlist')).toBeVisible();
  await expect(column(page, 'Replied')).toHaveCount(0);
  await expect(column(page, 'Reposted by brand')).toBeVisible();
  await expect.poll(() => countOf(page, 'Contacted')).toBe(contacted + replied);

  await page.getByRole('alert').getByRole('button', { name: 'Undo' }).click();
  await expect(column(page, 'Replied')).toBeVisible();
  await expect.poll(() => countOf(page, 'Replied')).toBe(replied);
});
