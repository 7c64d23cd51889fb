import { markFormulaText } from '../sheets/text-cell-style';
import { exportDate, type ExportTable } from './table-export';

/**
 * A table's export as a one-sheet workbook: bold frozen header, autofilter,
 * number formats by kind, real dates. exceljs is loaded only when someone
 * exports: it is large.
 */
const formats: Partial<Record<ExportTable['kinds'][number], string>> = {
  count: '#,##0', percent: '0.0%', score: '0.0', money: '#,##0.00', date: 'yyyy-mm-dd',
};

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function safeSheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 31) || 'Sheet1';
}

export async function tableWorkbook(table: ExportTable, sheetName = 'Creators'): Promise<ArrayBuffer> {
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
  // exceljs gives an ArrayBuffer in the browser and a Buffer (bytes over one) in Node: Blob and Buffer.from take either.
  return workbook.xlsx.writeBuffer();
}
