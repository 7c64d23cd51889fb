import { expect, test, type Locator, type Page } from '@playwright/test';

/** Mantine's Rating hides its radios behind the stars; a person clicks the star, which is the radio's label. */
async function rate(page: Page, rating: Locator, stars: number) {
  const id = await rating.getByRole('radio', { name: String(stars), exact: true }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click({ force: true });
}

async function openFirstCreator(page: Page) {
  await page.goto('/#/creators');
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('creator-row').first().click();
  await expect(page).toHaveURL(/#\/creators\/.+/);
}

test('a profile is edited in place: wrong values are said beside the field, Escape cancels, a save can be undone', async ({ page }) => {
  await openFirstCreator(page);
  const contact = page.getByTestId('contact-card');

  await contact.getByRole('button', { name: 'Edit contact' }).click();
  await contact.getByRole('button', { name: 'Add an email' }).click();
  await contact.getByRole('textbox', { name: 'Email' }).last().fill('not-an-email');
  await contact.getByRole('button', { name: 'Save' }).click();
  await expect(contact.getByText('This is not an email address')).toBeVisible();
  await contact.getByRole('textbox', { name: 'Email' }).last().fill('bookings@studio-zoe.pl');
  await contact.getByRole('textbox', { name: 'Phone', exact: true }).fill('+48 600 100 200');
  await contact.getByRole('button', { name: 'Save' }).click();
  await expect(contact.getByText('bookings@studio-zoe.pl')).toBeVisible();
  await expect(contact.getByText('+48 600 100 200')).toBeVisible();

  // Undo from the notification takes the whole save back.
  await page.getByRole('alert').getByRole('button', { name: 'Undo' }).click();
  await expect(contact.getByText('bookings@studio-zoe.pl')).toBeHidden();

  // Escape asks before throwing typed changes away, and leaves without saving when told to.
  await contact.getByRole('button', { name: 'Edit contact' }).click();
  await contact.getByRole('textbox', { name: 'Phone', exact: true }).fill('000');
  await contact.getByRole('textbox', { name: 'Phone', exact: true }).press('Escape');
  await contact.getByRole('button', { name: 'Discard changes' }).click();
  await expect(contact.getByText('000')).toBeHidden();
  await expect(contact.getByRole('button', { name: 'Edit contact' })).toBeVisible();
});

test('new follower numbers move the creator to another tier, and the change is in the history', async ({ page }) => {
  await openFirstCreator(page);
  const accounts = page.getByTestId('accounts-card');
  await accounts.getByRole('button', { name: 'Edit accounts' }).click();
  await accounts.getByRole('textbox', { name: 'Followers' }).first().fill('2500000');
  await accounts.getByRole('textbox', { name: 'Engagement' }).first().fill('4.2');
  await accounts.getByRole('button', { name: 'Save' }).click();
  await expect(accounts.getByText('2.5M followers')).toBeVisible();
  await expect(accounts.getByText(/4\.2% engagement/)).toBeVisible();
  await expect(page.getByText('Mega', { exact: true })).toBeVisible();
  await expect(page.getByTestId('record-history')).toContainText('You changed platform accounts');

  const about = page.getByTestId('about-card');
  await about.getByRole('button', { name: 'Edit about' }).click();
  await about.getByRole('combobox', { name: 'Tags' }).fill('warm-lead');
  await about.getByRole('combobox', { name: 'Tags' }).press('Enter');
  await about.getByRole('combobox', { name: 'Tags' }).press('Control+Enter');
  await expect(about.getByText('warm-lead')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/creator-profile.png', fullPage: true });
});

test('a creator is scored per campaign on the workspace’s criteria, with the weighted score shown', async ({ page }) => {
  await page.goto('/#/settings');
  const criteria = page.getByTestId('vetting-criteria');
  await expect(criteria.getByRole('textbox', { name: 'Criterion' })).toHaveCount(5, { timeout: 30_000 });
  await criteria.getByRole('textbox', { name: 'Audience fit weight' }).fill('3');

  await page.goto('/#/creators/demo-cr-000000'); // in the sample Spring campaign
  const vetting = page.getByTestId('scorecards-card');
  await expect(vetting.getByTestId('weighted-score').first()).toHaveText('Not scored');
  await vetting.getByRole('button', { name: 'Score' }).first().click();
  // Audience fit 5 (×3), Content quality 3 (×1): (15 + 3) / 4 = 4.5
  await rate(page, vetting.getByLabel('Audience fit score'), 5);
  await vetting.getByRole('textbox', { name: 'Audience fit note' }).fill('80% women 25–34 in Poland: our buyers');
  await rate(page, vetting.getByLabel('Content quality score'), 3);
  await vetting.getByRole('button', { name: 'Save scores' }).click();
  await expect(vetting.getByTestId('weighted-score').first()).toHaveText('4.5 / 5');
  await expect(vetting).toContainText('80% women 25–34 in Poland: our buyers');
  await page.screenshot({ path: 'test-results/screens/creator-vetting.png', fullPage: true });
});

test('custom fields added in Settings appear on every profile and keep their values', async ({ page }) => {
  await page.goto('/#/settings');
  const settings = page.getByTestId('custom-fields');
  await settings.getByLabel('New field').fill('Pet friendly');
  await settings.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Yes / no' }).click();
  await settings.getByRole('button', { name: 'Add field' }).click();
  await settings.getByLabel('New field').fill('Discount code used');
  await settings.getByRole('button', { name: 'Add field' }).click();
  await expect(settings.getByText('Pet friendly')).toBeVisible();

  await openFirstCreator(page);
  const card = page.getByTestId('custom-fields-card');
  await card.getByRole('button', { name: 'Edit more about them' }).click();
  await card.getByRole('combobox', { name: 'Pet friendly' }).click();
  await page.getByRole('option', { name: 'Yes' }).click();
  await card.getByRole('textbox', { name: 'Discount code used' }).fill('ZOE15');
  await card.getByRole('button', { name: 'Save' }).click();
  await page.reload();
  await expect(page.getByTestId('custom-fields-card')).toContainText('Yes');
  await expect(page.getByTestId('custom-fields-card')).toContainText('ZOE15');
});
