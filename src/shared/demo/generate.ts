import { moneyFrom } from '../domain/fields';
import type { RecordInput } from '../data/records';
import type { CollectionName } from '../data/schemas';
import type { Platform } from '../data/schemas/creators';
import { defaultPipeline } from '../domain/pipelines';
import { locales, niches, safetyFlags, tags, type DemoLocale } from './people';
import { addAdAccessDemo } from './ad-access';
import { addColdOutreach } from './cold-outreach';
import { addEngageDemo } from './engage';
import { demoFee } from './fees';
import { demoFormat, demoPostUrl } from './formats';
import { addDemoPosts } from './posts';
import { addOutreachDemo } from './outreach';
import { addPlanningDemo } from './planning';
import { SeededRandom } from './random';
import { addSeedingDemo } from './seeding';
import { addReviewDemo } from './review';

export interface DemoOptions {
  seed?: number;
  creators?: number;
  /** Anchor for every generated date, so output does not depend on today. */
  today?: string;
}

export type DemoRecords = { [C in CollectionName]?: { id: string; input: RecordInput<C> }[] };

const platformMix: [Platform, number][] = [['instagram', 0.45], ['tiktok', 0.3], ['youtube', 0.12], ['pinterest', 0.04], ['twitch', 0.03], ['x', 0.03], ['blog', 0.03]];
const profileHost: Partial<Record<Platform, string>> = {
  instagram: 'https://www.instagram.com/', tiktok: 'https://www.tiktok.com/@', youtube: 'https://www.youtube.com/@',
  pinterest: 'https://www.pinterest.com/', twitch: 'https://www.twitch.tv/', x: 'https://x.com/',
};

