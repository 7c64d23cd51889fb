import { useMemo } from 'react';
import { readTierThresholds } from '../../../shared/domain/tier-settings';
import type { TierThresholds } from '../../../shared/domain/tiers';
import { useRxQuery } from './use-rx-query';

/** The workspace's tier thresholds (the team edits them), or the defaults. */
export function useTierThresholds(): TierThresholds {
  const rows = useRxQuery<{ kind: string; data: unknown }>('settings', { selector: { kind: 'workspace', deletedAt: null } }, 'workspace-setting');
  return useMemo(() => readTierThresholds(rows?.[0]?.data), [rows]);
}
