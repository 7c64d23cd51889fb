import ExcelJS from 'exceljs';
import { followerRange, planFileName, type PlanDocument } from '../../../shared/domain/plan-document';

/**
 * Writes a campaign plan as an Excel workbook a director can forward: a
 * "Plan" sheet laid out like the strategy document (objective and KPIs,
 * buckets, budget, key messages, timeline) and a "Creators" sheet with the
 * roster. Money cells are numbers in the plan's currency, dates real dates,
 * so the numbers can be summed and sorted in Excel.
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

export async function writePlanWorkbook(plan: PlanDocument, signal?: AbortSignal): Promise<PlanWorkbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fanfare';
  workbook.title = `${plan.name} plan`;
  workbook.created = new Date(`${plan.preparedOn}T00:00:00Z`);
  const sheet = workbook.addWorksheet('Plan', { views: [{ showGridLines: false }], pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 30 }, { width: 22 }, { width: 18 }, { width: 18 }, { width: 18 }];
  const money = moneyFormat(plan.budget.currency);

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
  const field = (label: string, value: string | number | Date | null) => {
    const row = sheet.addRow([label, value ?? '—']);
    row.getCell(1).font = { color: { argb: MUTED } };
    if (value instanceof Date) row.getCell(2).numFmt = 'd mmm yyyy';
    return row;
  };

  const title = sheet.addRow([plan.name]);
  title.font = { bold: true, size: 20, color: { argb: INK } };
  title.height = 30;
  const subtitle = sheet.addRow([`${plan.kind === 'program' ? 'Program' : 'Campaign'} plan · prepared ${plan.preparedOn}`]);
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
    for (const k of plan.kpis) sheet.addRow([k.kpi, k.target]).getCell(2).numFmt = '#,##0';
  }

  section('Audience buckets');
  if (plan.buckets.length === 0) sheet.addRow(['No buckets set']).font = { italic: true, color: { argb: MUTED } };
  else {
    header(['Bucket', 'Followers', 'Target creators', 'Creators so far', 'Committed']);
    for (const b of plan.buckets) {
      const row = sheet.addRow([b.name, followerRange(b.minFollowers, b.maxFollowers), b.targetCount, b.count, b.committedMicros / MICROS]);
      row.getCell(5).numFmt = money;
    }
    const total = sheet.addRow(['Total', '', plan.buckets.reduce((s, b) => s + b.targetCount, 0), plan.buckets.reduce((s, b) => s + b.count, 0), plan.buckets.reduce((s, b) => s + b.committedMicros, 0) / MICROS]);
    total.font = { bold: true };
    total.getCell(5).numFmt = money;
  }

  section(`Budget (${plan.budget.currency})`);
  header(['', 'Amount', 'Share of plan']);
  const planned = plan.budget.plannedMicros;
  const budgetRow = (label: string, micros: number | null) => {
    const row = sheet.addRow([label, micros === null ? 'Not set' : micros / MICROS, micros !== null && planned ? micros / planned : null]);
    row.getCell(2).numFmt = money;
    row.getCell(3).numFmt = '0%';
    return row;
  };
  budgetRow('Planned', planned).font = { bold: true };
  budgetRow('Committed: creator fees', plan.budget.feesMicros);
  budgetRow('Committed: product value', plan.budget.productMicros);
  budgetRow('Committed in total', plan.budget.committedMicros).font = { bold: true };
  budgetRow('Spent (payments logged)', plan.budget.spentMicros);
  budgetRow('Left to commit', plan.budget.uncommittedMicros);
  for (const f of plan.budget.foreign) {
    sheet.addRow([`Also in ${f.currency} (not converted)`, `${(f.committedMicros / MICROS).toFixed(2)} committed, ${(f.spentMicros / MICROS).toFixed(2)} spent`]).font = { italic: true, color: { argb: MUTED } };
  }

  section('Key messages');
  if (plan.keyMessages.length === 0) sheet.addRow(['No key messages yet']).font = { italic: true, color: { argb: MUTED } };
  plan.keyMessages.forEach((m, i) => {
    const row = sheet.addRow([`${i + 1}. ${m}`]);
    sheet.mergeCells(row.number, 1, row.number, 5);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.max(16, Math.ceil(m.length / 95) * 16);
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
    sheet.mergeCells(row.number, 1, row.number, 5);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.min(400, Math.max(16, Math.ceil(plan.notes.length / 95) * 16));
  }

  if (signal?.aborted) throw signal.reason;
  const roster = workbook.addWorksheet('Creators', { views: [{ state: 'frozen', ySplit: 1 }] });
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
    roster.addRow({ name: c.name, bucket: c.bucket, step: c.step, fee: inPlan(c.fee), product: inPlan(c.productValue), other });
  }
  if (plan.creators.length) roster.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 6 } };

  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: planFileName(plan.name), bytes: new Uint8Array(buffer as ArrayBuffer) };
}
