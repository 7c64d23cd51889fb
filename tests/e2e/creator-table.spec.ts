import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/** "874.3K" → 874300, as the list prints follower counts. */
function count(text: string): number {
  const match = text.replace(/,/g, '').match(/([\d.]+)\s*([KM]?)/i);
  if (!match) return NaN;
  return Number(match[1]) * (match[2].toUpperCase() === 'M' ? 1e6 : match[2].toUpperCase() === 'K' ? 1e3 : 1);
}

async function openList(page: Page) {
  await page.goto('/#/creators');
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });
}

const headers = (page: Page) => page.getByRole('columnheader').allInnerTexts().then((list) => list.map((t) => t.trim()).filter(Boolean));
const rows = (page: Page) => page.getByTestId('creator-row');
const cell = (page: Page, row: number, column: string) => page.getByRole('columnheader').allInnerTexts()
  .then((list) => rows(page).nth(row).getByRole('cell').nth(list.findIndex((t) => t.trim() === column)));

test('filter by platform and followers, sort by a column, and choose and reorder columns', async ({ page }) => {
  await openList(page);
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await page.getByRole('combobox', { name: 'Platform' }).click();
  await page.getByRole('option', { name: /^Instagram/ }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Followers from' }).fill('100k');
  await expect(page.getByText('Followers: 100k or more')).toBeVisible();
  await expect(page.getByText('Platform: Instagram')).toBeVisible();
  const shown = Number((await page.getByTestId('shown-count').innerText()).split(' of ')[0].replace(/,/g, ''));
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(400);

  // Smallest first: the first row is the smallest account that passed, at 100k or more.
  const followers = page.getByRole('columnheader', { name: 'Followers' });
  await followers.getByRole('button').click();
  await expect(followers).toHaveAttribute('aria-sort', 'descending');
  await followers.getByRole('button').click();
  await expect(followers).toHaveAttribute('aria-sort', 'ascending');
  const first = count(await (await cell(page, 0, 'Followers')).innerText());
  const second = count(await (await cell(page, 1, 'Followers')).innerText());
  expect(first).toBeGreaterThanOrEqual(100_000);
  expect(second).toBeGreaterThanOrEqual(first);
  for (let i = 0; i < 5; i++) {
    await expect((await cell(page, i, 'Accounts')).locator('[title]')).toHaveAttribute('title', /Instagram @/);
  }

  // Columns: hide Tags, add Last contacted, move Owner one place to the left.
  await page.getByRole('button', { name: 'Columns' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns' });
  await chooser.getByRole('checkbox', { name: 'Tags' }).click();
  await chooser.getByRole('checkbox', { name: 'Last contacted' }).click();
  await chooser.getByRole('button', { name: 'Move Owner up' }).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => headers(page)).toEqual(['Creator', 'Accounts', 'Followers', 'Eng. rate', 'Owner', 'Location', 'Last contacted']);

  // Removing a filter's pill widens the list again.
  await page.getByRole('button', { name: 'Remove filter Followers: 100k or more' }).click();
  await expect(page.getByText('Followers: 100k or more')).toBeHidden();
  await expect.poll(async () => Number((await page.getByTestId('shown-count').innerText()).split(' of ')[0].replace(/,/g, ''))).toBeGreaterThan(shown);
});

test('past performance: filter by posts up on time, and show it as a column', async ({ page }) => {
  await openList(page);
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  // Not a number: said under the inputs, and the list is not filtered on it.
  const from = page.getByRole('textbox', { name: 'Posted on time from' });
  await from.fill('most');
  await expect(page.getByText('Not a number: type it like 80%')).toBeVisible();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('shown-count')).toBeHidden();
  await from.fill('');
  await expect(page.getByText('Not a number: type it like 80%')).toBeHidden();
  await page.getByRole('textbox', { name: 'Posted on time up to' }).fill('99%');
  await expect(page.getByText('Posted on time: up to 99%')).toBeVisible();
  const late = Number((await page.getByTestId('shown-count').innerText()).split(' of ')[0].replace(/,/g, ''));
  expect(late).toBeGreaterThan(0);
  expect(late).toBeLessThan(400);

  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Posted on time' }).click();
  await page.keyboard.press('Escape');
  const shown = Math.min(late, 5);
  for (let i = 0; i < shown; i++) {
    const rate = Number((await (await cell(page, i, 'Posted on time')).innerText()).replace('%', ''));
    expect(rate).toBeLessThan(100);
  }
  // Sorted on its own column, best first: nobody in this list reached 100%.
  await page.getByRole('columnheader', { name: 'Posted on time' }).getByRole('button').click();
  await expect(await cell(page, 0, 'Posted on time')).not.toHaveText('100%');
});

test('search finds a creator by @handle, by profile link and despite a typo', async ({ page }) => {
  await openList(page);
  const search = page.getByRole('textbox', { name: 'Search creators' });
  const handle = (await rows(page).first().getByRole('cell').nth(2).innerText()).trim();
  const name = (await rows(page).first().getByRole('cell').nth(1).innerText()).split('\n')[0].trim();
  expect(handle).toMatch(/^@/);
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.type(handle);
  await expect(rows(page).first()).toContainText(name);
  await search.fill(`https://www.instagram.com/${handle.slice(1)}/`);
  await expect(rows(page).first()).toContainText(name);
  const surname = name.split(' ').pop()!;
  await search.fill(`${surname}${surname.slice(-1)}`);
  await expect(rows(page).filter({ hasText: name }).first()).toBeVisible();
  await search.press('Escape');
  await expect(search).toHaveValue('');
});

test('a saved view keeps filters, columns and sort, and opens again after a reload', async ({ page }) => {
  await openList(page);
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await page.getByRole('combobox', { name: 'Tier' }).click();
  await page.getByRole('option', { name: /^Micro/ }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('columnheader', { name: 'Eng. rate' }).getByRole('button').click();
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Location' }).click();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'Save as a new view…' }).click();
  await page.getByRole('dialog', { name: 'Save as a new view' }).getByLabel('View name').fill('Micro creators');
  await page.getByRole('dialog', { name: 'Save as a new view' }).getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('button', { name: 'Views' })).toHaveText(/Micro creators/);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Views' })).toHaveText(/Micro creators/);
  // Back to the plain list, then the saved view again.
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'All creators' }).click();
  await expect(page.getByText('Tier: Micro')).toBeHidden();
  await expect(page.getByRole('columnheader', { name: 'Location' })).toBeVisible();
  await page.getByRole('button', { name: 'Views' }).click();
  await page.getByRole('menuitem', { name: 'Micro creators' }).click();
  await expect(page.getByText('Tier: Micro')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Location' })).toBeHidden();
  await expect(page.getByRole('columnheader', { name: 'Eng. rate' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('button', { name: 'Views' })).not.toHaveText(/Edited/);

  // A change shows as an edit of the view until it is saved into it.
  await page.getByRole('button', { name: 'Remove filter Tier: Micro' }).click();
  await expect(page.getByRole('button', { name: 'Views' })).toHaveText(/Edited/);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('button', { name: 'Views' })).not.toHaveText(/Edited/);
});

test('select several creators, tag them in bulk, then move them to the trash and undo', async ({ page }) => {
  await openList(page);
  await rows(page).nth(0).getByRole('checkbox').click();
  await rows(page).nth(2).getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selected-count')).toHaveText('3 selected');

  await page.getByRole('button', { name: 'Tag', exact: true }).click();
  await page.getByRole('combobox', { name: 'Tag', exact: true }).fill('summer-2026');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Tagged 3 creators “summer-2026”')).toBeVisible();
  await page.getByRole('group', { name: 'Selected creators' }).getByRole('button', { name: 'Clear selection' }).click();

  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await page.getByRole('combobox', { name: 'Tags' }).click();
  await page.getByRole('option', { name: /^summer-2026/ }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shown-count')).toHaveText('3 of 400');

  await page.getByRole('checkbox', { name: 'Select all creators shown' }).click();
  await expect(page.getByTestId('selected-count')).toHaveText('3 selected');
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await expect(page.getByText('397 creators in this workspace')).toBeVisible();
  await expect(page.getByText('No creator matches')).toBeVisible();
  await page.locator('.mantine-Notification-root', { hasText: 'Moved 3 creators to the trash' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('shown-count')).toHaveText('3 of 400');
});

test('the selected creators download as CSV and Excel with the columns shown', async ({ page }) => {
  await openList(page);
  const name = (await rows(page).nth(0).getByRole('cell').nth(1).innerText()).split('\n')[0].trim();
  await rows(page).nth(0).getByRole('checkbox').click();
  await rows(page).nth(1).getByRole('checkbox').click();

  await page.getByRole('button', { name: 'Export selected creators' }).click();
  await expect(page.getByText('2 creators, columns as shown')).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^creators-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('Name,Email,Accounts,Followers,Engagement rate,City,Country,Tags,Owner');
  expect(lines).toHaveLength(3);
  expect(lines[1].startsWith(name.includes(',') ? `"${name}"` : name)).toBe(true);

  await page.getByRole('button', { name: 'Export selected creators' }).click();
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Excel workbook (.xlsx)' }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = readFileSync(await xlsx.path());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
});

test('everyone the filters show downloads from the toolbar, in the list’s order', async ({ page }) => {
  await openList(page);
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await page.getByRole('textbox', { name: 'Followers from' }).fill('100k');
  await expect(page.getByText('Followers: 100k or more')).toBeVisible();
  const shown = Number((await page.getByTestId('shown-count').innerText()).split(' of ')[0].replace(/,/g, ''));
  expect(shown).toBeGreaterThan(20);
  const firstName = (await rows(page).nth(0).getByRole('cell').nth(1).innerText()).split('\n')[0].trim();

  await page.getByRole('button', { name: 'Export creators' }).click();
  await expect(page.getByText(`${shown} creators, columns as shown`)).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^creators-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('Name,Email,Accounts,Followers,Engagement rate,City,Country,Tags,Owner');
  // Every creator shown, not only the rows drawn on screen, and none of the others.
  expect(lines).toHaveLength(shown + 1);
  expect(lines[1].startsWith(firstName.includes(',') ? `"${firstName}"` : firstName)).toBe(true);
  const followers = lines.slice(1).map((l) => Number(l.match(/,(\d+),[\d.]*%?,/)?.[1]));
  expect(followers.every((f) => f >= 100_000)).toBe(true);
});

test('scrolling and the arrow keys keep the rows on screen filled and the focused one in view', async ({ page }) => {
  await openList(page);
  const list = page.getByRole('table', { name: 'Creators' });
  const scroller = page.locator('[data-view]');
  // Every row is the height the list lays them out by, and the header the height it leaves for it.
  const heights = await rows(page).evaluateAll((trs) => trs.slice(0, 3).map((tr) => tr.getBoundingClientRect().height));
  expect(heights).toEqual([44, 44, 44]);
  expect(await list.locator('thead').evaluate((el) => el.getBoundingClientRect().height)).toBe(36);

  /** Rendered rows reach from under the header to the bottom edge: no blank band anywhere. */
  const covered = () => scroller.evaluate((el) => {
    const box = el.getBoundingClientRect();
    // The header cells stick to the top (the header row itself scrolls away under them).
    const head = el.querySelector('th')!.getBoundingClientRect();
    const shown = [...el.querySelectorAll('[data-testid="creator-row"]')].map((tr) => tr.getBoundingClientRect());
    return shown[0].top <= head.bottom && shown[shown.length - 1].bottom >= box.bottom - 1
      ? true : { scrollTop: el.scrollTop, first: shown[0].top - head.bottom, last: shown[shown.length - 1].bottom - box.bottom, rows: shown.length };
  });
  for (const top of [4_000, 9_000, 1_234, 17_955]) {
    await scroller.evaluate((el, y) => { el.scrollTop = y; }, top);
    await expect.poll(covered).toBe(true);
  }

  // End, then up: the focused row stays fully below the sticky header.
  await scroller.focus();
  await page.keyboard.press('End');
  const focused = page.locator('[data-testid="creator-row"][data-focused]');
  await expect(focused).toHaveCount(1);
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowUp');
  const inView = () => scroller.evaluate((el) => {
    const row = el.querySelector('[data-testid="creator-row"][data-focused]')!.getBoundingClientRect();
    const head = el.querySelector('th')!.getBoundingClientRect();
    return row.top >= head.bottom - 1 && row.bottom <= el.getBoundingClientRect().bottom + 1;
  });
  await expect.poll(inView).toBe(true);
  await page.keyboard.press('Home');
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(rows(page).first()).toHaveAttribute('data-focused');
});
