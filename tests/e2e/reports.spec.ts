import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';

test('a director reads the campaign report, compares periods, saves the view and exports it to Excel', async ({ page }) => {
  // Generous: the shared test machine is often loaded many times over.
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(/#\/reports$/);

  // Every KPI shows its formula; the sample has posts with figures.
  const posts = page.getByTestId('kpi-posts');
  await expect(posts.getByTestId('kpi-value')).toHaveText(/^[1-9][\d,]*$/);
  await expect(page.getByTestId('kpi-cpm').getByTestId('kpi-formula')).toHaveText('Spend ÷ impressions × 1,000');
  await expect(page.getByTestId('kpi-engagementRate').getByTestId('kpi-value')).toHaveText(/^\d+\.\d%$/);
  // EMV is missing until rates are set, and says so instead of showing 0.
  await expect(page.getByTestId('kpi-emv').getByTestId('kpi-value')).toHaveText('—');
  await expect(page.getByTestId('kpi-emv')).toContainText('Set EMV rates');
  await page.getByRole('switch', { name: 'Estimate EMV' }).click();
  await expect(page.getByTestId('kpi-emv').getByTestId('kpi-value')).toHaveText(/^\$[\d,]+\.\d\d$/);

  await expect(page.getByTestId('trend-card').locator('.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('top-post').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/reports.png', fullPage: true });

  // One campaign: a gifting campaign has no revenue logged, and the report says why.
  await page.getByRole('combobox', { name: 'Campaigns' }).click();
  await page.getByRole('option', { name: 'Spring Glow seeding' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible();
  await expect(page.getByText('Spring Glow seeding · all time')).toBeVisible();
  await expect(page.getByTestId('kpi-revenue').getByTestId('kpi-value')).toHaveText('—');
  await expect(page.getByTestId('kpi-revenue')).toContainText('No post has revenue logged yet');
  await expect(page.getByTestId('target-row')).toHaveCount(2);
  await expect(page.getByTestId('who-posted')).toContainText('Not yet');

  // Period over period: the last 90 days against the 90 before.
  await page.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: 'Last 90 days' }).click();
  await page.getByRole('combobox', { name: 'Compare with' }).click();
  await page.getByRole('option', { name: 'Previous period' }).click();
  await expect(page.getByTestId('kpi-posts').getByTestId('kpi-change')).toHaveText(/^[+−±]/);
  await page.locator('label', { hasText: /^Month$/ }).click();
  await expect(page.getByTestId('trend-card')).toContainText('Growth by month');
  await page.screenshot({ path: 'test-results/screens/reports-compare.png', fullPage: true });

  // Saved as a view the whole team sees; it comes back after a reload.
  await page.getByRole('button', { name: 'Save as view' }).click();
  await page.getByLabel('Name').fill('Quarter for leadership');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByText('Saved the report view “Quarter for leadership”')).toBeVisible();
  await page.reload();
  // A reload reopens the workspace from its snapshot first; on a busy machine that takes a while.
  await expect(page.getByTestId('kpi-posts')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveValue('All time');
  await page.getByRole('button', { name: 'Saved views' }).click();
  await page.getByRole('menuitem', { name: 'Quarter for leadership' }).click();
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveValue('Last 90 days');
  await expect(page.getByTestId('kpi-posts').getByTestId('kpi-change')).toBeVisible();

  // The Excel workbook: formulas over the data sheets, with the app's numbers.
  const shown = await page.getByTestId('kpi-posts').getByTestId('kpi-value').innerText();
  await page.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /Excel report for leadership/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^spring-glow-seeding-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByText('Excel report ready')).toBeVisible();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  expect(wb.worksheets.map((s) => s.name)).toEqual(['Summary', 'Posts', 'Creators', 'Spend']);
  const postsCell = wb.getWorksheet('Summary')!.getCell('B8').value as ExcelJS.CellFormulaValue;
  expect(postsCell.formula).toMatch(/^COUNT\(Posts!\$A\$2:\$A\$\d+\)$/);
  expect(String(postsCell.result)).toBe(shown.replace(/,/g, ''));
  expect(wb.getWorksheet('Posts')!.rowCount - 1).toBe(Number(shown.replace(/,/g, '')));

  // Tables go out as CSV too.
  await page.getByRole('button', { name: 'Export' }).click();
  const csv = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Posts (.csv)' }).click();
  expect((await csv).suggestedFilename()).toMatch(/-posts-.*\.csv$/);
});
