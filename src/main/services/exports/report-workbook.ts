import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { kpiById, type KpiFormat, type KpiId } from '../../../shared/reports/kpis';
import { budgetLeft, emvWhy, kpiRowFigures, shippingCost } from '../../../shared/reports/workbook-figures';
import { creatorColumns, postColumns, spendColumns, type ReportWorkbookInput } from '../../../shared/reports/workbook-input';
import { barChartPng } from './chart-image';
import { askFullRecalculation, printSetup } from './workbook-print';
import { placePictures, type Picture } from './workbook-pictures';
import { markFormulaText, textCellStyle } from '../../../shared/sheets/text-cell-style';

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
/** Figures Fanfare counted that no sheet holds the rows for: inputs, but not ones to type over. */
const countedFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
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

/** A formula with the app's figure as its cached result ('' for a blank), unless a test asks for bare formulas. */
function fx(formula: string, result: number | string | null | undefined, cached: boolean): ExcelJS.CellFormulaValue {
  return (cached ? { formula, result: result ?? '' } : { formula }) as ExcelJS.CellFormulaValue;
}

/** A text literal inside a formula: quotes doubled, and split under Excel's 255-character limit per literal. */
function textLiteral(text: string): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += 200) parts.push(`"${text.slice(i, i + 200).replace(/"/g, '""')}"`);
  return parts.length ? parts.join('&') : '""';
}

/** A change is shown in its KPI's unit: whole numbers for counts, money as money, rates in percentage points. */
function changeFormat(format: KpiFormat, money: string): string {
  switch (format) {
    case 'count': return '+#,##0;-#,##0;0';
    case 'percent': return '+0.0" pts";-0.0" pts";0.0" pts"';
    case 'money': return `+${money};-${money};${money}`;
    case 'ratio': return '+0.00"×";-0.00"×";0.00"×"';
  }
}

/** Lines a text wraps to in a column of this many characters (a rough measure: Excel's default font is narrower than its unit). */
function linesFor(text: string, width: number): number {
  return text ? Math.ceil(text.length / Math.max(1, width - 2)) : 1;
}

const wideSheet = (widthsInChars: number[]) => widthsInChars.reduce((s, w) => s + w, 0) > 100;

