import { formulaLike, phoneNumber, plainFigure } from './formula-like';

/**
 * The one CSV writer: every CSV the app saves (table exports, the import
 * report, skipped metrics rows, Shopify/Matrixify orders and discounts, 3PL
 * orders) is written here, so every one is safe to open in a spreadsheet.
 *
 * RFC 4180: a value with a comma, quote or line break is quoted and its quotes
 * doubled; a semicolon is quoted too, because Excel set to a European locale
 * splits on it. Lines end in CRLF. Numbers and booleans are written as they
 * are (-5 stays -5): only text can carry a formula.
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /**
   * Write "+44 20 7946 0958" as it is, for files an importer reads (3PL and
   * Shopify orders): a quote before it would reach the courier's label and
   * fail the phone check on import. Such a value holds only digits, spaces,
   * brackets, dots and dashes, so it cannot call a function, read a cell or
   * start a program; the worst a spreadsheet does with it is show a number.
   * Files for people leave it off: the quote keeps Excel from turning the
   * number into "#NULL!". Either way = and @ are never left live.
   */
  keepPhoneNumbers?: boolean;
  /** A UTF-8 byte-order mark first, for files people open in Excel ("Zoë" stays "Zoë"); importers can take it for part of the first header. */
  byteOrderMark?: boolean;
}

/**
 * Text that would run as a formula gets a leading apostrophe (OWASP's advice),
 * which spreadsheets show as text and importers keep as a visible character:
 * a bio that starts with "=" costs one quote mark in Shopify, never a formula.
 */
function safeText(text: string, options: CsvOptions): string {
  if (!formulaLike(text) || plainFigure(text)) return text;
  if (options.keepPhoneNumbers && phoneNumber(text)) return text;
  return `'${text}`;
}

export function csvCell(value: CsvValue, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : typeof value === 'number' ? String(value) : safeText(value, options);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row; a short row ends in empty cells, a row longer than the headers is a mistake and refused. */
export function csvText(headers: readonly string[], rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const lines = [headers.map((h) => csvCell(h, options)).join(',')];
  rows.forEach((row, r) => {
    if (row.length > headers.length) throw new Error(`CSV row ${r + 1} has ${row.length} values for ${headers.length} columns`);
    lines.push(headers.map((_, i) => csvCell(row[i], options)).join(','));
  });
  return `${options.byteOrderMark ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
