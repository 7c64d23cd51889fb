import { expect, test, type Page } from '@playwright/test';
import { setMyName } from './laptops';

/**
 * Issue 4's whole path in one go: plan a gifting campaign, bring creators in
 * from a saved view, drag them along the board, prepare their outreach and
 * take an opt-in on a call.
 */
test.setTimeout(180_000);

const column = (page: Page, name: string) => page.getByTestId('board-column').filter({ has: page.getByText(name, { exact: true }) });

test('a gifting campaign from the plan to a creator who said yes', async ({ page }) => {
  await page.goto('/');
  await setMyName(page, 'Sam Lee');

  // A saved view of the creators we want: nano creators.
  await page.goto('/#/creators');
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await page.getByRole('combobox', { name: 'Tier' }).click();
  await page.getByRole('option', { name: /^Nano/ }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'Save as a new view…' }).click();
  await page.getByRole('dialog', { name: 'Save as a new view' }).getByLabel('View name').fill('Nano creators');
  await page.getByRole('dialog', { name: 'Save as a new view' }).getByRole('button', { name: 'Save view' }).click();

  // The plan: a gifting campaign with a budget and a bucket.
  await page.goto('/#/campaigns');
  await page.getByRole('button', { name: 'New campaign' }).first().click();
  const form = page.getByRole('dialog', { name: 'New campaign' });
  await form.getByLabel('Name').fill('Winter glow gifting');
  await form.getByRole('textbox', { name: 'Budget', exact: true }).fill('5000');
  await form.getByRole('button', { name: 'Add a bucket' }).click();
  await form.getByRole('textbox', { name: 'Bucket 1 name' }).fill('Nano');
  await form.getByRole('textbox', { name: 'Bucket 1 followers from', exact: true }).fill('1000');
  await form.getByRole('textbox', { name: 'Bucket 1 followers to', exact: true }).fill('9999');
  await form.getByRole('textbox', { name: 'Bucket 1 target creators', exact: true }).fill('20');
  await form.getByRole('button', { name: 'Create campaign' }).click();
  await expect(form).toBeHidden();
  await page.getByRole('link', { name: 'Winter glow gifting' }).click();

  // Creators from the saved view land on the shortlist; the bucket counts them.
  await page.getByRole('button', { name: 'Add creators' }).click();
  const adding = page.getByRole('dialog', { name: /Add creators to Winter glow gifting/ });
  await adding.getByRole('combobox', { name: 'Saved view' }).click();
  await page.getByRole('option', { name: 'Nano creators' }).click();
  await adding.getByRole('button', { name: /^Add \d+ creators?$/ }).click();
  await expect(adding).toBeHidden();
  await expect(page.getByTestId('bucket-progress')).toContainText(/Nano\d+ of 20/);
  await expect(column(page, 'Shortlisted').getByTestId('board-card').first()).toBeVisible();

  // Along the board: shortlisted → contacted → replied → opted in, by dragging.
  const card = column(page, 'Shortlisted').getByTestId('board-card').first();
  const name = await card.locator('a').innerText();
  // By the link to the creator, not the name: the sample workspace can have two creators of the same name.
  const href = (await card.locator('a').getAttribute('href'))!;
  const byCreator = { has: page.locator(`a[href="${href}"]`) };
  const cardOf = () => page.getByTestId('board-card').filter(byCreator);
  await cardOf().dragTo(column(page, 'Contacted'));
  await expect(column(page, 'Contacted').getByTestId('board-card').filter(byCreator)).toBeVisible();
  await cardOf().dragTo(column(page, 'Replied'));
  await expect(column(page, 'Replied').getByTestId('board-card').filter(byCreator)).toBeVisible();
  await cardOf().dragTo(column(page, 'Opted in'));
  await expect(column(page, 'Opted in').getByTestId('board-card').filter(byCreator)).toBeVisible();

  // Outreach for the next creators on the shortlist: a batch, prepared with every value checked.
  await page.getByRole('tab', { name: 'Outreach' }).click();
  const rows = page.getByTestId('outreach-creator-row');
  await expect(rows.first()).toBeVisible();
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Prepare batch for 2' }).click();
  const batch = page.getByTestId('outreach-batch');
  await expect(batch.getByTestId('batch-summary')).toHaveText(/\d ready · \d held back|\d ready|\d held back/);
  await expect(batch.getByTestId('batch-row')).toHaveCount(2);
  for (const link of await batch.getByRole('link', { name: 'Open in mail app' }).all()) {
    expect(decodeURIComponent((await link.getAttribute('href'))!)).not.toContain('{{');
  }

  // The opt-in on a call, for the creator who said yes.
  await page.getByRole('tab', { name: 'Table' }).click();
  const row = page.getByTestId('campaign-table-row').filter(byCreator);
  await expect(row.getByLabel(`Missing for ${name}`)).toContainText('Agreement');
  await row.getByRole('button', { name: `More for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Opt-in details…' }).click();
  const optIn = page.getByRole('dialog', { name: `Opt-in · ${name}` });
  await optIn.getByLabel('Recipient').fill(name);
  await optIn.getByLabel('Address', { exact: true }).fill('Nguyễn Trãi 12');
  await optIn.getByLabel('Postcode').fill('100000');
  await optIn.getByLabel('City').fill('Hà Nội');
  await optIn.getByRole('combobox', { name: 'Country' }).fill('Vietnam');
  await page.getByRole('option', { name: /Vietnam|Viet Nam/ }).first().click();
  await optIn.getByLabel('Top').fill('S');
  await optIn.getByLabel('Product choice').fill('Glow Serum 30 ml');
  await optIn.getByLabel('Product choice').press('Enter');
  await optIn.getByLabel('Product choice').press('Tab');
  await optIn.getByLabel(/They agreed to the campaign terms/).check();
  await optIn.getByRole('button', { name: 'Save opt-in' }).click();
  await expect(row.getByText('Complete')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/campaign-journey.png' });
});
