import type { RowOutcome, RowOutcomeKind } from './types';

export const outcomeLabels: Record<RowOutcomeKind, string> = {
  create: 'Created',
  update: 'Updated',
  skip: 'Skipped',
  problem: 'Not imported',
};

/**
 * Spreadsheet apps run a cell that starts with =, +, - or @ as a formula,
 * so a creator named "=HYPERLINK(…)" in someone's file must not become one in
 * the report they open in Excel.
 */
function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The import report as CSV, one line per row of the file: what happened and
 * why. UTF-8 with a byte-order mark so Excel shows accented names properly.
 */
export function reportCsv(outcomes: RowOutcome[]): string {
  const lines = [['Row', 'Result', 'Creator', 'Details', 'Notes'].join(',')];
  for (const o of outcomes) {
    // Warnings first: they are what the person has to check.
    lines.push([o.row, outcomeLabels[o.kind], o.creator, o.reason, [...(o.warnings ?? []), ...(o.notes ?? [])].join(' ')].map(cell).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
