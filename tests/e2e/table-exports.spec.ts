import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';

/**
 * Tables export what they show: the rows on screen (filters, sort) and the
 * columns on screen, as a CSV and as an Excel workbook read back here by
 * independent readers (papaparse, exceljs).
 */

async function exportAs(page: Page, sheet: string, format: 'csv' | 'xlsx'): Promise<{ fileName: string; path: string }> {
  await page.getByRole('button', { name: `Export ${sheet.toLowerCase()}` }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: format === 'csv' ? 'CSV' : /Excel workbook/ }).click();
  const file = await download;
  const path = await file.path();
  await expect(page.getByText(`Saved as ${file.suggestedFilename()}`)).toBeVisible();
  return { fileName: file.suggestedFilename(), path };
}

function readCsv(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

async function readXlsx(path: string, sheetName: string): Promise<{ sheet: ExcelJS.Worksheet; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as never);
  const sheet = workbook.getWorksheet(sheetName)!;
  expect(sheet).toBeTruthy();
  // getSheetValues is 1-based, with an empty slot before each row's first cell.
  const rows = (sheet.getSheetValues().slice(1) as unknown[][]).map((r) => (r ?? []).slice(1));
  return { sheet, rows };
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('the campaign table exports the step shown, in the order shown', async ({ page }) => {
  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring Glow seeding' }).click();
  await page.getByRole('tab', { name: 'Table' }).click();
  const rows = page.getByTestId('campaign-table-row');
  await expect(rows.first()).toBeVisible();
  const all = await rows.count();

  // A step with creators in it, then biggest followers first.
  const labels = await page.getByRole('radiogroup', { name: 'Show step' }).locator('label').allInnerTexts();
  const step = labels.map((l) => l.match(/^(.+) · (\d+)$/)).find((m) => m && m[1] !== 'All' && Number(m[2]) > 1 && Number(m[2]) < all)!;
  expect(step).toBeTruthy();
  await page.getByRole('radiogroup', { name: 'Show step' }).locator('label').filter({ hasText: new RegExp(`^${step[1]} ·`) }).click();
  await expect(rows).toHaveCount(Number(step[2]));
  await page.getByRole('button', { name: 'Followers' }).click();
  const names = await rows.locator('td:first-child a').allInnerTexts();
  await page.screenshot({ path: 'test-results/screens/table-export-campaign.png' });

  const csv = await exportAs(page, 'Creators', 'csv');
  expect(csv.fileName).toBe(`spring-glow-seeding-${step[1].toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${today()}.csv`);
  const [header, ...body] = readCsv(csv.path);
  expect(header).toEqual(['Creator', 'Step', 'Bucket', 'Followers', 'Score', 'Fee', 'Currency', 'Last contacted', 'Opt-in']);
  expect(body.map((r) => r[0])).toEqual(names);
  expect(new Set(body.map((r) => r[1]))).toEqual(new Set([step[1]]));
  const followers = body.map((r) => Number(r[3]));
  expect(followers).toEqual([...followers].sort((a, b) => b - a));

  const xlsx = await exportAs(page, 'Creators', 'xlsx');
  const { sheet, rows: cells } = await readXlsx(xlsx.path, 'Creators');
  expect(cells[0]).toEqual(header);
  expect(cells.slice(1).map((r) => r[0])).toEqual(names);
  expect(cells.slice(1).every((r) => typeof r[3] === 'number')).toBe(true);
  expect(sheet.getColumn(4).numFmt).toBe('#,##0');
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
});

test('discount codes export the status and campaign shown, with orders and revenue as numbers', async ({ page }) => {
  await page.goto('/#/codes');
  const rows = page.getByTestId('code-row');
  await expect(rows.first()).toBeVisible();
  await page.getByRole('radiogroup').locator('label').filter({ hasText: 'All' }).click();
  await page.getByRole('combobox', { name: 'Filter by campaign' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await expect(rows.first()).toBeVisible();
  const codes = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
  expect(codes.length).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/screens/table-export-codes.png' });

  const csv = await exportAs(page, 'Discount codes', 'csv');
  expect(csv.fileName).toBe(`codes-all-run-club-ambassadors-${today()}.csv`);
  const [header, ...body] = readCsv(csv.path);
  expect(header.slice(0, 5)).toEqual(['Code', 'Status', 'Creator', 'Campaign', 'Gives']);
  expect(body.map((r) => r[0])).toEqual(codes);
  expect(new Set(body.map((r) => r[3]))).toEqual(new Set(['Run Club ambassadors']));

  const xlsx = await exportAs(page, 'Discount codes', 'xlsx');
  const { rows: cells } = await readXlsx(xlsx.path, 'Discount codes');
  const col = (h: string) => cells[0].indexOf(h);
  expect(cells.slice(1).map((r) => r[0])).toEqual(codes);
  const percent = cells.slice(1).map((r) => r[col('Percent off')]).filter((v) => v != null);
  expect(percent.every((v) => typeof v === 'number' && v > 0 && v <= 1)).toBe(true);
  const orders = cells.slice(1).map((r) => r[col('Orders')]).filter((v) => v != null);
  expect(orders.every((v) => typeof v === 'number')).toBe(true);
});

test('posts & metrics export the tab shown: the metrics grid with every metric as a number', async ({ page }) => {
  await page.goto('/#/posts');
  await page.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  const posts = page.getByTestId('post-row');
  await expect(posts.first()).toBeVisible();
  const creators = (await posts.locator('td:first-child').allInnerTexts()).map((t) => t.trim());

  // Live posts: the columns of the list.
  const live = await exportAs(page, 'Live posts', 'csv');
  expect(live.fileName).toBe(`posts-run-club-ambassadors-${today()}.csv`);
  const [liveHeader, ...liveBody] = readCsv(live.path);
  expect(liveHeader).toEqual(['Creator', 'Platform', 'Format', 'Link', 'Posted', 'Reach', 'Views', 'Engagement rate', 'Usage rights']);
  expect(liveBody.map((r) => r[0])).toEqual(creators);

  await page.getByRole('tab', { name: 'Metrics grid' }).click();
  await expect(page.getByTestId('metrics-grid')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/table-export-posts.png' });
  const xlsx = await exportAs(page, 'Metrics', 'xlsx');
  expect(xlsx.fileName).toBe(`post-metrics-run-club-ambassadors-${today()}.xlsx`);
  const { sheet, rows: cells } = await readXlsx(xlsx.path, 'Metrics');
  expect(cells[0]).toEqual(expect.arrayContaining(['Impressions', 'Reach', 'Views', 'Likes', 'Comments', 'Shares', 'Saves', 'Clicks', 'Orders', 'Revenue', 'Currency', 'Engagement rate']));
  expect(cells.slice(1).map((r) => r[0])).toEqual(creators);
  const reach = cells[0].indexOf('Reach');
  const known = cells.slice(1).map((r) => r[reach]).filter((v) => v != null);
  expect(known.length).toBeGreaterThan(0);
  expect(known.every((v) => typeof v === 'number')).toBe(true);
  const rate = cells[0].indexOf('Engagement rate');
  expect(sheet.getColumn(rate + 1).numFmt).toBe('0.0%');
  const rates = cells.slice(1).map((r) => r[rate]).filter((v) => v != null) as number[];
  expect(rates.every((v) => v >= 0 && v < 1)).toBe(true);
  // Post dates are real dates in Excel.
  expect(cells.slice(1).some((r) => r[cells[0].indexOf('Posted')] instanceof Date)).toBe(true);
});

test('the warm list exports its ranking and fit filters', async ({ page }) => {
  await page.goto('/#/warm-list');
  const rows = page.getByTestId('warm-row');
  await expect(rows.first()).toBeVisible();
  const everyone = await rows.count();
  await page.getByRole('radiogroup', { name: 'Rank by' }).locator('label').filter({ hasText: 'Recent' }).click();
  await page.getByRole('combobox', { name: 'Re-activate for' }).click();
  await page.getByRole('option', { name: 'Spring Glow seeding' }).click();
  await expect.poll(() => rows.count()).toBeLessThan(everyone);
  const names = await rows.locator('td:first-child a').allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/screens/table-export-warm-list.png' });

  const csv = await exportAs(page, 'Warm list', 'csv');
  expect(csv.fileName).toBe(`warm-list-recent-not-in-spring-glow-seeding-${today()}.csv`);
  const [header, ...body] = readCsv(csv.path);
  expect(header).toEqual(['Rank', 'Creator', 'Platforms', 'Tier', 'Campaigns', 'Posts', 'Engagement rate', 'CPM', 'CPM currency', 'Orders', 'CPA', 'CPA currency', 'On time', 'Last post']);
  expect(body.map((r) => r[1])).toEqual(names);
  const last = body.map((r) => r[13]).filter(Boolean);
  expect(last).toEqual([...last].sort().reverse());

  const xlsx = await exportAs(page, 'Warm list', 'xlsx');
  const { rows: cells } = await readXlsx(xlsx.path, 'Warm list');
  expect(cells.slice(1).map((r) => r[1])).toEqual(names);
  const rates = cells.slice(1).map((r) => r[6]).filter((v) => v != null);
  expect(rates.every((v) => typeof v === 'number' && v < 1)).toBe(true);
});

test('an empty table says there is nothing to export', async ({ page }) => {
  // The sample workspace never revokes a code.
  await page.goto('/#/codes');
  await expect(page.getByTestId('code-row').first()).toBeVisible();
  await page.getByRole('radiogroup').locator('label').filter({ hasText: 'Revoked' }).click();
  await expect(page.getByText('No codes match these filters.')).toBeVisible();
  const button = page.getByRole('button', { name: 'Export discount codes' });
  await expect(button).toHaveAttribute('data-disabled', 'true');
  await button.hover();
  await expect(page.getByText('Nothing to export: no rows match what is shown')).toBeVisible();
  await button.click({ force: true });
  await expect(page.getByRole('menuitem', { name: 'CSV' })).toHaveCount(0);
});

test('every list screen has its Export beside its own actions', async ({ page }) => {
  const screens: { hash: string; sheet: string; shot: string; ready: string }[] = [
    { hash: '#/shipments', sheet: 'Shipments', shot: 'shipments', ready: 'shipment-row' },
    { hash: '#/review', sheet: 'Content review', shot: 'review', ready: 'review-row' },
    { hash: '#/follow-ups', sheet: 'Follow-ups', shot: 'follow-ups', ready: 'follow-up-row' },
    { hash: '#/campaigns', sheet: 'Campaigns', shot: 'campaigns', ready: 'campaign-card' },
  ];
  for (const s of screens) {
    await page.goto(`/${s.hash}`);
    await expect(page.getByTestId(s.ready).first()).toBeVisible();
    await expect(page.getByRole('button', { name: `Export ${s.sheet.toLowerCase()}` }).first()).toBeEnabled();
    await page.screenshot({ path: `test-results/screens/table-export-${s.shot}.png` });
  }
  // The last one, the campaigns list, as a sheet: one row per campaign card.
  const cards = await page.getByTestId('campaign-card').count();
  const xlsx = await exportAs(page, 'Campaigns', 'xlsx');
  const { rows } = await readXlsx(xlsx.path, 'Campaigns');
  expect(rows.length - 1).toBe(cards);
  expect(rows[0]).toEqual(['Name', 'Type', 'Status', 'Objective', 'Activation', 'Starts', 'Ends', 'Budget', 'Currency', 'Creators', 'Creators planned']);
});
