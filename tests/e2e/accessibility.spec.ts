import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SESSION_STATE } from '../../playwright.config';

// WCAG 2.0, 2.1 and 2.2 at levels A and AA: what issue 26 promises on every screen and dialog.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every screen of the router (src/renderer/src/app/routes.ts), the Sample brand's records for those that show one. */
const SCREENS = [
  '#/overview', '#/creators', '#/creators/demo-cr-000000', '#/warm-list', '#/campaigns', '#/campaigns/demo-ca-spring',
  '#/briefs', '#/contracts', '#/review', '#/posts', '#/rights', '#/rights/ad-access', '#/trash', '#/settings',
  '#/shipments', '#/codes', '#/reports', '#/follow-ups', '#/calendar', '#/tasks', '#/library', '#/engage', '#/swipe-file',
];

/** One line per serious or critical violation: the rule, where, and a sample of the elements it found. */
async function violations(page: Page, where: string): Promise<string[]> {
  // Mantine's transitions (dialogs, notices) fade in: axe would measure contrast against half-drawn colours.
  await page.waitForTimeout(250);
  const started = Date.now();
  // Only violations come back: listing every passing node is most of axe's time on a 400-row table.
  const builder = new AxeBuilder({ page }).withTags(TAGS).options({ resultTypes: ['violations'] });
  const { violations: found } = await builder.analyze();
  const lines = found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.impact} ${v.id} (${v.nodes.length}×) ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.split('\n').slice(1, 2).join('').trim()}]` : ''}`).join(' | ')}`);
  console.log(`${where}: checked in ${Date.now() - started} ms${lines.length ? `\n  ${lines.join('\n  ')}` : ', nothing serious'}`);
  return lines;
}

/** Screens whose look the theme's colours change most, kept for a person to look at. */
const SHOTS = ['#/creators', '#/campaigns/demo-ca-spring', '#/reports', '#/shipments', '#/settings'];

async function screenReady(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => { (globalThis as unknown as { location: { hash: string } }).location.hash = h; }, hash);
  await expect(page.getByRole('main')).toBeVisible();
  // Screens read their records after the first paint; wait for the loaders to go.
  await expect(page.locator('main .mantine-Loader-root')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForTimeout(200);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`WCAG 2.2 AA in the ${scheme} theme`, () => {
    // One page for the whole theme: the Sample brand loads once, screens change by hash as a person's clicks do.
    let page: Page;
    test.beforeAll(async ({ browser }) => {
      page = await (await browser.newContext({ storageState: SESSION_STATE, colorScheme: scheme })).newPage();
      await page.goto('/#/creators');
      await expect(page.getByText('400 creators in this workspace')).toBeVisible({ timeout: 60_000 });
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
    });
    test.afterAll(async () => { await page?.context().close(); });

    for (const hash of SCREENS) {
      test(`${hash} has no serious or critical violation`, async () => {
        await screenReady(page, hash);
        if (SHOTS.includes(hash)) await page.screenshot({ path: `test-results/screens/a11y-${scheme}-${hash.replace(/\W+/g, '-').replace(/^-|-$/g, '')}.png` });
        expect(await violations(page, `${scheme} ${hash}`)).toEqual([]);
      });
    }

    test('New brief dialog and a brief’s screen', async () => {
      // The Sample brand has no brief, so write one.
      await screenReady(page, '#/briefs');
      await page.getByRole('button', { name: 'New brief' }).first().click();
      const newBrief = page.getByRole('dialog', { name: 'New brief' });
      await newBrief.getByRole('combobox', { name: 'For campaign or program' }).click();
      await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
      const found = await violations(page, `${scheme} New brief dialog`);
      await newBrief.getByRole('button', { name: 'Create brief' }).click();
      await expect(page.getByRole('textbox', { name: 'Brief title' })).toBeVisible();
      found.push(...await violations(page, `${scheme} a brief`));
      expect(found).toEqual([]);
    });

    test('New campaign dialog', async () => {
      await screenReady(page, '#/campaigns');
      await page.getByRole('button', { name: 'New campaign' }).first().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      const found = await violations(page, `${scheme} New campaign dialog`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      expect(found).toEqual([]);
    });

    test('Add a creator dialog', async () => {
      await screenReady(page, '#/creators');
      await page.getByRole('button', { name: /Add (your first )?creator/ }).first().click();
      await expect(page.getByRole('dialog', { name: 'Add a creator' })).toBeVisible();
      const found = await violations(page, `${scheme} Add a creator dialog`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
      expect(found).toEqual([]);
    });

    test('command palette, which says which result is highlighted', async () => {
      await page.keyboard.press('ControlOrMeta+k');
      const palette = page.getByRole('dialog', { name: 'Go to a screen, creator or campaign' });
      await expect(palette).toBeVisible();
      await expect(palette.getByRole('textbox', { name: 'Search creators, campaigns and screens' })).toBeFocused();
      await page.keyboard.type('cre');
      // The highlight moves with the arrow keys while focus stays in the field: a live region says where it is.
      const said = palette.getByRole('status');
      await expect(said).toHaveText(/^Creators, /);
      await page.keyboard.press('ArrowDown');
      await expect(said).not.toHaveText(/^Creators, /);
      await expect(said).not.toBeEmpty();
      const found = await violations(page, `${scheme} command palette`);
      await page.keyboard.press('Escape');
      expect(found).toEqual([]);
    });
  });
}
