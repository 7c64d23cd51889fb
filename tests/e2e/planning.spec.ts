import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { readXlsx } from '../main/services/exports/xlsx-parts';
import { expect, test, type Page } from '@playwright/test';

/** A calendar date `days` from today where the browser is (the test and the browser share a clock and zone). */
function day(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function fillNumber(page: Page, label: string, value: string) {
  const input = page.getByRole('dialog').getByRole('textbox', { name: label, exact: true });
  await input.fill(value);
}

test.setTimeout(150_000);

test('a campaign is planned with buckets, budget and KPI targets, exported to Excel, dated on the calendar, and its task ticked off', async ({ page }) => {
  await page.goto('/#/campaigns');
  await page.getByRole('button', { name: 'New campaign' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New campaign' });
  await dialog.getByLabel('Name').fill('Autumn Glow launch');
  await dialog.getByLabel('Starts on').fill(day(-10));
  await dialog.getByLabel('Ends on').fill(day(30));
  await fillNumber(page, 'Budget', '20000');
  await dialog.getByRole('button', { name: 'Add a KPI target' }).click();
  await dialog.getByRole('combobox', { name: 'KPI 1', exact: true }).fill('Reach');
  await fillNumber(page, 'KPI 1 target', '2000000');
  await dialog.getByRole('button', { name: 'Add a bucket' }).click();
  await dialog.getByRole('textbox', { name: 'Bucket 1 name' }).fill('Nano');
  await fillNumber(page, 'Bucket 1 followers from', '1000');
  await fillNumber(page, 'Bucket 1 followers to', '9999');
  await fillNumber(page, 'Bucket 1 target creators', '10');
  await dialog.getByRole('button', { name: 'Add a bucket' }).click();
  await dialog.getByRole('textbox', { name: 'Bucket 2 name' }).fill('Micro');
  await fillNumber(page, 'Bucket 2 followers from', '99999');
  await fillNumber(page, 'Bucket 2 followers to', '10000');
  await dialog.getByRole('textbox', { name: 'Key message 1' }).fill('Autumn skin, still glowing');

  // A bad bucket is refused with a clear error next to the field, and the form keeps everything.
  await dialog.getByRole('button', { name: 'Create campaign' }).click();
  await expect(dialog.getByText('2 fields need attention')).toBeVisible();
  await expect(dialog.getByRole('alert')).toContainText('Bucket 2 maximum: Below the minimum');
  await expect(dialog.getByText('Below the minimum', { exact: true })).toBeVisible();
  await expect(dialog.getByText('How many creators?', { exact: true })).toBeVisible();
  await dialog.getByText('How many creators?', { exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/plan-form-errors.png' });
  await fillNumber(page, 'Bucket 2 followers from', '10000');
  await fillNumber(page, 'Bucket 2 followers to', '99999');
  await fillNumber(page, 'Bucket 2 target creators', '5');
  await dialog.getByRole('button', { name: 'Create campaign' }).click();
  await expect(dialog).toBeHidden();

  // The Plan tab reads like the strategy.
  await page.getByRole('link', { name: 'Autumn Glow launch' }).click();
  await page.getByRole('tab', { name: 'Plan' }).click();
  const plan = page.getByTestId('plan-tab');
  await expect(plan.getByTestId('plan-summary')).toContainText('Awareness');
  await expect(plan.getByTestId('plan-kpis')).toContainText('Reach');
  await expect(plan.getByTestId('plan-kpis')).toContainText('2M');
  await expect(plan.getByTestId('plan-buckets')).toContainText('Nano');
  await expect(plan.getByTestId('plan-buckets')).toContainText('0 of 10');
  await expect(plan.getByTestId('plan-buckets')).toContainText('0 of 5');
  await expect(plan.getByTestId('plan-budget')).toContainText('$20,000');
  await expect(plan.getByTestId('plan-messages')).toContainText('Autumn skin, still glowing');
  await expect(plan.getByTestId('plan-timeline')).toContainText('Campaign starts');

  // Edit the plan: every field is there, filled in.
  await plan.getByRole('button', { name: 'Edit plan' }).click();
  const edit = page.getByRole('dialog', { name: /Edit the plan/ });
  await expect(edit.getByRole('textbox', { name: 'Bucket 2 name' })).toHaveValue('Micro');
  await edit.getByRole('button', { name: 'Add a key message' }).click();
  await edit.getByRole('textbox', { name: 'Key message 2' }).fill('Fragrance free, always');
  await edit.getByRole('button', { name: 'Save plan' }).click();
  await expect(edit).toBeHidden();
  await expect(plan.getByTestId('plan-messages')).toContainText('Fragrance free, always');

  // A task for a teammate named on the spot, overdue since yesterday.
  await plan.getByRole('button', { name: 'Add task' }).click();
  const taskDialog = page.getByRole('dialog', { name: 'New task' });
  await taskDialog.getByLabel('Task').fill('Book the launch shoot');
  await taskDialog.getByRole('combobox', { name: 'For' }).click();
  await page.getByRole('option', { name: 'Add a teammate…' }).click();
  await page.getByRole('dialog', { name: 'Add a teammate' }).getByLabel('Their name').fill('Alex Rivera');
  await page.getByRole('dialog', { name: 'Add a teammate' }).getByRole('button', { name: 'Add teammate' }).click();
  await expect(taskDialog.getByRole('combobox', { name: 'For' })).toHaveValue('Alex Rivera');
  await taskDialog.getByLabel('Due').fill(day(-1));
  await taskDialog.getByRole('button', { name: 'Add task' }).click();
  await expect(taskDialog).toBeHidden();
  await expect(plan.getByTestId('record-tasks-card')).toContainText('Book the launch shoot');
  await expect(plan.getByTestId('plan-timeline')).toContainText('Task: Book the launch shoot');
  await page.screenshot({ path: 'test-results/screens/plan.png', fullPage: true });

  // The sample's Spring Glow plan, with creators, money committed and spent.
  await page.goto('/#/campaigns/demo-ca-spring');
  await page.getByRole('tab', { name: 'Plan' }).click();
  await expect(page.getByTestId('plan-committed')).not.toHaveText('$0');
  // A payment logged counts as spent.
  await expect(page.getByTestId('plan-spent')).toHaveText('$0');
  await page.getByRole('button', { name: 'Log a payment' }).click();
  const pay = page.getByRole('dialog', { name: 'Log a payment' });
  await pay.getByRole('button', { name: 'Log payment' }).click();
  await expect(pay.getByText('Choose who was paid')).toBeVisible();
  await expect(pay.getByText('Enter the amount paid')).toBeVisible();
  await pay.getByRole('combobox', { name: 'Paid to' }).click();
  await page.getByRole('option').first().click();
  await pay.getByRole('textbox', { name: 'Amount' }).fill('150');
  await pay.getByRole('button', { name: 'Log payment' }).click();
  await expect(pay).toBeHidden();
  await expect(page.getByTestId('plan-spent')).toHaveText('$150');
  await page.screenshot({ path: 'test-results/screens/plan-sample.png', fullPage: true });
  await page.goBack();
  await page.getByRole('tab', { name: 'Plan' }).click();

  // The export, read back.
  const downloading = page.waitForEvent('download');
  await plan.getByRole('button', { name: 'Export to Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Autumn Glow launch - plan.xlsx');
  const bytes = await readFile((await download.path())!);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  // Formula cells are read as a preview shows them: their cached values (exceljs' own reader drops a cached 0).
  const cached = readXlsx(bytes).cells('Plan');
  const rows: unknown[][] = [];
  workbook.getWorksheet('Plan')!.eachRow((row, r) => rows.push((row.values as unknown[]).slice(1)
    .map((v, c) => (v && typeof v === 'object' && 'formula' in v ? cached.get(`${String.fromCharCode(65 + c)}${r}`)?.value : v))));
  expect(rows[0][0]).toBe('Autumn Glow launch');
  expect(rows.find((r) => r[0] === 'Planned')?.[1]).toBe(20_000);
  expect(rows.find((r) => r[0] === 'Reach')?.[1]).toBe(2_000_000);
  expect(rows.find((r) => r[0] === 'Nano')?.slice(0, 4)).toEqual(['Nano', '1k–10k followers', 10, 0]);
  expect(rows.find((r) => r[0] === 'Micro')?.[2]).toBe(5);
  expect(rows.some((r) => r[0] === '2. Fragrance free, always')).toBe(true);
  expect(rows.some((r) => r[1] === 'Task: Book the launch shoot')).toBe(true);

  // The calendar: the campaign's dates, the sample's deliverables, and overdue items in red.
  await page.getByRole('link', { name: 'Calendar' }).click();
  const month = page.getByTestId('calendar-month');
  await expect(month.getByRole('button', { name: /Overdue: Book the launch shoot/ })).toBeVisible();
  await expect(month.locator(`[data-date="${day(-1)}"]`).getByTestId('calendar-item').filter({ hasText: 'Book the launch shoot' })).toHaveAttribute('data-overdue', 'true');
  await page.getByRole('button', { name: /\d+ overdue: show them/ }).click();
  await expect(page.getByTestId('overdue-list').locator('[data-kind="deliverable"]').first()).toBeVisible();
  await expect(page.getByTestId('overdue-list')).toContainText('Book the launch shoot');
  await page.keyboard.press('Escape');
  await page.screenshot({ path: 'test-results/screens/calendar.png', fullPage: true });
  await page.getByText('Week', { exact: true }).click();
  await expect(page.getByTestId('calendar-week')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/calendar-week.png', fullPage: true });
  await page.getByText('My week', { exact: true }).click();
  // The sample's Ana owns Spring Glow: its creators' late deliverables are in her week, in red.
  await page.getByRole('combobox', { name: 'Whose week' }).click();
  await page.getByRole('option', { name: 'Ana Kowalska’s week' }).click();
  const late = page.getByTestId('calendar-my-week').locator('[data-kind="deliverable"][data-overdue]').first();
  await expect(late).toBeVisible();
  // It opens the creator, where a task about them is added.
  const creator = (await late.innerText()).split(':')[0].trim();
  await late.click();
  await expect(page.getByRole('heading', { name: creator })).toBeVisible();
  const card = page.getByTestId('record-tasks-card');
  await card.getByRole('button', { name: 'Add task' }).click();
  const about = page.getByRole('dialog', { name: 'New task' });
  await expect(about).toContainText(`About: ${creator}`);
  await about.getByLabel('Task').fill('Ask about the late reel');
  await about.getByLabel('Due').fill(day(2));
  await about.getByRole('button', { name: 'Add task' }).click();
  await expect(card).toContainText('Ask about the late reel');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/creator-tasks.png' });
  await page.goBack();
  await page.getByText('My week', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Whose week' }).click();
  await page.getByRole('option', { name: 'Alex Rivera’s week' }).click();
  await expect(page.getByTestId('calendar-my-week')).toContainText('Book the launch shoot');
  await page.screenshot({ path: 'test-results/screens/calendar-my-week.png', fullPage: true });
  // Clicking an item opens what it is about.
  await page.getByTestId('calendar-my-week').getByRole('button', { name: /Book the launch shoot/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Autumn Glow launch' })).toBeVisible();

  // My tasks: add one for me due today (N), see the count in the navigation, then tick Alex's off and undo.
  await page.getByRole('link', { name: /My tasks/ }).click();
  await page.keyboard.press('n');
  const mine = page.getByRole('dialog', { name: 'New task' });
  await mine.getByLabel('Task').fill('Send the Autumn brief');
  await mine.getByRole('button', { name: 'Add task' }).click();
  await expect(mine).toBeHidden();
  await expect(page.getByTestId('task-group-today')).toContainText('Send the Autumn brief');
  await expect(page.getByTestId('task-row').filter({ hasText: 'Ask about the late reel' })).toBeVisible();
  await expect(page.getByTestId('my-tasks-count')).toHaveText('1');

  await page.getByRole('combobox', { name: 'Whose tasks' }).click();
  await page.getByRole('option', { name: 'Alex Rivera’s tasks' }).click();
  const overdue = page.getByTestId('task-group-overdue');
  await expect(overdue).toContainText('Book the launch shoot');
  await expect(overdue).toContainText('Autumn Glow launch');
  await page.screenshot({ path: 'test-results/screens/tasks.png', fullPage: true });
  await overdue.getByRole('checkbox', { name: 'Mark “Book the launch shoot” done' }).click();
  await expect(page.getByTestId('task-group-overdue')).toHaveCount(0);
  await expect(page.getByTestId('task-group-done')).toContainText('Done');
  await page.getByRole('alert').filter({ hasText: 'Done: Book the launch shoot' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('task-group-overdue')).toContainText('Book the launch shoot');
  await page.getByRole('checkbox', { name: 'Mark “Book the launch shoot” done' }).click();
  await expect(page.getByTestId('task-group-overdue')).toHaveCount(0);

  // Ticking off my own task clears the count.
  await page.getByRole('combobox', { name: 'Whose tasks' }).click();
  await page.getByRole('option', { name: 'My tasks' }).click();
  await page.getByRole('checkbox', { name: 'Mark “Send the Autumn brief” done' }).click();
  await expect(page.getByTestId('my-tasks-count')).toHaveCount(0);
});
