import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildReport, defaultFilters } from '../../../../src/shared/reports/build-report';
import { kpiDefinitions } from '../../../../src/shared/reports/kpis';
import { defaultReportView, type ReportView } from '../../../../src/shared/reports/report-view';
import { postColumns, reportWorkbookFrom, type ReportWorkbookInput } from '../../../../src/shared/reports/workbook-input';
import { summaryLayout, writeReportWorkbook } from '../../../../src/main/services/exports/report-workbook';
import { sampleReportData } from '../../../shared/reports/sample-report-data';

/** LibreOffice's raw CSV still writes percentages with their sign. */
const numberOf = (text: string) => (text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text));

const soffice = ['soffice', 'libreoffice'].find((bin) => spawnSync('which', [bin]).status === 0) ?? null;


const view: ReportView = { ...defaultReportView, shippingPerParcel: 8.5, emv: { perThousandImpressions: 5, perEngagement: 0.1, perClick: 0.5 }, comparison: 'previous', periodMode: 'custom', customPeriod: { start: '2026-09-01', end: '2026-10-31' } };
const options = { timeZone: 'UTC', today: '2026-11-01', currency: 'USD', shippingPerParcelMicros: 8_500_000, emvRates: { perThousandImpressionsMicros: 5_000_000, perEngagementMicros: 100_000, perClickMicros: 500_000 } };

function demoInput(): ReportWorkbookInput {
  const data = sampleReportData();
  // Parcels, so the shipping formula has something to multiply.
  data.shipments = data.engagements.filter((e) => e.campaignId === 'demo-ca-spring').slice(0, 10)
    .map((e, i) => ({ id: `s${i}`, creatorId: e.creatorId, campaignId: e.campaignId, engagementId: e.id, status: 'delivered', shippedAt: '2026-09-15T10:00:00Z', items: [] }));
  const report = buildReport(data, { ...defaultFilters, period: { start: '2026-09-01', end: '2026-10-31' }, comparison: 'previous', granularity: 'week' }, options);
  return reportWorkbookFrom(report, view, { title: 'All campaigns', subtitle: '1 Sep – 31 Oct 2026', fileName: 'report' });
}

async function write(input: ReportWorkbookInput, cachedResults = true): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-report-'));
  const path = join(dir, 'report.xlsx');
  const out = createWriteStream(path);
  await writeReportWorkbook(input, out, { cachedResults });
  await finished(out);
  return path;
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
    const reach = summary.getCell(`B${summaryLayout.firstKpiRow + kpiDefinitions.findIndex((k) => k.id === 'reach')}`);
    expect((reach.value as ExcelJS.CellFormulaValue).formula).toMatch(/^IF\(COUNT\(Posts!\$K\$2:\$K\$\d+\)=0,"",SUM/);
    expect(reach.numFmt).toBe('#,##0');
    const spend = summary.getCell(`B${summaryLayout.firstKpiRow + kpiDefinitions.findIndex((k) => k.id === 'spend')}`);
    expect(spend.numFmt).toBe('"$"#,##0.00');
    expect(summary.getCell(`B${summaryLayout.firstKpiRow + kpiDefinitions.findIndex((k) => k.id === 'ctr')}`).numFmt).toBe('0.0%');
    const posts = wb.getWorksheet('Posts')!;
    expect(posts.getRow(1).values).toEqual([undefined, ...postColumns]);
    expect(posts.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(posts.autoFilter).toBe('A1:T1');
    expect(posts.getColumn(11).width).toBeGreaterThanOrEqual(9);
    expect(posts.getCell('A2').value).toBeInstanceOf(Date);
    expect(posts.getCell('K2').numFmt).toBe('#,##0');
    expect(posts.rowCount).toBe(input.posts.length + 1);
    // The pictures are in the file and placed on the summary.
    expect(summary.getImages().length).toBe(2);
    const conditional = (summary as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    expect(conditional.length).toBeGreaterThan(20);
  });

  it.skipIf(!soffice)('gives the same numbers as the app when LibreOffice recalculates it', async () => {
    const input = demoInput();
    const path = await write(input, false);
    const dir = mkdtempSync(join(tmpdir(), 'fanfare-lo-'));
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    // Always recalculate formulas on load: the file carries none of the app's results, so every number below is LibreOffice's.
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
      + '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>');
    execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1', '--outdir', dir, path], { timeout: 120_000, stdio: 'pipe' });
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    const sheet = (name: string) => Papa.parse<string[]>(readFileSync(join(dir, files.find((f) => f.includes(name))!), 'utf8'), { skipEmptyLines: false }).data;
    const summary = sheet('Summary');
    // Almost every KPI has a figure in this sample, so the check covers the formulas, not blanks.
    expect(input.kpis.filter((k) => k.value != null).length).toBeGreaterThanOrEqual(20);
    for (const [i, k] of input.kpis.entries()) {
      const text = summary[summaryLayout.firstKpiRow - 1 + i][1];
      if (k.value == null) {
        expect(text, k.id).toBe('');
      } else {
        expect(numberOf(text), `${k.id}: LibreOffice says ${text}, the app ${k.value}`).toBeCloseTo(k.value, 2);
      }
    }
    // And the data sheets hold the same values the app shows.
    const posts = sheet('Posts');
    expect(posts[0]).toEqual([...postColumns]);
    expect(posts.length - 1).toBeGreaterThanOrEqual(input.posts.length);
    for (const [r, row] of input.posts.entries()) {
      const read = posts[r + 1];
      expect(read[1]).toBe(row[1]);
      for (const c of [9, 10, 11, 12, 16, 18, 19]) expect(read[c] === '' ? null : Number(read[c]), `${postColumns[c]} row ${r + 2}`).toBe(row[c]);
    }
  }, 180_000);

  it.runIf(!soffice)('says why the LibreOffice check did not run', () => {
    console.warn('LibreOffice (soffice) is not installed: the recalculation check is skipped. Install it with: apt-get install -y --no-install-recommends libreoffice-calc');
  });
});
