import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import * as Y from 'yjs';
import { projectAll } from '../../src/shared/data/batches';
import { collectionNames } from '../../src/shared/data/schemas';
import { WorkspaceStore } from '../../src/shared/data/store';

interface StoredWorkspace {
  id: string;
  name: string;
  /** y-indexeddb's stored updates, as base64, of the workspace and each rich-text document. */
  workspace: string[];
  richText: Record<string, string[]>;
}

/** Reads a workspace straight from the browser profile's IndexedDB, as y-indexeddb left it. */
function readStored(page: Page, name: RegExp): Promise<StoredWorkspace> {
  return page.evaluate(async (pattern) => {
    // Runs in the page; this file is typechecked without the DOM's types.
    const { localStorage, indexedDB } = globalThis as unknown as {
      localStorage: { getItem(key: string): string | null };
      indexedDB: {
        open(name: string): { result: IdbDatabase; error: unknown; onerror: (() => void) | null; onsuccess: (() => void) | null };
        databases(): Promise<{ name?: string }[]>;
      };
    };
    type IdbRequest = { result: unknown; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null };
    type IdbDatabase = { close(): void; transaction(stores: string[], mode: string): { objectStore(name: string): { getAll(): IdbRequest } } };
    const entry = (JSON.parse(localStorage.getItem('fanfare.workspaces.v1') ?? '[]') as { id: string; name: string }[])
      .find((w) => new RegExp(pattern).test(w.name));
    if (!entry) throw new Error(`No workspace named like ${pattern}`);
    const updates = (database: string) => new Promise<string[]>((resolve, reject) => {
      const open = indexedDB.open(database);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction(['updates'], 'readonly').objectStore('updates').getAll();
        request.onsuccess = () => {
          open.result.close();
          resolve((request.result as Uint8Array[]).map((u) => {
            let binary = '';
            for (let i = 0; i < u.length; i += 0x8000) binary += String.fromCharCode(...u.subarray(i, i + 0x8000));
            return btoa(binary);
          }));
        };
        request.onerror = () => reject(request.error);
      };
    });
    const prefix = `fanfare-rt-${entry.id}-`;
    const richText: Record<string, string[]> = {};
    for (const db of await indexedDB.databases()) {
      if (db.name?.startsWith(prefix)) richText[db.name.slice(prefix.length)] = await updates(db.name);
    }
    return { id: entry.id, name: entry.name, workspace: await updates(`fanfare-ws-${entry.id}`), richText };
  }, name.source);
}

function docOf(updates: string[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, Buffer.from(u, 'base64'));
  return doc;
}

