import { expect, test } from '@playwright/test';

test('the sample brand goes with one click and comes back; workspaces can be renamed', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);

  await page.getByRole('button', { name: 'Remove sample data' }).click();
  await expect(page.getByRole('heading', { name: 'Start a workspace' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/No workspace/);

  await page.getByRole('button', { name: 'Create a workspace' }).click();
  await page.getByLabel('Brand or team name').fill('   ');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByText('Give the workspace a name')).toBeVisible();
  await page.getByLabel('Brand or team name').fill('Northwind Skincare');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Northwind Skincare/);

  await page.getByRole('button', { name: 'Switch workspace' }).click();
  await page.getByRole('menuitem', { name: /Rename/ }).click();
  await page.getByLabel('Workspace name').fill('Northwind Beauty');
  await page.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Northwind Beauty/);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Bring back the sample brand' }).click();
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await page.getByRole('link', { name: 'Creators' }).click();
  await expect(page.getByText('400 creators in this workspace')).toBeVisible();

  await page.reload();
  await page.getByRole('button', { name: 'Switch workspace' }).click();
  await expect(page.getByRole('menuitem', { name: 'Northwind Beauty' })).toBeVisible();
});

test('Ctrl+Z undoes an edit and Ctrl+Shift+Z redoes it', async ({ page }) => {
  await page.goto('/#/creators');
  await page.getByTestId('creator-row').first().click();
  const notes = page.getByLabel('Notes');
  const before = await notes.inputValue();
  await notes.fill('Prefers a call before committing');
  await page.getByRole('heading', { level: 2 }).click(); // click away: saved
  await expect(notes).toHaveValue('Prefers a call before committing');
  await page.keyboard.press('Control+Z');
  await expect(page.getByText('Undone')).toBeVisible();
  await expect(notes).toHaveValue(before);
  await page.keyboard.press('Control+Shift+Z');
  await expect(notes).toHaveValue('Prefers a call before committing');
});
