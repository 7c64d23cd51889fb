import { exportTable, moneyAmount } from '../export-columns';
import type { FollowUpPlan, ReplyRate } from '../follow-ups';
import type { NegotiationStatus, OfferTerms } from '../offers';
import { statusLabels } from '../offers';
import type { ExportTable } from '../table-export';

/** The follow-up queue, most overdue first. */
export function buildFollowUpTable(rows: readonly { creatorName: string; email: string; lastContactedAt: string | null; plan: FollowUpPlan }[], maxFollowUps: number): ExportTable {
  return exportTable(rows, [
    { header: 'Creator', kind: 'text', value: (r) => r.creatorName },
    { header: 'Email', kind: 'text', value: (r) => r.email },
    { header: 'Last contacted', kind: 'date', value: (r) => r.lastContactedAt },
    { header: 'Due', kind: 'date', value: (r) => r.plan.dueOn },
    { header: 'Days overdue', kind: 'count', value: (r) => r.plan.overdueDays },
    { header: 'Follow-up number', kind: 'count', value: (r) => r.plan.nextNumber },
    { header: 'Follow-ups allowed', kind: 'count', value: () => maxFollowUps },
  ]);
}

/** The message templates with how often creators answer each; the rate is empty, not 0, when a template was never sent. */
export function buildTemplatesTable(rows: readonly { title: string; subject: string; usedFor: string; rate: ReplyRate | undefined }[]): ExportTable {
  return exportTable(rows, [
    { header: 'Template', kind: 'text', value: (t) => t.title },
    { header: 'Subject', kind: 'text', value: (t) => t.subject },
    { header: 'Used for', kind: 'text', value: (t) => t.usedFor },
    { header: 'Creators contacted', kind: 'count', value: (t) => t.rate?.contacted ?? 0 },
    { header: 'Replied', kind: 'count', value: (t) => t.rate?.replied ?? 0 },
    { header: 'Reply rate', kind: 'percent', value: (t) => t.rate?.rate ?? null },
  ]);
}

/** The offers tab: each creator's negotiation status and the terms on the table (or agreed), money as numbers. */
export function buildOffersTable(rows: readonly { creatorName: string; status: NegotiationStatus; terms: OfferTerms | null; summary: string }[]): ExportTable {
  const currency = (t: OfferTerms | null) => t?.fee?.currency ?? t?.bonus?.currency ?? t?.productValue?.currency ?? '';
  return exportTable(rows, [
    { header: 'Creator', kind: 'text', value: (r) => r.creatorName },
    { header: 'Status', kind: 'text', value: (r) => statusLabels[r.status] },
    { header: 'On the table / agreed', kind: 'text', value: (r) => r.summary },
    { header: 'Fee', kind: 'money', value: (r) => moneyAmount(r.terms?.fee) },
    { header: 'Bonus', kind: 'money', value: (r) => moneyAmount(r.terms?.bonus) },
    { header: 'Product value', kind: 'money', value: (r) => moneyAmount(r.terms?.productValue) },
    { header: 'Currency', kind: 'text', value: (r) => currency(r.terms) },
    { header: 'Commission', kind: 'percent', value: (r) => (r.terms?.commissionPercent == null ? null : r.terms.commissionPercent / 100) },
    { header: 'Deliverables', kind: 'count', value: (r) => (r.terms ? r.terms.deliverables.reduce((n, d) => n + d.quantity, 0) : null) },
    { header: 'Exclusivity (days)', kind: 'count', value: (r) => r.terms?.exclusivityDays ?? null },
  ]);
}
