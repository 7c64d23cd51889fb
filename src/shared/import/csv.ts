import Papa from 'papaparse';
import { decodeText } from './decode';
import { buildTable } from './table';
import type { Table } from './types';

const CANDIDATES = [',', ';', '\t', '|'] as const;

/**
 * Reads a CSV (or tab-separated) file. Excel in much of Europe saves with
 * semicolons because the comma is the decimal mark there, so the delimiter
 * is found from the header line, where values rarely contain one, rather than
 * from data rows full of "3,4" numbers. Quoted values may span lines.
 */
export function parseCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  let body = text;
  let delimiter: string | null = null;
  // Excel's own hint line ("sep=;") names the delimiter and is not a header.
  const hint = body.match(/^sep=(.)\r?\n/i);
  if (hint) {
    delimiter = hint[1];
    body = body.slice(hint[0].length);
  }
  delimiter ??= detectDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, header: false, dynamicTyping: false });
  const notices: string[] = [];
  const broken: Table['broken'] = [];
  const rows = parsed.data;
  // A trailing line break leaves one empty record behind; it is not a row.
  if (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  for (const error of parsed.errors) {
    if (error.code === 'UndetectableDelimiter') continue;
    const row = (error.row ?? 0) + 1 + (hint ? 1 : 0);
    if (error.code === 'MissingQuotes') {
      broken.push({ row, reason: 'A quoted value is never closed: everything after its opening quote was read as one value. Check the quotes in this row.' });
    } else {
      notices.push(`Row ${row}: ${error.message}`);
    }
  }
  return buildTable(rows, { kind: 'csv', encoding, delimiter }, { firstRowNumber: hint ? 2 : 1, notices, broken });
}

/** The candidate that splits the header line into the most cells (outside quotes); ties go to the comma. */
export function detectDelimiter(text: string): string {
  const header = firstRecord(text);
  let best: string = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = countOutsideQuotes(header, candidate);
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** The text up to the first line break that is not inside quotes. */
function firstRecord(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if ((ch === '\n' || ch === '\r') && !quoted) return text.slice(0, i);
  }
  return text;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}
