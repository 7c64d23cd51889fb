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
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });

  await page.reload();
  await page.getByRole('button', { name: 'Switch workspace' }).click();
  await expect(page.getByRole('menuitem', { name: 'Northwind Beauty' })).toBeVisible();
});

test('Ctrl+Z undoes an edit and Ctrl+Shift+Z redoes it', async ({ page }) => {
  await page.goto('/#/creators');
  await expect(page.getByText('400 creators in this workspace')).toBeVisible();
  await page.getByTestId('creator-row').first().click();
  const name = await page.getByRole('heading', { level: 1 }).textContent();
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByText('399 creators in this workspace')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 300 } }); // out of any text field
  await page.keyboard.press('Control+Z');
  await expect(page.getByText('Undone')).toBeVisible();
  await expect(page.getByText('400 creators in this workspace')).toBeVisible();
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByText('399 creators in this workspace')).toBeVisible();
  await page.getByRole('link', { name: 'Trash' }).click();
  await expect(page.getByRole('main').getByText(name!, { exact: true })).toBeVisible();
});

test('creator notes are rich text, saved as you type, and kept on this computer', async ({ page }) => {
  await page.goto('/#/creators');
  await page.getByTestId('creator-row').first().click();
  const notes = page.getByRole('textbox', { name: 'Notes' });
  await notes.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('Wants a call first');
  await expect(notes.locator('strong')).toHaveText('Wants a call first');
  await page.keyboard.press('Control+Z'); // the editor's own undo: only this person's typing
  await expect(notes).not.toContainText('Wants a call first');
  await page.keyboard.type('Prefers voice notes over email');
  await expect(page.getByTestId('text-save-state')).toHaveText('Saved on this computer');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Notes' })).toContainText('Prefers voice notes over email');
});
