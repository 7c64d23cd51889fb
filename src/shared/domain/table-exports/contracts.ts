import { exportTable, moneyAmount } from '../export-columns';
import type { Money } from '../fields';
import type { ExportTable } from '../table-export';

export interface ExportContract {
  title: string;
  creatorName: string;
  handle: string;
  campaignName: string;
  /** The agreed fee from the creator's terms; the contract's own text when the terms are gone. */
  fee: Money | null;
  feeText: string;
  status: string;
  signedBy: string;
  signedOn: string;
  signedCopy: boolean;
  updatedAt: string;
}

/** Every contract, newest change first: who, for what fee, and how far it is in signing. */
export function buildContractsTable(rows: readonly ExportContract[]): ExportTable {
  return exportTable(rows, [
    { header: 'Creator', kind: 'text', value: (c) => c.creatorName },
    { header: 'Handle', kind: 'text', value: (c) => c.handle },
    { header: 'Campaign', kind: 'text', value: (c) => c.campaignName },
    { header: 'Contract', kind: 'text', value: (c) => c.title },
    { header: 'Fee', kind: 'money', value: (c) => moneyAmount(c.fee) },
    { header: 'Currency', kind: 'text', value: (c) => c.fee?.currency ?? '' },
    { header: 'Fee as written', kind: 'text', value: (c) => c.feeText },
    { header: 'Status', kind: 'text', value: (c) => c.status },
    { header: 'Signed by', kind: 'text', value: (c) => c.signedBy },
    { header: 'Signed on', kind: 'text', value: (c) => c.signedOn },
    { header: 'Signed copy attached', kind: 'text', value: (c) => (c.signedCopy ? 'Yes' : 'No') },
    { header: 'Updated', kind: 'date', value: (c) => c.updatedAt },
  ]);
}
