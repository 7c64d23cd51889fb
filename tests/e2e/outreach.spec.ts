import { expect, test, type Page } from '@playwright/test';
import { setMyName } from './laptops';

// Not UTC, so "today" and the follow-up's due day are the browser's own calendar day, not the server's.
test.use({ timezoneId: 'America/Los_Angeles' });

const money = (text: string) => Number(text.replace(/[^0-9.]/g, ''));

async function openCampaignTab(page: Page, campaign: string, tab: string) {
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: campaign }).click();
  await page.getByRole('tab', { name: tab }).click();
}

test('outreach: a template previewed per creator, a batch with one held back, sends logged, the follow-up queue the next day, a reply and the reply rate', async ({ page }) => {
  // A whole outreach round on a shared machine: more than the default minute.
  test.setTimeout(150_000);
  // Monday morning in Los Angeles; the follow-up is due on Tuesday.
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00-08:00'));
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await setMyName(page, 'Sam Lee');
  await openCampaignTab(page, 'Spring Glow seeding', 'Outreach');

  // The sample templates are there, written like a brand would.
  await expect(page.getByTestId('template-row').filter({ hasText: 'Seeding invitation' })).toBeVisible();

  // Write a template with merge fields.
  await page.getByRole('button', { name: 'New template' }).click();
  const editor = page.getByRole('dialog', { name: 'New template' });
  await editor.getByLabel('Name').fill('Spring launch note');
  await editor.getByLabel('Subject').fill('{{first_name}}, your Spring Glow code');
  await editor.getByLabel('Message').fill('Hi {{first_name}},\n\nYour code {{frist_name}} is ready.');
  await expect(editor.getByText('A merge field is not recognised')).toBeVisible();
  await editor.getByLabel('Message').fill('Hi {{first_name}},\n\nYour code ');
  await editor.getByRole('button', { name: 'Discount code' }).click();
  await editor.getByLabel('Message').press('End');
  await editor.getByLabel('Message').pressSequentially(' gives your followers 15% off {{product}}.\n\n');
  await editor.getByRole('button', { name: 'Your name' }).click();
  await expect(editor.getByLabel('Message')).toHaveValue('Hi {{first_name}},\n\nYour code {{code}} gives your followers 15% off {{product}}.\n\n{{sender_name}}');
  await expect(editor.getByText('A merge field is not recognised')).toBeHidden();
  await editor.getByRole('button', { name: 'Create template' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Template', exact: true })).toHaveValue(/Spring launch note/);

  // Preview creator by creator: find one whose code is missing (flagged) and one who is ready.
  const rows = page.getByTestId('outreach-creator-row');
  await expect(rows.first()).toBeVisible();
  const preview = page.getByTestId('message-preview');
  let held: string | null = null;
  let ready: string | null = null;
  for (let i = 0; i < (await rows.count()) && (!held || !ready); i++) {
    const row = rows.nth(i);
    const name = (await row.locator('td').nth(1).innerText()).trim();
    await row.locator('td').nth(1).click();
    await expect(preview).toContainText(name);
    if (await preview.getByTestId('preview-problems').isVisible()) held ??= name;
    else ready ??= name;
  }
  expect(held && ready).toBeTruthy();
  await rows.filter({ hasText: held! }).locator('td').nth(1).click();
  await expect(preview.getByTestId('preview-problems')).toHaveText(/Missing discount code/);
  await expect(preview.locator('[data-missing="code"]')).toHaveText('missing: discount code');
  await expect(preview.getByRole('link', { name: 'Open in mail app' })).toHaveCount(0);
  await rows.filter({ hasText: ready! }).locator('td').nth(1).click();
  await expect(preview.locator('[data-field="first_name"]').first()).toHaveText(ready!.split(' ')[0]);
  await expect(preview.locator('[data-field="sender_name"]')).toHaveText('Sam Lee');
  await expect(preview.locator('[data-field="code"]')).toHaveText(/^[A-Z]+15$/);
  await page.screenshot({ path: 'test-results/screens/outreach-preview.png', fullPage: true });

  // A batch of two: one ready, one held back and never sendable.
  await page.getByRole('checkbox', { name: `Select ${held}` }).check();
  await page.getByRole('checkbox', { name: `Select ${ready}` }).check();
  await page.getByRole('button', { name: 'Prepare batch for 2' }).click();
  const batch = page.getByTestId('outreach-batch');
  await expect(batch.getByTestId('batch-summary')).toHaveText('1 ready · 1 held back');
  const heldRow = batch.getByTestId('batch-row').filter({ hasText: held! });
  await expect(heldRow.getByTestId('held-reason')).toHaveText('Missing discount code');
  await expect(heldRow.getByRole('button', { name: 'Log as sent' })).toHaveCount(0);
  const readyRow = batch.getByTestId('batch-row').filter({ hasText: ready! });
  const mailto = await readyRow.getByRole('link', { name: 'Open in mail app' }).getAttribute('href');
  expect(mailto).toMatch(/^mailto:[^?]+@[^?]+\?subject=[^&]*%20your%20Spring%20Glow%20code&body=Hi%20/);
  expect(decodeURIComponent(mailto!)).not.toContain('{{');
  await page.screenshot({ path: 'test-results/screens/outreach-batch.png', fullPage: true });
  await batch.getByRole('button', { name: 'Log 1 ready as sent' }).click();
  await expect(batch.getByTestId('batch-summary')).toHaveText('1 ready · 1 held back · 1 logged as sent');
  await expect(page.getByTestId('template-row').filter({ hasText: 'Spring launch note' }).getByTestId('reply-rate')).toHaveText('0% · 0 of 1 replied');

  // Follow up after one day.
  const rule = page.getByTestId('follow-up-rule');
  await rule.getByLabel('Follow up after (days)').fill('1');
  await rule.getByRole('button', { name: 'Save rule' }).click();
  await expect(rule.getByRole('button', { name: 'Save rule' })).toBeDisabled();
  await expect(page.getByTestId('follow-up-queue').getByText(ready!)).toHaveCount(0);

  const openQueue = async () => {
    await page.goto('/#/overview');
    // The palette can close while the screen under it is still settling after the jump: open it again then.
    await expect(async () => {
      if (!(await page.getByPlaceholder('Search creators, campaigns, screens…').isVisible())) await page.keyboard.press('Control+K');
      await page.getByPlaceholder('Search creators, campaigns, screens…').fill('follow-up', { timeout: 2_000 });
      await page.getByRole('button', { name: /Needs follow-up today/ }).click({ timeout: 3_000 });
      await expect(page.getByRole('heading', { name: 'Needs follow-up today' })).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId('follow-up-row').first()).toBeVisible();
  };
  // Monday 11pm in Los Angeles is Tuesday in UTC, but still Monday for this team: not due yet.
  await page.clock.setFixedTime(new Date('2026-11-23T23:00:00-08:00'));
  await openQueue();
  await expect(page.getByTestId('follow-up-row').filter({ hasText: ready! })).toHaveCount(0);

  // Tuesday morning: they are in "Needs follow-up today", reached with Ctrl+K.
  await page.clock.setFixedTime(new Date('2026-11-24T08:00:00-08:00'));
  await openQueue();
  const queueRow = page.getByTestId('follow-up-row').filter({ hasText: ready! });
  await expect(queueRow).toContainText('Due today');
  await expect(queueRow).toContainText('1 of 2');
  await queueRow.getByRole('button', { name: 'Write follow-up' }).click();
  await expect(page.getByLabel(`Follow-up for ${ready}`)).toContainText(`Hi ${ready!.split(' ')[0]}`);
  await page.screenshot({ path: 'test-results/screens/outreach-follow-ups.png', fullPage: true });

  // They replied: off the queue, and the template's reply rate counts it.
  await queueRow.getByRole('button', { name: 'Replied' }).click();
  await expect(page.getByText(`${ready} marked as replied`)).toBeVisible();
  await expect(page.getByTestId('follow-up-row').filter({ hasText: ready! })).toHaveCount(0);
  await openCampaignTab(page, 'Spring Glow seeding', 'Outreach');
  await expect(page.getByTestId('template-row').filter({ hasText: 'Spring launch note' }).getByTestId('reply-rate')).toHaveText('100% · 1 of 1 replied');

  // Their timeline has the send and the reply.
  await page.keyboard.press('Control+K');
  await page.getByPlaceholder('Search creators, campaigns, screens…').fill(ready!);
  await page.getByRole('button', { name: new RegExp(ready!) }).first().click();
  await expect(page.getByText('Sent “Spring launch note”')).toBeVisible();
  await expect(page.getByText('Replied', { exact: true }).first()).toBeVisible();
  // Writing moved them to Contacted, the reply to Replied (the board follows the conversation).
  await expect(page.getByText('Moved to Contacted', { exact: true })).toBeVisible();
  await expect(page.getByText('Moved to Replied', { exact: true })).toBeVisible();
});

test('negotiation: an offer, a counter-offer, accepted as the terms, and the budget moves live', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await openCampaignTab(page, 'Spring Glow seeding', 'Offers');
  const budget = page.getByTestId('budget-card').first();
  await expect(budget).toContainText('$12,000.00 budget');
  const committed = money(await budget.getByTestId('budget-committed').innerText());
  const planned = money(await budget.getByTestId('budget-planned').innerText());

  const row = page.getByTestId('offer-row').filter({ hasText: 'No offer yet' }).first();
  const name = (await row.getByRole('link').innerText()).trim();
  await row.getByRole('button', { name: 'Make an offer' }).click();
  const dialog = page.getByRole('dialog', { name: `Negotiation with ${name}` });
  const impact = dialog.getByTestId('budget-card');

  // Our offer: $400 and a reel with usage rights; the impact shows while typing.
  await dialog.getByRole('textbox', { name: 'Fee' }).fill('400');
  await expect(impact.getByTestId('budget-planned')).toHaveText(`$${(planned + 400).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  await dialog.getByRole('button', { name: 'Add a deliverable' }).click();
  await dialog.getByRole('textbox', { name: 'Due date' }).fill('2026-12-15');
  await dialog.getByRole('textbox', { name: 'Usage rights wanted' }).fill('Paid social, 3 months, US');
  await dialog.getByLabel('Note').fill('One reel in December, paid usage for 3 months.');
  await dialog.getByRole('button', { name: 'Log our offer' }).click();
  await expect(dialog.getByTestId('offer-entry')).toHaveCount(1);
  await expect(dialog.getByTestId('offer-entry').first()).toContainText('$400.00 fee · 1 × Instagram reel by 2026-12-15');

  // Their counter: $550, logged as theirs.
  await expect(dialog.getByRole('radio', { name: 'Creator counters' })).toBeChecked();
  await dialog.getByRole('textbox', { name: 'Fee' }).fill('550');
  await dialog.getByLabel('Note').fill('My reel rate with paid usage is $550.');
  await dialog.getByRole('button', { name: 'Log their counter-offer' }).click();
  await expect(dialog.getByTestId('offer-entry')).toHaveCount(2);
  await expect(dialog.getByTestId('offer-entry').nth(1)).toContainText('Changed: fee');
  await expect(dialog.getByText(`${name} countered`)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/offers-negotiation.png' });

  // Accept: it becomes the terms, and the budget commits it.
  await dialog.getByRole('button', { name: 'Accept their offer' }).click();
  await expect(dialog.getByTestId('agreed-terms')).toContainText('$550.00 fee');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(budget.getByTestId('budget-committed')).toHaveText(`$${(committed + 550).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  await page.locator('.mantine-SegmentedControl-label', { hasText: /^Agreed$/ }).click();
  await expect(page.getByTestId('offer-row').filter({ hasText: name })).toContainText('Agreed');
  await page.screenshot({ path: 'test-results/screens/offers-panel.png', fullPage: true });

  // One undo takes the acceptance back.
  await page.getByRole('alert').filter({ hasText: `Terms agreed with ${name}` }).getByRole('button', { name: 'Undo' }).click();
  await expect(budget.getByTestId('budget-committed')).toHaveText(`$${committed.toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
});
