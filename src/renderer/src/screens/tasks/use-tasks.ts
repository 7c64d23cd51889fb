import type { MangoQuery } from 'rxdb';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { TaskRecord } from './task-record';

/** Live tasks, optionally only those attached to one creator or campaign. */
export function useTasks(about: { creatorId?: string; campaignId?: string } = {}): TaskRecord[] | null {
  const selector: MangoQuery<Record<string, unknown>>['selector'] = { deletedAt: null, kind: 'task' };
  if (about.creatorId) selector.creatorId = about.creatorId;
  if (about.campaignId) selector.campaignId = about.campaignId;
  return useRxQuery<TaskRecord>('activities', { selector }, `tasks-${about.creatorId ?? ''}-${about.campaignId ?? ''}`);
}
