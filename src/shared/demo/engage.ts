import { LIVE_DAYS } from '../domain/engage-queue';
import type { DemoRecords } from './generate';
import { demoTeammates } from './planning';

const replies = [
  { name: 'Congrats', text: 'This turned out so well, congrats! 🎉' },
  { name: 'Love the routine', text: 'Love how you made this part of your routine. Thank you for sharing it with your community!' },
  { name: 'Question back', text: 'Which step is your favourite? Our team can’t decide 😄' },
];

/**
 * Engage in the sample: the team's saved replies, and the live posts split so
 * the queue looks like a team's: one given to Ana, one to Ben, one Ben already
 * did, the rest anyone's (most of a small team's queue is whoever gets to
 * it). Pure: returns new records, the input is untouched.
 */
export function addEngageDemo(records: DemoRecords, today: string): DemoRecords {
  const [ana, ben] = demoTeammates;
  const since = Date.parse(`${today}T12:00:00.000Z`) - LIVE_DAYS * 86_400_000;
  let n = 0;
  const content = (records.content ?? []).map((c) => {
    if (c.input.kind !== 'post' || !c.input.postedAt || Date.parse(c.input.postedAt) < since) return c;
    n++;
    if (n === 1) return { ...c, input: { ...c.input, engageAssigneeId: ana.personId } };
    if (n === 2) return { ...c, input: { ...c.input, engageAssigneeId: ben.personId } };
    if (n === 3) return { ...c, input: { ...c.input, engageAssigneeId: ben.personId, engaged: { status: 'done' as const, by: ben.personId, at: `${today}T09:30:00.000Z`, actions: ['like' as const, 'comment' as const] } } };
    return c;
  });
  const settings = [
    ...(records.settings ?? []),
    ...replies.map((r, i) => ({ id: `demo-reply-${i + 1}`, input: { kind: 'saved-reply' as const, name: r.name, data: { text: r.text } } })),
  ];
  return { ...records, content, settings };
}
