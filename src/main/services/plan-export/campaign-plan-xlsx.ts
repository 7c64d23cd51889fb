import ExcelJS from 'exceljs';
import { shareOf } from '../../../shared/domain/plan-budget';
import { followerRange, planFileName, type PlanDocument } from '../../../shared/domain/plan-document';
import { kpiName, kpiTargetValue } from '../../../shared/reports/kpi-names';
import type { KpiFormat } from '../../../shared/reports/kpis';
import { printSetup } from '../exports/workbook-print';
import { markFormulaText } from '../../../shared/sheets/text-cell-style';

/**
 * Writes a campaign plan as an Excel workbook a director can forward: a
 * "Plan" sheet laid out like the strategy document (objective and KPIs,
 * buckets, budget, key messages, timeline) and a "Creators" sheet with the
 * roster. The plan is live: bucket counts, committed money, totals, what is
 * left to commit and shares are formulas over the Creators sheet and the
 * planned budget (a yellow input), each with the app's figure cached.
 * Creators who fit no bucket have their own row, so totals match the screen.
 */

const BRAND = 'FF7048E8';
const INK = 'FF212529';
const MUTED = 'FF868E96';
const BAND = 'FFF3F0FF';

export interface PlanWorkbook {
  fileName: string;
  bytes: Uint8Array;
}

const MICROS = 1_000_000;

function moneyFormat(currency: string): string {
  const symbols: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', CAD: 'CA$', AUD: 'A$', PLN: 'zł' };
  const symbol = symbols[currency];
  return symbol && currency !== 'PLN' ? `"${symbol}"#,##0.00` : `#,##0.00 "${symbol ?? currency}"`;
}

function asDate(date: string | null): Date | null {
  return date ? new Date(`${date}T00:00:00Z`) : null;
}

const inputFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF3BF' } };
const countedFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };

/** A KPI target's cell format, by its KPI's unit. */
function targetFormat(format: KpiFormat, money: string): string {
  switch (format) {
    case 'money': return money;
    case 'percent': return '0.0%';
    case 'ratio': return '0.00"×"';
    case 'count': return '#,##0';
  }
}

/** A formula with the app's figure as its cached result, so previews and data readers show it without recalculating. */
const fx = (formula: string, result: number | string | null): ExcelJS.CellFormulaValue => ({ formula, result: result ?? '' }) as ExcelJS.CellFormulaValue;

