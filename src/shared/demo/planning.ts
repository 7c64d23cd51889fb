import { moneyFrom } from '../domain/fields';
import type { DemoRecords } from './generate';
import { demoFormat } from './formats';
import { SeededRandom } from './random';

/**
 * The sample brand's planning side: two named teammates who own the
 * campaigns, product value and deliverables due for creators who have their
 * parcel but have not posted yet (some late), payments for ambassadors who
 * posted, and a handful of tasks. Separate from the main generator, and
 * seeded on its own, so the rest of the sample stays exactly as it was.
 */
export const demoTeammates = [
  { id: 'demo-member-ana', personId: 'demo-person-ana', name: 'Ana Kowalska' },
  { id: 'demo-member-ben', personId: 'demo-person-ben', name: 'Ben Carter' },
] as const;

function dateAfter(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function noonAfter(today: string, days: number): string {
  return `${dateAfter(today, days)}T12:00:00.000Z`;
}

export function addPlanningDemo(records: DemoRecords, today: string): DemoRecords {
  const random = new SeededRandom(4242);
  const [ana, ben] = demoTeammates;
  const settings = [...(records.settings ?? []), ...demoTeammates.map((t) => ({ id: t.id, input: { kind: 'member' as const, name: t.name, data: { personId: t.personId } } }))];
  const campaigns = (records.campaigns ?? []).map((c) => ({ ...c, input: { ...c.input, ownerId: c.id === 'demo-ca-spring' ? ana.personId : ben.personId } }));
  const creators = new Map((records.creators ?? []).map((c) => [c.id, c.input]));
  const activities = [...(records.activities ?? [])];
  let n = 0;
  let late = 0;
  const engagements = (records.engagements ?? []).map((e) => {
    const input = e.input;
    const gifting = input.campaignId === 'demo-ca-spring';
    // Product on its way or arrived, the post still to come (outreach may already have noted the product chosen).
    if (gifting && (input.stepId === 'shipped' || input.stepId === 'delivered') && !input.terms?.deliverables?.length) {
      const platform = creators.get(input.creatorId)?.accounts?.[0]?.platform ?? 'instagram';
      // Every real campaign has a post or two running late: the first two are 2 and 5 days overdue.
      const dueIn = late < 2 ? [-2, -5][late++] : random.int(-6, 40);
      return { ...e, input: { ...input, terms: {
        ...input.terms,
        productValue: moneyFrom(38, 'USD'),
        deliverables: [{ id: 'd1', platform, format: demoFormat(platform, Number(e.id.slice(-6)) || 0), quantity: 1, dueOn: dateAfter(today, dueIn) }],
      } } };
    }
    if (input.terms) {
      // Posted: gifting creators had product; ambassadors with a fee get paid after posting, most of them already.
      if (gifting) return { ...e, input: { ...input, terms: { ...input.terms, productValue: moneyFrom(38, 'USD') } } };
      if (input.terms.fee && random.next() < 0.7) {
        activities.push({ id: `demo-pay-${++n}`, input: {
          kind: 'payment', title: 'Fee paid', at: noonAfter(today, -random.int(1, 20)), creatorId: input.creatorId, campaignId: input.campaignId, engagementId: e.id,
          data: { amount: input.terms.fee },
        } });
      }
      return e;
    }
    return e;
  });
  const someCreator = (i: number) => engagements[i % engagements.length]?.input.creatorId ?? null;
  const tasks: [string, string, number, boolean, string | null, string | null][] = [
    ['Chase shipping addresses for the Spring parcels', ana.personId, -2, false, null, 'demo-ca-spring'],
    ['Approve the Spring Glow story frames', ana.personId, 0, false, someCreator(0), 'demo-ca-spring'],
    ['Send the December brief to Run Club', ben.personId, 24, false, null, 'demo-ca-ambassadors'],
    ['Renew Spark Ads access', ben.personId, 19, false, someCreator(2), 'demo-ca-ambassadors'],
    ['Plan the January seeding list', ana.personId, 30, false, null, null],
    ['Pay the October ambassador fees', ben.personId, -4, true, null, 'demo-ca-ambassadors'],
  ];
  tasks.forEach(([title, assigneeId, due, done, creatorId, campaignId], i) => {
    activities.push({ id: `demo-task-${i + 1}`, input: {
      kind: 'task', title, at: noonAfter(today, -7), dueAt: noonAfter(today, due), doneAt: done ? noonAfter(today, due) : null, assigneeId, creatorId, campaignId, actorId: ana.personId,
    } });
  });
  return { ...records, settings, campaigns, engagements, activities };
}
