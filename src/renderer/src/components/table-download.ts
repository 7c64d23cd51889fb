import type { ExportTable } from '../../../shared/domain/table-export';
import { exportDate, toCsv } from '../../../shared/domain/table-export';
import { markFormulaText } from '../../../shared/sheets/text-cell-style';
import { downloadBlob } from './download-file';

/**
 * Turns a table's export into a file and hands it to the browser as a
 * download (the desktop app takes the same path). Excel files are built with
 * exceljs, loaded only when someone exports: it is large.
 */
export type ExportFormat = 'csv' | 'xlsx';

const formats: Partial<Record<ExportTable['kinds'][number], string>> = {
  count: '#,##0', percent: '0.0%', score: '0.0', money: '#,##0.00', date: 'yyyy-mm-dd',
};

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet1';
}

/** The table as a one-sheet workbook: bold frozen header, autofilter, number formats by kind, real dates. */
export async function tableToXlsx(table: ExportTable, sheetName = 'Creators'): Promise<Blob> {
  const module = await import('exceljs');
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fanfare';
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.headers.map((header, i) => ({
    header, key: String(i), width: Math.min(40, Math.max(10, header.length + 2, ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 1))),
    style: formats[table.kinds[i]] ? { numFmt: formats[table.kinds[i]] } : {},
  }));
  for (const row of table.rows) {
    sheet.addRow(row.map((value, i) => {
      if (value === null || value === '') return null;
      // Real dates, so Excel sorts and filters them as dates.
      if (table.kinds[i] === 'date' && typeof value === 'string') return new Date(`${exportDate(value)}T00:00:00Z`);
      return value;
    }));
  }
  sheet.getRow(1).font = { bold: true };
  // Names and notes are people's own text: one starting with = stays text when edited.
  sheet.eachRow(markFormulaText);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(1, table.headers.length) } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export async function downloadTable(table: ExportTable, format: ExportFormat, baseName: string, sheetName?: string): Promise<string> {
  // The byte-order mark makes Excel read the CSV as UTF-8, so "Zoë" stays "Zoë".
  const blob = format === 'csv' ? new Blob([`\uFEFF${toCsv(table)}`], { type: 'text/csv;charset=utf-8' }) : await tableToXlsx(table, sheetName);
  const fileName = `${baseName}.${format}`;
  downloadBlob(fileName, blob);
  return fileName;
}
