import { expect, test } from '@playwright/test';

const briefText = (page: import('@playwright/test').Page) => page.getByRole('textbox', { name: 'Brief text' });

test('a program brief starts from the team’s sections, goes to creators, and next month’s version starts from it', async ({ page }) => {
  await page.goto('/#/briefs');
  await page.getByRole('button', { name: 'New brief' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New brief' });
  await dialog.getByRole('combobox', { name: 'For campaign or program' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  // A program's brief is named for its month unless someone types a title.
  await expect(dialog.getByLabel('Brief title')).toHaveAttribute('placeholder', /^Run Club ambassadors — \w+ \d{4}$/);
  await dialog.getByRole('button', { name: 'Create brief' }).click();

  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveValue(/^Run Club ambassadors — /);
  await expect(briefText(page).getByRole('heading', { name: 'Mandatory elements' })).toBeVisible();
  await expect(briefText(page).getByRole('heading', { name: 'Key dates' })).toBeVisible();
  await briefText(page).getByRole('heading', { name: 'Overview' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('This month: the winter trail shoe.');

  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Approved' }).click();
  await expect(page.getByTestId('brief-versions')).toContainText('Approved');

  // Sent to the program's creators: recorded on the brief, in their timelines.
  await page.getByRole('button', { name: 'Mark as sent…' }).click();
  const send = page.getByRole('dialog', { name: 'Who received this version?' });
  const boxes = send.getByRole('checkbox');
  const all = await boxes.count();
  expect(all).toBeGreaterThan(1);
  await boxes.first().uncheck();
  await send.getByRole('button', { name: `Mark as sent to ${all - 1}` }).click();
  await expect(page.getByTestId('brief-recipients').getByRole('link')).toHaveCount(all - 1);
  await expect(page.getByTestId('brief-versions')).toContainText(`sent to ${all - 1}`);
  await page.screenshot({ path: 'test-results/screens/brief-record.png' });

  // Next month's version: a copy to update, with its own status and recipients.
  await page.getByTestId('brief-versions').getByRole('button', { name: /^Start \w+ \d{4}’s brief$/ }).click();
  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveValue(/^Run Club ambassadors — /);
  await expect(briefText(page)).toContainText('This month: the winter trail shoe.');
  await expect(page.getByTestId('brief-versions').getByText(/^v[12] · /)).toHaveCount(2);
  await expect(page.getByTestId('brief-recipients')).toContainText('Nobody yet');
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('Draft');

  // The creator's timeline says which version they have.
  await page.goBack();
  const first = page.getByTestId('brief-recipients').getByRole('link').first();
  await first.click();
  await expect(page.getByText(/Brief sent: Run Club ambassadors — \w+ \d{4} \(v1\)/).first()).toBeVisible();
});
