import type { StoreOperation } from '../data/store';
import type { SignedCopyCheck } from './signed-copy';

export interface ContractForAttach {
  id: string;
  status: string;
  creatorId: string | null;
  campaignId: string | null;
  mergeValues: Record<string, string>;
}

export interface StoredFile {
  sha256: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

/** Merge values that describe the signed copy; replaced together whenever a copy is attached. */
export const SIGNED_BY = 'signed.by';
export const SIGNED_ON = 'signed.on';
/** Why a copy was attached although it did not pass the check ("attach anyway"), so the list can say so. */
export const SIGNED_UNCHECKED = 'signed.unchecked';

/**
 * Attaching a signed copy: the file becomes an asset and the contract is
 * marked signed, with who signed and when, in one change, so one Undo takes
 * back all of it (the asset, the status, the signer, the date).
 */
export function signedCopyWrites(contract: ContractForAttach, file: StoredFile, check: SignedCopyCheck, assetId: string): StoreOperation[] {
  if (check.verdict === 'refuse') throw new Error(check.reasons.join(' '));
  const mergeValues: Record<string, string> = { ...contract.mergeValues, [SIGNED_BY]: check.signedBy, [SIGNED_ON]: check.signedOn };
  if (check.verdict === 'confirm') mergeValues[SIGNED_UNCHECKED] = check.reasons.join(' ');
  else delete mergeValues[SIGNED_UNCHECKED];
  return [
    {
      kind: 'create', collection: 'assets', id: assetId,
      input: {
        sha256: file.sha256, fileName: file.fileName, mimeType: file.mimeType || 'application/pdf', kind: 'document', sizeBytes: file.sizeBytes,
        creatorId: contract.creatorId, campaignId: contract.campaignId, source: 'brand', tags: ['signed contract'],
      },
    },
    {
      kind: 'update', collection: 'documents', id: contract.id,
      patch: { signedAssetId: assetId, status: contract.status === 'countersigned' ? 'countersigned' : 'signed', mergeValues },
    },
  ];
}

/** The line the Undo notice shows after attaching. */
export function signedCopyMessage(title: string, check: SignedCopyCheck): string {
  if (check.verdict === 'confirm') return `Signed copy of “${title}” attached without the check passing.`;
  return check.signedBy ? `Signed copy attached: signed by ${check.signedBy}${check.signedOn ? ` on ${check.signedOn}` : ''}` : `Signed copy of “${title}” attached.`;
}
