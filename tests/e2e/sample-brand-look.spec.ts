import { expect, test, type Locator, type Page } from '@playwright/test';

/** Words cut off with an ellipsis: an element whose text is wider than the room it was given. */
async function cutOff(items: Locator): Promise<string[]> {
  return items.evaluateAll((els) => els.flatMap((el) => {
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): { overflowX: string } }).getComputedStyle;
    const parts = [el, ...Array.from(el.querySelectorAll('*'))];
    return parts.some((e) => e.scrollWidth > e.clientWidth + 1 && style(e).overflowX !== 'visible') ? [el.textContent ?? ''] : [];
  }));
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/h/${name}.png` });
}

test.use({ viewport: { width: 1280, height: 720 } });

test('the Sample brand at 1280×720: reports say every KPI and status in full, and the sample reads like a real brand', async ({ page }) => {
  const started = Date.now();
  await page.goto('/#/creators');
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });
  console.log(`Sample brand loaded in ${Date.now() - started} ms`);
  await shot(page, 'sample-creators');

  await page.goto('/#/reports');
  const kpiTitles = page.getByTestId('kpi-title');
  await expect(kpiTitles.first()).toBeVisible();
  expect(await kpiTitles.count()).toBeGreaterThan(5);
  expect(await cutOff(kpiTitles)).toEqual([]);
  await shot(page, 'sample-reports');
  const whoPosted = page.getByTestId('who-posted');
  await whoPosted.scrollIntoViewIfNeeded();
  const statuses = whoPosted.locator('tbody .mantine-Badge-root');
  await expect(statuses.first()).toBeVisible();
  expect(await cutOff(statuses)).toEqual([]);
  await shot(page, 'sample-who-posted');

  await page.goto('/#/campaigns');
  await page.getByRole('link', { name: 'Spring Glow seeding' }).click();
  await expect(page.getByTestId('board-column').first()).toBeVisible();
  await shot(page, 'sample-board');

  await page.goto('/#/posts');
  await expect(page.getByRole('main')).toContainText(/Reel|Short|Pin|Video/);
  await expect(page.getByRole('main')).not.toContainText(/X reel|Pinterest reel/i);
  await shot(page, 'sample-posts');

  await page.goto('/#/shipments');
  await expect(page.getByRole('main')).toContainText('Glow Serum');
  await expect(page.getByRole('main')).not.toContainText('Tempo Runner');
  await shot(page, 'sample-seeding');

  await page.goto('/#/codes');
  await expect(page.getByRole('main')).toContainText(/[A-Z]+15\b/);
  await expect(page.getByRole('main')).not.toContainText(/[A-Z]+[2-9]15\b/);
  await shot(page, 'sample-codes');
});

test('an export’s notice stays clear of the table and closes by itself', async ({ page }) => {
  await page.goto('/#/creators');
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /^Export / }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV' }).click();
  const file = await download;
  const notice = page.getByRole('alert').filter({ hasText: `Saved as ${file.suggestedFilename()}` });
  await expect(notice).toBeVisible();
  const box = (await notice.boundingBox())!;
  const table = (await page.getByRole('grid').or(page.getByRole('table')).first().boundingBox())!;
  // Above the table's first row, not over its columns.
  expect(box.y + box.height).toBeLessThanOrEqual(table.y);
  await shot(page, 'export-notice');
  await expect(notice).toBeHidden({ timeout: 8_000 });
});
