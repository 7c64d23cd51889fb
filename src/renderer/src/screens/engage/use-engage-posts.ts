import type { EngagePost } from '../../../../shared/domain/engage-queue';
import { useRxQuery } from '../../hooks/use-rx-query';

export interface EngagePostRow extends EngagePost {
  url: string;
  platform: string | null;
  format: string;
  caption: string;
  campaignId: string | null;
}

/** Every post the team has logged (by hand or by import); the queue rules pick the live ones. */
export function useEngagePosts(): EngagePostRow[] | null {
  return useRxQuery<EngagePostRow>('content', { selector: { kind: 'post', deletedAt: null } }, 'engage-posts');
}
