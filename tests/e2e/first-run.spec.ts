import { expect, test } from '@playwright/test';

test('a new user lands in the sample brand, makes a workspace and a creator, and finds it after a reload', async ({ page }) => {
  await page.goto('/');

  // First run: the sample brand with its demo data.
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await expect(page.getByText('You are exploring')).toBeVisible();
  await page.getByRole('link', { name: 'Creators' }).click();
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('creator-row').first()).toBeVisible();

  // A workspace of one's own starts empty and says how to begin.
  await page.getByRole('button', { name: 'Start my own workspace' }).click();
  await page.getByLabel('Brand or team name').fill('Acme Outdoors');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Acme Outdoors/);
  await expect(page.getByText('Your creator list starts here')).toBeVisible();

  // A bad email is refused field by field, and nothing is saved.
  await page.getByRole('button', { name: 'Add your first creator' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a creator' });
  await dialog.getByLabel('Name').fill('Zoë Łukasiewicz');
  await dialog.getByLabel('Handle').fill('@ZoeRuns');
  await dialog.getByLabel('Email').fill('zoe-at-example');
  await dialog.getByRole('button', { name: 'Add creator' }).click();
  await expect(dialog.getByText('This is not an email address')).toBeVisible();
  await dialog.getByLabel('Email').fill('zoe@example.com');
  await dialog.getByRole('button', { name: 'Add creator' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('1 creator in this workspace')).toBeVisible();
  await expect(page.getByTestId('creator-row')).toContainText('@zoeruns');

  // Reload: the workspace and the creator are still there.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Acme Outdoors/);
  await expect(page.getByTestId('creator-row')).toContainText('Zoë Łukasiewicz');

  // The command palette finds her without the accent.
  await page.keyboard.press('Control+K');
  await page.getByPlaceholder('Search creators, campaigns, screens…').fill('lukasiewicz');
  await page.getByRole('button', { name: /Zoë Łukasiewicz/ }).click();
  await expect(page.getByRole('heading', { name: 'Zoë Łukasiewicz' })).toBeVisible();
});

test('moving a creator to the trash can be undone, and restored from the trash', async ({ page }) => {
  await page.goto('/#/creators');
  await expect(page.getByText('400 creators in this workspace')).toBeVisible();
  await page.getByTestId('creator-row').first().click();
  const name = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByText('399 creators in this workspace')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('400 creators in this workspace')).toBeVisible();

  await page.getByTestId('creator-row').first().click();
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('link', { name: 'Trash' }).click();
  await expect(page.getByText(name).first()).toBeVisible();
  await page.getByRole('button', { name: 'Restore' }).first().click();
  await expect(page.getByText('The trash is empty')).toBeVisible();
});
