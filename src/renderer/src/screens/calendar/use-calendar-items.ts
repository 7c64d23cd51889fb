import { useMemo } from 'react';
import { calendarItems, type CalendarCampaign, type CalendarEngagement, type CalendarItem, type CalendarPost } from '../../../../shared/domain/calendar';
import { useRxQuery } from '../../hooks/use-rx-query';
import { useTasks } from '../tasks/use-tasks';

/** Everything dated across campaigns, live: deliverables due, posts, campaign dates and tasks. */
export function useCalendarItems(today: string, timeZone: string): CalendarItem[] | null {
  const campaigns = useRxQuery<CalendarCampaign>('campaigns', { selector: { deletedAt: null } }, 'calendar-campaigns');
  const engagements = useRxQuery<CalendarEngagement>('engagements', { selector: { deletedAt: null } }, 'calendar-engagements');
  const posts = useRxQuery<CalendarPost>('content', { selector: { deletedAt: null, kind: 'post' } }, 'calendar-posts');
  const tasks = useTasks();
  const creatorIds = useMemo(() => {
    const ids = new Set<string>();
    for (const e of engagements ?? []) if (e.terms?.deliverables.some((d) => d.dueOn)) ids.add(e.creatorId);
    for (const p of posts ?? []) ids.add(p.creatorId);
    return [...ids].sort();
  }, [engagements, posts]);
  const creators = useRxQuery<{ id: string; name: string }>('creators', { selector: { id: { $in: creatorIds } } }, `calendar-creators-${creatorIds.length}-${creatorIds[0] ?? ''}-${creatorIds.at(-1) ?? ''}`);
  return useMemo(() => {
    if (!campaigns || !engagements || !posts || !tasks) return null;
    const names = new Map((creators ?? []).map((c) => [c.id, c.name]));
    return calendarItems({ campaigns, engagements, posts, tasks, creatorName: (id) => names.get(id) ?? 'A creator', today, timeZone });
  }, [campaigns, engagements, posts, tasks, creators, today, timeZone]);
}
