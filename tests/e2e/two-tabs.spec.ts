import { expect, test, type Page } from '@playwright/test';
import { editPhone } from './laptops';

// Two tabs of one browser profile on one workspace: each has its own data engine and Y.Doc, kept in step
// over a BroadcastChannel (desktop windows share one origin the same way).

async function openCreator(page: Page, index: number): Promise<string> {
  await page.goto('/#/creators');
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('creator-row').nth(index).click();
  await expect(page).toHaveURL(/#\/creators\/.+/);
  return page.url();
}

test('an edit in one tab shows in the other without reloading, and undo in one leaves the other tab’s edit alone', async ({ context }) => {
  const a = await context.newPage();
  const first = await openCreator(a, 0);
  const b = await context.newPage();
  await b.goto(first);
  await expect(b.getByTestId('contact-card')).toBeVisible();

  // A field, saved in tab A, appears in tab B.
  await editPhone(a, '+48 600 100 200');
  await expect(b.getByTestId('contact-card').getByText('+48 600 100 200')).toBeVisible();

  // Rich text (the creator's notes, its own document) too.
  const notesA = a.getByRole('textbox', { name: 'Notes' });
  await notesA.click();
  await a.keyboard.press('Control+End');
  await a.keyboard.press('Enter');
  await a.keyboard.type('Call after the launch');
  await expect(b.getByRole('textbox', { name: 'Notes' })).toContainText('Call after the launch');

  // Tab B edits another creator; tab A sees it.
  const second = await openCreator(b, 1);
  await editPhone(b, '+33 6 12 34 56 78');
  await a.goto(second);
  await expect(a.getByTestId('contact-card').getByText('+33 6 12 34 56 78')).toBeVisible();

  // Ctrl+Z in tab A takes back A's own last edit (the phone on the first creator), not B's newer one.
  await a.locator('body').click({ position: { x: 5, y: 300 } });
  await a.keyboard.press('Control+Z');
  await expect(a.getByText('Undone')).toBeVisible();
  await expect(a.getByTestId('contact-card').getByText('+33 6 12 34 56 78')).toBeVisible();
  await expect(b.getByTestId('contact-card').getByText('+33 6 12 34 56 78')).toBeVisible();
  await b.goto(first);
  await expect(b.getByTestId('contact-card')).toBeVisible();
  await expect(b.getByTestId('contact-card').getByText('+48 600 100 200')).toBeHidden();
  await expect(b.getByRole('textbox', { name: 'Notes' })).toContainText('Call after the launch');
});
