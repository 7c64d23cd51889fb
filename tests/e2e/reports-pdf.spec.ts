import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

test('a director exports the report as on screen to a PDF for leadership, with its charts', async ({ page }) => {
  // Generous: the shared test machine is often loaded many times over.
  test.setTimeout(240_000);
  await page.goto('/');
  await page.getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(/#\/reports$/);
  await expect(page.getByTestId('kpi-posts').getByTestId('kpi-value')).toHaveText(/^[1-9][\d,]*$/);

  // The report as the director set it up: one campaign, the last 90 days against the 90 before.
  await page.getByRole('combobox', { name: 'Campaigns' }).click();
  await page.getByRole('option', { name: 'Spring Glow seeding' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Period' }).click();
  await page.getByRole('option', { name: 'Last 90 days' }).click();
  await page.getByRole('combobox', { name: 'Compare with' }).click();
  await page.getByRole('option', { name: 'Previous period' }).click();
  await expect(page.getByTestId('kpi-posts').getByTestId('kpi-change')).toHaveText(/^[+−±]/);
  const posts = await page.getByTestId('kpi-posts').getByTestId('kpi-value').innerText();
  const reach = await page.getByTestId('kpi-reach').getByTestId('kpi-value').innerText();
  const change = await page.getByTestId('kpi-posts').getByTestId('kpi-change').innerText();

  await page.getByRole('button', { name: 'Export' }).click();
  const item = page.getByRole('menuitem', { name: /PDF for leadership/ });
  await expect(item).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/reports-export-menu.png' });
  await item.click();

  const preview = page.getByRole('dialog', { name: 'Preview · Leadership report' });
  await expect(preview.getByTestId('pdf-page').first()).toBeVisible({ timeout: 60_000 });
  await expect(preview.getByTestId('pdf-summary')).toContainText(/\d+ pages · \d+ KB/);
  // The charts are drawn in the preview too: bars, lines and their labels.
  await expect(preview.getByTestId('pdf-page').nth(1).locator('g[data-text="Posts and creators posting by week"]')).toHaveCount(1);
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/screens/reports-pdf-preview.png' });
  const chartPage = preview.getByTestId('pdf-page').nth(1);
  await chartPage.scrollIntoViewIfNeeded();
  await expect(chartPage.locator('line').first()).toBeAttached();
  await page.screenshot({ path: 'test-results/screens/reports-pdf-preview-charts.png' });

  const downloading = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Spring Glow seeding – leadership report.pdf');
  const path = await download.path();
  expect(execFileSync('qpdf', ['--check', path], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // The cover says what the report covers; the figures are the screen's.
  for (const s of ['Spring Glow seeding – leadership report', 'PERIOD', 'COMPARED WITH', 'The previous period', 'Spring Glow seeding', 'All platforms']) expect(text).toContain(s);
  expect(text).toMatch(new RegExp(`POSTS .*${posts.replace(/[,]/g, ',')}`));
  expect(text).toContain(reach);
  expect(text).toContain(change.replace(/\s+/g, ' '));
  // A gifting campaign logs no revenue: missing, with why, never $0.
  expect(text).toContain('No post has revenue logged yet');
  expect(text).not.toMatch(/REVENUE \$0\.00/);
  // The charts are in the PDF as text and vectors: titles and axis labels.
  for (const s of ['Posts and creators posting by week', 'Week posted', 'Reach and engagements by platform', 'Engagement rate by tier', 'Spend against budget', 'Every KPI, and how it is worked out', 'Spend ÷ impressions × 1,000']) expect(text).toContain(s);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  expect(pages).toBeGreaterThanOrEqual(4);
  mkdirSync('test-results/screens', { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', path, 'test-results/screens/reports-leadership-pdf']);
});
