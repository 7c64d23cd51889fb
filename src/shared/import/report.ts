import { csvText } from '../sheets/csv-write';
import type { RowOutcome, RowOutcomeKind } from './types';

export const outcomeLabels: Record<RowOutcomeKind, string> = {
  create: 'Created',
  update: 'Updated',
  skip: 'Skipped',
  problem: 'Not imported',
};

/**
 * The import report as CSV, one line per row of the file: what happened and
 * why. UTF-8 with a byte-order mark so Excel shows accented names properly.
 */
export function reportCsv(outcomes: RowOutcome[]): string {
  // Warnings first: they are what the person has to check. A creator named "=HYPERLINK(…)" in their file stays text (csv-write).
  const rows = outcomes.map((o) => [o.row, outcomeLabels[o.kind], o.creator, o.reason, [...(o.warnings ?? []), ...(o.notes ?? [])].join(' ')]);
  return csvText(['Row', 'Result', 'Creator', 'Details', 'Notes'], rows, { byteOrderMark: true });
}
