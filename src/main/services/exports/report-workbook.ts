import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { kpiById, type KpiFormat, type KpiId } from '../../../shared/reports/kpis';
import { creatorColumns, postColumns, spendColumns, type ReportWorkbookInput } from '../../../shared/reports/workbook-input';
import { barChartPng } from './chart-image';
import { placePictures, type Picture } from './workbook-pictures';

/**
 * One workbook per report, written with exceljs' streaming writer so 100,000
 * posts never sit in memory as cell objects. The Summary's KPIs are real
 * formulas over the Posts, Creators and Spend sheets and the yellow inputs
 * (shipping per parcel, EMV rates), so leadership can change a figure and
 * see the result; the app's own figures travel as cached results.
 */
export interface WriteOptions {
  onProgress?: (fraction: number, message: string) => void;
  signal?: AbortSignal;
  /** Cached formula results let previews (Quick Look, mail) show numbers; tests turn them off to prove the formulas. */
  cachedResults?: boolean;
  /**
   * Let go of each data row once written (the input's row lists are emptied as they go):
   * the host handler owns its request, and at 100,000 posts this keeps the peak down.
   */
  releaseRows?: boolean;
}

const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDF2FF' } };
const inputFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF3BF' } };
const good = { font: { color: { argb: 'FF006100' } }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFC6EFCE' } } } as const;
const bad = { font: { color: { argb: 'FF9C0006' } }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } as const;

const symbols: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', AUD: 'A$', CAD: 'C$', PLN: 'zł' };

export function currencyFormat(currency: string): string {
  const symbol = symbols[currency];
  return symbol ? `"${symbol}"#,##0.00` : `#,##0.00 "${currency}"`;
}

function numFmt(format: KpiFormat, currency: string): string {
  switch (format) {
    case 'count': return '#,##0';
    case 'percent': return '0.0%';
    case 'money': return currencyFormat(currency);
    case 'ratio': return '0.00"×"';
  }
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function widths(headers: readonly string[], rows: readonly (readonly unknown[])[], min = 9, max = 48): number[] {
  return headers.map((h, i) => {
    let w = h.length + 2;
    for (const row of rows.slice(0, 300)) {
      const v = row[i];
      const len = v == null ? 0 : typeof v === 'number' ? String(Math.round(v)).length + 4 : String(v).length + 1;
      if (len > w) w = len;
    }
    return Math.max(min, Math.min(max, w));
  });
}

/** Summary rows: a fixed layout the formulas and tests refer to. */
export const summaryLayout = {
  headerRow: 5,
  firstKpiRow: 6,
  inputs: { shipping: 'B31', emvImpressions: 'B32', emvEngagement: 'B33', emvClick: 'B34', reviewed: 'B35', approved: 'B36', budget: 'B37', budgetLeft: 'B38' },
} as const;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface StreamState { length: number }
type ZipEntryStream = { _writableState?: StreamState; _readableState?: StreamState };
const zipBacklogLimit = 4 * 2 ** 20;

/**
 * exceljs pipes each sheet into the zip through a stream whose backpressure
 * it ignores, so a writer faster than deflate piles the sheet's XML up in
 * memory (90 MB at 100,000 posts). Wait here until the zip has caught up.
 * It reaches into exceljs' internals; without them it only yields.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet, signal?: AbortSignal): Promise<void> {
  const entry = (sheet as unknown as { stream?: { pipes?: ZipEntryStream[] } }).stream?.pipes?.[0];
  const backlog = () => (entry?._writableState?.length ?? 0) + (entry?._readableState?.length ?? 0);
  await tick();
  // Polled rather than awaiting 'drain': the backlog can sit on the readable side, where no 'drain' comes.
  // A stalled output would otherwise keep it waiting: cancelling still ends the export.
  while (backlog() > zipBacklogLimit) {
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('Cancelled');
    await pause(2);
  }
}

export async function writeReportWorkbook(input: ReportWorkbookInput, out: Writable, options: WriteOptions = {}): Promise<void> {
  const cached = options.cachedResults ?? true;
  const signal = options.signal;
  const check = () => {
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('Cancelled');
  };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Fanfare';
  workbook.created = new Date();

  const money = currencyFormat(input.currency);
  const postN = Math.max(1, input.posts.length);
  const creatorN = Math.max(1, input.creators.length);
  const shippingLines = input.creators.map((row, i) => ({ row, i })).filter(({ row }) => typeof row[8] === 'number' && (row[8] as number) > 0);
  const spendN = Math.max(1, input.spend.length + shippingLines.length);
  const range = (sheet: string, col: number, rows: number) => `${sheet}!$${columnLetter(col)}$2:$${columnLetter(col)}$${rows + 1}`;
  const P = (name: (typeof postColumns)[number]) => range('Posts', postColumns.indexOf(name), postN);
  const C = (name: (typeof creatorColumns)[number]) => range('Creators', creatorColumns.indexOf(name), creatorN);
  const spendRange = range('Spend', 3, spendN);

  // Charts first: sharp's work should not hold the sheets open.
  options.onProgress?.(0.02, 'Drawing the charts');
  const pictures: Picture[] = [];
  if (input.trend.length > 0) {
    pictures.push({
      png: await barChartPng({ title: 'Posts and creators posting', labels: input.trend.map((t) => t.label),
        series: [{ name: 'Posts', color: '#4c6ef5', values: input.trend.map((t) => t.posts) }, { name: 'Creators posting', color: '#12b886', values: input.trend.map((t) => t.creatorsPosting) }] }),
      col: 0, row: 40, widthPx: 720, heightPx: 320, name: 'Posts and creators posting over time',
    });
  }
  if (input.byPlatform.length > 0) {
    pictures.push({
      png: await barChartPng({ title: 'Reach by platform', labels: input.byPlatform.map((b) => b.label),
        series: [{ name: 'Reach', color: '#be4bdb', values: input.byPlatform.map((b) => b.reach) }] }),
      col: 0, row: 58, widthPx: 720, heightPx: 320, name: 'Reach by platform',
    });
  }
  check();

  // ---- Summary
  const summary = workbook.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: summaryLayout.headerRow, showGridLines: false }] });
  placePictures(workbook, summary, pictures);
  summary.columns = [{ width: 30 }, { width: 16 }, { width: 52 }, { width: 16 }, { width: 14 }, { width: 11 }, { width: 14 }, { width: 13 }, { width: 48 }];
  const title = summary.getRow(1);
  title.getCell(1).value = input.title;
  title.getCell(1).font = { bold: true, size: 16 };
  summary.getRow(2).getCell(1).value = input.subtitle;
  summary.getRow(2).getCell(1).font = { color: { argb: 'FF495057' } };
  summary.getRow(3).getCell(1).value = 'Every figure below is a formula over the Posts, Creators and Spend sheets and the yellow inputs: change one and the figures follow.';
  summary.getRow(3).getCell(1).font = { italic: true, color: { argb: 'FF868E96' } };
  const headers = ['KPI', 'Value', 'How it is calculated', input.comparisonLabel ?? 'Previous period', 'Change', '% change', 'Target', 'Against target', 'Why a figure is missing'];
  const headerRow = summary.getRow(summaryLayout.headerRow);
  headers.forEach((h, i) => {
    const c = headerRow.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = headerFill;
  });

  const rowOf = new Map<KpiId, number>(input.kpis.map((k, i) => [k.id, summaryLayout.firstKpiRow + i]));
  const at = (id: KpiId) => `$B$${rowOf.get(id)}`;
  const inp = summaryLayout.inputs;
  const abs = (ref: string) => `$${ref[0]}$${ref.slice(1)}`;
  const costPer = (base: string, per = '') => `IF(OR(${at('spend')}="",${base}=""),"",IF(${base}=0,"",${at('spend')}/${base}${per}))`;
  const sumIfAny = (r: string) => `IF(COUNT(${r})=0,"",SUM(${r}))`;
  const both = (a: string, b: string) => `SUMPRODUCT(ISNUMBER(${a})*ISNUMBER(${b}),`;
  const engagementParts = [P('Likes'), P('Comments'), P('Shares'), P('Saves')].join(',');
  const formulas: Record<KpiId, string> = {
    creatorsActivated: `COUNTIF(${C('Activated')},"Yes")`,
    creatorsPosted: `COUNTIF(${C('Posts in report')},">0")`,
    posts: `COUNT(${P('Posted on')})`,
    reach: sumIfAny(P('Reach')),
    impressions: sumIfAny(P('Impressions')),
    views: sumIfAny(P('Views')),
    engagements: `IF(COUNT(${engagementParts})=0,"",SUM(${engagementParts}))`,
    engagementRate: `IF(${both(P('Engagements'), P('Reach'))}${P('Reach')})=0,"",${both(P('Engagements'), P('Reach'))}${P('Engagements')})/${both(P('Engagements'), P('Reach'))}${P('Reach')}))`,
    clicks: sumIfAny(P('Clicks')),
    ctr: `IF(${both(P('Clicks'), P('Impressions'))}${P('Impressions')})=0,"",${both(P('Clicks'), P('Impressions'))}${P('Clicks')})/${both(P('Clicks'), P('Impressions'))}${P('Impressions')}))`,
    orders: sumIfAny(P('Orders')),
    revenue: sumIfAny(P('Revenue')),
    spend: sumIfAny(spendRange),
    cpm: costPer(at('impressions'), '*1000'),
    cpe: costPer(at('engagements')),
    cpc: costPer(at('clicks')),
    cpa: costPer(at('orders')),
    roas: `IF(OR(${at('revenue')}="",${at('spend')}=""),"",IF(${at('spend')}=0,"",${at('revenue')}/${at('spend')}))`,
    roi: `IF(OR(${at('revenue')}="",${at('spend')}=""),"",IF(${at('spend')}=0,"",(${at('revenue')}-${at('spend')})/${at('spend')}))`,
    emv: `IF(OR(${abs(inp.emvImpressions)}="",${abs(inp.emvEngagement)}="",${abs(inp.emvClick)}=""),"",IF(AND(${at('impressions')}="",${at('engagements')}="",${at('clicks')}=""),"",`
      + `N(${at('impressions')})/1000*${abs(inp.emvImpressions)}+N(${at('engagements')})*${abs(inp.emvEngagement)}+N(${at('clicks')})*${abs(inp.emvClick)}))`,
    onTimeRate: `IF(SUM(${C('Deliverables due')})=0,"",SUM(${C('On time')})/SUM(${C('Deliverables due')}))`,
    firstRoundApprovalRate: `IF(${abs(inp.reviewed)}=0,"",${abs(inp.approved)}/${abs(inp.reviewed)})`,
  };

  for (const k of input.kpis) {
    const r = rowOf.get(k.id)!;
    const def = kpiById[k.id];
    const row = summary.getRow(r);
    const fmt = numFmt(def.format, input.currency);
    row.getCell(1).value = def.label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = cached ? { formula: formulas[k.id], result: k.value ?? '' } as ExcelJS.CellFormulaValue : { formula: formulas[k.id] } as ExcelJS.CellFormulaValue;
    row.getCell(2).numFmt = fmt;
    row.getCell(2).font = { bold: true };
    row.getCell(3).value = def.formula;
    row.getCell(3).font = { color: { argb: 'FF495057' } };
    if (input.comparisonLabel) {
      row.getCell(4).value = k.previous;
      row.getCell(4).numFmt = fmt;
      row.getCell(5).value = { formula: `IF(OR(B${r}="",D${r}=""),"",B${r}-D${r})` } as ExcelJS.CellFormulaValue;
      row.getCell(5).numFmt = def.format === 'percent' ? '+0.0%;-0.0%;0.0%' : def.format === 'money' ? `+${money};-${money};${money}` : '+#,##0.00;-#,##0.00;0';
      row.getCell(6).value = { formula: `IF(OR(B${r}="",D${r}=""),"",IF(D${r}=0,"",(B${r}-D${r})/ABS(D${r})))` } as ExcelJS.CellFormulaValue;
      row.getCell(6).numFmt = '+0.0%;-0.0%;0.0%';
      const up = def.better === 'higher' ? good : bad;
      const down = def.better === 'higher' ? bad : good;
      summary.addConditionalFormatting({
        ref: `E${r}:F${r}`,
        rules: [
          { type: 'expression', formulae: [`AND(ISNUMBER($F${r}),$F${r}>0)`], style: up, priority: r * 2 },
          { type: 'expression', formulae: [`AND(ISNUMBER($F${r}),$F${r}<0)`], style: down, priority: r * 2 + 1 },
        ],
      } as ExcelJS.ConditionalFormattingOptions);
    }
    if (k.target != null) {
      row.getCell(7).value = k.target;
      row.getCell(7).numFmt = fmt;
      row.getCell(7).fill = inputFill;
      row.getCell(8).value = { formula: `IF(OR(B${r}="",G${r}=""),"",IF(G${r}=0,"",B${r}/G${r}))` } as ExcelJS.CellFormulaValue;
      row.getCell(8).numFmt = '0%';
    }
    row.getCell(9).value = k.value == null ? k.why : null;
    row.getCell(9).font = { color: { argb: 'FF868E96' }, italic: true };
  }

  const inputsTitle = summary.getRow(30);
  inputsTitle.getCell(1).value = 'Inputs (yellow cells can be changed)';
  summary.getRow(40).getCell(1).value = 'Charts';
  summary.getRow(40).getCell(1).font = { bold: true };
  inputsTitle.getCell(1).font = { bold: true };
  const inputRows: [string, string, number | null, string, boolean][] = [
    [inp.shipping, 'Shipping cost per parcel', input.assumptions.shippingPerParcel, money, true],
    [inp.emvImpressions, 'EMV: value per 1,000 impressions', input.assumptions.emv?.perThousandImpressions ?? null, money, true],
    [inp.emvEngagement, 'EMV: value per engagement', input.assumptions.emv?.perEngagement ?? null, money, true],
    [inp.emvClick, 'EMV: value per click', input.assumptions.emv?.perClick ?? null, money, true],
    [inp.reviewed, 'Round-1 drafts reviewed', input.assumptions.firstRoundDecided, '#,##0', false],
    [inp.approved, 'Round-1 drafts approved', input.assumptions.firstRoundApproved, '#,##0', false],
    [inp.budget, 'Budget', input.assumptions.budget, money, true],
  ];
  for (const [ref, label, value, fmt, editable] of inputRows) {
    const row = summary.getRow(Number(ref.slice(1)));
    row.getCell(1).value = label;
    row.getCell(2).value = value;
    row.getCell(2).numFmt = fmt;
    if (editable) row.getCell(2).fill = inputFill;
  }
  const left = summary.getRow(Number(inp.budgetLeft.slice(1)));
  left.getCell(1).value = 'Budget left';
  left.getCell(2).value = { formula: `IF(OR(${abs(inp.budget)}="",${at('spend')}=""),"",${abs(inp.budget)}-${at('spend')})` } as ExcelJS.CellFormulaValue;
  left.getCell(2).numFmt = money;
  summary.addConditionalFormatting({ ref: inp.budgetLeft, rules: [{ type: 'expression', formulae: [`AND(ISNUMBER(${abs(inp.budgetLeft)}),${abs(inp.budgetLeft)}<0)`], style: bad, priority: 1 }] } as ExcelJS.ConditionalFormattingOptions);
  for (let r = 1; r <= 40; r++) summary.getRow(r).commit();
  await summary.commit();
  check();

  // ---- Data sheets
  const postFormats: Record<number, string> = { 0: 'yyyy-mm-dd', 18: money };
  for (let i = 9; i <= 19; i++) if (i !== 18) postFormats[i] = '#,##0';
  await dataSheet(workbook, 'Posts', postColumns, input.posts, postFormats, options, 0.1, 0.85, (row) => {
    const out = row.slice();
    // Real dates, so Excel sorts and filters them as dates.
    if (typeof out[0] === 'string') out[0] = new Date(`${out[0]}T00:00:00Z`) as unknown as string;
    return out;
  });
  await dataSheet(workbook, 'Creators', creatorColumns, input.creators, { 7: '#,##0', 8: '#,##0', 9: '#,##0', 10: '#,##0' }, options, 0.85, 0.93);
  const spendRows: unknown[][] = input.spend.map((r) => r.slice());
  for (const { row, i } of shippingLines) {
    spendRows.push([row[0], row[2], 'Shipping', { formula: `IF(Summary!${abs(inp.shipping)}="","",Creators!$I$${i + 2}*Summary!${abs(inp.shipping)})` }]);
  }
  await dataSheet(workbook, 'Spend', spendColumns, spendRows, { 3: money }, options, 0.93, 0.97);
  options.onProgress?.(0.98, 'Finishing the file');
  await workbook.commit();
}

async function dataSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, headers: readonly string[], rows: readonly (readonly unknown[])[],
  formats: Record<number, string>, options: WriteOptions, from: number, to: number, map?: (row: readonly unknown[]) => unknown[],
): Promise<void> {
  const last = columnLetter(headers.length - 1);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], autoFilter: `A1:${last}1` } as Partial<ExcelJS.AddWorksheetOptions>);
  const w = widths(headers, rows);
  sheet.columns = headers.map((header, i) => ({ header, key: String(i), width: w[i] }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.eachCell((c) => { c.fill = headerFill; });
  head.commit();
  // One style object per column, shared by its cells: exceljs recognises a style it has seen by
  // identity, while a column style is copied into a new object per cell and costs a lookup each.
  const styles = headers.map((_, i) => (formats[i] ? { numFmt: formats[i] } : {})) as Partial<ExcelJS.Style>[];
  for (let i = 0; i < rows.length; i++) {
    const row = sheet.addRow(map ? map(rows[i]) : (rows[i] as unknown[]));
    for (let c = 0; c < styles.length; c++) row.getCell(c + 1).style = styles[c];
    row.commit();
    if (options.releaseRows) (rows as unknown[])[i] = null;
    if (i % 1000 === 999) {
      if (options.signal?.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new Error('Cancelled');
      if (i % 5000 === 4999) options.onProgress?.(from + ((to - from) * i) / rows.length, `Writing ${name.toLowerCase()}: ${(i + 1).toLocaleString('en-US')} of ${rows.length.toLocaleString('en-US')}`);
      await zipCaughtUp(sheet, options.signal);
    }
  }
  await sheet.commit();
}
