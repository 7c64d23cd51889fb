import { moneyFrom } from '../domain/fields';
import type { DemoRecords } from './generate';
import { demoFormat, demoPostUrl } from './formats';
import { SeededRandom } from './random';

type List<C extends keyof DemoRecords> = NonNullable<DemoRecords[C]>;

const DAY = 86_400_000;
const at = (instant: string, days: number) => new Date(Date.parse(instant) + days * DAY).toISOString();

/**
 * Report material for the sample workspace: each live post gets the figures
 * a coordinator logs over its first week (day 1, day 3, then the final ones
 * already on it), the gifting creators' product value, first-round drafts
 * with decisions, and six months of monthly ambassador posts so the program
 * report shows growth. Its own seed, so the rest of the sample stays as it
 * was; bounded by the campaign's creators, so 50,000 creators cost nothing more.
 */
export function addDemoPosts(records: { creators: List<'creators'>; engagements: List<'engagements'>; content: List<'content'> }, today: string): void {
  const random = new SeededRandom(9161);
  const { creators, engagements, content } = records;
  const byId = new Map(creators.map((c) => [c.id, c]));
  const scale = (value: number | null | undefined, f: number) => (value == null ? null : Math.max(1, Math.round(value * f)));

  for (const post of [...content]) {
    const input = post.input;
    if (input.kind !== 'post' || !input.postedAt || !input.metrics?.length) continue;
    const final = input.metrics[input.metrics.length - 1];
    const early = [[1, 0.55], [3, 0.82]] as const;
    const snapshots = early.filter(([days]) => at(input.postedAt!, days) < final.at).map(([days, f]) => ({
      at: at(input.postedAt!, days), source: 'manual' as const,
      views: scale(final.views, f), reach: scale(final.reach, f), impressions: scale(final.impressions, f),
      likes: scale(final.likes, f), comments: scale(final.comments, f), shares: scale(final.shares, f), saves: scale(final.saves, f),
      clicks: scale(final.clicks, f), orders: scale(final.orders, f), revenue: final.revenue ? { ...final.revenue, amountMicros: Math.round(final.revenue.amountMicros * f) } : null,
    }));
    input.metrics = [...snapshots, ...input.metrics];
    // Each post went through one review round first; most were approved as sent.
    const approved = random.chance(0.75);
    content.push({
      id: `${post.id}-draft`,
      input: {
        kind: 'submission', creatorId: input.creatorId, campaignId: input.campaignId, engagementId: input.engagementId,
        deliverableId: input.deliverableId, round: 1, platform: input.platform, format: input.format,
        review: {
          status: approved ? 'approved' : 'changes-requested', decidedAt: at(input.postedAt, -2),
          feedback: approved ? [] : [{ what: 'The discount code is not on screen', how: 'Show the code in the first three seconds', piece: 'Video' }],
        },
      },
    });
  }

  for (const e of engagements) {
    const terms = e.input.terms;
    // Gifting costs the product sent: a serum and an SPF.
    if (terms && e.input.campaignId === 'demo-ca-spring') terms.productValue = moneyFrom(67, 'USD');
  }

  const ambassadors = engagements.filter((e) => e.input.campaignId === 'demo-ca-ambassadors' && e.input.terms);
  for (const [index, e] of ambassadors.entries()) {
    const creator = byId.get(e.input.creatorId);
    const account = creator?.input.accounts?.[0];
    if (!creator || !account) continue;
    const followers = account.followers ?? 10_000;
    // Ambassadors joined one after another, so the program grows month by month.
    const months = 6 - (index % 6);
    for (let month = 1; month <= months; month++) {
      const postedAt = new Date(Date.parse(`${today}T17:00:00.000Z`) - (month * 30 + random.int(0, 20)) * DAY).toISOString();
      const reach = Math.round(followers * (0.2 + random.next() * 0.5));
      const care = 0.5 + random.next() * 1.5;
      const final = {
        at: at(postedAt, 7), source: 'manual' as const,
        views: Math.round(reach * (1 + random.next())), reach, impressions: Math.round(reach * 1.3),
        likes: Math.round(reach * 0.04 * care), comments: Math.round(reach * 0.004 * care), shares: Math.round(reach * 0.002 * care), saves: Math.round(reach * 0.003 * care),
        clicks: Math.round(reach * 0.01), orders: random.int(1, 30), revenue: moneyFrom(random.int(100, 3000), 'USD'),
      };
      const format = demoFormat(account.platform, index + month);
      content.push({
        id: `demo-po-${e.id.slice(-6)}-m${month}`,
        input: {
          kind: 'post', creatorId: creator.id, campaignId: 'demo-ca-ambassadors', engagementId: e.id,
          platform: account.platform, format,
          url: demoPostUrl(account.platform, format, account.handle, random.int(100000, 999999)),
          postedAt,
          metrics: [{ ...final, at: at(postedAt, 1), views: Math.round(final.views * 0.6), reach: Math.round(reach * 0.6), impressions: Math.round(final.impressions * 0.6) }, final],
        },
      });
    }
  }
}
