import { Badge } from '@mantine/core';
import { useMemo } from 'react';
import { engageCounts } from '../../../../shared/domain/engage-queue';
import { useMe } from '../../hooks/use-me';
import { useNow } from '../outreach/use-now';
import { useEngagePosts } from './use-engage-posts';

/** The number beside "Engage" in the navigation: live posts given to me or to nobody, not yet done or skipped. */
export function EngageCount() {
  const posts = useEngagePosts();
  const me = useMe();
  const now = useNow();
  const count = useMemo(() => engageCounts(posts ?? [], me.id, now).forMe, [posts, me.id, now]);
  if (!count) return null;
  return <Badge size="sm" circle={count < 10} color="fanfare" variant="filled" aria-label={`${count} posts waiting for you`} data-testid="engage-count">{count}</Badge>;
}