function pickPlatform(random: SeededRandom): Platform {
  let r = random.next();
  for (const [platform, share] of platformMix) if ((r -= share) <= 0) return platform;
  return 'instagram';
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ł/gi, 'l').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T12:00:00Z`) - days * 86_400_000).toISOString();
}

const pad = (n: number) => String(n).padStart(6, '0');

/** A calendar date `days` after another (negative: before). */
function isoDateAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The "Sample brand" workspace: realistic creators across platforms and
 * countries, two campaigns, people in their pipelines, posts with metrics.
 * Deterministic: tests and benchmarks use it at up to 50,000 creators.
 */
export function generateDemoWorkspace(options: DemoOptions = {}): DemoRecords {
  const random = new SeededRandom(options.seed ?? 2026);
  const total = options.creators ?? 400;
  const today = options.today ?? '2026-11-01';
  const creators: NonNullable<DemoRecords['creators']> = [];
  const names = new UniqueNames();

  for (let i = 0; i < total; i++) {
    const locale = random.pick(locales);
    const [first, last] = names.take(locale, random.pick(locale.first), random.pick(locale.last));
    const name = `${first} ${last}`;
    const base = slug(first) + (random.chance(0.5) ? slug(last).slice(0, 6) : '') || `creator${i}`;
    const mainPlatform = pickPlatform(random);
    const accountPlatforms = random.chance(0.4) ? [...new Set([mainPlatform, pickPlatform(random)])] : [mainPlatform];
    const mainFollowers = random.logUniform(1_200, 2_500_000);
    const accounts = accountPlatforms.map((platform, index) => {
      const handle = `${base}${random.chance(0.3) ? random.int(1, 99) : ''}${i % 997}`;
      const followers = index === 0 ? mainFollowers : Math.round(mainFollowers * (0.05 + random.next() * 0.6));
      const host = profileHost[platform];
      return {
        platform, handle,
        url: host ? `${host}${handle}` : '',
        followers,
        avgViews: platform === 'youtube' || platform === 'tiktok' ? Math.round(followers * (0.1 + random.next() * 0.9)) : null,
        engagementRate: Math.round((0.005 + random.next() * 0.08) * 10_000) / 10_000,
        statsUpdatedAt: daysBefore(today, random.int(1, 120)),
      };
    });
    const [city, region] = random.pick<readonly [string, string]>(locale.cities);
    const hasEmail = random.chance(0.8);
    creators.push({
      id: `demo-cr-${pad(i)}`,
      input: {
        name,
        accounts,
        emails: hasEmail ? [{ address: `${base}.${i}@${random.pick(['gmail.com', 'outlook.com', 'proton.me', 'creatormail.co'])}`, primary: true }] : [],
        phone: random.chance(0.3) ? `+${random.int(1, 99)} ${random.int(100, 999)} ${random.int(100, 999)} ${random.int(100, 999)}` : '',
        manager: mainFollowers > 200_000 && random.chance(0.7)
          ? { name: random.pick(['Sam Ortiz', 'Dana Kim', 'Alex Moreau']), agency: random.pick(['Bright Talent', 'North Star Mgmt', 'Kollektiv']), email: `talent${i}@agency.example`, phone: '' }
          : null,
        preferredChannel: hasEmail ? 'email' : mainPlatform === 'tiktok' ? 'tiktok-dm' : 'instagram-dm',
        location: { country: locale.country, region, city },
        languages: random.chance(0.4) && locale.language !== 'en' ? [locale.language, 'en'] : [locale.language],
        niches: random.some(niches, 1, 3),
        audience: {
          ageRange: random.pick(['18-24', '25-34', '35-44']),
          femalePercent: random.int(20, 90),
          topCountries: [{ country: locale.country, percent: random.int(35, 80) }],
          notes: '',
        },
        rates: [{ deliverable: `${mainPlatform === 'youtube' ? 'Integration' : 'Reel'}`, price: moneyFrom(Math.round(mainFollowers / 100) + 50, 'USD') }],
        tags: random.some(tags, 0, 2),
        brandSafetyFlags: random.chance(0.05) ? [random.pick(safetyFlags)] : [],
        notes: random.chance(0.2) ? random.pick(['Loves trail running content', 'Prefers a call before committing', 'Shot great unboxing last spring', 'Vegan and cruelty-free only']) : '',
      },
    });
  }

  addDeliberateDuplicates(creators);

  const spring = 'demo-ca-spring';
  const ambassadors = 'demo-ca-ambassadors';
  const springSteps = defaultPipeline('gifting');
  const ambassadorSteps = defaultPipeline('ambassador');
  const campaigns: NonNullable<DemoRecords['campaigns']> = [
    {
      id: spring,
      input: {
        name: 'Spring Glow seeding', kind: 'campaign', activationModels: ['gifting'], objective: 'awareness',
        productIds: ['demo-pr-serum', 'demo-pr-spf'],
        kpiTargets: [{ kpi: 'posts', target: 40 }, { kpi: 'reach', target: 1_500_000 }],
        budget: moneyFrom(12_000, 'USD'),
        buckets: [
          { id: 'nano', name: 'Nano', minFollowers: 1_000, maxFollowers: 9_999, targetCount: 30 },
          { id: 'micro', name: 'Micro', minFollowers: 10_000, maxFollowers: 99_999, targetCount: 15 },
        ],
        keyMessages: ['Glow that lasts all day', 'Clean ingredients, no fragrance'],
        startsOn: daysBefore(today, 60).slice(0, 10), endsOn: daysBefore(today, -20).slice(0, 10),
        status: 'active', steps: springSteps,
      },
    },
    {
      id: ambassadors,
      input: {
        name: 'Run Club ambassadors', kind: 'program', activationModels: ['ambassador', 'affiliate'], objective: 'conversion',
        productIds: ['demo-pr-shoe', 'demo-pr-tee'],
        kpiTargets: [{ kpi: 'revenue', target: 80_000 }],
        budget: moneyFrom(48_000, 'USD'),
        buckets: [{ id: 'core', name: 'Core ambassadors', minFollowers: 10_000, maxFollowers: null, targetCount: 12 }],
        keyMessages: ['Built for every mile'],
        startsOn: daysBefore(today, 200).slice(0, 10), endsOn: null,
        status: 'active', steps: ambassadorSteps,
      },
    },
  ];

  const products: NonNullable<DemoRecords['products']> = [
    { id: 'demo-pr-serum', input: { name: 'Glow Serum 30 ml', sku: 'GLW-30', value: moneyFrom(38, 'USD'), variants: [] } },
    { id: 'demo-pr-spf', input: { name: 'Daily SPF 50', sku: 'SPF-50', value: moneyFrom(29, 'USD'), variants: [] } },
    { id: 'demo-pr-shoe', input: { name: 'Tempo Runner', sku: 'TMP-RUN', value: moneyFrom(140, 'USD'), variants: ['38', '39', '40', '41', '42', '43', '44'].map((size) => ({ id: `eu-${size}`, name: `EU ${size}`, sku: `TMP-RUN-${size}` })) } },
  ];

  const engagements: NonNullable<DemoRecords['engagements']> = [];
  const content: NonNullable<DemoRecords['content']> = [];
  const activities: NonNullable<DemoRecords['activities']> = [];
  const inCampaign = Math.min(creators.length, 60);
  for (let i = 0; i < inCampaign; i++) {
    const creator = creators[i];
    const campaignId = i % 3 === 2 ? ambassadors : spring;
    const steps = campaignId === spring ? springSteps : ambassadorSteps;
    // About four in ten have posted, so the sample has results to look at; the rest are on their way.
    const step = steps[random.next() < 0.4 ? steps.length - 1 : random.int(0, steps.length - 2)];
    const engagementId = `demo-en-${pad(i)}`;
    const posted = steps.findIndex((s) => s.id === step.id) >= steps.length - 1;
    // Creators who posted had agreed terms: a fee for ambassadors (gifting is product only) and a due date.
    const dueOn = daysBefore(today, random.int(5, 30)).slice(0, 10);
    const mainAccount = creator.input.accounts![0];
    const format = demoFormat(mainAccount.platform, i);
    // A fee fits the creator's size (the draw only places them within their tier's range).
    const feeDraw = posted && campaignId === ambassadors ? (random.int(4, 60) - 4) / 56 : 0;
    const terms = posted ? {
      fee: campaignId === ambassadors ? moneyFrom(demoFee(mainAccount.followers ?? 10_000, feeDraw), 'USD') : null,
      deliverables: [{ id: 'd1', platform: mainAccount.platform, format, quantity: 1, dueOn }],
    } : null;
    engagements.push({ id: engagementId, input: { campaignId, creatorId: creator.id, stepId: step.id, lastContactedAt: daysBefore(today, random.int(2, 40)), terms } });
    activities.push({ id: `demo-ac-${pad(i)}`, input: { kind: 'stage-change', title: `Moved to ${step.name}`, at: daysBefore(today, random.int(1, 30)), creatorId: creator.id, campaignId, engagementId } });
    if (posted) {
      const account = creator.input.accounts![0];
      const followers = account.followers ?? 10_000;
      const reach = Math.round(followers * (0.2 + random.next() * 0.6));
      // Some creators' audiences care more than others': engagement varies from about 1% to 9%.
      const care = 0.4 + random.next() * 1.8;
      // Most post on time; a few are late by a day to a week.
      const late = random.next() < 0.2 ? random.int(1, 7) : -random.int(0, 3);
      content.push({
        id: `demo-po-${pad(i)}`,
        input: {
          kind: 'post', creatorId: creator.id, campaignId, engagementId, deliverableId: 'd1',
          platform: account.platform, format,
          url: demoPostUrl(account.platform, format, account.handle, random.int(100000, 999999)),
          // Never in the future: a late post is at the latest yesterday's.
          postedAt: `${[isoDateAfter(dueOn, late), daysBefore(today, 1).slice(0, 10)].sort()[0]}T17:00:00.000Z`,
          metrics: [{
            at: daysBefore(today, 0), source: 'manual',
            views: Math.round(reach * (1 + random.next())), reach, impressions: Math.round(reach * 1.3),
            likes: Math.round(reach * 0.04 * care), comments: Math.round(reach * 0.004 * care), shares: Math.round(reach * 0.002 * care), saves: Math.round(reach * 0.003 * care),
            clicks: Math.round(reach * 0.01), orders: campaignId === ambassadors ? random.int(2, 40) : null,
            revenue: campaignId === ambassadors ? moneyFrom(random.int(200, 4000), 'USD') : null,
          }],
        },
      });
    }
  }

  const settings: NonNullable<DemoRecords['settings']> = [
    { id: 'workspace', input: { kind: 'workspace', name: 'Sample brand', data: { currency: 'USD' } } },
    ...['Audience fit', 'Content quality', 'Engagement', 'Brand safety', 'Past performance'].map((name, index) => ({
      id: `criterion-${index + 1}`,
      input: { kind: 'scorecard-criterion' as const, name, data: { weight: index === 0 ? 2 : 1 } },
    })),
  ];

  addDemoPosts({ creators, engagements, content }, today);
  const records: DemoRecords = { settings, creators, campaigns, products, engagements, activities, content };
  addSeedingDemo(records, today);
  addReviewDemo(records, today);
  return addEngageDemo(addAdAccessDemo(addColdOutreach(addPlanningDemo(addOutreachDemo(records, today), today), today), today), today);
}

/**
 * Name pools are small, so random picks repeat: 400 creators gave 68 pairs
 * with one name, which buries the few real duplicates the finder should
 * show. A taken name moves on to the next free one in the locale, without a
 * random draw, so everything else the seed decides stays as it was. Once a
 * locale's names are all used (tens of thousands of creators), repeats are
 * allowed: that many real people do share names.
 */
class UniqueNames {
  private used = new Set<string>();
  private count = new Map<DemoLocale, number>();

  take(locale: DemoLocale, first: string, last: string): [string, string] {
    const size = locale.first.length * locale.last.length;
    const taken = this.count.get(locale) ?? 0;
    if (taken >= size) return [first, last];
    const f0 = locale.first.indexOf(first);
    const l0 = locale.last.indexOf(last);
    for (let k = 0; k < size; k++) {
      const f = locale.first[(f0 + Math.floor((l0 + k) / locale.last.length)) % locale.first.length];
      const l = locale.last[(l0 + k) % locale.last.length];
      if (this.used.has(`${f} ${l}`)) continue;
      this.used.add(`${f} ${l}`);
      this.count.set(locale, taken + 1);
      return [f, l];
    }
    return [first, last];
  }
}

/**
 * A few people really are in the list twice (a teammate added them again
 * from another of their accounts): same name and city, so "Find duplicate
 * creators" has something true to show. Only the name is shared: a shared
 * email or handle would raise the duplicates banner before anyone asked.
 * Far from the campaigns' creators, so no board shows one person twice.
 */
function addDeliberateDuplicates(creators: NonNullable<DemoRecords['creators']>): void {
  const pairs: [number, number][] = [[64, 170], [95, 233], [122, 301], [208, 377]];
  for (const [original, copy] of pairs) {
    const a = creators[original];
    const b = creators[copy];
    if (!a || !b) continue;
    b.input.name = a.input.name;
    b.input.location = a.input.location;
  }
}
