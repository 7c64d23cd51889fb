import type { DocumentRequest } from '../../../../shared/documents/requests';
import type { BrandKit } from '../../../../shared/documents/model';
import { CONTRACT_ID } from '../../../../shared/documents/creator-agreement';

/** A contract record as the Contracts screen reads it from the projection. */
export interface ContractRow {
  id: string;
  kind: 'contract';
  title: string;
  status: 'draft' | 'in-review' | 'sent' | 'signed' | 'countersigned' | 'archived';
  creatorId: string | null;
  campaignId: string | null;
  engagementId: string | null;
  signedAssetId: string | null;
  mergeValues: Record<string, string>;
  updatedAt: string;
  deletedAt: string | null;
}

export const contractStatusLabels: Record<string, string> = {
  draft: 'Draft', 'in-review': 'In review', sent: 'Sent to creator', signed: 'Signed by creator', countersigned: 'Countersigned', archived: 'Archived',
};

export const contractStatusColors: Record<string, string> = {
  draft: 'gray', 'in-review': 'yellow', sent: 'blue', signed: 'teal', countersigned: 'green', archived: 'gray',
};

export const clauseIdsOf = (row: Pick<ContractRow, 'mergeValues'>) => (row.mergeValues.clauses ?? '').split(',').filter(Boolean);

/** Every PDF made from a contract carries its record's id, so the signed copy that comes back can be checked against it. */
export function contractRequest(row: ContractRow, brand: BrandKit): DocumentRequest {
  return { kind: 'contract', brand, title: row.title, mergeValues: { ...row.mergeValues, [CONTRACT_ID]: row.id }, clauseIds: clauseIdsOf(row) };
}
