import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';

test('contracts are made for a campaign’s creators from their terms, previewed, saved as a PDF, and tracked to signed', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await page.getByRole('link', { name: 'Contracts' }).click();
  await expect(page.getByText('Send your first creator agreement')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/contracts-empty.png' });

  // The brand kit: every document carries the brand's name and colours.
  await page.getByRole('button', { name: 'Brand kit' }).click();
  const kit = page.getByRole('dialog', { name: 'Brand kit' });
  await kit.getByRole('textbox', { name: 'Brand name' }).fill('Glow & Run Co');
  await kit.getByRole('textbox', { name: 'Main colour' }).fill('#0f5132');
  await page.screenshot({ path: 'test-results/screens/brand-kit.png' });
  await kit.getByRole('button', { name: 'Save brand kit' }).click();
  await expect(kit).toBeHidden();

  await page.getByRole('button', { name: 'New contracts' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New contracts' });
  await dialog.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await expect(dialog.getByText(/Creators \(\d+ of \d+\)/)).toBeVisible();
  // Just two creators: untick all, tick the first two.
  await dialog.getByRole('checkbox', { name: 'All' }).uncheck();
  const boxes = dialog.getByRole('checkbox', { name: /^Contract for / });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  const names = await Promise.all([0, 1].map(async (i) => (await boxes.nth(i).getAttribute('aria-label'))!.replace('Contract for ', '')));
  await expect(dialog.getByRole('checkbox', { name: /Disclosure/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /Disclosure/ })).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Brand’s legal name' }).fill('Sample Brand Ltd');
  await page.screenshot({ path: 'test-results/screens/contracts-new.png' });
  await dialog.getByRole('button', { name: 'Create 2 contracts' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText('2 contracts created as drafts')).toBeVisible();
  await expect(page.getByTestId('contract-row')).toHaveCount(2);

  // Preview the first one's pages, then save it.
  const row = page.getByTestId('contract-row').filter({ hasText: names[0] });
  await row.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: /Preview · Creator agreement/ });
  await expect(preview.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByTestId('pdf-summary')).toContainText(/\d+ pages? · \d+ KB · 6 fields to fill in/);
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/screens/contracts-preview.png' });
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Control+s');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Creator agreement – ${names[0]}.pdf`);
  const path = await download.path();
  expect(execFileSync('qpdf', ['--check', path], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const value of [names[0], 'Sample Brand Ltd', 'Glow & Run Co', 'Run Club ambassadors', 'Usage rights', 'Disclosure', 'Signatures']) expect(text).toContain(value);
  // The footer's Close (the last one): the corner ✕ is named Close too.
  await preview.getByRole('button', { name: 'Close' }).last().click();

  // Sent, then the signed copy comes back and is attached.
  await row.getByRole('button', { name: /More for/ }).click();
  await page.getByRole('menuitem', { name: 'Mark as sent' }).click();
  await expect(row.getByText('Sent to creator')).toBeVisible();
  // The creator signs in their PDF reader (pdf-lib fills the fields as a reader would).
  const signed = await PDFDocument.load(readFileSync(path));
  signed.getForm().getTextField('creator.signature').setText(names[0]);
  signed.getForm().getTextField('creator.name').setText(names[0].toUpperCase());
  signed.getForm().getTextField('creator.date').setText('2026-03-02');
  const signedPath = join(dirname(path), 'signed.pdf');
  writeFileSync(signedPath, await signed.save());
  const chooser = page.waitForEvent('filechooser');
  await row.getByRole('button', { name: 'Attach signed copy' }).click();
  await (await chooser).setFiles(signedPath);
  await expect(row.getByText('Signed by creator')).toBeVisible();
  await expect(page.getByText(`Signed copy attached: signed by ${names[0].toUpperCase()} on 2026-03-02`)).toBeVisible();
  await expect(row.getByText(`by ${names[0].toUpperCase()} · 2026-03-02`)).toBeVisible();
  await row.getByRole('button', { name: /More for/ }).click();
  await page.getByRole('menuitem', { name: 'Mark as countersigned' }).click();
  await expect(row.getByText('Countersigned')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/contracts-list.png' });
});

test('a brief is exported as a branded PDF with its rich text', async ({ page }) => {
  await page.goto('/#/briefs');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await page.getByRole('button', { name: 'New brief' }).first().click();
  await page.getByLabel('Brief title').fill('Tempo Runner – Zoë Łukasiewicz');
  await page.getByRole('dialog', { name: 'New brief' }).getByText('A blank page').click();
  await page.getByRole('button', { name: 'Create brief' }).click();
  const editor = page.locator('.ProseMirror');
  await editor.click();
  await page.keyboard.type('What to show');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Run in daylight');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' with Алёна and Ψυχή.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- Say #ad first');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await page.getByRole('dialog', { name: /Export · Tempo Runner/ }).getByRole('button', { name: 'Preview creator copy' }).click();
  const preview = page.getByRole('dialog', { name: /Preview · Tempo Runner/ });
  await expect(preview.getByTestId('pdf-page')).toHaveCount(1, { timeout: 30_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screens/brief-preview.png' });
  const downloading = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save PDF' }).click();
  const path = await (await downloading).path();
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const value of ['Tempo Runner – Zoë Łukasiewicz', 'What to show', 'Run in daylight with Алёна and Ψυχή.', 'Say #ad first', 'CREATOR BRIEF']) expect(text).toContain(value);
});

test('a campaign plan and a creator’s ad access guide are previewed and saved', async ({ page }) => {
  await page.goto('/#/contracts');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await page.getByRole('button', { name: 'Plans, guides and forms' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plans, guides and forms' });
  await dialog.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Spring Glow seeding' }).click();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const plan = page.getByRole('dialog', { name: 'Preview · Campaign plan' });
  await expect(plan.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'test-results/screens/campaign-plan-preview.png' });
  let downloading = page.waitForEvent('download');
  await plan.getByRole('button', { name: 'Save PDF' }).click();
  let text = execFileSync('pdftotext', [await (await downloading).path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const value of ['Spring Glow seeding – campaign plan', 'Glow that lasts all day', 'Creator mix', 'Nano']) expect(text).toContain(value);
  // The footer's Close (the last one): the corner ✕ is named Close too.
  await plan.getByRole('button', { name: 'Close' }).last().click();

  await dialog.getByText('Ad access guide').click();
  await dialog.getByRole('combobox', { name: 'Creator' }).click();
  const option = page.getByRole('option').first();
  const creator = (await option.innerText()).trim();
  await option.click();
  await dialog.getByRole('textbox', { name: 'Brand on Instagram' }).fill('@sampleglow');
  await dialog.getByRole('textbox', { name: 'Brand on TikTok' }).fill('sampleglow');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const guide = page.getByRole('dialog', { name: 'Preview · Ad access guide' });
  await expect(guide.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  downloading = page.waitForEvent('download');
  await guide.getByRole('button', { name: 'Save PDF' }).click();
  text = execFileSync('pdftotext', [await (await downloading).path(), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const value of [creator, '@sampleglow', 'Spark Ads', '60 days']) expect(text).toContain(value);
});
