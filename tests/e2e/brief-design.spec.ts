import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { standardBriefSections } from '../../src/shared/domain/brief-template';

const shots = process.env.FANFARE_SHOTS ?? 'test-results/screens';
const briefText = (page: Page) => page.getByRole('textbox', { name: 'Brief text' });

/** A photo-like picture: a soft gradient with a sun and a horizon, in the given colours. */
async function picture(dir: string, name: string, from: string, to: string, width: number, height: number): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width * 0.7}" cy="${height * 0.35}" r="${Math.min(width, height) * 0.12}" fill="#fff7e0" opacity="0.9"/>
    <path d="M0 ${height * 0.75} Q ${width * 0.3} ${height * 0.6} ${width * 0.55} ${height * 0.72} T ${width} ${height * 0.68} V ${height} H 0 Z" fill="#00000033"/></svg>`;
  const path = join(dir, name);
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(path);
  return path;
}

const replacements: Record<string, string> = {
  Overview: 'The Tempo Runner is back in three new colours. We chose you for your honest early-morning runs.',
  'Target audience': 'Runners aged 20–35 in cities, training for their first 10K.',
  'Brand visuals and tone': 'Golden hour, real streets, sweat allowed. Warm and encouraging, never preachy.',
  'Content examples and references': 'The pictures below are the light and mood we love.',
  'Do’s and don’ts': 'Do: show the shoes in motion; speak in your own words. Don’t: mention other brands; make medical claims.',
  'Mandatory elements': 'The shoes on screen in the first 3 seconds, #ad in the caption and @temporunning tagged.',
  'Deliverables and formats': 'Vertical 9:16, 20–45 seconds, with captions.',
  KPIs: 'Saves and link clicks matter most.',
  'Reporting requirements': 'Screenshots of insights 7 days after posting.',
  'Review process': 'Send drafts; we reply within 2 working days.',
  'Key dates': 'Send each draft five working days before its due date.',
};

test('a brief gets a mood board from the library, refuses to export with template prompts, and exports a creator copy and a team copy', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(shots, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-brief-e2e-'));
  const files = [
    await picture(dir, 'golden hour run.jpg', '#f7b267', '#f25c54', 900, 600),
    await picture(dir, 'city track.jpg', '#5e60ce', '#48bfe3', 600, 800),
    await picture(dir, 'trail morning.jpg', '#95d5b2', '#2d6a4f', 800, 600),
    await picture(dir, 'not for this brief.jpg', '#adb5bd', '#495057', 600, 600),
  ];
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByTestId('library-file-input').setInputFiles(files);
  await expect(page.getByTestId('import-progress')).toContainText('4 files added');

  await page.getByRole('link', { name: 'Briefs' }).click();
  await page.getByRole('button', { name: 'New brief' }).first().click();
  const create = page.getByRole('dialog', { name: 'New brief' });
  await create.getByRole('combobox', { name: 'For campaign or program' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await create.getByLabel('Brief title').fill('Tempo Runner – spring drop');
  await create.getByRole('button', { name: 'Create brief' }).click();
  await expect(briefText(page).getByRole('heading', { name: 'Key dates' })).toBeVisible();

  // The mood board: three of the Library's four pictures, in the order ticked.
  const board = page.getByTestId('brief-mood-board');
  await expect(board).toContainText('No pictures yet');
  await board.getByRole('button', { name: 'Choose pictures…' }).click();
  const picker = page.getByRole('dialog', { name: 'Choose the mood board' });
  await expect(picker.getByTestId('mood-board-option')).toHaveCount(4);
  for (const name of ['golden hour run.jpg', 'city track.jpg', 'trail morning.jpg']) await picker.getByRole('checkbox', { name: `Mood board: ${name}` }).check();
  await expect(picker.getByText('3 chosen')).toBeVisible();
  await page.waitForTimeout(400);
  await picker.screenshot({ path: `${shots}/brief-mood-board-picker.png` });
  await picker.getByRole('button', { name: 'Use 3 pictures' }).click();
  await expect(board.getByTestId('mood-board-picture')).toHaveCount(3);

  // Export refuses while the template's prompts are there, and lists them.
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const exporting = page.getByRole('dialog', { name: /Export · Tempo Runner/ });
  const prompts = exporting.getByTestId('brief-prompts');
  await expect(prompts).toContainText('Still the template’s prompt: ‘Links to posts we love…’ in Content examples and references');
  await expect(exporting.getByRole('button', { name: 'Preview creator copy' })).toBeDisabled();
  await page.waitForTimeout(300);
  await exporting.screenshot({ path: `${shots}/brief-export-refused.png` });
  await exporting.getByRole('button', { name: 'Cancel' }).click();

  // The team writes their own words over each prompt.
  for (const section of standardBriefSections) {
    const prompt = briefText(page).getByText(section.prompt, { exact: true });
    if (!(await prompt.count())) continue;
    await prompt.click({ clickCount: 3 });
    await page.keyboard.type(replacements[section.heading]);
    await expect(briefText(page).getByText(replacements[section.heading], { exact: true })).toBeVisible();
  }
  await board.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shots}/brief-screen.png` });

  // The creator copy: nothing internal.
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(exporting.getByTestId('brief-prompts')).toHaveCount(0);
  await expect(exporting).toContainText('leaves out what is internal');
  await expect(exporting).toContainText('Mood board: 3 pictures');
  await page.waitForTimeout(300);
  await exporting.screenshot({ path: `${shots}/brief-export-creator.png` });
  await exporting.getByRole('button', { name: 'Preview creator copy' }).click();
  const preview = page.getByRole('dialog', { name: /Preview · Tempo Runner – spring drop · Creator copy/ });
  await expect(preview.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${shots}/brief-preview-creator.png` });
  let downloading = page.waitForEvent('download');
  await preview.getByRole('button', { name: 'Save PDF' }).click();
  const creatorPdf = await (await downloading).path();
  const creatorText = execFileSync('pdftotext', ['-layout', creatorPdf, '-'], { encoding: 'utf8' });
  for (const internal of ['Run Club ambassadors', 'STATUS', 'Draft', '$', 'Team copy', 'BUDGET']) expect(creatorText, internal).not.toContain(internal);
  for (const shown of ['CREATOR BRIEF', 'Tempo Runner – spring drop', 'Mood board', 'Platform', 'Usage rights', 'Show the shoes in motion', 'Mention other brands', 'What creators in this campaign make']) expect(creatorText).toContain(shown);
  expect(creatorText).toMatch(/Show the shoes in motion\s{3,}Mention other brands/);
  const images = execFileSync('pdfimages', ['-list', creatorPdf], { encoding: 'utf8' }).split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l));
  expect(images).toHaveLength(3);
  execFileSync('pdftoppm', ['-png', '-r', '70', creatorPdf, `${shots}/brief-creator-pdf`]);
  // The footer's Close (the last one): the corner ✕ is named Close too.
  await preview.getByRole('button', { name: 'Close' }).last().click();

  // Closing the preview comes back to the choice of copy: the team copy, everything, marked internal.
  await expect(exporting).toBeVisible();
  await exporting.getByText('Team copy', { exact: true }).click();
  await exporting.getByRole('button', { name: 'Preview team copy' }).click();
  const teamPreview = page.getByRole('dialog', { name: /Preview · Tempo Runner – spring drop · Team copy/ });
  await expect(teamPreview.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  downloading = page.waitForEvent('download');
  await teamPreview.getByRole('button', { name: 'Save PDF' }).click();
  const teamPdf = await (await downloading).path();
  const teamText = execFileSync('pdftotext', ['-layout', teamPdf, '-'], { encoding: 'utf8' });
  for (const s of ['Run Club ambassadors', 'STATUS', 'Draft', 'Team copy: internal', 'Creator', 'Fee', '$']) expect(teamText).toContain(s);
  execFileSync('pdftoppm', ['-png', '-r', '70', teamPdf, `${shots}/brief-team-pdf`]);
});

test('the ad access guide asks for the brand’s handles it needs before it is made', async ({ page }) => {
  mkdirSync(shots, { recursive: true });
  await page.goto('/#/contracts');
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await page.getByRole('button', { name: 'Plans, guides and forms' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plans, guides and forms' });
  await dialog.getByText('Ad access guide').click();
  await dialog.getByRole('combobox', { name: 'Campaign' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await dialog.getByRole('combobox', { name: 'Creator' }).click();
  await page.getByRole('option').first().click();
  await expect(dialog.getByTestId('guide-problem')).toHaveText('Add the brand’s Instagram handle: creators search for it to approve the brand.');
  await dialog.getByRole('textbox', { name: 'Brand on Instagram' }).fill('Sample brand');
  await expect(dialog.getByText('“Sample brand” is not an Instagram handle: handles are up to 30 letters, digits, dots and underscores, with no spaces.').first()).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Brand on Instagram' }).fill('@sampleglow');
  await expect(dialog.getByTestId('guide-problem')).toHaveText('Add the brand’s TikTok handle: creators search for it to approve the brand.');
  await expect(dialog.getByRole('button', { name: 'Preview' })).toBeDisabled();
  await page.waitForTimeout(300);
  await dialog.screenshot({ path: `${shots}/guide-needs-handles.png` });
  await dialog.getByRole('textbox', { name: 'Brand on TikTok' }).fill('sample.glow');
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const guide = page.getByRole('dialog', { name: 'Preview · Ad access guide' });
  await expect(guide.getByTestId('pdf-page').first()).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shots}/guide-preview.png` });
  const downloading = page.waitForEvent('download');
  await guide.getByRole('button', { name: 'Save PDF' }).click();
  const path = await (await downloading).path();
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const s of ['search for @sampleglow', '@sample.glow', 'Settings and privacy › Business suite', '•••']) expect(text).toContain(s);
  for (const s of ['☰', '⊠', 'search for Sample brand']) expect(text).not.toContain(s);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', path, `${shots}/guide-pdf`]);
});
