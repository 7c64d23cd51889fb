import { expect, test, type Page } from '@playwright/test';

/** Issue 23, item 1 (job 14): the Engagement to-do, worked through from the keyboard. */

test.setTimeout(120_000);

const rows = (page: Page) => page.getByTestId('engage-row');
const selectedName = (page: Page) => page.locator('[data-testid="engage-row"][data-selected]').locator('p').first();
const navCount = async (page: Page) => Number(await page.getByTestId('engage-count').textContent());

async function chooseFilter(page: Page, name: RegExp) {
  await page.getByRole('combobox', { name: 'Whose posts' }).click();
  await page.getByRole('option', { name }).click();
}

test('the queue is worked through by keyboard, with a saved reply copied, posts given to teammates and the nav count going down', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The sample is dated from the day it is loaded, so its creators' latest posts are live today.
  await page.goto('/#/engage');
  // The first open of the sample builds it, which takes a while on a busy machine.
  await expect(rows(page).nth(2)).toBeVisible({ timeout: 60_000 });
  const waiting = await navCount(page);
  await expect(rows(page)).toHaveCount(waiting);
  await expect(page.getByTestId('engage-shortcuts')).toContainText('done');

  // j and k move the cursor; the card beside the list follows it.
  const first = await selectedName(page).textContent();
  await page.keyboard.press('j');
  const second = await selectedName(page).textContent();
  expect(second).not.toBe(first);
  await expect(page.getByTestId('engage-post').getByRole('heading')).toHaveText(second!);
  await page.keyboard.press('k');
  await expect(selectedName(page)).toHaveText(first!);

  // o opens the post's own address in the browser.
  const href = await page.getByTestId('engage-open').getAttribute('href');
  expect(href).toMatch(/^https?:\/\//);
  await context.route(href!, (route) => route.fulfill({ contentType: 'text/html', body: '<title>The post</title>' }));
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('o');
  const opened = await popup;
  await opened.waitForURL(href!);
  await opened.close();

  // The team writes a saved reply; typing its letters (d, s, j, k) does not work the queue.
  await page.getByRole('button', { name: 'New reply' }).click();
  const dialog = page.getByRole('dialog', { name: 'New saved reply' });
  await dialog.getByRole('button', { name: 'Add reply' }).click();
  await expect(dialog).toContainText('Give it a short name');
  await dialog.getByLabel('Name').fill('Stunning');
  await dialog.getByLabel('Comment').fill('Just stunning, saved this to try tonight!');
  await dialog.getByRole('button', { name: 'Add reply' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows(page)).toHaveCount(waiting);
  await expect(selectedName(page)).toHaveText(first!);

  // Copying it puts the words on the clipboard and ticks "Commented".
  await page.getByRole('button', { name: 'Copy Stunning' }).click();
  await expect(page.getByTestId('copied-reply')).toBeVisible();
  expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe('Just stunning, saved this to try tonight!');
  await expect(page.getByRole('checkbox', { name: 'Commented' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Liked' })).toBeChecked();
  await page.screenshot({ path: '/tmp/h/engage-queue.png' });

  // d: done for the whole team; the next post comes up and the count beside "Engage" goes down.
  await page.keyboard.press('d');
  await expect(page.getByText(`Done: ${first}`)).toBeVisible();
  await expect(rows(page)).toHaveCount(waiting - 1);
  await expect(page.getByTestId('engage-count')).toHaveText(String(waiting - 1));
  await expect(selectedName(page)).toHaveText(second!);

  // s: skipped, and Undo brings it back.
  await page.keyboard.press('s');
  await expect(rows(page)).toHaveCount(waiting - 2);
  await page.getByRole('button', { name: 'Undo' }).last().click();
  await expect(rows(page)).toHaveCount(waiting - 1);

  // Done with nothing ticked is refused with the reason, and the post stays.
  await page.getByTestId('engage-post').getByText('Liked', { exact: true }).click();
  await page.keyboard.press('d');
  await expect(page.getByText(/Tick what you did/)).toBeVisible();
  await expect(rows(page)).toHaveCount(waiting - 1);
  await page.keyboard.press('l');
  await expect(page.getByRole('checkbox', { name: 'Liked' })).toBeChecked();

  // Give the current post to me, the next to Ana; "Mine" shows only mine.
  const mine = await selectedName(page).textContent();
  await page.getByLabel('Who engages').first().click();
  await page.getByRole('option', { name: /You$/ }).click();
  // Keys typed while a field has focus are the field's: step out of it first.
  await page.getByRole('heading', { name: 'Engage', exact: true }).click();
  await page.keyboard.press('j');
  const anas = await selectedName(page).textContent();
  await page.getByLabel('Who engages').first().click();
  await page.getByRole('option', { name: /Ana Kowalska$/ }).click();
  // Ana's post is no longer waiting for me.
  await expect(page.getByTestId('engage-count')).toHaveText(String(waiting - 2));

  await chooseFilter(page, /^Mine · 1/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(mine!);
  await page.screenshot({ path: '/tmp/h/engage-mine.png' });
  // The sample had already given Ana one post.
  await chooseFilter(page, /^Ana Kowalska · 2/);
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: anas! })).toHaveCount(1);

  await chooseFilter(page, /^Mine/);
  await page.getByRole('heading', { name: 'Engage', exact: true }).click();
  await page.keyboard.press('d');
  await expect(page.getByTestId('engage-caught-up')).toBeVisible();
  // The sample's queue is 3 or 4 posts, by the time of day (a post leaves 14 days after it went up):
  // with none left waiting, the count beside "Engage" goes away.
  if (waiting > 3) await expect(page.getByTestId('engage-count')).toHaveText(String(waiting - 3));
  else await expect(page.getByTestId('engage-count')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/h/engage-caught-up.png' });
});

test('a workspace with no posts teaches what the Engage screen is for', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Remove sample data' }).click();
  await page.getByRole('button', { name: 'Create a workspace' }).click();
  await page.getByLabel('Brand or team name').fill('Engage empty');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Engage empty/);
  await page.goto('/#/engage');
  await expect(page.getByText('Cheer on your creators’ posts')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log a live post' })).toBeVisible();
  await expect(page.getByTestId('engage-count')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/h/engage-empty.png' });
});
