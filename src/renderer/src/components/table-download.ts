import type { ExportTable } from '../../../shared/domain/table-export';
import { toCsv } from '../../../shared/domain/table-export';
import { tableWorkbook } from '../../../shared/domain/table-workbook';
import { downloadBlob } from './download-file';

/**
 * Turns a table's export into a file and hands it to the browser as a
 * download (the desktop app takes the same path).
 */
export type ExportFormat = 'csv' | 'xlsx';

/** The table as a one-sheet workbook (shared/domain/table-workbook.ts). */
export async function tableToXlsx(table: ExportTable, sheetName = 'Creators'): Promise<Blob> {
  return new Blob([await tableWorkbook(table, sheetName)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export async function downloadTable(table: ExportTable, format: ExportFormat, baseName: string, sheetName?: string): Promise<string> {
  // The byte-order mark makes Excel read the CSV as UTF-8, so "Zoë" stays "Zoë".
  const blob = format === 'csv' ? new Blob([`\uFEFF${toCsv(table)}`], { type: 'text/csv;charset=utf-8' }) : await tableToXlsx(table, sheetName);
  const fileName = `${baseName}.${format}`;
  downloadBlob(fileName, blob);
  return fileName;
}
