import { Badge } from '@mantine/core';
import { formatDay } from '../../../../shared/domain/day-format';
import { answerOf } from '../../../../shared/domain/follow-ups';
import type { Engagement } from './use-outreach-data';

export function shortDate(instant: string | null | undefined): string {
  return instant ? formatDay(instant) : '';
}

/** Where a creator is in the conversation: not contacted, contacted (and how many follow-ups), replied, declined. */
export function ContactStatus({ engagement }: { engagement: Engagement }) {
  if (engagement.declinedAt) return <Badge color="red" variant="light" tt="none">Declined {shortDate(engagement.declinedAt)}</Badge>;
  if (engagement.repliedAt) return <Badge color="teal" variant="light" tt="none">Replied {shortDate(engagement.repliedAt)}</Badge>;
  // Answered without a logged reply: the opt-in or their offer is the answer.
  const answer = answerOf(engagement);
  if (answer) return <Badge color="teal" variant="light" tt="none">{answer.how === 'opt-in' ? 'Opted in' : 'Answered with an offer'}{answer.at ? ` ${shortDate(answer.at)}` : ''}</Badge>;
  if (engagement.lastContactedAt) {
    const followUps = engagement.followUpsSent ?? 0;
    return <Badge color="blue" variant="light" tt="none">Contacted {shortDate(engagement.lastContactedAt)}{followUps ? ` · ${followUps} follow-up${followUps > 1 ? 's' : ''}` : ''}</Badge>;
  }
  return <Badge color="gray" variant="light" tt="none">Not contacted</Badge>;
}
