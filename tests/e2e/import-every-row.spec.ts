import sharp from 'sharp';
import { expect, test, type Page } from '@playwright/test';
import { startOwnWorkspace } from './own-workspace';

/** Screenshots for people to look at. */
const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/h/${name}.png` });

const csv = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`) });

/** 30 rows with profile links, then three with only a handle: Maya (already in the list, by email) and two new people. */
function mixedFile() {
  const lines = ['Name,Profile,Email,Followers'];
  for (let i = 1; i <= 30; i++) lines.push(`Creator ${i},https://www.instagram.com/creator.${i}/,c${i}@example.com,${1000 + i}`);
  lines.push('Maya Johnson,mayamoves,MAYA@example.com,52000', 'New Person,new.person,new@example.com,900', 'Sam Lee,sam.lee,sam@example.com,');
  return csv('mixed.csv', lines);
}

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Import' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import creators' });
  await expect(wizard.getByText('Drop your creator list here')).toBeVisible();
  return wizard;
}

test('a file of profile links with a few bare handles: the platform is offered for those rows, every row is imported, and a second import changes nothing', async ({ page }) => {
  await startOwnWorkspace(page, 'Every row');

  // A picture renamed .csv is refused as what it is.
  let wizard = await openImport(page);
  const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#d9480f' } }).png().toBuffer();
  await wizard.locator('input[type=file]').setInputFiles({ name: 'creators.csv', mimeType: 'text/csv', buffer: png });
  await expect(wizard.getByText('creators.csv is not a spreadsheet: its contents are a PNG image, whatever its name says.', { exact: false })).toBeVisible();
  await shot(page, 'every-row-0-png');

  // Maya is already in the list, found by her email.
  await wizard.locator('input[type=file]').setInputFiles(csv('seed.csv', ['Name,Instagram,Email', 'Maya Johnson,https://www.instagram.com/mayamoves/,maya@example.com']));
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Check the file' }).click();
  await wizard.getByRole('button', { name: 'Import 1 new creator' }).click();
  await wizard.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByText('1 creator in this workspace')).toBeVisible();

  wizard = await openImport(page);
  await wizard.locator('input[type=file]').setInputFiles(mixedFile());
  // The first rows all have links, yet the platform is asked for the three that do not.
  const platform = wizard.getByTestId('import-platform');
  await expect(platform).toBeVisible();
  await expect(wizard.getByText('Rows with only a handle are on')).toBeVisible();
  await expect(wizard.getByText(/3 of 33 rows \(rows 32, 33 and 34\) have a handle but no profile link/)).toBeVisible();
  // Not forced: left empty, they would be found by email.
  await expect(wizard.getByRole('button', { name: 'Next' })).toBeEnabled();
  await platform.click();
  await page.getByRole('option', { name: 'Instagram' }).click();
  await expect(platform).toHaveValue('Instagram');
  await shot(page, 'every-row-1-columns');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Check the file' }).click();

  await expect(wizard.getByTestId('import-count-create')).toContainText('32');
  await expect(wizard.getByTestId('import-count-update')).toContainText('1');
  await expect(wizard.getByTestId('import-count-skip')).toContainText('0');
  await expect(wizard.getByTestId('import-count-problem')).toContainText('0');
  await expect(wizard.getByTestId('import-rows-add-up')).toHaveText('33 rows: 32 new, 1 update, 0 skipped, 0 not imported.');
  await wizard.getByRole('button', { name: '1 row updates a creator' }).click();
  await expect(wizard.getByText('Same Instagram handle @mayamoves as Maya Johnson. Filled in Instagram followers.')).toBeVisible();
  await shot(page, 'every-row-2-review');
  await wizard.getByRole('button', { name: 'Import 32 new creators and update 1' }).click();
  await expect(wizard.getByTestId('import-done')).toBeVisible();
  await expect(wizard.getByText('32 creators added and 1 updated. 33 rows: 32 new, 1 update, 0 skipped, 0 not imported.', { exact: false })).toBeVisible();
  await wizard.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByText('33 creators in this workspace')).toBeVisible();

  // Sam Lee has no follower count: the list says so with a dash, not 0.
  await page.getByLabel('Search creators').fill('sam.lee');
  const sam = page.getByTestId('creator-row').first();
  await expect(sam).toContainText('Sam Lee');
  const headers = await page.getByRole('columnheader').allInnerTexts();
  await expect(sam.getByRole('cell').nth(headers.findIndex((t) => t.trim() === 'Followers'))).toHaveText('—');
  await shot(page, 'every-row-3-list');
  await page.getByLabel('Search creators').fill('');

  // The same file again: nothing to import.
  wizard = await openImport(page);
  await wizard.locator('input[type=file]').setInputFiles(mixedFile());
  await page.getByTestId('import-platform').click();
  await page.getByRole('option', { name: 'Instagram' }).click();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Check the file' }).click();
  await expect(wizard.getByTestId('import-rows-add-up')).toHaveText('33 rows: 0 new, 0 updates, 33 skipped, 0 not imported.');
  await expect(wizard.getByRole('button', { name: 'Nothing to import' })).toBeDisabled();
  await shot(page, 'every-row-4-again');
});