test('a workspace backed up in one browser profile comes back exactly in a fresh one: every record, its history and the brief’s text', async ({ page, browser }) => {
  test.setTimeout(180_000);
  // An edit with history and a rich-text body, in the sample brand.
  await page.goto('/#/briefs');
  await page.getByRole('button', { name: 'New brief' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New brief' });
  await dialog.getByRole('combobox', { name: 'For campaign or program' }).click();
  await page.getByRole('option', { name: 'Run Club ambassadors' }).click();
  await dialog.getByLabel('Brief title').fill('Trail shoe launch');
  await dialog.getByRole('button', { name: 'Create brief' }).click();
  const body = page.getByRole('textbox', { name: 'Brief text' });
  await body.getByRole('heading', { name: 'Overview' }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Backed up: the winter trail shoe, shot outdoors.');
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Approved' }).click();
  await page.getByRole('textbox', { name: 'Brief title' }).fill('Trail shoe launch — final');
  await page.getByRole('textbox', { name: 'Brief title' }).blur();
  await expect(page.getByTestId('record-history')).toContainText('Trail shoe launch — final');

  // Back it up from the workspace menu: one file, saved as a download.
  await page.getByRole('button', { name: 'Switch workspace' }).click();
  await page.getByRole('menuitem', { name: 'Back up this workspace…' }).click();
  const backupDialog = page.getByRole('dialog', { name: 'Back up “Sample brand”' });
  await expect(backupDialog.getByText('Every record, the trash and every change’s history')).toBeVisible();
  await page.waitForTimeout(400); // the dialog's opening transition, for the screenshot only
  await page.screenshot({ path: 'test-results/screens/backup-dialog.png' });
  const [download] = await Promise.all([page.waitForEvent('download'), backupDialog.getByRole('button', { name: 'Save backup file' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Sample brand \d{4}-\d\d-\d\d \d{4}\.fanfare-backup$/);
  await expect(backupDialog.getByTestId('backup-done')).toContainText('is in your downloads folder');
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  // The footer's Close (the last one): the corner ✕ is named Close too.
  await backupDialog.getByRole('button', { name: 'Close' }).last().click();
  const original = await readStored(page, /^Sample brand$/);

  // A fresh browser profile: nothing of the first one's IndexedDB or localStorage.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await expect(other.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand/);
  await other.getByRole('button', { name: 'Switch workspace' }).click();
  await other.getByRole('menuitem', { name: 'Restore from a backup…' }).click();
  const restoreDialog = other.getByRole('dialog', { name: 'Restore from a backup' });
  const [chooser] = await Promise.all([other.waitForEvent('filechooser'), restoreDialog.getByRole('button', { name: 'Choose a backup file…' }).click()]);
  await chooser.setFiles(file);
  await expect(restoreDialog.getByTestId('backup-summary')).toContainText('Sample brand');
  await expect(restoreDialog.getByTestId('backup-summary')).toContainText('400');
  await expect(restoreDialog.getByLabel('Name of the restored workspace')).toHaveValue(/^Sample brand \(restored \d{1,2} \w{3} \d{4}\)$/);
  await other.screenshot({ path: 'test-results/screens/restore-dialog.png' });
  await restoreDialog.getByRole('button', { name: 'Restore as a new workspace' }).click();
  await expect(other.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Sample brand \(restored/, { timeout: 60_000 });
  await expect(restoreDialog).toBeHidden();

  // The brief is there, with its text and history, on screen.
  await other.goto('/#/briefs');
  await other.getByText('Trail shoe launch — final').first().click();
  await expect(other.getByRole('textbox', { name: 'Brief text' })).toContainText('Backed up: the winter trail shoe, shot outdoors.');
  await expect(other.getByTestId('record-history')).toContainText('Trail shoe launch — final');

  // And underneath: every record of every collection, every history, every text document equal.
  const restored = await readStored(other, /^Sample brand \(restored/);
  expect(restored.id).not.toBe(original.id);
  const [a, b] = [docOf(original.workspace), docOf(restored.workspace)];
  const before = projectAll(a);
  const after = projectAll(b);
  for (const collection of collectionNames) expect(after[collection] ?? [], collection).toEqual(before[collection] ?? []);
  expect((before.creators ?? []).length).toBe(400);
  expect(Y.encodeSnapshot(Y.snapshot(b))).toEqual(Y.encodeSnapshot(Y.snapshot(a)));
  const [brief] = (before.documents ?? []).filter((d) => d.title === 'Trail shoe launch — final');
  const history = (doc: Y.Doc) => new WorkspaceStore(doc, { actorId: 'test' }).history('documents', brief.id as string);
  expect(history(a).map((h) => [h.field, h.value])).toContainEqual(['title', 'Trail shoe launch — final']);
  expect(history(b)).toEqual(history(a));
  expect(Object.keys(restored.richText).sort()).toEqual(Object.keys(original.richText).sort());
  for (const docId of Object.keys(original.richText)) {
    const [x, y] = [docOf(original.richText[docId]), docOf(restored.richText[docId])];
    expect(y.getXmlFragment('body').toString(), docId).toBe(x.getXmlFragment('body').toString());
    expect(Y.encodeStateVector(y)).toEqual(Y.encodeStateVector(x));
  }
  expect(docOf(restored.richText[brief.bodyDocId as string]).getXmlFragment('body').toString()).toContain('Backed up: the winter trail shoe');

  // Settings lists the automatic backup taken before the restore, with a Restore button.
  await other.goto('/#/settings');
  const card = other.getByTestId('backups-card');
  await expect(card.getByTestId('kept-backup').filter({ hasText: 'Before a restore' }).first()).toBeVisible();
  await expect(card.getByTestId('kept-backup').first().getByRole('button', { name: /^Restore the backup of/ })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: 'test-results/screens/settings-backups.png' });
  await fresh.close();
});

test('a file that is not a backup is refused in words, and nothing is added', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Switch workspace' }).click();
  await page.getByRole('menuitem', { name: 'Restore from a backup…' }).click();
  const restoreDialog = page.getByRole('dialog', { name: 'Restore from a backup' });
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), restoreDialog.getByRole('button', { name: 'Choose a backup file…' }).click()]);
  await chooser.setFiles({ name: 'creators.csv', mimeType: 'text/csv', buffer: Buffer.from('name,email\nZoë,zoe@example.com\n') });
  await expect(restoreDialog).toContainText('This is not a Fanfare backup. Choose a file whose name ends in .fanfare-backup.');
  await expect(restoreDialog.getByRole('button', { name: 'Restore as a new workspace' })).toBeDisabled();
});

test('media files chosen for the backup come back into the media store, byte for byte, when this computer lost them', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-backup-e2e-'));
  const photo = join(dir, 'trail shoe.jpg');
  await sharp({ create: { width: 320, height: 240, channels: 3, background: '#2f9e44' } }).jpeg().toFile(photo);
  const bytes = readFileSync(photo);
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  await page.goto('/#/library');
  await page.getByTestId('library-file-input').setInputFiles([photo]);
  await expect(page.getByTestId('asset-card')).toHaveCount(1);
  await page.getByRole('link', { name: 'Settings' }).click();
  const folder = (await page.getByTestId('backups-card').getByText(/^Kept in /).textContent())!.replace(/^Kept in /, '');
  const stored = join(dirname(folder), 'media', sha256.slice(0, 2), sha256);
  expect(readFileSync(stored).equals(bytes)).toBe(true);

  await page.getByTestId('backups-card').getByRole('button', { name: 'Back up this workspace…' }).click();
  const backupDialog = page.getByRole('dialog', { name: /^Back up/ });
  await expect(backupDialog.getByRole('checkbox', { name: /Include media files/ })).toBeChecked();
  await expect(backupDialog).toContainText('1 file, about');
  const [download] = await Promise.all([page.waitForEvent('download'), backupDialog.getByRole('button', { name: 'Save backup file' }).click()]);
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);

  // This computer loses the file (as a new computer would not have it).
  rmSync(stored);
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await other.getByRole('button', { name: 'Switch workspace' }).click();
  await other.getByRole('menuitem', { name: 'Restore from a backup…' }).click();
  const restoreDialog = other.getByRole('dialog', { name: 'Restore from a backup' });
  const [chooser] = await Promise.all([other.waitForEvent('filechooser'), restoreDialog.getByRole('button', { name: 'Choose a backup file…' }).click()]);
  await chooser.setFiles(file);
  await expect(restoreDialog.getByTestId('backup-summary')).toContainText(/Media files\s*1 \(/);
  await restoreDialog.getByRole('button', { name: 'Restore as a new workspace' }).click();
  await expect(other.getByRole('button', { name: 'Switch workspace' })).toHaveText(/\(restored/, { timeout: 60_000 });
  expect(existsSync(stored)).toBe(true);
  expect(readFileSync(stored).equals(bytes)).toBe(true);
  await other.goto('/#/library');
  await expect(other.getByTestId('asset-card')).toHaveCount(1);
  await fresh.close();
});

test('a big import keeps a backup first, listed in Settings; restoring it gives the list as it was before the import', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#/creators');
  await page.getByRole('button', { name: 'Start my own workspace' }).click();
  await page.getByLabel('Brand or team name').fill('Northwind');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await expect(page.getByText('Your creator list starts here')).toBeVisible();

  const lines = ['Name;Instagram;Email'];
  for (let i = 0; i < 150; i++) lines.push(`Creator ${i};@northwind.creator.${i};c${i}@example.com`);
  await page.getByRole('button', { name: 'Import' }).click();
  const wizard = page.getByRole('dialog', { name: 'Import creators' });
  await wizard.locator('input[type=file]').setInputFiles({ name: 'spring list.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Check the file' }).click();
  await wizard.getByRole('button', { name: 'Import 150 new creators' }).click();
  await expect(wizard.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
  await wizard.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByText('150 creators in this workspace')).toBeVisible();

  await page.getByRole('link', { name: 'Settings' }).click();
  const row = page.getByTestId('kept-backup').filter({ hasText: 'Before an import' }).filter({ hasText: 'Northwind' });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /^Restore the backup of Northwind/ }).click();
  const restoreDialog = page.getByRole('dialog', { name: 'Restore from a backup' });
  await expect(restoreDialog.getByTestId('backup-summary')).toContainText('Before an import');
  await restoreDialog.getByRole('button', { name: 'Restore as a new workspace' }).click();
  await expect(page.getByRole('button', { name: 'Switch workspace' })).toHaveText(/Northwind \(restored/, { timeout: 60_000 });
  await page.goto('/#/creators');
  await expect(page.getByText('Your creator list starts here')).toBeVisible();
  // The workspace the backup came from is untouched.
  await page.getByRole('button', { name: 'Switch workspace' }).click();
  await page.getByRole('menuitem', { name: 'Northwind', exact: true }).click();
  await expect(page.getByText('150 creators in this workspace')).toBeVisible();
});
