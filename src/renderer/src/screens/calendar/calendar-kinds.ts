import type { CalendarItem, CalendarItemKind } from '../../../../shared/domain/calendar';
import { navigate } from '../../app/routes';

export const kindLabels: Record<CalendarItemKind, string> = {
  deliverable: 'Deliverables due', post: 'Posts', 'campaign-start': 'Campaign starts', 'campaign-end': 'Campaign ends', task: 'Tasks',
};

export const kindColors: Record<CalendarItemKind, string> = {
  deliverable: 'fanfare', post: 'teal', 'campaign-start': 'blue', 'campaign-end': 'indigo', task: 'orange',
};

/** Opens what an item is about: the creator for their deliverables and posts, else the campaign. */
export function openItem(item: CalendarItem): void {
  if ((item.kind === 'deliverable' || item.kind === 'post' || item.kind === 'task') && item.creatorId) navigate({ screen: 'creator', id: item.creatorId });
  else if (item.campaignId) navigate({ screen: 'campaign', id: item.campaignId });
  else if (item.kind === 'task') navigate({ screen: 'tasks' });
}