export async function writeReportWorkbook(input: ReportWorkbookInput, out: Writable, options: WriteOptions = {}): Promise<void> {
  const cached = options.cachedResults ?? true;
  const signal = options.signal;
  const check = () => {
    if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('Cancelled');
  };
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Fanfare';
  workbook.created = new Date();
  // The cached results are the app's figures; Excel still recalculates on open, so an edited input elsewhere is never stale.
  askFullRecalculation(workbook);

  const money = currencyFormat(input.currency);
  const postN = Math.max(1, input.posts.length);
  const creatorN = Math.max(1, input.creators.length);
  const parcelsAt = creatorColumns.indexOf('Parcels sent');
  const shippingLines = input.creators.filter((row) => typeof row[parcelsAt] === 'number' && (row[parcelsAt] as number) > 0)
    .map((row) => ({ name: row[0], campaign: row[2], parcels: row[parcelsAt] as number, creatorId: row[creatorColumns.indexOf('Creator ID')], campaignId: row[creatorColumns.indexOf('Campaign ID')] }));
  const spendN = Math.max(1, input.spend.length + shippingLines.length);
  const range = (sheet: string, col: number, rows: number) => `${sheet}!$${columnLetter(col)}$2:$${columnLetter(col)}$${rows + 1}`;
  const P = (name: (typeof postColumns)[number]) => range('Posts', postColumns.indexOf(name), postN);
  const C = (name: (typeof creatorColumns)[number]) => range('Creators', creatorColumns.indexOf(name), creatorN);
  const spendRange = range('Spend', spendColumns.indexOf('Amount'), spendN);
  const period = input.periodLabel ?? input.subtitle;

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
  const summaryWidths = [30, 16, 40, 16, 14, 11, 14, 13, 40];
  const headers = ['KPI', 'Value', 'How it is calculated', input.comparisonLabel ?? 'Previous period', 'Change', '% change', 'Target', 'Against target', 'Why a figure is missing'];
  const summary = workbook.addWorksheet('Summary', {
    views: [{ state: 'frozen', ySplit: summaryLayout.headerRow, showGridLines: false }],
    ...printSetup(input.title, { landscape: true, titleRows: `${summaryLayout.headerRow}:${summaryLayout.headerRow}` }),
  } as Partial<ExcelJS.AddWorksheetOptions>);
  placePictures(workbook, summary, pictures);
  summary.columns = summaryWidths.map((width) => ({ width }));
  const title = summary.getRow(1);
  title.getCell(1).value = input.title;
  title.getCell(1).font = { bold: true, size: 16 };
  summary.getRow(2).getCell(1).value = input.subtitle;
  summary.getRow(2).getCell(1).font = { color: { argb: 'FF495057' } };
  summary.getRow(3).getCell(1).value = 'Every value in column B is a formula over the Posts, Creators and Spend sheets and the inputs below: change a yellow input and the figures follow. '
    + 'Grey inputs are counts Fanfare made for this period; the previous period\'s figures are Fanfare\'s too.';
  summary.getRow(3).getCell(1).font = { italic: true, color: { argb: 'FF868E96' } };
  summary.getRow(3).getCell(1).alignment = { wrapText: true, vertical: 'top' };
  summary.getRow(3).height = 30;
  summary.mergeCells(3, 1, 3, headers.length);
  const headerRow = summary.getRow(summaryLayout.headerRow);
  headers.forEach((h, i) => {
    const c = headerRow.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = headerFill;
    c.alignment = { wrapText: true, vertical: 'bottom' };
  });

  const rowOf = new Map<KpiId, number>(input.kpis.map((k, i) => [k.id, summaryLayout.firstKpiRow + i]));
  const at = (id: KpiId) => `$B$${rowOf.get(id)}`;
  const inp = summaryLayout.inputs;
  const abs = (ref: string) => `$${ref[0]}$${ref.slice(1)}`;
  const costPer = (base: string, per = '') => `IF(OR(${at('spend')}="",${base}=""),"",IF(${base}=0,"",${at('spend')}/${base}${per}))`;
  const sumIfAny = (r: string) => `IF(COUNT(${r})=0,"",SUM(${r}))`;
  const both = (a: string, b: string) => `SUMPRODUCT(ISNUMBER(${a})*ISNUMBER(${b}),`;
  const engagementParts = [P('Likes'), P('Comments'), P('Shares'), P('Saves')].join(',');
  const emvRates = [inp.emvImpressions, inp.emvEngagement, inp.emvClick].map(abs);
  const emvCells = `${inp.emvImpressions} to ${inp.emvClick}`;
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
    emv: `IF(OR(${emvRates.map((r) => `${r}=""`).join(',')}),"",IF(AND(${at('impressions')}="",${at('engagements')}="",${at('clicks')}=""),"",`
      + `N(${at('impressions')})/1000*${emvRates[0]}+N(${at('engagements')})*${emvRates[1]}+N(${at('clicks')})*${emvRates[2]}))`,
    onTimeRate: `IF(SUM(${C('Deliverables due')})=0,"",SUM(${C('On time')})/SUM(${C('Deliverables due')}))`,
    firstRoundApprovalRate: `IF(${abs(inp.reviewed)}=0,"",${abs(inp.approved)}/${abs(inp.reviewed)})`,
  };

  for (const k of input.kpis) {
    const r = rowOf.get(k.id)!;
    const def = kpiById[k.id];
    const row = summary.getRow(r);
    const fmt = numFmt(def.format, input.currency);
    const figures = kpiRowFigures(k.id, k.value, input.comparisonLabel ? k.previous : null, k.target);
    row.getCell(1).value = def.label;
    row.getCell(1).font = { bold: true };
    row.getCell(2).value = fx(formulas[k.id], k.value, cached);
    row.getCell(2).numFmt = fmt;
    row.getCell(2).font = { bold: true };
    row.getCell(3).value = def.formula;
    row.getCell(3).font = { color: { argb: 'FF495057' } };
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    if (input.comparisonLabel) {
      row.getCell(4).value = k.previous;
      row.getCell(4).numFmt = fmt;
      const delta = def.format === 'percent' ? `(B${r}-D${r})*100` : `B${r}-D${r}`;
      row.getCell(5).value = fx(`IF(OR(B${r}="",D${r}=""),"",${delta})`, figures.change, cached);
      row.getCell(5).numFmt = changeFormat(def.format, money);
      row.getCell(6).value = fx(`IF(OR(B${r}="",D${r}=""),"",IF(D${r}=0,"",(B${r}-D${r})/ABS(D${r})))`, figures.percentChange, cached);
      row.getCell(6).numFmt = '+0.0%;-0.0%;0.0%';
      const up = def.better === 'higher' ? good : bad;
      const down = def.better === 'higher' ? bad : good;
      summary.addConditionalFormatting({
        ref: `E${r}:F${r}`,
        rules: [
          { type: 'expression', formulae: [`AND(ISNUMBER($E${r}),$E${r}>0)`], style: up, priority: r * 2 },
          { type: 'expression', formulae: [`AND(ISNUMBER($E${r}),$E${r}<0)`], style: down, priority: r * 2 + 1 },
        ],
      } as ExcelJS.ConditionalFormattingOptions);
    }
    if (k.target != null) {
      row.getCell(7).value = k.target;
      row.getCell(7).numFmt = fmt;
      row.getCell(7).fill = inputFill;
      row.getCell(8).value = fx(`IF(OR(B${r}="",G${r}=""),"",IF(G${r}=0,"",B${r}/G${r}))`, figures.againstTarget, cached);
      row.getCell(8).numFmt = '0%';
    }
    // The note follows the figure: once an input fills it in, the reason goes away.
    if (k.id === 'emv') {
      const ratesSet = input.assumptions.emv != null;
      row.getCell(9).value = fx(`IF(ISNUMBER(B${r}),"",IF(OR(${emvRates.map((x) => `${x}=""`).join(',')}),${textLiteral(emvWhy(false, emvCells))},${textLiteral(emvWhy(true, ''))}))`,
        k.value == null ? emvWhy(ratesSet, emvCells) : '', cached);
    } else if (k.why) {
      row.getCell(9).value = fx(`IF(ISNUMBER(B${r}),"",${textLiteral(k.why)})`, k.value == null ? k.why : '', cached);
    }
    row.getCell(9).font = { color: { argb: 'FF868E96' }, italic: true };
    row.getCell(9).alignment = { wrapText: true, vertical: 'top' };
    // Neither Excel nor LibreOffice grows a row for wrapped text written by a program: the row is given the lines it needs.
    const note = k.id === 'emv' && k.value == null ? emvWhy(input.assumptions.emv != null, emvCells) : k.value == null ? k.why ?? '' : '';
    const lines = Math.max(linesFor(def.formula, summaryWidths[2]), linesFor(note, summaryWidths[8]));
    if (lines > 1) row.height = 15 * lines;
  }

  const inputsTitle = summary.getRow(30);
  inputsTitle.getCell(1).value = 'Inputs: yellow cells can be changed; grey cells are counts Fanfare made for this period';
  inputsTitle.getCell(1).font = { bold: true };
  summary.getRow(40).getCell(1).value = 'Charts';
  summary.getRow(40).getCell(1).font = { bold: true };
  const inputRows: [string, string, number | null, string, ExcelJS.Fill][] = [
    [inp.shipping, 'Shipping cost per parcel', input.assumptions.shippingPerParcel, money, inputFill],
    [inp.emvImpressions, 'EMV: value per 1,000 impressions', input.assumptions.emv?.perThousandImpressions ?? null, money, inputFill],
    [inp.emvEngagement, 'EMV: value per engagement', input.assumptions.emv?.perEngagement ?? null, money, inputFill],
    [inp.emvClick, 'EMV: value per click', input.assumptions.emv?.perClick ?? null, money, inputFill],
    [inp.reviewed, 'Round-1 drafts decided', input.assumptions.firstRoundDecided, '#,##0', countedFill],
    [inp.approved, 'Round-1 drafts approved', input.assumptions.firstRoundApproved, '#,##0', countedFill],
    [inp.budget, 'Budget', input.assumptions.budget, money, inputFill],
  ];
  for (const [ref, label, value, fmt, fill] of inputRows) {
    const row = summary.getRow(Number(ref.slice(1)));
    row.getCell(1).value = label;
    row.getCell(2).value = value;
    row.getCell(2).numFmt = fmt;
    row.getCell(2).fill = fill;
    // Said next to each input, in the "How it is calculated" column: typed by you, or counted by Fanfare (no sheet holds the drafts).
    row.getCell(3).value = fill === countedFill ? `Counted by Fanfare for ${period}: a figure, not a formula` : 'Your input: change it and the figures above follow';
    row.getCell(3).font = { color: { argb: 'FF868E96' }, italic: true };
  }
  const left = summary.getRow(Number(inp.budgetLeft.slice(1)));
  left.getCell(1).value = 'Budget left';
  const spendKpi = input.kpis.find((k) => k.id === 'spend')?.value ?? null;
  left.getCell(2).value = fx(`IF(OR(${abs(inp.budget)}="",${at('spend')}=""),"",${abs(inp.budget)}-${at('spend')})`, budgetLeft(input.assumptions.budget, spendKpi), cached);
  left.getCell(2).numFmt = money;
  summary.addConditionalFormatting({ ref: inp.budgetLeft, rules: [{ type: 'expression', formulae: [`AND(ISNUMBER(${abs(inp.budgetLeft)}),${abs(inp.budgetLeft)}<0)`], style: bad, priority: 1 }] } as ExcelJS.ConditionalFormattingOptions);
  for (let r = 1; r <= 40; r++) {
    // The title is the person's own; a report called "=Q4" stays text when edited.
    markFormulaText(summary.getRow(r));
    summary.getRow(r).commit();
  }
  await summary.commit();
  check();

  // ---- Data sheets
  const postFormats: Record<number, string> = { 0: 'yyyy-mm-dd', 18: money };
  for (let i = 9; i <= 19; i++) if (i !== 18) postFormats[i] = '#,##0';
  const formatAt = postColumns.indexOf('Format');
  await dataSheet(workbook, input.title, 'Posts', postColumns, input.posts, postFormats, options, 0.1, 0.85, (row) => {
    const out = row.slice();
    // Real dates, so Excel sorts and filters them as dates.
    if (typeof out[0] === 'string') out[0] = new Date(`${out[0]}T00:00:00Z`) as unknown as string;
    // Formats are stored as keys ("reel"); the sheet reads as words.
    if (typeof out[formatAt] === 'string' && out[formatAt]) out[formatAt] = formatWords(out[formatAt] as string);
    return out;
  });
  await dataSheet(workbook, input.title, 'Creators', creatorColumns, input.creators, { 7: '#,##0', 8: '#,##0', 9: '#,##0', 10: '#,##0' }, options, 0.85, 0.93);
  const spendRows: unknown[][] = input.spend.map((r) => r.slice());
  // Each shipping line finds its creator's parcels by creator and campaign id, so sorting either sheet keeps it right.
  const parcels = `${C('Parcels sent')},${C('Creator ID')}`;
  const campaignIds = C('Campaign ID');
  const shipping = `Summary!${abs(inp.shipping)}`;
  for (const line of shippingLines) {
    const r = spendRows.length + 2;
    spendRows.push([line.name, line.campaign, 'Shipping',
      fx(`IF(${shipping}="","",SUMIFS(${parcels},$E${r},${campaignIds},$F${r})*${shipping})`, shippingCost(line.parcels, input.assumptions.shippingPerParcel), cached),
      line.creatorId, line.campaignId]);
  }
  await dataSheet(workbook, input.title, 'Spend', spendColumns, spendRows, { 3: money }, options, 0.93, 0.97);
  options.onProgress?.(0.98, 'Finishing the file');
  await workbook.commit();
}

