import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { newContractForOneCreator } from './new-contracts';
import { PDFDocument } from 'pdf-lib';

const shots = '/tmp/h';

/** Keeps a download under the name a person would see, as the file they pick later. */
async function named(download: Download): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'fanfare-signed-')), download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

async function saveCampaignPlan(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Plans, guides and forms' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plans, guides and forms' });
  await dialog.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const plan = page.getByRole('dialog', { name: 'Preview · Campaign plan' });
  await expect(plan.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await plan.getByRole('button', { name: 'Save PDF' }).click();
  const path = await named(await downloading);
  // The footer's Close (the last one): the corner ✕ is named Close too.
  await plan.getByRole('button', { name: 'Close' }).last().click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  return path;
}

async function attach(page: Page, row: ReturnType<Page['getByTestId']>, path: string, button: RegExp | string = /signed copy$/) {
  const chooser = page.waitForEvent('filechooser');
  await row.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(path);
}

test('a signed copy is checked: a campaign plan is questioned with the reason, "attach anyway" and Undo work, the real signed contract goes straight in', async ({ page }) => {
  mkdirSync(shots, { recursive: true });
  const { dialog, creatorName: name } = await newContractForOneCreator(page);
  await dialog.getByRole('button', { name: 'Create contract' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const row = page.getByTestId('contract-row').filter({ hasText: name });
  await expect(row).toHaveCount(1);

  // The contract as it is sent: saved from the preview.
  await row.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: /Preview · Creator agreement/ });
  await expect(preview.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save PDF' }).click();
  const contractPath = await named(await downloading);
  // The footer's Close (the last one): the corner ✕ is named Close too.
  await preview.getByRole('button', { name: 'Close' }).last().click();
  // An independent reader sees the contract's id in what was sent.
  expect(execFileSync('pdfinfo', ['-custom', contractPath], { encoding: 'utf8' })).toMatch(/FanfareDocumentId:\s*\S+/);

  // The wrong file: the campaign plan.
  const planPath = await saveCampaignPlan(page);
  await attach(page, row, planPath, 'Attach signed copy');
  const check = page.getByRole('dialog', { name: `Is this ${name}’s signed contract?` });
  await expect(check.getByText(`This is not the contract for ${name}: it is a campaign plan (“Run Club ambassadors – campaign plan”).`)).toBeVisible();
  await expect(row.getByText('Draft')).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${shots}/signed-copy-check.png` });

  // Attach anyway: it is marked signed, and the list says it was not checked; Undo takes all of it back.
  await check.getByRole('button', { name: 'Attach anyway' }).click();
  await expect(check).toBeHidden();
  await expect(row.getByText('Signed by creator')).toBeVisible();
  await expect(row.getByText(/Not checked: This is not the contract/)).toBeVisible();
  await page.screenshot({ path: `${shots}/signed-copy-anyway.png` });
  await page.getByRole('alert').filter({ hasText: 'attached without the check passing' }).getByRole('button', { name: 'Undo' }).click();
  await expect(row.getByText('Draft')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Attach signed copy' })).toBeVisible();
  await expect(row.getByText(/Not checked/)).toHaveCount(0);

  // An unsigned copy of the right contract: the empty signature is the reason.
  await attach(page, row, contractPath, 'Attach signed copy');
  await expect(check.getByText('The signature field is empty.')).toBeVisible();
  await check.getByRole('button', { name: 'Cancel' }).click();
  await expect(row.getByText('Draft')).toBeVisible();

  // The creator signs in their reader: it goes straight in, with who and when.
  const signed = await PDFDocument.load(readFileSync(contractPath));
  signed.getForm().getTextField('creator.signature').setText(name);
  signed.getForm().getTextField('creator.name').setText(name.toUpperCase());
  signed.getForm().getTextField('creator.date').setText('2026-06-02');
  const signedPath = join(dirname(contractPath), `Signed – ${name}.pdf`);
  writeFileSync(signedPath, await signed.save());
  await attach(page, row, signedPath, 'Attach signed copy');
  await expect(page.getByText(`Signed copy attached: signed by ${name.toUpperCase()} on 2026-06-02`)).toBeVisible();
  await expect(row.getByText(`by ${name.toUpperCase()} · 2026-06-02`)).toBeVisible();
  await expect(row.getByText(/Not checked/)).toHaveCount(0);
  await page.screenshot({ path: `${shots}/signed-copy-ok.png` });
});
