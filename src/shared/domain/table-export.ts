import { columnRules, type CellValue, type ColumnContext, type ColumnId, type ExportKind } from './creator-columns';
import { localDate } from './dates';
import type { ProjectedCreator } from './projected-creator';
import { csvText, type CsvValue } from '../sheets/csv-write';

/**
 * The selected creators as a sheet, with the columns on screen: the same
 * values the list shows, as real numbers and dates where they are numbers
 * and dates, so a spreadsheet can sum and sort them.
 */
export interface ExportTable {
  headers: string[];
  kinds: ExportKind[];
  rows: CellValue[][];
}

export function buildExportTable(creators: readonly ProjectedCreator[], columns: readonly ColumnId[], ctx: ColumnContext): ExportTable {
  const fields = columns.flatMap((id) => columnRules[id].exports);
  return {
    headers: fields.map((f) => f.header),
    kinds: fields.map((f) => f.kind),
    rows: creators.map((c) => fields.map((f) => f.value(c, ctx))),
  };
}

/**
 * A date-only cell: exports are read by people, and the time of day of "last
 * contacted" is noise. An instant becomes the day it was where the viewer is
 * (a task done at 8 pm in New York is not done "tomorrow"); a plain date stays.
 */
export function exportDate(value: CellValue, timeZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
  if (typeof value !== 'string') return '';
  if (value.length <= 10 || Number.isNaN(Date.parse(value))) return value.slice(0, 10);
  return localDate(value, timeZone);
}

/** What the CSV shows for a cell: numbers formatted as on screen (still numbers: the writer escapes text only), dates as days. */
function shownValue(value: CellValue, kind: ExportKind): CsvValue {
  if (value === null || value === '') return '';
  if (typeof value === 'number') {
    if (kind === 'percent') return `${Math.round(value * 10_000) / 100}%`;
    if (kind === 'score') return value.toFixed(1);
    return value;
  }
  if (kind === 'date') return exportDate(value);
  return value;
}

/** RFC 4180 CSV with CRLF line ends, formula-like text escaped; the caller adds a BOM so Excel reads it as UTF-8. */
export function toCsv(table: ExportTable): string {
  return csvText(table.headers, table.rows.map((row) => row.map((v, i) => shownValue(v, table.kinds[i]))));
}
