/**
 * Writing CSV for other tools to import (Shopify through Matrixify, 3PLs).
 * RFC 4180: a value with a comma, quote or line break is quoted and its
 * quotes doubled; lines end in CRLF. No byte-order mark: these files are read
 * by importers, some of which take a BOM for part of the first column's name.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(headers: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const row of rows) lines.push(headers.map((_, i) => csvCell(row[i])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A header as people write it in different tools: "Tracking #", "tracking_number", "Tracking Number" all read alike. */
export function headerKey(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/#/g, ' number ').replace(/[^a-z0-9:]+/g, ' ').replace(/\s*:\s*/g, ':').trim();
}

/** The index of the first header that is one of `names` (compared by `headerKey`), or -1. */
export function findColumn(headers: readonly string[], names: readonly string[]): number {
  const keys = headers.map(headerKey);
  for (const name of names) {
    const index = keys.indexOf(headerKey(name));
    if (index >= 0) return index;
  }
  return -1;
}
