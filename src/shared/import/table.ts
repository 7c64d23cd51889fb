import type { Cell, FileFormat, Table } from './types';

/** "A", "B", … "Z", "AA": how spreadsheet apps name columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * Shapes raw records into a table: the first non-empty record is the header
 * (blank names become "Column C", repeated names get "(2)"), later records
 * are rows, padded to the header's width. A row with more values than the
 * header has is reported rather than cut: its extra values would otherwise
 * vanish, or shift every value after them into the wrong column.
 */
export function buildTable(
  records: Cell[][],
  format: FileFormat,
  context: { firstRowNumber: number; notices?: string[]; broken?: Table['broken'] },
): Table {
  const notices = context.notices ?? [];
  const broken = context.broken ?? [];
  const brokenRows = new Set(broken.map((b) => b.row));
  let headerIndex = records.findIndex((r) => r.some((c) => !isBlank(c)));
  if (headerIndex < 0) headerIndex = records.length;
  const rawHeaders = records[headerIndex] ?? [];
  const seen = new Map<string, number>();
  const headers = rawHeaders.map((h, i) => {
    const name = String(h ?? '').replace(/\s+/g, ' ').trim() || `Column ${columnLetter(i)}`;
    const count = (seen.get(name.toLowerCase()) ?? 0) + 1;
    seen.set(name.toLowerCase(), count);
    return count > 1 ? `${name} (${count})` : name;
  });
  while (headers.length && /^Column [A-Z]+$/.test(headers[headers.length - 1]) && records.slice(headerIndex + 1).every((r) => isBlank(r[headers.length - 1]))) headers.pop();

  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  const warnings: Table['warnings'] = [];
  let emptyRows = 0;
  for (let i = headerIndex + 1; i < records.length; i++) {
    const rowNumber = context.firstRowNumber + i;
    if (brokenRows.has(rowNumber)) continue;
    const record = records[i];
    if (record.every((c) => isBlank(c))) {
      emptyRows++;
      continue;
    }
    const extra = record.slice(headers.length).filter((c) => !isBlank(c));
    if (extra.length) {
      const said = format.delimiter ? ` (${format.delimiter === '\t' ? 'a tab' : `“${format.delimiter}”`})` : '';
      broken.push({ row: rowNumber, reason: `This row has ${headers.length + extra.length} or more values but the header has ${headers.length} columns: a value probably contains the separator${said} without quotes around it. Nothing in this row was imported.` });
      continue;
    }
    const row = record.slice(0, headers.length);
    if (row.length < headers.length) {
      // Padding is right when the missing values were empty at the end; when one was left out in the middle,
      // every value after it sits one column early. Only the person can tell, so the row is imported and flagged.
      const missing = headers.slice(row.length);
      warnings.push({ row: rowNumber, reason: `This row has ${row.length} ${row.length === 1 ? 'value' : 'values'} but the header has ${headers.length} columns, so ${listColumns(missing)} ${missing.length === 1 ? 'was' : 'were'} read as empty. If a value is missing in the middle of the row, the ones after it are in the wrong columns: check this row in your file.` });
      while (row.length < headers.length) row.push('');
    }
    rows.push(row);
    rowNumbers.push(rowNumber);
  }
  broken.sort((a, b) => a.row - b.row);
  return { headers, rows, rowNumbers, emptyRows, format, notices, broken, warnings };
}

function listColumns(columns: string[]): string {
  const named = columns.slice(0, 3).map((c) => `“${c}”`);
  if (columns.length > 3) return `${named.join(', ')} and ${columns.length - 3} more`;
  return named.length < 2 ? named.join('') : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
}
