import type { DemoRecords } from './generate';
import { demoTemplateIds } from './outreach';
import { SeededRandom } from './random';

const DAY = 86_400_000;
type Creator = NonNullable<DemoRecords['creators']>[number];

/**
 * Most creators never answer a first email. The campaigns' own creators all
 * moved on (they replied, opted in, posted), so without these the sample
 * showed reply rates of 97% and 100%. Here more Spring Glow invitations went
 * out to creators off the board so far, one in three or so got the gentle
 * follow-up, and none has replied yet (the same for Run Club's DMs): every
 * template's reply rate lands between a third and a half, as real outreach does. Its own seed, so the rest of the
 * sample stays as it was; capped, so 50,000 creators cost nothing more.
 */
export function addColdOutreach(records: DemoRecords, today: string): DemoRecords {
  const random = new SeededRandom(3131);
  const onBoard = new Set((records.engagements ?? []).map((e) => e.input.creatorId));
  const todayMs = Date.parse(`${today}T12:00:00Z`);
  const engagements = [...(records.engagements ?? [])];
  const activities = [...(records.activities ?? [])];
  const platformOf = (c: Creator) => c.input.accounts?.[0]?.platform ?? '';
  const reach = (campaignId: string, creators: Creator[], dm: boolean) => {
    const contacted = records.campaigns?.find((c) => c.id === campaignId)?.input.steps?.[1];
    if (!contacted) return;
    const [templateId, title, channel] = dm ? [demoTemplateIds.dm, 'Instagram DM: short intro', 'dm'] : [demoTemplateIds.seeding, 'Seeding invitation', 'email'];
    for (const creator of creators) {
      onBoard.add(creator.id);
      const id = `demo-en-cold-${creator.id.slice(-6)}`;
      const sentAt = new Date(todayMs - random.int(3, 24) * DAY - random.int(0, 8) * 3_600_000).toISOString();
      const followUpAt = new Date(Date.parse(sentAt) + 3 * DAY).toISOString();
      const followedUp = Date.parse(followUpAt) < todayMs && random.chance(0.4);
      engagements.push({ id, input: { campaignId, creatorId: creator.id, stepId: contacted.id, lastContactedAt: followedUp ? followUpAt : sentAt, followUpsSent: followedUp ? 1 : 0, terms: null } });
      activities.push({ id: `demo-out-${id}`, input: { kind: 'outreach', title: `Sent “${title}”`, at: sentAt, creatorId: creator.id, campaignId, engagementId: id, data: { templateId, channel } } });
      if (followedUp) {
        activities.push({ id: `demo-fu-${id}`, input: { kind: 'follow-up', title: 'Sent “Gentle follow-up”', at: followUpAt, creatorId: creator.id, campaignId, engagementId: id, data: { templateId: demoTemplateIds.followUp, channel } } });
      }
    }
  };
  const free = () => (records.creators ?? []).filter((c) => !onBoard.has(c.id));
  // Gifting skincare goes by email to people on photo and video platforms.
  reach('demo-ca-spring', free().filter((c) => ['instagram', 'tiktok', 'youtube'].includes(platformOf(c)) && (c.input.emails?.length ?? 0) > 0).slice(0, 50), false);
  // The ambassador program asks runners of some size by DM, as its first contacts were.
  reach('demo-ca-ambassadors', free().filter((c) => ['instagram', 'tiktok'].includes(platformOf(c)) && (c.input.accounts?.[0]?.followers ?? 0) >= 10_000).slice(0, 20), true);
  return { ...records, engagements, activities };
}
