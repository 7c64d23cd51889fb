import { moneyFrom } from '../domain/fields';
import { codeRuleData } from '../domain/code-rules';
import { generateCodes, type CodeCreator } from '../domain/code-generation';
import type { DemoRecords } from './generate';
import { demoFee } from './fees';
import { demoFormat } from './formats';

/**
 * Outreach and negotiation in the sample brand: three message templates a
 * real brand would send, discount codes for some Spring Glow creators (so
 * some messages are ready and some are held back for a missing code), the
 * sends behind each "Contacted" creator, replies for those further along,
 * and offers and counter-offers for the Run Club ambassadors.
 */
export const demoTemplateIds = { seeding: 'demo-tp-seeding', dm: 'demo-tp-dm', followUp: 'demo-tp-follow-up' } as const;

export const demoTemplates: NonNullable<DemoRecords['documents']> = [
  {
    id: demoTemplateIds.seeding,
    input: {
      kind: 'template', templateFor: 'outreach-email', title: 'Seeding invitation',
      subject: '{{first_name}}, can we send you our {{product}}?',
      body: `Hi {{first_name}},

I'm {{sender_name}} from the {{brand}} team. We've been following {{handle}} for a while, and the way you talk about your routine is exactly why we'd love to send you our {{product}}, ahead of our {{campaign}} launch on {{start_date}}.

There's no obligation to post. If you love it and want to share, we'll set you up with your own discount code for your followers, valid until {{end_date}}.

If you're in, just reply with your shipping address and we'll get it out this week.

Thanks so much,
{{sender_name}}
{{brand}}`,
    },
  },
  {
    id: demoTemplateIds.dm,
    input: {
      kind: 'template', templateFor: 'dm', title: 'Instagram DM: short intro',
      body: `Hi {{first_name}}! {{sender_name}} from {{brand}} here 👋 We love your content and would like to send you our {{product}} for {{campaign}}, no strings attached. Can I get your email or shipping address to set it up?`,
    },
  },
  {
    id: demoTemplateIds.followUp,
    input: {
      kind: 'template', templateFor: 'follow-up', title: 'Gentle follow-up',
      subject: 'Re: {{first_name}}, can we send you our {{product}}?',
      body: `Hi {{first_name}},

Just bumping this up in case it got buried. We'd still love to send you our {{product}} for {{campaign}}; it ships within a few days of your yes.

A quick yes or no is perfect, and no hard feelings either way.

Best,
{{sender_name}}`,
    },
  },
];

function plusHours(instant: string, hours: number): string {
  return new Date(Date.parse(instant) + hours * 3_600_000).toISOString();
}