export async function writePlanWorkbook(plan: PlanDocument, signal?: AbortSignal): Promise<PlanWorkbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fanfare';
  workbook.title = `${plan.name} plan`;
  workbook.created = new Date(`${plan.preparedOn}T00:00:00Z`);
  // Cached results are the app's figures; Excel still recalculates on open, so an edited input is never stale.
  workbook.calcProperties.fullCalcOnLoad = true;
  const reportName = `${plan.name} — plan`;
  const sheet = workbook.addWorksheet('Plan', { views: [{ showGridLines: false }], ...printSetup(reportName, { landscape: false, titleRows: '1:2' }) });
  sheet.columns = [{ width: 30 }, { width: 22 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 16 }];
  const money = moneyFormat(plan.budget.currency);
  const planned = plan.budget.plannedMicros;

  // The Creators sheet's columns, which the Plan's formulas add up. Rows are matched by bucket name, never by position.
  const n = Math.max(1, plan.creators.length);
  const col = (letter: string) => `Creators!$${letter}$2:$${letter}$${n + 1}`;
  const buckets = col('B');
  const fees = col('D');
  const products = col('E');
  const unbucketed = plan.buckets.some((b) => b.name.trim().toLowerCase() === 'no bucket') ? 'Not in any bucket' : 'No bucket';
  const bucketLabel = (name: string) => name || unbucketed;

  const section = (title: string) => {
    sheet.addRow([]);
    const row = sheet.addRow([title]);
    row.font = { bold: true, size: 13, color: { argb: BRAND } };
    row.getCell(1).border = { bottom: { style: 'thin', color: { argb: BRAND } } };
    return row;
  };
  const header = (cells: string[]) => {
    const row = sheet.addRow(cells);
    row.font = { bold: true, color: { argb: INK } };
    row.eachCell((cell) => { cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: BAND } }; });
    return row;
  };
  const note = (row: ExcelJS.Row, column: number, text: string) => {
    row.getCell(column).value = text;
    row.getCell(column).font = { italic: true, color: { argb: MUTED } };
  };
  const field = (label: string, value: string | number | Date | null) => {
    const row = sheet.addRow([label, value ?? '—']);
    row.getCell(1).font = { color: { argb: MUTED } };
    if (value instanceof Date) row.getCell(2).numFmt = 'd mmm yyyy';
    return row;
  };

  const title = sheet.addRow([plan.name]);
  title.font = { bold: true, size: 20, color: { argb: INK } };
  title.height = 30;
  const subtitle = sheet.addRow([`${plan.kind === 'program' ? 'Program' : 'Campaign'} plan · prepared ${plan.preparedOn} · yellow cells are inputs: change one and the totals follow`]);
  subtitle.font = { color: { argb: MUTED } };

  section('At a glance');
  field('Objective', plan.objective);
  field('Activation models', plan.activationModels.join(', '));
  field('Status', plan.status);
  field('Owner', plan.owner || 'No owner yet');
  field('Starts', asDate(plan.startsOn));
  field('Ends', plan.kind === 'program' && !plan.endsOn ? 'Evergreen' : asDate(plan.endsOn));

  section('KPI targets');
  if (plan.kpis.length === 0) sheet.addRow(['No KPI targets set']).font = { italic: true, color: { argb: MUTED } };
  else {
    header(['KPI', 'Target']);
    for (const k of plan.kpis) {
      const target = kpiTargetValue(k.kpi, k.target);
      const row = sheet.addRow([kpiName(k.kpi), target.value]);
      row.getCell(2).numFmt = targetFormat(target.format, money);
    }
  }

  section('Audience buckets');
  const loose = plan.creators.filter((c) => c.bucket === '');
  // Shares refer to the Planned cell, whose row is only known once the budget section is laid out: they are filled in then.
  const shareCells: { cell: ExcelJS.Cell; amount: string; micros: number }[] = [];
  if (plan.buckets.length === 0 && plan.creators.length === 0) sheet.addRow(['No buckets set']).font = { italic: true, color: { argb: MUTED } };
  else {
    header(['Bucket', 'Followers', 'Target creators', 'Creators so far', 'Committed', 'Share of plan']);
    const bucketRow = (name: string, followers: string, target: number | null, count: number, committedMicros: number) => {
      const row = sheet.addRow([bucketLabel(name), followers, target]);
      const r = row.number;
      const match = `--EXACT(${buckets},$A$${r})`;
      if (target != null) row.getCell(3).fill = inputFill;
      row.getCell(4).value = fx(`SUMPRODUCT(${match})`, count);
      row.getCell(5).value = fx(`SUMPRODUCT(${match},${fees})+SUMPRODUCT(${match},${products})`, committedMicros / MICROS);
      row.getCell(5).numFmt = money;
      shareCells.push({ cell: row.getCell(6), amount: `E${r}`, micros: committedMicros });
      return row;
    };
    const first = sheet.rowCount + 1;
    for (const b of plan.buckets) bucketRow(b.name, followerRange(b.minFollowers, b.maxFollowers), b.targetCount, b.count, b.committedMicros);
    // Creators who fit no bucket still cost money: their own row, so the total is the whole commitment.
    if (loose.length > 0 || plan.budget.unbucketedMicros !== 0) bucketRow('', 'Fits no bucket', null, loose.length, plan.budget.unbucketedMicros);
    const last = sheet.rowCount;
    const totalCommitted = plan.buckets.reduce((s, b) => s + b.committedMicros, 0) + plan.budget.unbucketedMicros;
    const total = sheet.addRow(['Total', '',
      fx(`SUM(C${first}:C${last})`, plan.buckets.reduce((s, b) => s + b.targetCount, 0)),
      fx(`SUM(D${first}:D${last})`, plan.buckets.reduce((s, b) => s + b.count, 0) + loose.length),
      fx(`SUM(E${first}:E${last})`, totalCommitted / MICROS)]);
    total.font = { bold: true };
    total.getCell(5).numFmt = money;
    shareCells.push({ cell: total.getCell(6), amount: `E${total.number}`, micros: totalCommitted });
  }

  section(`Budget (${plan.budget.currency})`);
  header(['', 'Amount', 'Share of plan', 'How it is worked out']);
  const budgetRow = (label: string, value: ExcelJS.CellValue, micros: number | null, how: string) => {
    const row = sheet.addRow([label, value]);
    row.getCell(2).numFmt = money;
    shareCells.push({ cell: row.getCell(3), amount: `B${row.number}`, micros: micros ?? Number.NaN });
    note(row, 4, how);
    return row;
  };
  const plannedRow = budgetRow('Planned', planned === null ? null : planned / MICROS, planned,
    planned === null ? 'Your input: not set yet; enter it to see what is left' : 'Your input: shares and what is left follow it');
  const bold = (row: ExcelJS.Row) => { for (const c of [1, 2, 3]) row.getCell(c).font = { bold: true }; };
  bold(plannedRow);
  plannedRow.getCell(2).fill = inputFill;
  const p = `$B$${plannedRow.number}`;
  const feesRow = budgetRow('Committed: creator fees', fx(`SUM(${fees})`, plan.budget.feesMicros / MICROS), plan.budget.feesMicros, 'Sum of fees on the Creators sheet');
  const productRow = budgetRow('Committed: product value', fx(`SUM(${products})`, plan.budget.productMicros / MICROS), plan.budget.productMicros, 'Sum of product value on the Creators sheet');
  const committedRow = budgetRow('Committed in total', fx(`B${feesRow.number}+B${productRow.number}`, plan.budget.committedMicros / MICROS), plan.budget.committedMicros, 'Fees + product value');
  bold(committedRow);
  const spentRow = budgetRow('Spent (payments logged)', plan.budget.spentMicros / MICROS, plan.budget.spentMicros, 'Counted by Fanfare from the payments logged: a figure, not a formula');
  spentRow.getCell(2).fill = countedFill;
  budgetRow('Left to commit', fx(`IF(${p}="","",${p}-B${committedRow.number})`, plan.budget.uncommittedMicros === null ? null : plan.budget.uncommittedMicros / MICROS),
    plan.budget.uncommittedMicros, 'Planned − committed in total');
  for (const { cell, amount, micros } of shareCells) {
    const share = Number.isNaN(micros) ? null : shareOf(micros, planned);
    cell.value = fx(`IF(OR(${p}="",${p}=0,${amount}=""),"",${amount}/${p})`, share);
    cell.numFmt = '0.0%';
  }
  for (const f of plan.budget.foreign) {
    sheet.addRow([`Also in ${f.currency} (not converted)`, `${(f.committedMicros / MICROS).toFixed(2)} committed, ${(f.spentMicros / MICROS).toFixed(2)} spent`]).font = { italic: true, color: { argb: MUTED } };
  }

  section('Key messages');
  if (plan.keyMessages.length === 0) sheet.addRow(['No key messages yet']).font = { italic: true, color: { argb: MUTED } };
  plan.keyMessages.forEach((m, i) => {
    const row = sheet.addRow([`${i + 1}. ${m}`]);
    sheet.mergeCells(row.number, 1, row.number, 6);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.max(16, Math.ceil(m.length / 110) * 16);
  });

  section('Timeline');
  if (plan.timeline.length === 0) sheet.addRow(['No dates yet']).font = { italic: true, color: { argb: MUTED } };
  else {
    header(['Date', 'What']);
    for (const t of plan.timeline) {
      const row = sheet.addRow([asDate(t.date), t.what]);
      row.getCell(1).numFmt = 'ddd d mmm yyyy';
      row.getCell(1).alignment = { horizontal: 'left' };
    }
  }

  if (plan.notes.trim()) {
    section('Notes');
    const row = sheet.addRow([plan.notes]);
    sheet.mergeCells(row.number, 1, row.number, 6);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.min(400, Math.max(16, Math.ceil(plan.notes.length / 110) * 16));
  }

  if (signal?.aborted) throw signal.reason;
  const roster = workbook.addWorksheet('Creators', { views: [{ state: 'frozen', ySplit: 1 }], ...printSetup(reportName, { landscape: true, titleRows: '1:1' }) });
  roster.columns = [
    { header: 'Creator', key: 'name', width: 30 },
    { header: 'Bucket', key: 'bucket', width: 20 },
    { header: 'Step', key: 'step', width: 20 },
    { header: 'Fee', key: 'fee', width: 14, style: { numFmt: money } },
    { header: 'Product value', key: 'product', width: 16, style: { numFmt: money } },
    { header: 'Other currency', key: 'other', width: 20 },
  ];
  roster.getRow(1).font = { bold: true };
  for (const c of plan.creators) {
    const inPlan = (m: { amountMicros: number; currency: string } | null) => (m && m.currency === plan.budget.currency ? m.amountMicros / MICROS : null);
    const other = [c.fee, c.productValue].filter((m) => m && m.currency !== plan.budget.currency).map((m) => `${(m!.amountMicros / MICROS).toFixed(2)} ${m!.currency}`).join(', ');
    roster.addRow({ name: c.name, bucket: bucketLabel(c.bucket), step: c.step, fee: inPlan(c.fee), product: inPlan(c.productValue), other });
  }
  if (plan.creators.length) roster.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 6 } };

  // Plan names, key messages, notes and creator names are people's own text: one starting with = stays text when edited.
  workbook.eachSheet((each) => each.eachRow(markFormulaText));
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: planFileName(plan.name), bytes: new Uint8Array(buffer as ArrayBuffer) };
}