/** "reel" → "Reel", "in-feed-video" → "In-feed video". */
function formatWords(key: string): string {
  const words = key.replace(/[-_]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

async function dataSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter, reportName: string, name: string, headers: readonly string[], rows: readonly (readonly unknown[])[],
  formats: Record<number, string>, options: WriteOptions, from: number, to: number, map?: (row: readonly unknown[]) => unknown[],
): Promise<void> {
  const last = columnLetter(headers.length - 1);
  const w = widths(headers, rows);
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }], autoFilter: `A1:${last}1`,
    ...printSetup(reportName, { landscape: wideSheet(w), titleRows: '1:1' }),
  } as Partial<ExcelJS.AddWorksheetOptions>);
  sheet.columns = headers.map((header, i) => ({ header, key: String(i), width: w[i] }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.eachCell((c) => { c.fill = headerFill; });
  head.commit();
  // One style object per column, shared by its cells: exceljs recognises a style it has seen by
  // identity, while a column style is copied into a new object per cell and costs a lookup each.
  const styles = headers.map((_, i) => (formats[i] ? { numFmt: formats[i] } : {})) as Partial<ExcelJS.Style>[];
  for (let i = 0; i < rows.length; i++) {
    const values = map ? map(rows[i]) : rows[i];
    const row = sheet.addRow(values as unknown[]);
    // Names, bios and captions are the creators' own text: one starting with = stays text when edited.
    for (let c = 0; c < styles.length; c++) row.getCell(c + 1).style = textCellStyle(values[c], styles[c]);
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
