import { createWriteStream, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { writeReportWorkbook } from '../../src/main/services/exports/report-workbook';
import { writePlanWorkbook } from '../../src/main/services/plan-export/campaign-plan-xlsx';
import { exportDiscountCodes } from '../../src/shared/domain/discount-csv';
import { moneyFrom } from '../../src/shared/domain/fields';
import { problemsCsv } from '../../src/shared/import/metrics-import';
import { buildPlanDocument } from '../../src/shared/domain/plan-document';
import { exportShipments, type ExportShipment } from '../../src/shared/domain/shipment-csv';
import { toCsv, type ExportTable } from '../../src/shared/domain/table-export';
import { tableWorkbook } from '../../src/shared/domain/table-workbook';
import { reportCsv } from '../../src/shared/import/report';
import { buildReport, defaultFilters } from '../../src/shared/reports/build-report';
import { defaultReportView } from '../../src/shared/reports/report-view';
import { creatorColumns, postColumns, reportWorkbookFrom } from '../../src/shared/reports/workbook-input';
import { formulaLike, phoneNumber, plainFigure } from '../../src/shared/sheets/formula-like';
import { openedByLibreOffice, soffice } from '../main/services/exports/libreoffice';
import { numberFormatOf, readXlsx } from '../main/services/exports/xlsx-parts';
import { sampleReportData } from '../shared/reports/sample-report-data';

/**
 * A creator's bio, name or note that reads as a formula, in every file the app
 * writes for a spreadsheet. Each CSV must carry it as text (a leading quote),
 * each workbook must hold exactly what was typed, as text, in a cell marked
 * Text so an edit keeps it text; and LibreOffice, opening the file as a person
 * would, must make no formula of it. A new export is added to `exports` below;
 * the last test fails when a file writes CSV or a workbook and is not listed.
 */
const attacks = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3'];
const attack = (i: number) => attacks[i % attacks.length];

type Written = { kind: 'csv'; text: string } | { kind: 'xlsx'; bytes: Buffer };
interface Export { name: string; source: string; write(): Promise<Written> }

const address = { name: attack(0), line1: attack(1), line2: attack(2), city: attack(3), region: 'CA', postalCode: '211 22', country: 'SE' };
const shipment: ExportShipment = {
  orderName: 'SEED-1001', creatorName: attack(0), email: 'zoe@example.com', phone: '+44 20 7946 0958', address, campaignName: attack(2),
  lines: [{ title: attack(3), variantTitle: '', sku: 'GLOW-1', quantity: 1, unitValue: { amountMicros: 38_000_000, currency: 'USD' } }], createdAt: '2026-11-01T10:00:00Z',
};

function reportInput() {
  const data = sampleReportData();
  const report = buildReport(data, { ...defaultFilters, period: { start: '2026-09-01', end: '2026-10-31' }, comparison: 'previous', granularity: 'week' },
    { timeZone: 'UTC', today: '2026-11-01', currency: 'USD', shippingPerParcelMicros: null, emvRates: null } as never);
  const input = reportWorkbookFrom(report, defaultReportView, { title: attack(0), subtitle: attack(1), fileName: 'report' });
  const name = postColumns.indexOf('Creator');
  input.posts.slice(0, 8).forEach((row, i) => { (row as unknown[])[name] = attack(i); });
  input.creators.slice(0, 8).forEach((row, i) => { (row as unknown[])[creatorColumns.indexOf('Creator')] = attack(i); });
  return input;
}

function planDocument() {
  return buildPlanDocument({
    campaign: {
      name: attack(0), kind: 'campaign', status: 'active', objective: 'awareness', activationModels: ['gifting'], ownerId: 'ana', startsOn: '2026-03-01', endsOn: '2026-04-30',
      notes: attack(1), kpiTargets: [], keyMessages: [attack(2)], budget: moneyFrom(12_000, 'USD'),
      buckets: [{ id: 'nano', name: attack(3), minFollowers: 1_000, maxFollowers: 9_999, targetCount: 30 }],
      steps: [{ id: 'shortlisted', name: attack(1), position: 1 }],
    },
    engagements: [{ id: 'e1', creatorId: 'c1', stepId: 'shortlisted', terms: { fee: moneyFrom(500, 'USD'), productValue: null } }],
    creators: new Map([['c1', { name: attack(2), followersMax: 4_000 }]]),
    ownerName: attack(3), fallbackCurrency: 'USD', today: '2026-03-05', activities: [], tasks: [{ title: attack(0), dueOn: '2026-03-10', done: false }],
    labels: { model: (m) => m, objective: (o) => o, status: (s) => s },
  });
}

const table: ExportTable = { headers: ['Creator', 'Bio', 'Followers', 'Change'], kinds: ['text', 'text', 'count', 'percent'], rows: attacks.map((a, i) => [a, attack(i + 1), -5, -0.125]) };

const exports: Export[] = [
  { name: 'table export (CSV)', source: 'src/shared/domain/table-export.ts', write: async () => ({ kind: 'csv', text: toCsv(table) }) },
  { name: 'import report (CSV)', source: 'src/shared/import/report.ts',
    write: async () => ({ kind: 'csv', text: reportCsv(attacks.map((a, i) => ({ row: i + 2, kind: 'problem', creator: a, reason: attack(i + 1), warnings: [attack(i + 2)] }))) }) },
  { name: 'skipped metrics rows (CSV)', source: 'src/shared/import/metrics-import.ts',
    write: async () => ({ kind: 'csv', text: problemsCsv(attacks.map((a, i) => ({ row: i + 2, column: a, reason: attack(i + 1) }))) }) },
  { name: 'Shopify orders (CSV)', source: 'src/shared/domain/shipment-csv.ts', write: async () => ({ kind: 'csv', text: exportShipments([shipment], 'shopify', '2026-11-01').csv }) },
  { name: '3PL orders (CSV)', source: 'src/shared/domain/shipment-csv.ts', write: async () => ({ kind: 'csv', text: exportShipments([shipment], '3pl', '2026-11-01').csv }) },
  { name: 'Shopify discount codes (CSV)', source: 'src/shared/domain/discount-csv.ts',
    write: async () => ({ kind: 'csv', text: exportDiscountCodes(attacks.map((a, i) => ({
      code: `GLOW${i}`, creatorName: a, campaignName: attack(i + 1), discount: { type: 'percent', value: 15 }, expiresOn: null, usageLimit: null, onePerCustomer: true, status: 'active', createdAt: '2026-11-01T10:00:00Z',
    })), '2026-11-01').csv }) },
  { name: 'table export (Excel)', source: 'src/shared/domain/table-workbook.ts', write: async () => ({ kind: 'xlsx', bytes: Buffer.from(await tableWorkbook(table)) }) },
  { name: 'report workbook', source: 'src/main/services/exports/report-workbook.ts',
    write: async () => {
      const path = join(mkdtempSync(join(tmpdir(), 'fanfare-formula-')), 'report.xlsx');
      const out = createWriteStream(path);
      await writeReportWorkbook(reportInput(), out);
      await finished(out);
      return { kind: 'xlsx', bytes: readFileSync(path) };
    } },
  { name: 'campaign plan workbook', source: 'src/main/services/plan-export/campaign-plan-xlsx.ts',
    write: async () => ({ kind: 'xlsx', bytes: Buffer.from((await writePlanWorkbook(planDocument())).bytes) }) },
];

/** Every cell of every sheet, as the independent reader sees it. */
function allCells(bytes: Buffer) {
  const workbook = readXlsx(bytes);
  return { workbook, cells: workbook.sheetNames.flatMap((sheet) => [...workbook.cells(sheet)].map(([ref, cell]) => ({ at: `${sheet}!${ref}`, ...cell }))) };
}

describe('a formula-like bio in every export', () => {
  for (const e of exports) {
    it(`${e.name}: carries it as text`, async () => {
      const written = await e.write();
      if (written.kind === 'csv') {
        const fields = Papa.parse<string[]>(written.text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat();
        // Nothing a spreadsheet would run: a figure or a phone number reads as itself, anything else formula-like has its quote.
        expect(fields.filter((f) => formulaLike(f) && !plainFigure(f) && !phoneNumber(f))).toEqual([]);
        expect(attacks.filter((a) => fields.includes(`'${a}`) || fields.some((f) => f.includes(`'${a}`)))).toEqual(attacks);
      } else {
        const { workbook, cells } = allCells(written.bytes);
        const found = cells.filter((c) => typeof c.value === 'string' && attacks.includes(c.value));
        // Exactly what was typed, every one of them, as text marked Text.
        expect(new Set(found.map((c) => c.value))).toEqual(new Set(attacks));
        expect(found.filter((c) => c.formula !== undefined || c.type === 'n' || numberFormatOf(workbook, c.style) !== '@').map((c) => c.at)).toEqual([]);
      }
    });

  }

  it.skipIf(!soffice)('opened in LibreOffice, each file holds it as text, not a formula', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fanfare-formula-'));
    const paths = await Promise.all(exports.map(async (e, i) => {
      const written = await e.write();
      const path = join(dir, `${i}-${e.name.replace(/\W+/g, '-')}.${written.kind}`);
      writeFileSync(path, written.kind === 'csv' ? written.text : written.bytes);
      return path;
    }));
    const opened = openedByLibreOffice(paths);
    exports.forEach((e, i) => {
      const { cells } = allCells(opened[i]);
      const live = cells.filter((c) => c.formula !== undefined && /HYPERLINK|cmd|SUM\(1\)|2\+3/i.test(c.formula));
      expect(live.map((c) => `${e.name} ${c.at}: =${c.formula}`)).toEqual([]);
      // A workbook cell holds exactly what was typed; a CSV field holds it after its quote.
      const holds = (value: unknown, a: string) => typeof value === 'string' && (paths[i].endsWith('.xlsx') ? value === a : value.includes(`'${a}`));
      for (const a of attacks) expect(cells.some((c) => holds(c.value, a)), `${e.name} holds ${a} as text`).toBe(true);
      // LibreOffice keeps a workbook's Text mark, so typing over the cell there keeps it text too.
      const workbook = readXlsx(opened[i]);
      if (paths[i].endsWith('.xlsx')) {
        const unmarked = cells.filter((c) => typeof c.value === 'string' && attacks.includes(c.value) && numberFormatOf(workbook, c.style) !== '@');
        expect(unmarked.map((c) => `${e.name} ${c.at}`)).toEqual([]);
      }
    });
  }, 240_000);

  it.runIf(!soffice)('says why the LibreOffice check did not run', () => {
    console.warn('LibreOffice (libreoffice-calc) is not installed: the formula-cell exports were not opened in it.');
  });

  it('covers every file that writes CSV or a workbook', () => {
    const root = resolve(import.meta.dirname, '../..');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
      const full = join(dir, n);
      return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(n) ? [full] : [];
    });
    const writers = files(join(root, 'src')).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return /sheets\/csv-write['"]|\.xlsx\.writeBuffer\(|WorkbookWriter\(/.test(text) && !f.endsWith('csv-write.ts');
    }).map((f) => relative(root, f).replaceAll('\\', '/'));
    expect(writers.filter((w) => !exports.some((e) => e.source === w))).toEqual([]);
  });

  it('has no CSV written by hand outside the one writer', () => {
    const root = resolve(import.meta.dirname, '../..');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => {
      const full = join(dir, n);
      return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(n) ? [full] : [];
    });
    // Doubling quotes is how a CSV field is escaped by hand; the report workbook doubles them inside formula text literals.
    const byHand = files(join(root, 'src')).map((f) => relative(root, f).replaceAll('\\', '/'))
      .filter((f) => !['src/shared/sheets/csv-write.ts', 'src/main/services/exports/report-workbook.ts'].includes(f))
      .filter((f) => readFileSync(join(root, f), 'utf8').includes(`replace(/"/g, '""')`));
    expect(byHand).toEqual([]);
  });
});
