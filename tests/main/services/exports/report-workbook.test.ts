import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport, defaultFilters } from '../../../../src/shared/reports/build-report';
import { kpiById, kpiDefinitions } from '../../../../src/shared/reports/kpis';
import { defaultReportView, type ReportView } from '../../../../src/shared/reports/report-view';
import { kpiRowFigures } from '../../../../src/shared/reports/workbook-figures';
import { creatorColumns, postColumns, reportWorkbookFrom, spendColumns, type ReportWorkbookInput } from '../../../../src/shared/reports/workbook-input';
import { summaryLayout, writeReportWorkbook } from '../../../../src/main/services/exports/report-workbook';
import { sampleReportData } from '../../../shared/reports/sample-report-data';
import { numberOf, recalculated, soffice } from './libreoffice';
import { readXlsx, type RawCell } from './xlsx-parts';

const view: ReportView = { ...defaultReportView, shippingPerParcel: 8.5, emv: { perThousandImpressions: 5, perEngagement: 0.1, perClick: 0.5 }, comparison: 'previous', periodMode: 'custom', customPeriod: { start: '2026-09-01', end: '2026-10-31' } };
const options = { timeZone: 'UTC', today: '2026-11-01', currency: 'USD', shippingPerParcelMicros: 8_500_000, emvRates: { perThousandImpressionsMicros: 5_000_000, perEngagementMicros: 100_000, perClickMicros: 500_000 } };

function demoInput(): ReportWorkbookInput {
  const data = sampleReportData();
  // Parcels, so the shipping formula has something to multiply; differing counts, so a re-pointed line shows.
  data.shipments = data.engagements.filter((e) => e.campaignId === 'demo-ca-spring').slice(0, 10)
    .flatMap((e, i) => Array.from({ length: 1 + (i % 3) }, (_, j) => ({ id: `s${i}-${j}`, creatorId: e.creatorId, campaignId: e.campaignId, engagementId: e.id, status: 'delivered', shippedAt: '2026-09-15T10:00:00Z', items: [] })));
  // Targets, so "Against target" has figures to check.
  data.campaigns = data.campaigns.map((c) => ({ ...c, kpiTargets: [{ kpi: 'posts', target: 40 }, { kpi: 'Reach', target: 900_000 }, { kpi: 'engagement rate', target: 4 }] }));
  const report = buildReport(data, { ...defaultFilters, period: { start: '2026-09-01', end: '2026-10-31' }, comparison: 'previous', granularity: 'week' }, options);
  return reportWorkbookFrom(report, view, { title: 'All campaigns & programs — report', subtitle: '1 Sep – 31 Oct 2026', fileName: 'report' });
}

async function write(input: ReportWorkbookInput, cachedResults = true): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-report-'));
  const path = join(dir, 'report.xlsx');
  const out = createWriteStream(path);
  await writeReportWorkbook(input, out, { cachedResults });
  await finished(out);
  return path;
}

const kpiRow = (id: string) => summaryLayout.firstKpiRow + kpiDefinitions.findIndex((k) => k.id === id);
const blankOr = (v: number | null) => (v == null ? '' : v);

/** What the app says each Summary formula cell holds, by cell reference. */
function appFigures(input: ReportWorkbookInput): Map<string, number | string> {
  const want = new Map<string, number | string>();
  for (const k of input.kpis) {
    const r = kpiRow(k.id);
    const f = kpiRowFigures(k.id, k.value, k.previous, k.target);
    want.set(`B${r}`, blankOr(k.value));
    want.set(`E${r}`, blankOr(f.change));
    want.set(`F${r}`, blankOr(f.percentChange));
    if (k.target != null) want.set(`H${r}`, blankOr(f.againstTarget));
  }
  const spend = input.kpis.find((k) => k.id === 'spend')!.value!;
  want.set(summaryLayout.inputs.budgetLeft, input.assumptions.budget == null ? '' : input.assumptions.budget - spend);
  return want;
}

