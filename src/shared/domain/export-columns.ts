import type { CellValue, ExportKind } from './creator-columns';
import type { Money } from './fields';
import { MICROS } from './fields';
import type { ExportTable } from './table-export';
import { slugOf } from './fold-text';

/**
 * A table's export columns, declared once: the header a spreadsheet shows,
 * how Excel should format it, and the cell for one row. Every table's export
 * is then a pure function of the rows on screen, so it can be tested without
 * a browser.
 */
export interface ExportColumn<Row> {
  header: string;
  kind: ExportKind;
  value(row: Row): CellValue;
}

export function exportTable<Row>(rows: readonly Row[], columns: readonly ExportColumn<Row>[]): ExportTable {
  return {
    headers: columns.map((c) => c.header),
    kinds: columns.map((c) => c.kind),
    rows: rows.map((row) => columns.map((c) => c.value(row))),
  };
}

/** Money as a number in currency units (its currency goes in a column of its own), or empty when unknown. */
export function moneyAmount(money: Money | null | undefined): number | null {
  return microsAmount(money?.amountMicros);
}

/** An amount kept in micros (a report's totals), in currency units, or empty when unknown. */
export function microsAmount(micros: number | null | undefined): number | null {
  return micros == null ? null : micros / MICROS;
}

/** "codes-active-2026-11-21": the table, what it is filtered to, and the day; safe on every file system. */
export function tableFileName(table: string, filters: readonly (string | null | undefined | false)[], today: string): string {
  const slug = (text: string) => slugOf(text, 40);
  return [slug(table), ...filters.map((f) => (f ? slug(f) : '')), today].filter(Boolean).join('-');
}
