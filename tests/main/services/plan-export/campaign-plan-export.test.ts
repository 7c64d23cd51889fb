import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writePlanWorkbook } from '../../../../src/main/services/plan-export/campaign-plan-xlsx';
import { numberOf, recalculated, soffice } from '../exports/libreoffice';
import { readXlsx } from '../exports/xlsx-parts';
import { createInProcessHost } from '../../../../src/main/handlers';
import { HostError } from '../../../../src/shared/api/errors';
import { moneyFrom } from '../../../../src/shared/domain/fields';
import { buildPlanDocument, type PlanCampaign, type PlanEngagement } from '../../../../src/shared/domain/plan-document';

const campaign: PlanCampaign = {
  name: 'Spring Glow: seeding / launch', kind: 'campaign', status: 'active', objective: 'awareness', activationModels: ['gifting', 'pay-to-post'],
  ownerId: 'ana', startsOn: '2026-03-01', endsOn: '2026-04-30', notes: 'Retail launch in April.',
  kpiTargets: [{ kpi: 'posts', target: 40 }, { kpi: 'reach', target: 1_500_000 }, { kpi: 'cpm', target: 12.5 }, { kpi: 'engagement rate', target: 4 }, { kpi: 'saves per post', target: 30 }],
  keyMessages: ['Glow that lasts all day', 'Clean ingredients, no fragrance'],
  budget: moneyFrom(12_000, 'USD'),
  buckets: [
    { id: 'nano', name: 'Nano', minFollowers: 1_000, maxFollowers: 9_999, targetCount: 30 },
    { id: 'micro', name: 'Micro', minFollowers: 10_000, maxFollowers: 99_999, targetCount: 15 },
  ],
  steps: [{ id: 'shortlisted', name: 'Shortlisted', position: 1 }, { id: 'posted', name: 'Posted', position: 2 }],
};
const engagements: PlanEngagement[] = [
  { id: 'e1', creatorId: 'c1', stepId: 'posted', terms: { fee: moneyFrom(500, 'USD'), productValue: moneyFrom(38, 'USD'), deliverables: [{ dueOn: '2026-03-20', quantity: 2 }] } },
  { id: 'e2', creatorId: 'c2', stepId: 'shortlisted', terms: { fee: null, productValue: moneyFrom(38, 'USD'), deliverables: [{ dueOn: '2026-03-20', quantity: 1 }] } },
  { id: 'e3', creatorId: 'c3', stepId: 'shortlisted', terms: null, bucketId: 'micro' },
  { id: 'e4', creatorId: 'c4', stepId: 'shortlisted', terms: { fee: moneyFrom(900, 'USD'), productValue: null }, declinedAt: '2026-03-02T00:00:00.000Z' },
  // Too big for any bucket: committed money the buckets alone would miss.
  { id: 'e5', creatorId: 'c5', stepId: 'shortlisted', terms: { fee: moneyFrom(1_000, 'USD'), productValue: moneyFrom(38, 'USD') } },
];
const creators = new Map([
  ['c1', { name: 'Maya Lopez', followersMax: 45_000 }],
  ['c2', { name: 'Zoë Łukasiewicz', followersMax: 4_000 }],
  ['c3', { name: 'Ravi', followersMax: 500 }],
  ['c4', { name: 'Declined Dan', followersMax: 5_000 }],
  ['c5', { name: 'Bea Big', followersMax: 2_000_000 }],
]);

const plan = buildPlanDocument({
  campaign, engagements, creators, ownerName: 'Ana Kowalska', fallbackCurrency: 'USD', today: '2026-03-05',
  activities: [{ id: 'p1', kind: 'payment', campaignId: 'x', data: { amount: moneyFrom(250, 'USD') } }],
  tasks: [{ title: 'Book the launch shoot', dueOn: '2026-03-10', done: false }, { title: 'Done already', dueOn: '2026-03-04', done: true }],
  labels: { model: (m) => ({ gifting: 'Gifting / seeding', 'pay-to-post': 'Pay to post' })[m] ?? m, objective: (o) => o[0].toUpperCase() + o.slice(1), status: (s) => s },
});

/** Each row's values; a formula cell gives its cached result, as a reader that does not recalculate shows it. */
function cellsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'formula' in v ? (v as ExcelJS.CellFormulaValue).result : v))));
  return rows;
}

async function planFile(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'fanfare-plan-')), 'plan.xlsx');
  writeFileSync(path, (await writePlanWorkbook(plan)).bytes);
  return path;
}

/** Where a label sits on the Plan sheet (1-based row), read back with exceljs. */
async function rowsByLabel(path: string): Promise<{ wb: ExcelJS.Workbook; rowOf: (label: string) => number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows = new Map<string, number>();
  wb.getWorksheet('Plan')!.eachRow((row, r) => { const v = row.getCell(1).value; if (typeof v === 'string' && !rows.has(v)) rows.set(v, r); });
  return { wb, rowOf: (label) => rows.get(label) ?? Number.NaN };
}