describe('report workbook', () => {
  it('has a summary of formulas, data sheets with formats, frozen headers and filters, and charts', async () => {
    const input = demoInput();
    expect(input.posts.length).toBeGreaterThan(10);
    const path = await write(input);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Summary', 'Posts', 'Creators', 'Spend']);
    const summary = wb.getWorksheet('Summary')!;
    const reach = summary.getCell(`B${kpiRow('reach')}`);
    expect((reach.value as ExcelJS.CellFormulaValue).formula).toMatch(/^IF\(COUNT\(Posts!\$K\$2:\$K\$\d+\)=0,"",SUM/);
    expect(reach.numFmt).toBe('#,##0');
    expect(summary.getCell(`B${kpiRow('spend')}`).numFmt).toBe('"$"#,##0.00');
    expect(summary.getCell(`B${kpiRow('ctr')}`).numFmt).toBe('0.0%');
    const posts = wb.getWorksheet('Posts')!;
    expect(posts.getRow(1).values).toEqual([undefined, ...postColumns]);
    expect(posts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(posts.autoFilter).toBe('A1:T1');
    expect(posts.getColumn(11).width).toBeGreaterThanOrEqual(9);
    expect(posts.getCell('A2').value).toBeInstanceOf(Date);
    expect(posts.getCell('K2').numFmt).toBe('#,##0');
    expect(posts.rowCount).toBe(input.posts.length + 1);
    // Formats read as words, not keys.
    expect(posts.getColumn(6).values.slice(2).every((v) => typeof v !== 'string' || /^[A-Z]/.test(v))).toBe(true);
    expect(wb.getWorksheet('Creators')!.getRow(1).values).toEqual([undefined, ...creatorColumns]);
    expect(wb.getWorksheet('Spend')!.getRow(1).values).toEqual([undefined, ...spendColumns]);
    // The pictures are in the file and placed on the summary.
    expect(summary.getImages().length).toBe(2);
    const conditional = (summary as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(conditional.length).toBeGreaterThan(20);
  });

  it('writes every formula with the app\'s value, read without recalculating, and asks Excel to recalculate on open', async () => {
    const input = demoInput();
    const bytes = readFileSync(await write(input));
    const raw = readXlsx(bytes);
    expect(raw.workbookXml).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);

    // No formula cell anywhere is left without a cached value: a preview shows every figure.
    let formulas = 0;
    for (const name of raw.sheetNames) {
      for (const [ref, cell] of raw.cells(name)) {
        if (cell.formula == null) continue;
        formulas++;
        expect(cell.value, `${name}!${ref} (${cell.formula}) has no cached value`).not.toBeUndefined();
      }
    }
    expect(formulas).toBeGreaterThan(60);

    const summary = raw.cells('Summary');
    const want = appFigures(input);
    // This sample has changes, targets and a budget, so the check covers figures, not blanks.
    expect([...want.values()].filter((v) => v !== '').length).toBeGreaterThan(50);
    for (const [ref, value] of want) {
      const cell = summary.get(ref) as RawCell;
      expect(cell?.formula, `${ref} is a formula`).toBeTruthy();
      if (value === '') expect(cell.value, ref).toBe('');
      else expect(cell.value, `${ref}: cached ${cell.value}, the app ${value}`).toBeCloseTo(value as number, 9);
    }
    // A change of a rate is in points: the screen's "+1.3 pts" is 1.3 here, not 0.013.
    const er = input.kpis.find((k) => k.id === 'engagementRate')!;
    expect(summary.get(`E${kpiRow('engagementRate')}`)!.value).toBeCloseTo((er.value! - er.previous!) * 100, 9);

    // exceljs reads the same cached results.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const posts = input.kpis.find((k) => k.id === 'posts')!;
    expect((wb.getWorksheet('Summary')!.getCell(`E${kpiRow('posts')}`).value as ExcelJS.CellFormulaValue).result).toBe(posts.value! - posts.previous!);

    // Shipping lines carry parcels × cost per parcel for their own creator.
    const spend = raw.cells('Spend');
    const parcels = new Map(input.creators.map((c) => [`${c[11]}|${c[12]}`, c[8] as number]));
    let shipping = 0;
    for (let r = 2; spend.has(`A${r}`); r++) {
      if (spend.get(`C${r}`)!.value !== 'Shipping') continue;
      shipping++;
      expect(spend.get(`D${r}`)!.formula).toMatch(/SUMIFS\(Creators!\$I\$2:\$I\$\d+,Creators!\$L\$2:\$L\$\d+,\$E\d+,Creators!\$M\$2:\$M\$\d+,\$F\d+\)/);
      expect(spend.get(`D${r}`)!.value).toBeCloseTo(parcels.get(`${spend.get(`E${r}`)!.value}|${spend.get(`F${r}`)!.value}`)! * 8.5, 9);
    }
    expect(shipping).toBe(10);

    // The note on a missing figure is a formula too: it goes once an input fills the figure in.
    const emvNote = summary.get(`I${kpiRow('emv')}`)!;
    expect(emvNote.formula).toContain('Enter your EMV rates');
    expect(emvNote.value).toBe('');
  });

  it('marks inputs as inputs and says which figures are counted by Fanfare, for which period', async () => {
    const input = demoInput();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await write(input));
    const summary = wb.getWorksheet('Summary')!;
    const fill = (ref: string) => ((summary.getCell(ref).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb);
    const { inputs } = summaryLayout;
    for (const ref of [inputs.shipping, inputs.emvImpressions, inputs.emvEngagement, inputs.emvClick, inputs.budget]) {
      expect(fill(ref), ref).toBe('FFFFF3BF');
      expect(summary.getCell(`C${ref.slice(1)}`).value).toMatch(/^Your input/);
    }
    for (const ref of [inputs.reviewed, inputs.approved]) {
      expect(fill(ref), ref).toBe('FFE9ECEF');
      expect(summary.getCell(`A${ref.slice(1)}`).value).toMatch(/^Round-1 drafts (decided|approved)$/);
      expect(summary.getCell(`C${ref.slice(1)}`).value).toBe('Counted by Fanfare for 1 Sep 2026 – 31 Oct 2026: a figure, not a formula');
    }
    expect(String(summary.getCell('A3').value)).not.toMatch(/every figure below is a formula/i);
    expect(String(summary.getCell('A30').value)).toMatch(/yellow cells can be changed; grey cells are counts Fanfare made/);
    // KPI names are words.
    for (const k of kpiDefinitions) expect(summary.getCell(`A${kpiRow(k.id)}`).value).toBe(kpiById[k.id].label);
  });

  it('gives every sheet a print setup: fitted to the width, header rows repeated, a footer with the report and the page', async () => {
    const input = demoInput();
    const raw = readXlsx(readFileSync(await write(input)));
    expect(raw.sheetNames).toEqual(['Summary', 'Posts', 'Creators', 'Spend']);
    const titles = [...raw.workbookXml.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]*)<\/definedName>/g)].map((m) => [Number(m[1]), m[2]]);
    expect(titles).toEqual([[0, '&apos;Summary&apos;!$5:$5'], [1, '&apos;Posts&apos;!$1:$1'], [2, '&apos;Creators&apos;!$1:$1'], [3, '&apos;Spend&apos;!$1:$1']]);
    for (const name of raw.sheetNames) {
      const xml = raw.sheetXml(name);
      expect(xml, name).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
      const setup = /<pageSetup\b[^>]*\/>/.exec(xml)![0];
      expect(setup, name).toContain('fitToWidth="1"');
      expect(setup, name).toContain('fitToHeight="0"');
      expect(setup, name).toContain(`orientation="${name === 'Spend' ? 'portrait' : 'landscape'}"`);
      // The report's own '&' is doubled, so it prints instead of starting a code.
      expect(xml, name).toContain('<oddFooter>&amp;LAll campaigns &amp;&amp; programs — report&amp;C&amp;A&amp;RPage &amp;P of &amp;N</oddFooter>');
    }
  });

  it.skipIf(!soffice)('gives the same numbers as the app when LibreOffice recalculates it, with or without cached values', async () => {
    const input = demoInput();
    // Without cached results every number is LibreOffice's own: this proves the formulas themselves.
    for (const cached of [false, true]) {
      const sheet = recalculated(await write(input, cached));
      const summary = sheet('Summary');
      expect(input.kpis.filter((k) => k.value != null).length).toBeGreaterThanOrEqual(20);
      for (const [ref, value] of appFigures(input)) {
        const text = summary[Number(ref.slice(1)) - 1][ref.charCodeAt(0) - 65];
        if (value === '') expect(text, ref).toBe('');
        else expect(numberOf(text), `${ref}: LibreOffice says ${text}, the app ${value}`).toBeCloseTo(value as number, 2);
      }
      const posts = sheet('Posts');
      expect(posts[0]).toEqual([...postColumns]);
      for (const [r, row] of input.posts.entries()) {
        const read = posts[r + 1];
        expect(read[1]).toBe(row[1]);
        for (const c of [9, 10, 11, 12, 16, 18, 19]) expect(read[c] === '' ? null : Number(read[c]), `${postColumns[c]} row ${r + 2}`).toBe(row[c]);
      }
    }
  }, 240_000);

  it.skipIf(!soffice)('prints changes in their unit: whole counts, money, rates in points', async () => {
    const input = demoInput();
    const summary = recalculated(await write(input), { asShown: true })('Summary');
    const shown = (id: string, col: string) => summary[kpiRow(id) - 1][col.charCodeAt(0) - 65];
    const posts = input.kpis.find((k) => k.id === 'posts')!;
    const delta = posts.value! - posts.previous!;
    expect(shown('posts', 'E')).toBe(`${delta > 0 ? '+' : delta < 0 ? '-' : ''}${Math.abs(delta).toLocaleString('en-US')}`);
    expect(shown('engagementRate', 'E')).toMatch(/^[+-]?\d+\.\d pts$/);
    expect(shown('spend', 'E')).toMatch(/^[+-]?\$[\d,]+\.\d\d$/);
    expect(shown('roas', 'E')).toMatch(/^[+-]?\d+\.\d\d×$/);
  }, 120_000);

  it.skipIf(!soffice)('keeps each shipping line on its own creator after the Creators sheet is sorted', async () => {
    const input = demoInput();
    const path = await write(input);
    // Sort the Creators sheet the other way round (by name, Z to A), as its own filter would: whole rows move.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const creators = wb.getWorksheet('Creators')!;
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = 2; r <= input.creators.length + 1; r++) rows.push((creators.getRow(r).values as ExcelJS.CellValue[]).slice(1));
    const sorted = [...rows].sort((a, b) => String(b[0]).localeCompare(String(a[0])) || String(b[2]).localeCompare(String(a[2])));
    expect(sorted.map((r) => r[11])).not.toEqual(rows.map((r) => r[11]));
    // Every cell is rewritten, empty ones too (a sparse row's holes would otherwise keep the old values).
    sorted.forEach((values, i) => { for (let c = 0; c < creatorColumns.length; c++) creators.getRow(i + 2).getCell(c + 1).value = values[c] ?? null; });
    const sortedPath = join(mkdtempSync(join(tmpdir(), 'fanfare-sorted-')), 'sorted.xlsx');
    await wb.xlsx.writeFile(sortedPath);

    const spend = recalculated(sortedPath)('Spend');
    const parcels = new Map(input.creators.map((c) => [`${c[11]}|${c[12]}`, c[8] as number]));
    const lines = spend.slice(1).filter((r) => r[2] === 'Shipping');
    expect(lines.length).toBe(10);
    for (const line of lines) expect(Number(line[3]), `${line[0]}`).toBeCloseTo(parcels.get(`${line[4]}|${line[5]}`)! * 8.5, 6);
    // And the Spend KPI on the Summary still equals the app's.
    const summary = recalculated(sortedPath)('Summary');
    expect(numberOf(summary[kpiRow('spend') - 1][1])).toBeCloseTo(input.kpis.find((k) => k.id === 'spend')!.value!, 2);
  }, 240_000);

  it.skipIf(!soffice)('drops the "enter EMV rates" note once the rates are entered in the workbook', async () => {
    const input = { ...demoInput(), assumptions: { ...demoInput().assumptions, emv: null } };
    input.kpis = input.kpis.map((k) => (k.id === 'emv' ? { ...k, value: null, why: 'Set EMV rates in the report to estimate it' } : k));
    const path = await write(input);
    const note = readXlsx(readFileSync(path)).cells('Summary').get(`I${kpiRow('emv')}`)!;
    expect(note.value).toBe('Enter your EMV rates in the yellow cells B32 to B34 to estimate it');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const summary = wb.getWorksheet('Summary')!;
    summary.getCell(summaryLayout.inputs.emvImpressions).value = 5;
    summary.getCell(summaryLayout.inputs.emvEngagement).value = 0.1;
    summary.getCell(summaryLayout.inputs.emvClick).value = 0.5;
    const edited = join(mkdtempSync(join(tmpdir(), 'fanfare-emv-')), 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const row = recalculated(edited)('Summary')[kpiRow('emv') - 1];
    const k = (id: string) => input.kpis.find((x) => x.id === id)!.value!;
    expect(numberOf(row[1])).toBeCloseTo(k('impressions') / 1000 * 5 + k('engagements') * 0.1 + k('clicks') * 0.5, 2);
    expect(row[8]).toBe('');
  }, 120_000);

  it.runIf(!soffice)('says why the LibreOffice check did not run', () => {
    console.warn('LibreOffice (soffice) is not installed: the recalculation check is skipped. Install it with: apt-get install -y --no-install-recommends libreoffice-calc');
  });
});
