import { withoutNoise } from '../domain/number-reader';
import { buildTable } from './table';
import type { Cell, Table } from './types';

/** The parts of an exceljs cell value this reader understands (exceljs 4.4 `CellValue`). */
type XlsxValue =
  | null | undefined | number | string | boolean | Date
  | { richText: { text: string }[] }
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { text?: string; hyperlink?: string }
  | { error: string };

/**
 * Reads the first sheet that has data from an .xlsx workbook. exceljs is
 * loaded only here, when someone imports a spreadsheet: it is large, and
 * nobody else needs it. Numbers stay numbers (so "1.234" is never mistaken
 * for a European thousand); percentage-formatted cells become "12%" text so
 * they read as the person sees them; formulas give their last result.
 */
export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types ask for a Node Buffer; it reads any ArrayBuffer view (and in browsers has no Buffer).
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new Error(`This file could not be read as an Excel workbook (.xlsx)${error instanceof Error ? `: ${error.message}` : ''}. If it is an older .xls file, open it in Excel or Google Sheets and save it as .xlsx or CSV.`, { cause: error });
  }
  const sheets = workbook.worksheets.filter((s) => s.actualRowCount > 0);
  const sheet = sheets[0];
  if (!sheet) return buildTable([], { kind: 'xlsx' }, { firstRowNumber: 1 });
  const records: Cell[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cells.push(cellToValue(cell.value as XlsxValue, cell.numFmt));
    }
    records[rowNumber - 1] = cells;
  });
  for (let i = 0; i < records.length; i++) records[i] ??= [];
  const notices = sheets.length > 1
    ? [`This workbook has ${sheets.length} sheets with data; only the first, “${sheet.name}”, was read. To import another, move it first or save it as its own file.`]
    : [];
  return buildTable(records, { kind: 'xlsx', sheet: sheet.name }, { firstRowNumber: 1, notices });
}

export function cellToValue(value: XlsxValue, numFmt?: string): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (numFmt && numFmt.includes('%')) return `${withoutNoise(value * 100)}%`;
    return value;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellToValue(value.result as XlsxValue, numFmt);
  if ('text' in value || 'hyperlink' in value) return String(value.text || value.hyperlink || '');
  return '';
}
