import { expect, test, type Locator, type Page } from '@playwright/test';
import { setMyName } from './laptops';

/**
 * Issue 20: numbers in offers and budgets are read as typed and refused with
 * the reason, never clamped; a logged offer can be withdrawn long after its
 * Undo notice is gone, and put back.
 */
test.setTimeout(120_000);

async function openNegotiation(page: Page): Promise<{ dialog: Locator; name: string }> {
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring Glow seeding' }).click();
  await page.getByRole('tab', { name: 'Offers' }).click();
  const row = page.getByTestId('offer-row').filter({ hasText: 'No offer yet' }).first();
  const name = (await row.getByRole('link').innerText()).trim();
  await row.getByRole('button', { name: 'Make an offer' }).click();
  return { dialog: page.getByRole('dialog', { name: `Negotiation with ${name}` }), name };
}

test('an offer with a negative fee, 250% commission and 99,999 days of exclusivity is refused field by field, and nothing is logged', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  const { dialog } = await openNegotiation(page);
  const form = dialog.getByTestId('offer-form');

  await form.getByRole('textbox', { name: 'Fee' }).fill('-500');
  await form.getByRole('textbox', { name: 'Commission on sales (%)' }).fill('250');
  await form.getByRole('textbox', { name: 'Exclusivity (days)' }).fill('99,999');
  await form.getByRole('button', { name: 'Log our offer' }).click();

  await expect(form.getByText('Fee cannot be negative (“-500”).')).toBeVisible();
  await expect(form.getByText('Commission is a share of each sale: at most 100%.')).toBeVisible();
  await expect(form.getByText('Exclusivity is at most ten years (3,650 days).')).toBeVisible();
  // Nothing was logged and what was typed is still there to fix.
  await expect(dialog.getByTestId('offer-entry')).toHaveCount(0);
  await expect(dialog.getByText('No offers yet.', { exact: false })).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Fee' })).toHaveValue('-500');
  await expect(form.getByRole('textbox', { name: 'Exclusivity (days)' })).toHaveValue('99,999');
  await page.screenshot({ path: '/tmp/h/offer-form-refusal.png' });

  // "1.5k" is read as 1,500 and said so while typing; fixed values log as typed.
  await form.getByRole('textbox', { name: 'Fee' }).fill('1.5k');
  await expect(form.getByText('= 1,500', { exact: true })).toBeVisible();
  await expect(form.getByText('Fee cannot be negative (“-500”).')).toBeHidden();
  await form.getByRole('textbox', { name: 'Commission on sales (%)' }).fill('10');
  await form.getByRole('textbox', { name: 'Exclusivity (days)' }).fill('30');
  await form.getByRole('button', { name: 'Log our offer' }).click();
  await expect(dialog.getByTestId('offer-entry')).toHaveCount(1);
  await expect(dialog.getByTestId('offer-entry').first()).toContainText('$1,500.00 fee · 10% commission · 30 days exclusive');
});

test('an accepted counter-offer is withdrawn after its Undo notice is gone: marked in the history, no longer the terms, and put back', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await setMyName(page, 'Sam Lee');
  const { dialog, name } = await openNegotiation(page);
  const form = dialog.getByTestId('offer-form');
  const entries = dialog.getByTestId('offer-entry');

  await form.getByRole('textbox', { name: 'Fee' }).fill('1.5k');
  await form.getByRole('button', { name: 'Log our offer' }).click();
  await expect(entries).toHaveCount(1);
  await form.getByRole('textbox', { name: 'Fee' }).fill('1,800');
  await form.getByRole('button', { name: 'Log their counter-offer' }).click();
  await expect(entries).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Accept their offer' }).click();
  await expect(dialog.getByTestId('agreed-terms')).toContainText('$1,800.00 fee');

  // The Undo notice goes away on its own; the offer can still be withdrawn.
  const notice = page.getByRole('alert').filter({ hasText: `Terms agreed with ${name}` });
  await expect(notice).toBeVisible();
  await expect(notice).toBeHidden({ timeout: 15_000 });
  await entries.nth(1).getByRole('button', { name: 'Withdraw…' }).click();
  const confirm = dialog.getByTestId('withdraw-confirm');
  await expect(confirm).toContainText('Withdraw this counter-offer?');
  await expect(confirm).toContainText('No terms will be agreed: the budget no longer counts them as committed. The offer before it is on the table again: $1,500.00 fee.');
  await page.screenshot({ path: '/tmp/h/offer-withdraw-confirm.png' });
  await confirm.getByRole('button', { name: 'Withdraw counter-offer' }).click();

  await expect(dialog.getByTestId('offer-withdrawn')).toHaveText('Withdrawn');
  await expect(entries.nth(1).getByTestId('offer-withdrawn-by')).toContainText('Withdrawn by Sam Lee (you) on');
  await expect(entries.nth(1).getByTestId('offer-withdrawn-by')).toContainText('no longer the agreed terms');
  await expect(dialog.getByTestId('agreed-terms')).toHaveCount(0);
  // Our offer is the one on the table again.
  await expect(entries.nth(0).getByRole('button', { name: `${name.split(' ')[0]} accepted` })).toBeVisible();
  await page.screenshot({ path: '/tmp/h/offer-history-withdrawn.png' });

  // Put back: the counter is the agreed terms again.
  await entries.nth(1).getByRole('button', { name: 'Put back' }).click();
  await expect(dialog.getByTestId('agreed-terms')).toContainText('$1,800.00 fee');
  await expect(dialog.getByTestId('offer-withdrawn')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.locator('.mantine-SegmentedControl-label', { hasText: /^Agreed$/ }).click();
  await expect(page.getByTestId('offer-row').filter({ hasText: name })).toContainText('$1,800.00 fee');
});

test('a budget of -5,000 is refused in the campaign form with the reason, and no campaign is created', async ({ page }) => {
  await page.goto('/#/campaigns');
  await page.getByRole('button', { name: 'New campaign' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New campaign' });
  await dialog.getByLabel('Name').fill('Negative budget launch');
  await dialog.getByRole('textbox', { name: 'Budget', exact: true }).fill('-5,000');
  await dialog.getByRole('button', { name: 'Create campaign' }).click();
  await expect(dialog.getByText('Budget cannot be negative (“-5,000”).', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('alert')).toContainText('Budget: Budget cannot be negative');
  await expect(dialog.getByRole('textbox', { name: 'Budget', exact: true })).toHaveValue('-5,000');
  await page.screenshot({ path: '/tmp/h/campaign-budget-refusal.png' });

  await dialog.getByRole('textbox', { name: 'Budget', exact: true }).fill('5k');
  await expect(dialog.getByText('= 5,000', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Create campaign' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name: 'Negative budget launch' })).toBeVisible();
});
