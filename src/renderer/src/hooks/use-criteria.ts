import { useMemo } from 'react';
import type { Criterion } from '../../../shared/domain/scorecard';
import { useRxQuery } from './use-rx-query';

interface CriterionSetting { id: string; name: string; data: { weight?: unknown; description?: unknown }; position: number }

/** The workspace's vetting criteria, in the team's order. */
export function useCriteria(): (Criterion & { description: string })[] | null {
  const rows = useRxQuery<CriterionSetting>('settings', { selector: { kind: 'scorecard-criterion', deletedAt: null }, sort: [{ position: 'asc' }] }, 'criteria');
  return useMemo(() => rows?.map((r) => ({
    id: r.id,
    name: r.name,
    weight: typeof r.data.weight === 'number' ? r.data.weight : 1,
    description: typeof r.data.description === 'string' ? r.data.description : '',
  })) ?? null, [rows]);
}
