import { optInGapLabels, type RosterRow } from '../campaign-roster';
import { exportTable, moneyAmount, type ExportColumn } from '../export-columns';
import type { ExportTable } from '../table-export';

/**
 * The campaign's table as a sheet, in the order and at the step shown: the
 * same columns as on screen, followers and score as numbers, the fee in
 * currency units with its currency beside it.
 */
export function buildRosterTable(rows: readonly RosterRow[], optedIn: ReadonlySet<string>): ExportTable {
  const columns: ExportColumn<RosterRow>[] = [
    { header: 'Creator', kind: 'text', value: (r) => r.name },
    { header: 'Step', kind: 'text', value: (r) => r.stepName },
    { header: 'Bucket', kind: 'text', value: (r) => r.bucket ?? '' },
    { header: 'Followers', kind: 'count', value: (r) => r.followers },
    { header: 'Score', kind: 'score', value: (r) => r.score },
    { header: 'Fee', kind: 'money', value: (r) => moneyAmount(r.fee) },
    { header: 'Currency', kind: 'text', value: (r) => r.fee?.currency ?? '' },
    { header: 'Last contacted', kind: 'date', value: (r) => r.lastContactedAt },
    { header: 'Opt-in', kind: 'text', value: (r) => (r.optInGaps.length ? `Missing: ${r.optInGaps.map((g) => optInGapLabels[g]).join(', ')}` : optedIn.has(r.engagementId) ? 'Complete' : '') },
  ];
  return exportTable(rows, columns);
}
