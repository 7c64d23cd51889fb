import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A returned opt-in form: a complete address, sizes are not on it. */
async function returnedForm(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  const form = pdf.getForm();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const values: Record<string, string> = {
    'address.line1': '12 Rose Lane', 'address.city': 'Leeds', 'address.postalCode': 'LS1 4AB', 'address.country': 'United Kingdom',
  };
  Object.entries(values).forEach(([name, value], i) => {
    const field = form.createTextField(name);
    field.addToPage(page, { x: 50, y: 760 - i * 40, width: 300, height: 24, font });
    field.setText(value);
  });
  return Buffer.from(await pdf.save());
}

const queueRow = (page: Page, name: string) => page.getByTestId('follow-up-row').filter({ has: page.getByRole('link', { name, exact: true }) });

test('outreach knows who answered: a returned opt-in clears the follow-up queue, a DM and a call are logged with their channel', async ({ page }) => {
  test.setTimeout(150_000);
  mkdirSync('/tmp/h', { recursive: true });
  await page.goto('/#/follow-ups');
  await expect(page.getByRole('heading', { name: 'Needs follow-up today' })).toBeVisible();
  const seeding = page.getByTestId('follow-up-queue').filter({ has: page.getByRole('link', { name: 'Spring Glow seeding' }) });
  const rows = seeding.getByTestId('follow-up-row');
  await expect(rows.nth(1)).toBeVisible();
  const optedIn = (await rows.nth(0).getByRole('link').first().innerText()).trim();
  const messaged = (await rows.nth(1).getByRole('link').first().innerText()).trim();
  expect(optedIn).not.toBe(messaged);

  // A DM sent from another app, logged from the queue row: the clock restarts, so they are no longer due.
  await queueRow(page, messaged).getByRole('button', { name: 'Log touch' }).click();
  const touch = page.getByRole('dialog', { name: `Log a touch with ${messaged}` });
  await expect(touch.getByRole('combobox', { name: 'Campaign' })).toHaveValue('Spring Glow seeding');
  await touch.getByRole('combobox', { name: 'Channel' }).click();
  await page.getByRole('option', { name: 'Instagram DM' }).click();
  await expect(touch.getByTestId('touch-effect')).toHaveText(/Counts as contact in Spring Glow seeding/);
  await touch.getByLabel('What was said').fill('Nudged them about the serum on Instagram');
  await page.screenshot({ path: '/tmp/h/log-touch-modal.png' });
  await touch.getByRole('button', { name: 'Log touch' }).click();
  await expect(touch).toBeHidden();
  await expect(queueRow(page, messaged)).toHaveCount(0);

  // On their profile: the DM with its channel; then they call back, logged from the timeline.
  await page.goto('/#/follow-ups');
  await page.keyboard.press('Control+K');
  await page.getByPlaceholder('Search creators, campaigns, screens…').fill(messaged);
  await page.getByRole('button', { name: new RegExp(messaged) }).first().click();
  const timeline = page.getByTestId('creator-timeline');
  const dm = timeline.getByTestId('timeline-item').filter({ hasText: 'Sent an Instagram DM' });
  await expect(dm).toContainText('Instagram DM');
  await expect(dm).toContainText('Nudged them about the serum on Instagram');
  await timeline.getByRole('button', { name: 'Log a touch' }).click();
  const call = page.getByRole('dialog', { name: `Log a touch with ${messaged}` });
  await call.getByRole('combobox', { name: 'Channel' }).click();
  await page.getByRole('option', { name: 'Phone call' }).click();
  await call.getByText('They replied').click();
  await expect(call.getByTestId('touch-effect')).toHaveText(/Counts as their reply/);
  await call.getByLabel('What was said').fill('Called back: yes to the serum, sends address by email');
  await call.getByRole('button', { name: 'Log touch' }).click();
  await expect(call).toBeHidden();
  const callLine = timeline.getByTestId('timeline-item').filter({ hasText: 'They called us' });
  await expect(callLine).toContainText('Phone call');
  await expect(timeline.getByText('Moved to Replied', { exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/h/timeline-touches.png', fullPage: true });

  // The other creator returns the opt-in form; nobody presses Replied, and still they leave the queue.
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring Glow seeding' }).click();
  await page.getByRole('tab', { name: 'Table' }).click();
  const row = page.getByTestId('campaign-table-row').filter({ has: page.getByRole('link', { name: optedIn, exact: true }) }).first();
  await row.getByRole('button', { name: `More for ${optedIn}` }).click();
  await page.getByRole('menuitem', { name: 'Opt-in details…' }).click();
  const optIn = page.getByRole('dialog', { name: `Opt-in · ${optedIn}` });
  const chooser = page.waitForEvent('filechooser');
  await optIn.getByRole('button', { name: 'Read their returned form (PDF)' }).click();
  await (await chooser).setFiles({ name: 'opt-in returned.pdf', mimeType: 'application/pdf', buffer: await returnedForm() });
  await expect(optIn.getByTestId('opt-in-from-form')).toContainText('Filled in from opt-in returned.pdf');
  await optIn.getByRole('button', { name: 'Save opt-in' }).click();
  await expect(optIn).toBeHidden();

  await page.goto('/#/follow-ups');
  await expect(page.getByRole('heading', { name: 'Needs follow-up today' })).toBeVisible();
  await expect(page.getByTestId('follow-up-row').first()).toBeVisible();
  await expect(queueRow(page, optedIn)).toHaveCount(0);
  await page.screenshot({ path: '/tmp/h/follow-ups-after-opt-in.png', fullPage: true });
});
