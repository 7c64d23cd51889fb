import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A returned opt-in form as a reader saves it, with the phone, a new email and notes the creator wrote. */
async function returnedForm(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  const form = pdf.getForm();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const values: Record<string, string> = {
    'creator.name': 'Maya Johnson', 'creator.email': 'maya.returns@example.com', 'creator.phone': '+44 7700 900123',
    'address.line1': '12 Rose Lane', 'address.city': 'Leeds', 'address.postalCode': 'LS1 4AB', 'address.country': 'United Kingdom',
    notes: 'Sensitive skin, no fragrance please',
  };
  Object.entries(values).forEach(([name, value], i) => {
    const field = form.createTextField(name);
    field.addToPage(page, { x: 50, y: 760 - i * 40, width: 300, height: 24, font });
    field.setText(value);
  });
  return Buffer.from(await pdf.save());
}

test('a returned opt-in form keeps the phone, a new email and the creator’s notes', async ({ page }) => {
  mkdirSync('/tmp/h', { recursive: true });
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring Glow seeding' }).click();
  await page.getByRole('tab', { name: 'Table' }).click();
  await page.getByRole('radiogroup', { name: 'Show step' }).locator('label').filter({ hasText: /^Opted in ·/ }).click();
  const row = page.getByTestId('campaign-table-row').first();
  const name = await row.locator('a').first().innerText();
  await row.getByRole('button', { name: `More for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Opt-in details…' }).click();
  const optIn = page.getByRole('dialog', { name: `Opt-in · ${name}` });

  const chooser = page.waitForEvent('filechooser');
  await optIn.getByRole('button', { name: 'Read their returned form (PDF)' }).click();
  await (await chooser).setFiles({ name: 'opt-in returned.pdf', mimeType: 'application/pdf', buffer: await returnedForm() });
  await expect(optIn.getByTestId('opt-in-from-form')).toContainText('Filled in from opt-in returned.pdf');
  await expect(optIn.getByLabel('Phone (for the courier)')).toHaveValue('+44 7700 900123');
  await expect(optIn.getByLabel('Notes from the creator')).toHaveValue('Sensitive skin, no fragrance please');
  await expect(optIn.getByLabel('Add maya.returns@example.com to their emails')).toBeChecked();
  await page.screenshot({ path: '/tmp/h/returned-opt-in.png' });
  await optIn.getByRole('button', { name: 'Save opt-in' }).click();
  await expect(optIn).toBeHidden();

  // On their profile: the phone, the email, and the note on the timeline.
  await row.locator('a').first().click();
  await expect(page.getByText('+44 7700 900123').first()).toBeVisible();
  await expect(page.getByText('maya.returns@example.com').first()).toBeVisible();
  await expect(page.getByText('Sensitive skin, no fragrance please').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/h/returned-opt-in-profile.png', fullPage: true });
});
