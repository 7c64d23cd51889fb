import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every table a user looks at exports to CSV and Excel with what it shows.
 * This reads the screens: a file that renders a Mantine <Table> must use the
 * shared Export menu, or be listed below with where its export lives or why
 * it has none (a form, a preview inside a modal).
 */
const root = resolve(import.meta.dirname, '../..');
const screens = join(root, 'src/renderer/src/screens');
const MENU = /from\s+['"][./]*components\/export-table-menu['"]/;
const TABLE = /<Table\b/;

type Exception = { exportedBy: string } | { reason: string };

const allowList: Record<string, Exception> = {
  // Rows and cells of a table whose Export menu sits in its parent.
  'campaign/campaign-table-row.tsx': { exportedBy: 'campaign/campaign-table.tsx' },
  'posts/metrics-grid.tsx': { exportedBy: 'posts/posts-screen.tsx' },
  'library/asset-table.tsx': { exportedBy: 'library/library-screen.tsx' },
  // The leadership report's tables export in the report's own workbook and CSVs (export-report-button.tsx).
  'reports/breakdown-card.tsx': { reason: 'exported by the report workbook (reports/export-report-button.tsx)' },
  'reports/posts-card.tsx': { reason: 'exported by the report workbook (reports/export-report-button.tsx)' },
  'reports/who-posted-card.tsx': { reason: 'exported by the report workbook (reports/export-report-button.tsx)' },
  // Forms and previews inside modals: they show what is about to happen, not records.
  'codes/attribution-import-modal.tsx': { reason: 'preview of an orders file before it is imported' },
  'codes/generate-codes-modal.tsx': { reason: 'preview of codes before they are generated' },
  'creator-profile/rates-card.tsx': { reason: 'an editable rate card on a profile (form inputs)' },
  'import/columns-step.tsx': { reason: 'the import wizard’s column mapping (form inputs)' },
  'import/outcome-list.tsx': { reason: 'the import report inside the wizard; its problem rows download on their own' },
  'library/presets-modal.tsx': { reason: 'the cut presets editor (form inputs)' },
  'merge-preview-table.tsx': { reason: 'preview of a merge of duplicates before it is done' },
  'posts/metrics-import-modal.tsx': { reason: 'preview of a metrics file before it is imported' },
  'seeding/tracking-import-modal.tsx': { reason: 'preview of a tracking file before it is imported' },
  'outreach/compose-card.tsx': { reason: 'choosing who to message (checkboxes of a form)' },
  'settings-screen.tsx': { reason: 'the machine’s tools check (ffmpeg, fonts): diagnostics, not records' },
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.tsx') ? [full] : [];
  });
}

const rel = (file: string) => relative(screens, file).replaceAll('\\', '/');
const tableFiles = files(screens).filter((f) => TABLE.test(readFileSync(f, 'utf8'))).map(rel).sort();
const wired = (file: string) => MENU.test(readFileSync(join(screens, file), 'utf8'));

describe('every table exports', () => {
  it('finds the screens’ tables (the scan itself works)', () => {
    expect(tableFiles.length).toBeGreaterThan(20);
    expect(tableFiles).toContain('codes/codes-panel.tsx');
  });

  it('wires every screen table to the Export menu, or says where its export is or why it has none', () => {
    const missing = tableFiles.filter((f) => !wired(f) && !allowList[f]);
    expect(missing, `These files render a <Table> without the Export menu (components/export-table-menu.tsx): ${missing.join(', ')}`).toEqual([]);
  });

  it('wires the list screens that show records as cards or rows, not a <Table>', () => {
    const lists = ['campaigns-screen.tsx', 'briefs-screen.tsx', 'tasks/tasks-screen.tsx', 'trash-screen.tsx'];
    expect(lists.filter((f) => !wired(f))).toEqual([]);
  });

  it('keeps the allow-list honest', () => {
    for (const [file, exception] of Object.entries(allowList)) {
      expect(existsSync(join(screens, file)), `${file} is allow-listed but does not exist`).toBe(true);
      expect(tableFiles, `${file} is allow-listed but renders no table`).toContain(file);
      expect(wired(file), `${file} is allow-listed but uses the Export menu: take it off the list`).toBe(false);
      if ('exportedBy' in exception) expect(wired(exception.exportedBy), `${file} says ${exception.exportedBy} exports it, which has no Export menu`).toBe(true);
      else expect(exception.reason.length).toBeGreaterThan(10);
    }
  });
});
