import { exportTable } from '../export-columns';
import { reviewDecisionLabels } from '../review-rounds';
import type { ExportTable } from '../table-export';

export interface ExportDraft {
  creatorName: string;
  campaignName: string;
  deliverable: string;
  round: number;
  status: 'pending' | 'approved' | 'changes-requested';
  reviewer: string;
  submittedAt: string;
  decidedAt: string | null;
  url: string;
}


/** The review queue with its filter: each latest draft, its round and status, and how long it has waited. */
export function buildReviewQueueTable(rows: readonly ExportDraft[], now: Date): ExportTable {
  return exportTable(rows, [
    { header: 'Creator', kind: 'text', value: (d) => d.creatorName },
    { header: 'Campaign', kind: 'text', value: (d) => d.campaignName },
    { header: 'Deliverable', kind: 'text', value: (d) => d.deliverable },
    { header: 'Round', kind: 'count', value: (d) => d.round },
    { header: 'Status', kind: 'text', value: (d) => reviewDecisionLabels[d.status] },
    { header: 'Reviewer', kind: 'text', value: (d) => d.reviewer },
    { header: 'Submitted', kind: 'date', value: (d) => d.submittedAt },
    { header: 'Days waiting', kind: 'count', value: (d) => (d.status === 'pending' ? Math.max(0, Math.floor((now.getTime() - Date.parse(d.submittedAt)) / 86_400_000)) : null) },
    { header: 'Decided', kind: 'date', value: (d) => d.decidedAt },
    { header: 'Draft link', kind: 'text', value: (d) => d.url },
  ]);
}
