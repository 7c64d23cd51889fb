import type { AdAccessLike } from '../../../../shared/domain/ad-access';
import type { Money } from '../../../../shared/domain/fields';

/** A usage right as the projection holds it. */
export interface RightRow {
  id: string;
  creatorId: string | null;
  campaignId: string | null;
  contentId: string | null;
  assetId: string | null;
  channels: string[];
  territories: string[];
  paidUse: boolean;
  startsOn: string | null;
  endsOn: string | null;
  fee: Money | null;
  extensionOption: string;
  extensionPrice: Money | null;
  exclusivity: string;
  source: 'contract' | 'dm' | 'email' | 'program-terms' | 'other' | null;
  evidence: string;
  evidenceAssetIds: string[];
  notes: string;
  /** Ad access riding on this right (see shared/domain/ad-access.ts); null when none. */
  whitelisting: AdAccessLike | null;
  createdAt: string;
  deletedAt: string | null;
}
