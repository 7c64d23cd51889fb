import { useMemo } from 'react';
import { guideFromAccess, type GuideFromAccess } from '../../../../shared/documents/whitelisting-guide';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { RightRow } from './rights-data';

/** The ad access recorded for one creator in one campaign (or in none), as the guide reads it; null until loaded or without a creator. */
export function useRecordedAccess(creatorId: string | null, campaignId: string | null): GuideFromAccess | null {
  const rights = useRxQuery<RightRow>('rights', { selector: { deletedAt: null, creatorId: creatorId ?? '-' } }, `recorded-access-${creatorId}`);
  return useMemo(() => {
    if (!creatorId || !rights) return null;
    return guideFromAccess(rights.filter((r) => !r.campaignId || r.campaignId === campaignId));
  }, [rights, creatorId, campaignId]);
}
