import { expect, test, type Locator, type Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A returned opt-in form as a PDF reader saves it: the documents engine's field names, filled in. */
async function returnedForm(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  const form = pdf.getForm();
  const values: Record<string, string> = {
    'creator.name': 'Zoë Łukasiewicz', 'address.line1': 'ul. Długa 5', 'address.city': 'Kraków', 'address.postalCode': '31-001', 'address.country': 'Polska',
  };
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  Object.entries(values).forEach(([name, value], i) => {
    const field = form.createTextField(name);
    field.addToPage(page, { x: 50, y: 700 - i * 40, width: 300, height: 24, font });
    // Values with letters outside WinAnsi are set without drawing their appearance, as many readers save them.
    field.setText(value);
  });
  const agree = form.createCheckBox('agree');
  agree.addToPage(page, { x: 50, y: 400, width: 16, height: 16 });
  agree.check();
  return Buffer.from(await pdf.save({ updateFieldAppearances: false }));
}

async function rate(page: Page, rating: Locator, stars: number) {
  const id = await rating.getByRole('radio', { name: String(stars), exact: true }).getAttribute('id');
  await page.locator(`label[for="${id}"]`).click({ force: true });
}

const rows = (page: Page) => page.getByTestId('campaign-table-row');
/** The step filter is a segmented control: a person clicks the label ("Shortlisted · 12"). */
const showStep = (page: Page, step: string) => page.getByRole('radiogroup', { name: 'Show step' }).locator('label').filter({ hasText: new RegExp(`^${step} ·`) }).click();

test('creators come in from a saved view, are scored on the shortlist, moved on, and their opt-in is taken on a call', async ({ page }) => {
  // A saved view of the biggest creators.
  await page.goto('/#/creators');
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await page.getByRole('combobox', { name: 'Tier' }).click();
  await page.getByRole('option', { name: /^Mega/ }).click();
  await page.keyboard.press('Escape');
  const inView = Number((await page.getByTestId('shown-count').innerText()).split(' of ')[0].replace(/,/g, ''));
  expect(inView).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'Save as a new view…' }).click();
  await page.getByRole('dialog', { name: 'Save as a new view' }).getByLabel('View name').fill('Mega creators');
  await page.getByRole('dialog', { name: 'Save as a new view' }).getByRole('button', { name: 'Save view' }).click();

  // Into the campaign, from the view.
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring Glow seeding' }).click();
  await page.getByRole('tab', { name: 'Table' }).click();
  const before = await rows(page).count();
  await page.getByRole('button', { name: 'Add creators' }).click();
  const dialog = page.getByRole('dialog', { name: /Add creators to Spring Glow seeding/ });
  await dialog.getByRole('combobox', { name: 'Saved view' }).click();
  await page.getByRole('option', { name: 'Mega creators' }).click();
  const preview = await dialog.getByTestId('add-creators-preview').locator('p').first().innerText();
  const added = Number(preview.match(/^([\d,]+) creators? to add/)![1].replace(/,/g, ''));
  expect(added).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: /^Add \d+ creators?$/ }).click();
  await expect(rows(page)).toHaveCount(before + added);

  // The shortlist: score the first unscored creator; the best score sorts first.
  await showStep(page, 'Shortlisted');
  const row = rows(page).filter({ hasText: 'Not scored' }).first();
  const name = await row.locator('a').first().innerText();
  await row.getByRole('button', { name: `Scorecard of ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Score' }).click();
  await rate(page, page.getByRole('dialog').getByLabel('Audience fit score'), 5);
  await page.getByRole('button', { name: 'Save scores' }).click();
  await page.keyboard.press('Escape');
  await expect(rows(page).filter({ hasText: name }).getByRole('button', { name: `Scorecard of ${name}` })).toHaveText('5.0 / 5');
  await expect(rows(page).first()).toContainText(name);
  await page.screenshot({ path: 'test-results/screens/campaign-table-shortlist.png' });

  // Move them on from the table; the board agrees.
  await rows(page).first().getByRole('combobox', { name: `Step for ${name}` }).click();
  await page.getByRole('option', { name: 'Opted in' }).click();
  await expect(page.getByText(`${name} moved to Opted in`)).toBeVisible();
  await showStep(page, 'Opted in');
  const optedIn = rows(page).filter({ hasText: name });
  await expect(optedIn).toHaveCount(1);

  // The opt-in on a call: what is missing is said, then it is complete.
  await optedIn.getByRole('button', { name: `More for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Opt-in details…' }).click();
  const optIn = page.getByRole('dialog', { name: `Opt-in · ${name}` });
  await optIn.getByLabel('Top').fill('M');
  await optIn.getByLabel('Product choice').fill('Glow serum, rose');
  await optIn.getByLabel('Product choice').press('Enter');
  await expect(optIn.getByTestId('opt-in-gaps')).toContainText(/Shipping address.*Agreement/);
  await optIn.getByRole('button', { name: 'Save opt-in' }).click();
  await expect(optedIn.getByLabel(`Missing for ${name}`)).toContainText('Agreement');

  await optedIn.getByRole('button', { name: `More for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Opt-in details…' }).click();
  // The rest comes back on the form the creator filled in and saved.
  const chooser = page.waitForEvent('filechooser');
  await optIn.getByRole('button', { name: 'Read their returned form (PDF)' }).click();
  await (await chooser).setFiles({ name: 'opt-in filled.pdf', mimeType: 'application/pdf', buffer: await returnedForm() });
  await expect(optIn.getByTestId('opt-in-from-form')).toContainText('Filled in from opt-in filled.pdf');
  await expect(optIn.getByLabel('Recipient')).toHaveValue('Zoë Łukasiewicz');
  await expect(optIn.getByLabel('City')).toHaveValue('Kraków');
  await expect(optIn.getByRole('combobox', { name: 'Country' })).toHaveValue('Poland');
  await expect(optIn.getByLabel(/They agreed to the campaign terms/)).toBeChecked();
  await expect(optIn.getByTestId('opt-in-gaps')).toHaveText('Everything needed to ship is here.');
  await page.screenshot({ path: 'test-results/screens/campaign-opt-in.png' });
  await optIn.getByRole('button', { name: 'Save opt-in' }).click();
  await expect(optedIn.getByText('Complete')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/campaign-table.png' });
});
