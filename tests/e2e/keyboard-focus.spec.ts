import { expect, test, type Locator, type Page } from '@playwright/test';

/** Tab (or Shift+Tab) until `target` has focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, { back = false, most = 60 } = {}) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el.matches(':focus'))) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

async function openCreators(page: Page) {
  await page.goto('/#/creators');
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });
}

test('search → profile → edit → a refused save → save, by keyboard: focus is always where the person is', async ({ page }) => {
  await openCreators(page);
  await expect(page).toHaveTitle('Creators · Sample brand · Fanfare');
  // On the app's first screen nothing is focused for the person; the first Tab stop is the skip link.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Creators' })).toBeFocused();

  await page.keyboard.press('/');
  const search = page.getByRole('textbox', { name: 'Search creators' });
  await expect(search).toBeFocused();
  await page.keyboard.type('lukasiewicz');
  // Folded search: "lukasiewicz" finds every Łukasiewicz (the sample has several).
  await expect(page.getByTestId('creator-row').first()).toContainText('Łukasiewicz');
  const list = page.getByLabel('Creator list: arrow keys move, Space selects, Enter opens');
  await tabTo(page, list);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  // The profile opens with its heading focused, and names the tab.
  const heading = page.getByRole('heading', { level: 1, name: /Łukasiewicz/ });
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(/Łukasiewicz.* · Sample brand · Fanfare$/);

  const contact = page.getByTestId('contact-card');
  const edit = contact.getByRole('button', { name: 'Edit contact' });
  await tabTo(page, edit);
  await page.keyboard.press('Enter');
  // The editor opens on its first text field.
  const focusedField = contact.locator('input:focus, textarea:focus');
  await expect(focusedField).toHaveCount(1);
  // The property, not the attribute: a text input may leave its type attribute out.
  expect(await focusedField.evaluate((el) => (el as unknown as { type: string }).type)).toMatch(/^(text|email|tel)$/);

  // A wrong email, saved with Enter: focus goes to the field that says what is wrong, not the Save button.
  const phone = contact.getByRole('textbox', { name: 'Phone', exact: true });
  await tabTo(page, contact.getByRole('button', { name: 'Add an email' }));
  await page.keyboard.press('Enter');
  const newEmail = contact.getByRole('textbox', { name: 'Email' }).last();
  await tabTo(page, newEmail, { back: true });
  await page.keyboard.type('not-an-email');
  await tabTo(page, contact.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(contact.getByText('This is not an email address')).toBeVisible();
  await expect(newEmail).toBeFocused();
  await expect(newEmail).toHaveAttribute('aria-invalid', 'true');

  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('bookings@studio-zoe.pl');
  await tabTo(page, phone);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('+48 600 100 200');
  await page.keyboard.press('Enter');
  // Saved: focus is back on the card that was saved (its Edit button), not the page.
  await expect(contact.getByText('bookings@studio-zoe.pl')).toBeVisible();
  await expect(edit).toBeFocused();
});

test('Ctrl+K → a screen: the new screen’s heading has focus and the tab says where you are', async ({ page }) => {
  await openCreators(page);
  await page.keyboard.press('Control+K');
  const input = page.getByPlaceholder('Search creators, campaigns, screens…');
  await expect(input).toBeFocused();
  await page.keyboard.type('Reports');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/reports$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeFocused();
  await expect(page).toHaveTitle('Reports · Sample brand · Fanfare');

  // Navigation by a sidebar link moves focus to the heading too; each screen has one h1.
  const seeding = page.getByRole('link', { name: 'Seeding' });
  await tabTo(page, seeding, { back: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Seeding' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page).toHaveTitle('Seeding · Sample brand · Fanfare');
});

test('a refused form puts focus on the first field in error, and the dialog’s buttons stay in sight', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/campaigns');
  const heading = page.getByRole('heading', { level: 1, name: 'Campaigns & programs' });
  await expect(heading).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveTitle('Campaigns & programs · Sample brand · Fanfare');
  await tabTo(page, page.getByRole('button', { name: 'New campaign' }).first());
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New campaign' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  const create = dialog.getByRole('button', { name: 'Create campaign' });
  // The long form scrolls; Create stays on screen.
  await expect(create).toBeInViewport();
  await tabTo(page, create);
  await expect(create).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(dialog.getByText(/needs? attention/)).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
});