/** Adds outreach and negotiation to a generated workspace (mutates and returns it). */
export function addOutreachDemo(records: DemoRecords, today: string): DemoRecords {
  const todayMs = Date.parse(`${today}T12:00:00Z`);
  const creators = new Map((records.creators ?? []).map((c) => [c.id, c.input]));
  const campaigns = new Map((records.campaigns ?? []).map((c) => [c.id, c]));
  const wantCodes: { engagementId: string; creator: CodeCreator }[] = [];
  const activities = records.activities ?? [];
  let shortlistCount = 0;

  (records.engagements ?? []).forEach(({ id, input: engagement }, index) => {
    const campaign = campaigns.get(engagement.campaignId)?.input;
    const stepIndex = (campaign?.steps ?? []).findIndex((s) => s.id === engagement.stepId);
    const creator = creators.get(engagement.creatorId);
    if (!campaign || !creator) return;
    // Shortlisted creators have not heard from us yet.
    if (stepIndex <= 0) {
      engagement.lastContactedAt = null;
    } else if (engagement.lastContactedAt) {
      const templateId = engagement.campaignId === 'demo-ca-spring' ? demoTemplateIds.seeding : demoTemplateIds.dm;
      activities.push({
        id: `demo-out-${id}`,
        input: { kind: 'outreach', title: templateId === demoTemplateIds.dm ? 'Sent “Instagram DM: short intro”' : 'Sent “Seeding invitation”', at: engagement.lastContactedAt, creatorId: engagement.creatorId, campaignId: engagement.campaignId, engagementId: id, data: { templateId, channel: templateId === demoTemplateIds.dm ? 'dm' : 'email' } },
      });
      // One in three needed a nudge: the follow-up went three days later, when that was already past.
      const followUpAt = plusHours(engagement.lastContactedAt, 72);
      if (index % 3 === 0 && Date.parse(followUpAt) + 2 * 86_400_000 < todayMs) {
        activities.push({
          id: `demo-fu-${id}`,
          input: { kind: 'follow-up', title: 'Sent “Gentle follow-up”', at: followUpAt, creatorId: engagement.creatorId, campaignId: engagement.campaignId, engagementId: id, data: { templateId: demoTemplateIds.followUp, channel: 'email' } },
        });
        engagement.lastContactedAt = followUpAt;
        engagement.followUpsSent = 1;
      }
      // Everyone past "Contacted" answered, a day or two later.
      if (stepIndex >= 2) {
        engagement.repliedAt = plusHours(engagement.lastContactedAt, 20 + (index % 3) * 14);
        activities.push({ id: `demo-rep-${id}`, input: { kind: 'reply', title: 'Replied', at: engagement.repliedAt, creatorId: engagement.creatorId, campaignId: engagement.campaignId, engagementId: id, data: {} } });
      }
    }
    // Codes are issued as creators opt in; every other creator on the shortlist already has one from the
    // first code batch, so the sample shows a message that is ready next to one held back for its code.
    const shortlisted = stepIndex <= 0 && engagement.campaignId === 'demo-ca-spring' ? shortlistCount++ : -1;
    if (engagement.campaignId === 'demo-ca-spring' && (stepIndex >= 3 || shortlisted % 2 === 0)) {
      wantCodes.push({ engagementId: id, creator: { id: engagement.creatorId, name: creator.name ?? '', handle: creator.accounts?.[0]?.handle ?? '' } });
    }
    // Gifted creators who opted in get the serum: its value is what they cost the campaign.
    if (engagement.campaignId === 'demo-ca-spring' && stepIndex >= 3) {
      engagement.terms = { ...(engagement.terms ?? {}), productIds: ['demo-pr-serum'], productValue: moneyFrom(38, 'USD') };
    }
    // Ambassadors negotiate: an offer from us, a counter from them, and the agreed terms once signed.
    if (engagement.campaignId === 'demo-ca-ambassadors' && stepIndex >= 2 && engagement.lastContactedAt) {
      const existing = engagement.terms ?? null;
      const fee = existing?.fee ?? moneyFrom(demoFee(creator.accounts?.[0]?.followers ?? 10_000, (index % 5) / 4), 'USD');
      const platform = creator.accounts?.[0]?.platform ?? 'instagram';
      const deliverables = existing?.deliverables ?? [{ id: 'd1', platform, format: demoFormat(platform), quantity: 2, usageRights: 'Organic reposting on brand channels, 6 months' }];
      const counter = { ...(existing ?? {}), fee, deliverables, commissionPercent: 10, exclusivityDays: 30 };
      const offer = { ...counter, fee: { amountMicros: Math.max(0, fee.amountMicros - 150_000_000), currency: fee.currency } };
      const offeredAt = plusHours(engagement.lastContactedAt, 48);
      const counteredAt = plusHours(offeredAt, 30);
      const agreed = stepIndex >= 3;
      engagement.offers = [
        { at: offeredAt, by: 'brand', terms: offer, note: 'Two reels a month, and 10% commission on sales with your code.' },
        { at: counteredAt, by: 'creator', terms: counter, note: 'Happy with the commission; my reel rate is a little higher.', acceptedAt: agreed ? plusHours(counteredAt, 20) : null },
      ];
      engagement.terms = agreed ? counter : null;
    }
  });

  const codes = springCodes(wantCodes, (records.codes ?? []).flatMap((c) => c.input.code ?? []), Number(today.slice(0, 4)));
  return { ...records, activities, codes: [...(records.codes ?? []), ...codes], documents: [...(records.documents ?? []), ...demoTemplates] };
}

/**
 * The Spring Glow codes come from the same generator a user's batch does
 * (first name and 15, e.g. CHLOE15), so two Chloés get what the app would
 * offer them, never a hand-made variant the codes docs rule out.
 */
function springCodes(wanted: { engagementId: string; creator: CodeCreator }[], issued: string[], year: number): NonNullable<DemoRecords['codes']> {
  const rule = codeRuleData.parse({ pattern: '{FIRSTNAME}{DISCOUNT}', discountValue: 15, maxLength: 16, campaignId: 'demo-ca-spring' });
  const made = generateCodes({ rule, creators: wanted.map((w) => w.creator), workspaceCodes: issued, storeCodes: [], campaign: 'Spring Glow', year });
  return made.flatMap((m, i) => m.code ? [{
    id: `demo-code-${wanted[i].engagementId}`,
    input: {
      kind: 'discount' as const, campaignId: 'demo-ca-spring', creatorId: m.creatorId, engagementId: wanted[i].engagementId,
      code: m.code, discount: { type: 'percent' as const, value: 15 },
    },
  }] : []);
}
