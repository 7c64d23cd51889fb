import { expect, test, type Page } from '@playwright/test';

// Late November: a right ending next December must say its year, or it reads as long expired.
const NOW = new Date('2026-11-21T10:00:00Z');

async function openRightsForm(page: Page) {
  await page.goto('/#/rights');
  await expect(page.getByRole('heading', { name: 'Usage rights' })).toBeVisible();
  await page.getByRole('button', { name: 'Add a usage right' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a usage right' });
  await dialog.getByRole('combobox', { name: 'Covers' }).click();
  await page.getByRole('option').first().click();
  return dialog;
}

test('a usage right: a negative fee, a made-up country and an empty end date are refused with reasons; next year’s end shows its year', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(NOW);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  const dialog = await openRightsForm(page);

  // A negative fee is refused under the field, not turned into 0.
  const fee = dialog.getByRole('textbox', { name: 'Fee' });
  await fee.fill('-5');
  await expect(dialog.getByText('Fee cannot be negative (“-5”).')).toBeVisible();
  await expect(fee).toHaveValue('-5');

  // Worldwide plus a code that is no country.
  const territory = dialog.getByRole('combobox', { name: 'Territory' });
  await territory.fill('XX');
  await territory.press('Enter');
  await expect(dialog.getByText('“XX” is not a country: use a two-letter code such as PL, or a name such as Poland')).toBeVisible();

  // "On a date" with no date: no "no end date" preview, and saving says what to do.
  await dialog.getByText('On a date', { exact: true }).click();
  await expect(dialog.getByTestId('rights-end-summary')).toHaveText('Choose the end date, or choose No end date.');
  await expect(dialog.getByTestId('rights-badge')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Add usage right' }).click();
  await expect(dialog.locator('.mantine-InputWrapper-error', { hasText: 'Choose the end date, or choose No end date' })).toBeVisible();
  await expect(dialog.locator('.mantine-InputWrapper-error', { hasText: 'Fee cannot be negative' })).toBeVisible();
  await page.screenshot({ path: '/tmp/h/rights-form-refused.png' });
  await expect(dialog).toBeVisible();

  // Put right: country names instead of codes; worldwide beside them is refused.
  await territory.press('Backspace');
  await territory.press('Backspace');
  for (const name of ['Polska', 'Deutschland', 'worldwide']) {
    await territory.fill(name);
    await territory.press('Enter');
  }
  await expect(dialog.getByText('Worldwide already covers every country: remove PL, DE, or remove Worldwide to limit the right to those countries')).toBeVisible();
  await territory.press('Backspace');
  await expect(dialog.getByText(/Worldwide already covers/)).toHaveCount(0);
  // Written the German way; it says what it read before anything is stored.
  await fee.fill('1.500,5');
  await expect(dialog.getByText('= 1,500.50')).toBeVisible();
  await dialog.getByLabel('Last day of use').fill('2027-12-05');
  await expect(dialog.getByTestId('rights-end-summary')).toContainText('Last day of use: 5 Dec 2027.');
  await dialog.getByRole('button', { name: 'Add usage right' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('rights-row').filter({ hasText: 'Poland, Germany' });
  await expect(row).toHaveCount(1);
  // This year's start needs no year; next year's end names it.
  await expect(row).toContainText('21 Nov → 5 Dec 2027');
  await expect(row.getByTestId('rights-badge')).toHaveText(/until 5 Dec 2027$/);
  await expect(row).toContainText('$1,500.50');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/h/rights-list.png', fullPage: true });
});

test('a duration that cannot be read is refused under the field, and “No end date” is said, not assumed', async ({ page }) => {
  await page.clock.setFixedTime(NOW);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  const dialog = await openRightsForm(page);
  const duration = dialog.getByRole('textbox', { name: 'Duration' });
  await duration.fill('0');
  await duration.blur();
  await expect(dialog.getByText('A duration is at least 1: or choose No end date.')).toBeVisible();
  await duration.fill('18');
  await expect(dialog.getByTestId('rights-end-summary')).toContainText('Last day of use: 20 May 2028.');
  await dialog.getByText('No end date', { exact: true }).click();
  await expect(dialog.getByTestId('rights-end-summary')).toContainText('No end date: usage does not end until an end is recorded.');
  await expect(dialog.getByTestId('rights-badge')).toHaveText(/no end date$/);
});

test('a follow-up limit of -3 is refused with its reason instead of switching follow-ups off', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring Glow seeding' }).click();
  await page.getByRole('tab', { name: 'Outreach' }).click();
  const rule = page.getByTestId('follow-up-rule');
  const most = rule.getByRole('textbox', { name: 'At most (follow-ups)' });
  const before = await most.inputValue();
  expect(before).not.toBe('0');
  await most.fill('-3');
  await expect(rule.getByText('Follow-ups cannot be negative (“-3”).')).toBeVisible();
  await rule.getByRole('button', { name: 'Save rule' }).click();
  await expect(rule.getByText('Follow-ups cannot be negative (“-3”).')).toBeVisible();
  await rule.screenshot({ path: '/tmp/h/follow-up-rule-refused.png' });
  // Nothing was stored: the saved rule comes back as it was.
  await page.reload();
  await page.getByRole('tab', { name: 'Outreach' }).click();
  await expect(page.getByTestId('follow-up-rule').getByRole('textbox', { name: 'At most (follow-ups)' })).toHaveValue(before);
});
