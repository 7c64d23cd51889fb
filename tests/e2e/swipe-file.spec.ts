import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { ownWorkspace } from './laptops';

const shots = '/tmp/h';
let server: Server;
let site: string;

test.beforeAll(async () => {
  // A competitor's ad page with a real social-card picture, on 127.0.0.1 (the web host runs with FANFARE_TEST_ALLOW_LOOPBACK_LINKS=1).
  const card = await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#f4c7c3' } })
    .composite([{ input: Buffer.from('<svg width="1200" height="630"><rect x="420" y="120" width="360" height="390" rx="40" fill="#c0392b"/><text x="600" y="600" font-size="48" text-anchor="middle" fill="#2b2d42">GLOW BALM</text></svg>') }])
    .png().toBuffer();
  server = createServer((req, res) => {
    if (req.url === '/summer-ad') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<html><head><title>ignored</title><meta property="og:title" content="Glow Balm: the summer ad"><meta property="og:description" content="Three creators, one take, no cuts."><meta property="og:image" content="/card.png"></head><body></body></html>');
    }
    if (req.url === '/card.png') { res.writeHead(200, { 'content-type': 'image/png' }); return res.end(card); }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => { server.closeAllConnections(); server.close(); });

test('a competitor’s link and screenshot go to a board, raise no rights warning in the Library, and become a brief’s references', async ({ browser }) => {
  test.setTimeout(180_000);
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-swipe-e2e-'));
  const screenshot = join(dir, 'rare-beauty-story.png');
  writeFileSync(screenshot, await sharp({ create: { width: 540, height: 960, channels: 3, background: '#6c5ce7' } })
    .composite([{ input: Buffer.from('<svg width="540" height="960"><circle cx="270" cy="420" r="160" fill="#fdcb6e"/></svg>') }]).png().toBuffer());

  const page = await ownWorkspace(browser, 'Acme Skincare');
  await page.getByRole('link', { name: 'Briefs', exact: true }).click();
  await page.getByRole('button', { name: 'New brief' }).first().click();
  const newBrief = page.getByRole('dialog', { name: 'New brief' });
  await newBrief.getByLabel('Brief title').fill('Summer launch brief');
  await newBrief.getByRole('button', { name: 'Create brief' }).click();
  await expect(page.getByRole('textbox', { name: 'Brief title' })).toHaveValue('Summer launch brief');
  await expect(page.getByTestId('brief-references')).toContainText('No references yet');

  await page.getByRole('link', { name: 'Swipe file', exact: true }).click();
  await expect(page.getByText('Keep what inspires you in one place')).toBeVisible();
  await page.screenshot({ path: `${shots}/swipe-empty.png` });

  // A link: saved at once, then its title and picture are read by the host.
  await page.getByRole('button', { name: 'Save a link' }).click();
  let dialog = page.getByRole('dialog', { name: 'Save a link' });
  await dialog.getByLabel('Link').fill('javascript:alert(1)');
  await dialog.getByRole('combobox', { name: 'Competitor’s name' }).fill('Glossier');
  await dialog.getByRole('button', { name: 'Save to the swipe file' }).click();
  await expect(dialog.getByText('Only web links (http or https) can be saved, not javascript: links')).toBeVisible();
  await dialog.getByLabel('Link').fill(`${site}/summer-ad`);
  await dialog.getByLabel('Board').fill('Summer launch ideas');
  await dialog.getByLabel('Tags').fill('hook');
  await dialog.getByLabel('Tags').press('Enter');
  await dialog.getByRole('button', { name: 'Save to the swipe file' }).click();
  await expect(dialog).toBeHidden();
  const linkCard = page.getByTestId('swipe-card').filter({ hasText: 'Glow Balm: the summer ad' });
  await expect(linkCard).toBeVisible();
  await expect(linkCard).toContainText('Three creators, one take, no cuts.');
  await expect(linkCard.getByTestId('swipe-thumbnail')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  await expect(linkCard).toContainText('Glossier · competitor');

  // A competitor's screenshot, uploaded through the Library's upload path.
  await page.getByRole('button', { name: 'Save a file' }).click();
  dialog = page.getByRole('dialog', { name: 'Save a file' });
  await dialog.locator('input[type=file]').setInputFiles(screenshot);
  await expect(dialog.getByText('Uploaded “rare-beauty-story.png”')).toBeVisible();
  await dialog.getByLabel('Title').fill('Rare Beauty story: the 3-second hook');
  await dialog.getByRole('combobox', { name: 'Competitor’s name' }).fill('Rare Beauty');
  await dialog.getByLabel('Board').fill('Summer launch ideas');
  await dialog.getByRole('button', { name: 'Save to the swipe file' }).click();
  await expect(dialog).toBeHidden();
  const fileCard = page.getByTestId('swipe-card').filter({ hasText: 'Rare Beauty story' });
  await expect(fileCard.getByRole('img', { name: 'Thumbnail of rare-beauty-story.png' })).toBeVisible();

  // An idea of our own, then the filters.
  await page.getByRole('button', { name: 'Write an idea' }).click();
  dialog = page.getByRole('dialog', { name: 'Write down an idea' });
  await dialog.getByText('Our brand', { exact: true }).click();
  await dialog.getByLabel('The idea').fill('Unboxing in one take, the balm melting on a warm hand');
  await dialog.getByRole('button', { name: 'Save to the swipe file' }).click();
  await expect(page.getByTestId('swipe-card')).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Board' }).click();
  await page.getByRole('option', { name: 'Summer launch ideas' }).click();
  await expect(page.getByTestId('swipe-card')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Whose' }).click();
  await page.getByRole('option', { name: 'Rare Beauty' }).click();
  await expect(page.getByTestId('swipe-card')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('textbox', { name: 'Search the swipe file' }).fill('melting');
  await expect(page.getByTestId('swipe-card')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByTestId('swipe-card')).toHaveCount(3);
  await page.screenshot({ path: `${shots}/swipe-file.png` });

  for (const card of [linkCard, fileCard]) {
    await card.getByRole('button', { name: 'Use in a brief' }).click();
    await page.getByRole('menuitem', { name: 'Summer launch brief' }).click();
    await expect(page.getByText('Added to “Summer launch brief”').last()).toBeVisible();
  }

  // In the Library the screenshot is theirs: no rights warning, no cutting.
  await page.getByRole('link', { name: 'Library', exact: true }).click();
  const asset = page.getByTestId('asset-card').filter({ hasText: 'rare-beauty-story.png' });
  await expect(asset).toContainText('Not ours: inspiration only');
  await expect(asset).not.toContainText('No rights recorded');
  await page.screenshot({ path: `${shots}/swipe-library.png` });
  await asset.click();
  await expect(page.getByTestId('not-ours-note')).toContainText('Rare Beauty, a competitor’s content');
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Cut for channels' })).toHaveCount(0);
  await expect(page.getByRole('dialog')).not.toContainText('may break your agreement');
  await page.screenshot({ path: `${shots}/swipe-library-drawer.png` });
  await page.keyboard.press('Escape');

  // The brief shows both, in the order they were added, with their pictures and link.
  await page.getByRole('link', { name: 'Briefs', exact: true }).click();
  await page.getByText('Summer launch brief').first().click();
  const refs = page.getByTestId('brief-reference');
  await expect(refs).toHaveCount(2);
  await expect(refs.nth(0)).toContainText('Glow Balm: the summer ad');
  await expect(refs.nth(0).getByRole('link', { name: `${site}/summer-ad` })).toBeVisible();
  await expect(refs.nth(0).getByTestId('swipe-thumbnail')).toHaveAttribute('src', /^data:image\/jpeg/);
  await expect(refs.nth(1)).toContainText('Rare Beauty story: the 3-second hook');
  await page.getByTestId('brief-references').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/swipe-brief-references.png`, fullPage: true });
  await refs.nth(0).getByRole('button', { name: /Take .* off the references/ }).click();
  await expect(refs).toHaveCount(1);
  await page.locator('.mantine-Notification-root').filter({ hasText: 'taken off the references' }).getByRole('button', { name: 'Undo' }).click();
  await expect(refs).toHaveCount(2);
});