describe('campaign plan export', () => {
  it('builds the plan document: buckets against targets, committed money per bucket, the timeline', () => {
    expect(plan.buckets.map((b) => [b.name, b.count, b.committedMicros])).toEqual([['Nano', 1, 38_000_000], ['Micro', 2, 538_000_000]]);
    expect(plan.budget).toMatchObject({ plannedMicros: 12_000_000_000, committedMicros: 1_614_000_000, spentMicros: 250_000_000, feesMicros: 1_500_000_000, unbucketedMicros: 1_038_000_000 });
    expect(plan.timeline).toEqual([
      { date: '2026-03-01', what: 'Campaign starts' },
      { date: '2026-03-10', what: 'Task: Book the launch shoot' },
      { date: '2026-03-20', what: '3 deliverables due' },
      { date: '2026-04-30', what: 'Campaign ends' },
    ]);
    expect(plan.creators.map((c) => c.name)).toEqual(['Bea Big', 'Maya Lopez', 'Ravi', 'Zoë Łukasiewicz']);
  });

  it('writes an .xlsx through the host that exceljs reads back with the same figures, unbucketed creators in their own row', async () => {
    const host = createInProcessHost();
    const progress: string[] = [];
    const result = await host['campaign-plan-export']({ plan }, { onProgress: (p) => progress.push(p.message) });
    expect(result.fileName).toBe('Spring Glow  seeding launch - plan.xlsx'.replace('  ', ' '));
    expect(progress[0]).toContain('Spring Glow');
    const bytes = Buffer.from(result.base64, 'base64');
    expect(bytes.byteLength).toBe(result.sizeBytes);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Plan', 'Creators']);
    const rows = cellsOf(workbook.getWorksheet('Plan')!);
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(rows[0][0]).toBe(plan.name);
    expect(find('Objective')?.[1]).toBe('Awareness');
    expect(find('Activation models')?.[1]).toBe('Gifting / seeding, Pay to post');
    expect(find('Owner')?.[1]).toBe('Ana Kowalska');
    expect(find('Starts')?.[1]).toEqual(new Date('2026-03-01T00:00:00Z'));
    // KPI names are words a CFO reads, targets in their unit.
    expect(find('Posts')?.[1]).toBe(40);
    expect(find('Reach')?.[1]).toBe(1_500_000);
    expect(find('Cost per thousand impressions')?.[1]).toBe(12.5);
    expect(find('Engagement rate')?.[1]).toBe(0.04);
    expect(find('Saves per post')?.[1]).toBe(30);
    expect(rows.some((r) => r[0] === 'reach' || r[0] === 'cpm')).toBe(false);
    expect(find('Nano')).toEqual(['Nano', '1k–10k followers', 30, 1, 38, 38 / 12_000]);
    expect(find('Micro')?.slice(2)).toEqual([15, 2, 538, 538 / 12_000]);
    expect(find('No bucket')?.slice(1)).toEqual(['Fits no bucket', undefined, 1, 1_038, 1_038 / 12_000]);
    // The totals are the screen's: every creator and all the committed money.
    expect(find('Total')?.slice(2)).toEqual([45, 4, 1_614, 1_614 / 12_000]);
    expect(find('Planned')?.slice(1, 3)).toEqual([12_000, 1]);
    expect(find('Committed in total')?.slice(1, 3)).toEqual([1_614, 1_614 / 12_000]);
    expect(find('Spent (payments logged)')?.[1]).toBe(250);
    expect(find('Left to commit')?.[1]).toBe(10_386);
    expect(rows.some((r) => r[0] === '1. Glow that lasts all day')).toBe(true);
    expect(rows.find((r) => r[1] === '3 deliverables due')?.[0]).toEqual(new Date('2026-03-20T00:00:00Z'));
    expect(rows.some((r) => r[0] === 'Retail launch in April.')).toBe(true);
    let plannedFormat: string | undefined;
    workbook.getWorksheet('Plan')!.eachRow((row) => { if (row.getCell(1).value === 'Planned') plannedFormat = row.getCell(2).numFmt; });
    expect(plannedFormat).toContain('$');

    const roster = cellsOf(workbook.getWorksheet('Creators')!);
    expect(roster[0]).toEqual(['Creator', 'Bucket', 'Step', 'Fee', 'Product value', 'Other currency']);
    expect(roster.slice(1).map((r) => r[0])).toEqual(['Bea Big', 'Maya Lopez', 'Ravi', 'Zoë Łukasiewicz']);
    expect(roster[1].slice(0, 2)).toEqual(['Bea Big', 'No bucket']);
    expect(roster[2].slice(0, 5)).toEqual(['Maya Lopez', 'Micro', 'Posted', 500, 38]);
  });

  it('is live: totals, committed, left to commit and shares are formulas with the app\'s values cached, and the file asks for recalculation', async () => {
    const path = await planFile();
    const raw = readXlsx(readFileSync(path));
    expect(raw.workbookXml).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
    const { rowOf } = await rowsByLabel(path);
    const cells = raw.cells('Plan');
    const formulas = [...cells.values()].filter((c) => c.formula);
    expect(formulas.length).toBeGreaterThanOrEqual(20);
    for (const c of formulas) expect(c.value, c.formula).not.toBeUndefined();
    for (const label of ['Nano', 'Micro', 'No bucket', 'Total']) for (const col of ['D', 'E', 'F']) expect(cells.get(`${col}${rowOf(label)}`)?.formula, `${label} ${col}`).toBeTruthy();
    for (const label of ['Committed: creator fees', 'Committed: product value', 'Committed in total', 'Left to commit']) expect(cells.get(`B${rowOf(label)}`)?.formula, label).toBeTruthy();
    expect(cells.get(`E${rowOf('Total')}`)!.value).toBe(1_614);
    expect(cells.get(`B${rowOf('Left to commit')}`)!.value).toBe(10_386);
    // Inputs are marked: the planned budget and the target creators are yellow; what Fanfare counted is said to be counted.
    expect(cells.get(`B${rowOf('Planned')}`)!.formula).toBeUndefined();
    expect(cells.get(`D${rowOf('Spent (payments logged)')}`)!.value).toMatch(/^Counted by Fanfare/);
    // Print setup on both sheets.
    for (const name of raw.sheetNames) {
      const xml = raw.sheetXml(name);
      expect(xml, name).toMatch(/<pageSetUpPr[^>]*fitToPage="1"/);
      expect(xml, name).toMatch(/<pageSetup\b[^>]*fitToWidth="1"[^>]*fitToHeight="0"|<pageSetup\b[^>]*fitToHeight="0"[^>]*fitToWidth="1"/);
      expect(xml, name).toContain('&amp;LSpring Glow: seeding / launch — plan&amp;C&amp;A&amp;RPage &amp;P of &amp;N');
    }
    expect(raw.workbookXml).toMatch(/_xlnm.Print_Titles" localSheetId="0">&apos;Plan&apos;!\$1:\$2</);
    expect(raw.workbookXml).toMatch(/_xlnm.Print_Titles" localSheetId="1">&apos;Creators&apos;!\$1:\$1</);
  });

  it.skipIf(!soffice)('follows a change of the planned budget and a sort of the Creators sheet when LibreOffice recalculates', async () => {
    const path = await planFile();
    const { wb, rowOf } = await rowsByLabel(path);
    // The same file, recalculated as it is: LibreOffice agrees with the cached figures.
    const before = recalculated(path)('Plan');
    const num = (rows: string[][], label: string, col: string) => numberOf(rows[rowOf(label) - 1][col.charCodeAt(0) - 65]);
    expect(num(before, 'Total', 'E')).toBeCloseTo(1_614, 6);
    expect(num(before, 'No bucket', 'D')).toBe(1);
    expect(num(before, 'Left to commit', 'B')).toBeCloseTo(10_386, 6);

    // A director raises the budget to 20,000 and sorts the roster Z to A.
    wb.getWorksheet('Plan')!.getCell(`B${rowOf('Planned')}`).value = 20_000;
    const roster = wb.getWorksheet('Creators')!;
    const values: ExcelJS.CellValue[][] = [];
    for (let r = 2; r <= plan.creators.length + 1; r++) values.push((roster.getRow(r).values as ExcelJS.CellValue[]).slice(1));
    // Every cell is rewritten, empty ones too (a sparse row's holes would otherwise keep the old values).
    values.reverse().forEach((row, i) => { for (let c = 0; c < 6; c++) roster.getRow(i + 2).getCell(c + 1).value = row[c] ?? null; });
    const edited = join(mkdtempSync(join(tmpdir(), 'fanfare-plan-edit-')), 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const after = recalculated(edited)('Plan');
    expect(recalculated(edited)('Creators').slice(1, 5).map((r) => r[0])).toEqual(['Zoë Łukasiewicz', 'Ravi', 'Maya Lopez', 'Bea Big']);
    expect(num(after, 'Left to commit', 'B')).toBeCloseTo(20_000 - 1_614, 6);
    expect(num(after, 'Committed in total', 'C')).toBeCloseTo(1_614 / 20_000, 6);
    expect(num(after, 'Micro', 'F')).toBeCloseTo(538 / 20_000, 6);
    expect(num(after, 'Micro', 'D')).toBe(2);
    expect(num(after, 'Micro', 'E')).toBeCloseTo(538, 6);
    expect(num(after, 'Nano', 'E')).toBeCloseTo(38, 6);
    expect(num(after, 'Total', 'E')).toBeCloseTo(1_614, 6);
  }, 180_000);

  it('refuses a plan with no name, field by field', async () => {
    const host = createInProcessHost();
    const error = await host['campaign-plan-export']({ plan: { ...plan, name: '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).fields).toEqual({ 'plan.name': 'The plan has no campaign name' });
  });
});
