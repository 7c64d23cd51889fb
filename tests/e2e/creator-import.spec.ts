import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { startOwnWorkspace } from './own-workspace';

const shots = process.env.FANFARE_SHOTS_DIR;

/** Screenshots of each wizard step, for people to look at (FANFARE_SHOTS_DIR=…). */
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png` });
}

function bigCsv(rows: number): string {
  const lines = ['Name;Instagram;Followers;ER;Email'];
  for (let i = 0; i < rows; i++) lines.push(`Creator ${i};@creator.${i};${(1 + (i % 90) / 10).toFixed(1).replace('.', ',')}K;${(i % 70) / 10}%;c${i}@example.com`);
  return lines.join('\r\n');
}

test('imports a messy Windows-1252 CSV: columns, duplicates, dry run, report, then finds the creators in the list', async ({ page }) => {
  await startOwnWorkspace(page, 'Import test');
  // Someone already in the list, whom the file names by profile link in another case.
  await page.getByRole('button', { name: 'Add your first creator' }).click();
  const add = page.getByRole('dialog', { name: 'Add a creator' });
  await add.getByLabel('Name').fill('Maya Johnson');
  await add.getByLabel('Handle').fill('@mayamoves');
  await add.getByRole('button', { name: 'Add creator' }).click();
  await expect(page.getByText('1 creator in this workspace')).toBeVisible();

  await page.getByRole('button', { name: 'Import' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import creators' });
  await expect(wizard.getByText('Drop your creator list here')).toBeVisible();
  await shot(page, 'import-1-file');
  await wizard.locator('input[type=file]').setInputFiles('tests/fixtures/import/messy-creators-windows-1252.csv');

  // Columns: how the file was read, and what each column becomes.
  await expect(wizard.getByTestId('import-preset')).toHaveText('Your own spreadsheet');
  await expect(wizard.getByText(/17 rows · values separated by semicolons · Windows-1252/)).toBeVisible();
  await expect(wizard.getByText('Zoë Müller · Café Crème Studio · ZOË MÜLLER')).toBeVisible();
  await expect(wizard.getByRole('combobox', { name: 'What “Instagram followers” imports as' })).toHaveValue('Instagram followers');
  await expect(wizard.getByRole('combobox', { name: 'What “ER” imports as' })).toHaveValue('Instagram engagement rate');
  await shot(page, 'import-2-columns');
  await wizard.getByRole('button', { name: 'Next' }).click();

  // Duplicates: fill in empty fields (the default) for both kinds.
  await expect(wizard.getByText('Same handle on the same platform')).toBeVisible();
  await shot(page, 'import-3-duplicates');
  await wizard.getByRole('button', { name: 'Check the file' }).click();

  // The dry run: numbers, and every problem with its row, column and reason.
  await expect(wizard.getByTestId('import-count-create')).toContainText('5');
  await expect(wizard.getByTestId('import-count-update')).toContainText('3');
  await expect(wizard.getByTestId('import-count-skip')).toContainText('0');
  await expect(wizard.getByTestId('import-count-problem')).toContainText('9');
  await expect(wizard.getByText('“ana@@example” is not an email address.')).toBeVisible();
  await expect(wizard.getByText(/“1,234K” is ambiguous/)).toBeVisible();
  await expect(wizard.getByText('“https://www.tiktok.com/@rae” is a TikTok link, but this column is for Instagram.')).toBeVisible();
  await expect(page.getByText('1 creator in this workspace')).toBeVisible();
  await shot(page, 'import-4-review');
  await wizard.getByRole('button', { name: '3 rows update a creator' }).click();
  await expect(wizard.getByText(/Same Instagram handle @mayamoves as Maya Johnson\. Filled in country, city/)).toBeVisible();

  await wizard.getByRole('button', { name: 'Import 5 new creators and update 1' }).click();
  await expect(wizard.getByTestId('import-done')).toBeVisible();
  await expect(wizard.getByText('5 creators added and 1 updated. 17 rows: 5 new, 3 updates, 0 skipped, 9 not imported.', { exact: false })).toBeVisible();
  await shot(page, 'import-5-done');

  // The report: one line per row, with the reason.
  const downloading = page.waitForEvent('download');
  await wizard.getByRole('button', { name: 'Download report (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('messy-creators-windows-1252 - import report.csv');
  const report = await readFile((await download.path())!, 'utf8');
  expect(report.split('\r\n')[0]).toBe('\ufeffRow,Result,Creator,Details,Notes');
  expect(report).toContain('2,Created,Zoë Müller,New creator.,');
  expect(report).toContain('6,Not imported,Ana Bad-Email,Email: “ana@@example” is not an email address.,');
  expect(report.trim().split('\r\n')).toHaveLength(18);

  await wizard.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByText('6 creators in this workspace')).toBeVisible();
  await page.getByLabel('Search creators').fill('cafecreme');
  await expect(page.getByTestId('creator-row').first()).toContainText('Café Crème Studio');
  await page.getByLabel('Search creators').fill('zoe.runs');
  await expect(page.getByTestId('creator-row').first()).toContainText('Zoë Müller');

  // The imported tags filter the list; the profile opens from it and is edited in place.
  await page.getByLabel('Search creators').fill('');
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await page.getByRole('combobox', { name: 'Tags' }).click();
  await page.getByRole('option', { name: /^running/ }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Tags: running')).toBeVisible();
  await expect(page.getByTestId('creator-row')).toHaveCount(1);
  await page.getByTestId('creator-row').first().click();
  await expect(page.getByRole('heading', { name: 'Zoë Müller' })).toBeVisible();
  const contact = page.getByTestId('contact-card');
  await expect(contact.getByText('zoe@example.com')).toBeVisible();
  await contact.getByRole('button', { name: 'Edit contact' }).click();
  await contact.getByRole('textbox', { name: 'Phone', exact: true }).fill('+49 89 1234 5678');
  await contact.getByRole('button', { name: 'Save' }).click();
  await expect(contact.getByText('+49 89 1234 5678')).toBeVisible();
  await shot(page, 'import-6-profile-edited');
});

test('an Excel export from GRIN is read in the browser, and a cancelled 30,000-row check changes nothing', async ({ page }) => {
  await startOwnWorkspace(page, 'Import from Excel');
  await page.getByRole('button', { name: 'Import' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import creators' });
  await wizard.locator('input[type=file]').setInputFiles('tests/fixtures/import/grin-export.xlsx');
  await expect(wizard.getByTestId('import-preset')).toHaveText('GRIN export recognised');
  await expect(wizard.getByText(/4 rows · Excel workbook, sheet “Creators”/)).toBeVisible();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Check the file' }).click();
  await expect(wizard.getByTestId('import-count-create')).toContainText('3');
  await expect(wizard.getByTestId('import-count-problem')).toContainText('1');
  await wizard.getByRole('button', { name: 'Import 3 new creators' }).click();
  await expect(wizard.getByTestId('import-done')).toBeVisible();
  await wizard.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByText('3 creators in this workspace')).toBeVisible();

  // A big file: Cancel while its rows are being checked leaves the list as it was.
  await page.getByRole('button', { name: 'Import' }).click();
  await wizard.locator('input[type=file]').setInputFiles({ name: 'big list.csv', mimeType: 'text/csv', buffer: Buffer.from(bigCsv(30_000)) });
  await expect(wizard.getByText(/30,000 rows/)).toBeVisible();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Check the file' }).click();
  await expect(wizard.getByTestId('import-progress')).toBeVisible();
  await expect(wizard.getByText(/Checking rows: [\d,]+ of 30,000/)).toBeVisible();
  await shot(page, 'import-progress');
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await expect(wizard.getByTestId('import-notice')).toHaveText('Stopped. Nothing was changed.');
  await expect(wizard.getByText('Same handle on the same platform')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(wizard).toBeHidden();
  await expect(page.getByText('3 creators in this workspace')).toBeVisible();
});
