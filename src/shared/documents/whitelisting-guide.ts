import { hasAdAccess, type AdAccessLike } from '../domain/ad-access';
import { normalizeHandle } from '../domain/handles';
import { daysBetween } from '../domain/dates';
import type { Block, BrandKit, DocumentSpec, Inline } from './model';

/** The two ways of giving ad access the guide explains; a brand that is not on TikTok leaves that part out. */
export const guidePlatforms = ['meta', 'tiktok'] as const;
export type GuidePlatform = (typeof guidePlatforms)[number];
export const guidePlatformLabels: Record<GuidePlatform, string> = { meta: 'Meta partnership ads (Instagram, Facebook)', tiktok: 'TikTok Spark Ads' };

// Instagram: up to 30 letters, digits, dots and underscores; TikTok: 2 to 24 of the same.
const handleRules: Record<GuidePlatform, { name: string; pattern: RegExp; rule: string }> = {
  meta: { name: 'Instagram', pattern: /^[a-z0-9._]{1,30}$/, rule: 'up to 30 letters, digits, dots and underscores' },
  tiktok: { name: 'TikTok', pattern: /^[a-z0-9._]{2,24}$/, rule: '2 to 24 letters, digits, dots and underscores' },
};

/**
 * Why the brand's handle cannot go in the guide, or null when it can.
 * Creators type it into a search box, so an empty one or a name with spaces
 * ("Sample brand") would send them looking for an account that does not exist.
 */
const MENU = '≡';

export function brandHandleProblem(platform: GuidePlatform, raw: string): string | null {
  const rule = handleRules[platform];
  const handle = normalizeHandle(raw);
  if (!handle) return `Add the brand’s ${rule.name} handle: creators search for it to approve the brand.`;
  if (!rule.pattern.test(handle)) return `“${raw.trim()}” is not ${rule.name === 'Instagram' ? 'an' : 'a'} ${rule.name} handle: handles are ${rule.rule}, with no spaces.`;
  return null;
}

/** "@name" from "name", "@name" or a profile link. */
export const atHandle = (raw: string) => {
  const h = normalizeHandle(raw);
  return h ? `@${h}` : '';
};

/**
 * Step-by-step instructions for a creator to give the brand ad access to
 * their posts: Meta partnership ads (Instagram, Facebook) and TikTok Spark
 * Ads codes, filled in with this brand's and this creator's details.
 */
export interface WhitelistingGuideSource {
  creatorName: string;
  creatorInstagram: string;
  creatorTiktok: string;
  brandInstagram: string;
  brandTiktok: string;
  /** Which parts the guide has; each needs the brand's handle on that platform. Both when not given. */
  platforms?: readonly GuidePlatform[];
  /** The brand's Meta business portfolio (Business Manager) name, as creators will see it. */
  metaBusinessName: string;
  sparkDays: number;
  /** Until when the brand may run the ads, as agreed in the usage rights. */
  accessUntil: string;
  sendCodesTo: string;
  deadline: string;
  /** The brand's ad account that will run the ads, as recorded with the access. */
  adAccount?: string;
}

const step = (...runs: Inline[]): Block[] => [{ type: 'paragraph', runs }];
const b = (text: string): Inline => ({ text, bold: true });
const t = (text: string): Inline => ({ text });

export function whitelistingGuideSpec(src: WhitelistingGuideSource, brand: BrandKit): DocumentSpec {
  const platforms = src.platforms?.length ? src.platforms : guidePlatforms;
  const meta = platforms.includes('meta');
  const tiktok = platforms.includes('tiktok');
  // Never the brand's name in place of a handle: the guide is refused instead, naming the handle it needs.
  const problems = platforms.map((p) => brandHandleProblem(p, p === 'meta' ? src.brandInstagram : src.brandTiktok)).filter((p): p is string => !!p);
  if (problems.length) throw new Error(problems.join(' '));
  const brandIg = atHandle(src.brandInstagram);
  const brandTt = atHandle(src.brandTiktok);
  const creatorHandles = [atHandle(src.creatorInstagram), atHandle(src.creatorTiktok)].filter(Boolean).join(' · ');
  const sendTo = src.sendCodesTo.trim() || `your contact at ${brand.name}`;
  // Menu paths use "›" and the "more" button is drawn as "•••": both are in every bundled text font, where "→", "⋯" and "☰" are not.
  // The menu icon is "≡", three bars like the apps' own: the font chain draws it from Noto Sans SC (no bundled font has "☰").
  const path = (...steps: string[]) => b(steps.join(' › '));
  const blocks: Block[] = [
    { type: 'paragraph', runs: [t(`Hi ${src.creatorName}, thank you for letting ${brand.name} promote your posts as ads. The ads run from your own handle, so your audience sees you, and you keep full ownership of your content. `), t('This guide takes about five minutes.')] },
    { type: 'callout', title: 'Your details for this campaign', runs: [
      ...(meta ? [t('Brand on Instagram: '), b(brandIg)] : []),
      ...(tiktok ? [t(meta ? '\nBrand on TikTok: ' : 'Brand on TikTok: '), b(brandTt)] : []),
      ...(meta && src.metaBusinessName ? [t('\nBrand’s Meta business: '), b(src.metaBusinessName)] : []),
      ...(src.adAccount?.trim() ? [t('\nAds run from the ad account: '), b(src.adAccount.trim())] : []),
      ...(creatorHandles ? [t('\nYour handles: '), b(creatorHandles)] : []),
      t('\nAds may run until: '), b(src.accessUntil || 'the end date in your agreement'),
      t('\nPlease finish by: '), b(src.deadline || 'as soon as you can'),
    ] },
    { type: 'paragraph', runs: [t('In the steps below, '), b('•••'), t(' is the “more” button (three dots) and '), b('›'), t(' means “then tap”.')], muted: true, size: 9.5 },
  ];
  if (meta) blocks.push(
    { type: 'heading', level: 1, runs: [t('Meta partnership ads (Instagram and Facebook)')] },
    { type: 'paragraph', runs: [t('Partnership ads let the brand run your post as an ad that shows both names. You approve the brand once; you can remove the access at any time.')] },
    { type: 'list', ordered: true, items: [
      step(t('Make sure your Instagram account is a '), b('professional account'), t(' (Creator or Business): open your profile, tap the menu '), b(MENU), t(' (three lines) at the top right, then '), path('Settings and activity', 'Account type and tools'), t('.')),
      step(t('From the same menu, open '), path('Settings and activity', 'Business tools and controls'), t(' (on creator accounts: '), b('Creator tools and controls'), t(') › '), b('Branded content'), t('.')),
      step(t('Tap '), b('Partnership ad permissions'), t(' (older app versions: “Approve brand partners”), then '), b('Add brand partners'), t(' and search for '), b(brandIg), t('. Tap it to approve.')),
      step(t('When you publish the post for this campaign, tap '), path('Advanced settings', 'Add paid partnership label'), t(' and add '), b(brandIg), t(' as the brand partner. Also switch on '), b('Allow brand partner to promote'), t('.')),
      step(t('If the post is already live: open it, tap '), path('•••', 'Partnership label and ads'), t(', add '), b(brandIg), t(' and switch on '), b('Allow brand partner to promote'), t('.')),
      step(t('Optional, when the brand asks for it: tap '), b('Get partnership ad code'), t(' on the post and send the code to '), b(sendTo), t('.')),
    ] },
  );
  if (tiktok) blocks.push(
    { type: 'heading', level: 1, runs: [t('TikTok Spark Ads')] },
    { type: 'paragraph', runs: [t('A Spark Ads code lets the brand boost your TikTok video from your account, with your likes and comments kept. You choose how long the code works.')] },
    { type: 'list', ordered: true, items: [
      step(t('Open your profile and tap the menu '), b(MENU), t(' (three lines) at the top right, then '), path('Settings and privacy', 'Business suite'), t(' (or '), b('Creator tools'), t(') › '), b('Ad settings'), t(' and switch on '), b('Ad authorization'), t('.')),
      step(t('Open the video for this campaign, tap '), path('•••', 'Ad settings'), t(' and switch on '), b('Ad authorization'), t('.')),
      step(t('Tap '), b('Generate code'), t(', choose '), b(`${src.sparkDays} days`), t(' as the authorisation period, and tap '), b('Generate'), t('.')),
      step(t('Tap '), b('Copy code'), t(' and send it to '), b(sendTo), t(', with the link to the video. The brand confirms when the ad is set up.')),
      step(t('Keep the '), b('branded content toggle'), t(' on for this video ('), path('•••', 'Ad settings'), t(' or '), b('Disclose post content'), t('), as your agreement asks.')),
    ] },
  );
  blocks.push(
    { type: 'heading', level: 2, runs: [t('Good to know')] },
    { type: 'list', ordered: false, items: [
      step(t('You can withdraw access at any time in the same menus; please tell '), b(brand.name), t(' first, as running ads may stop early.')),
      step(t('The brand cannot post, message or change anything on your account: it can only run this post as an ad.')),
      step(t('Ads must stay labelled as advertising. If you are unsure about a step, reply to '), b(sendTo), t(' and we will walk you through it.')),
    ] },
  );
  const what = platforms.length === 2 ? 'Meta partnership ads and TikTok Spark Ads' : meta ? 'Meta partnership ads' : 'TikTok Spark Ads';
  return {
    title: `Ad access guide – ${src.creatorName}`,
    eyebrow: 'Whitelisting guide',
    subtitle: `${brand.name} · ${what}`,
    brand,
    footer: `${brand.name} · Ad access guide for ${src.creatorName}`,
    subject: `How ${src.creatorName} gives ${brand.name} ad access`,
    blocks,
  };
}

/** The shortest and longest authorisation a creator can choose for a Spark code (requests.ts holds the same bounds). */
export const SPARK_DAYS = { min: 7, max: 365 } as const;

export interface GuideFromAccess {
  /** The platforms access was recorded for, of those the guide explains; empty when none. */
  platforms: GuidePlatform[];
  /** The last day of access (YYYY-MM-DD): the latest one recorded. */
  accessUntil: string | null;
  /** Days from the first day of access to the last, inclusive, when it is a length TikTok offers. */
  sparkDays: number | null;
  /** Why the recorded dates give no Spark code length, to say beside the field. */
  sparkDaysNote: string | null;
  adAccount: string;
}

/**
 * What the ad access guide can take from the ad access already recorded
 * for this creator (requested, granted or active), so nothing is typed twice.
 */
export function guideFromAccess(records: readonly { whitelisting?: AdAccessLike | null; deletedAt?: string | null }[]): GuideFromAccess {
  const access = records.filter((r) => !r.deletedAt && hasAdAccess(r.whitelisting) && r.whitelisting.status !== 'revoked' && r.whitelisting.status !== 'expired')
    .map((r) => r.whitelisting as AdAccessLike);
  const platforms = guidePlatforms.filter((p) => access.some((w) => w.platform === p));
  const ends = access.map((w) => w.accessExpiresOn).filter((d): d is string => !!d).sort();
  const accessUntil = ends.at(-1) ?? null;
  const tiktok = access.filter((w) => w.platform === 'tiktok' && w.accessStartsOn && w.accessExpiresOn)
    .map((w) => daysBetween(w.accessStartsOn!, w.accessExpiresOn!) + 1).sort((a, b) => b - a)[0];
  let sparkDays: number | null = null;
  let sparkDaysNote: string | null = null;
  if (tiktok != null) {
    if (tiktok >= SPARK_DAYS.min && tiktok <= SPARK_DAYS.max) sparkDays = tiktok;
    // Not stretched or cut to fit: the person chooses, knowing why.
    else sparkDaysNote = `The recorded access lasts ${tiktok} days, but a Spark code lasts ${SPARK_DAYS.min} to ${SPARK_DAYS.max} days: choose the length to ask for.`;
  }
  const adAccount = [...new Set(access.map((w) => w.adAccount?.trim() ?? '').filter(Boolean))].join(', ');
  return { platforms, accessUntil, sparkDays, sparkDaysNote, adAccount };
}

/** The guide settings a team keeps as a template: the brand's side, never one creator's. */
export interface GuideTemplateSettings {
  platforms: GuidePlatform[];
  brandInstagram: string;
  brandTiktok: string;
  metaBusinessName: string;
  sparkDays: number | null;
  sendCodesTo: string;
  adAccount: string;
}

/** A template's settings as the documents collection stores them (`mergeValues`, text only). */
export function guideTemplateValues(settings: GuideTemplateSettings): Record<string, string> {
  return {
    platforms: settings.platforms.join(','),
    brandInstagram: settings.brandInstagram.trim(),
    brandTiktok: settings.brandTiktok.trim(),
    metaBusinessName: settings.metaBusinessName.trim(),
    sparkDays: settings.sparkDays == null ? '' : String(settings.sparkDays),
    sendCodesTo: settings.sendCodesTo.trim(),
    adAccount: settings.adAccount.trim(),
  };
}

/**
 * Settings back from a template. A value a teammate's older app or a hand
 * edit left unreadable is not guessed: it comes back empty, named in `problems`.
 */
export function guideSettingsFromTemplate(values: Readonly<Record<string, string>>): { settings: GuideTemplateSettings; problems: string[] } {
  const problems: string[] = [];
  const named = (values.platforms ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  const platforms = guidePlatforms.filter((p) => named.includes(p));
  const unknown = named.filter((p) => !(guidePlatforms as readonly string[]).includes(p));
  if (unknown.length) problems.push(`The template names ${unknown.map((p) => `“${p}”`).join(', ')}, which the guide does not explain.`);
  const daysText = (values.sparkDays ?? '').trim();
  let sparkDays: number | null = null;
  if (daysText) {
    const n = Number(daysText);
    if (Number.isInteger(n) && n >= SPARK_DAYS.min && n <= SPARK_DAYS.max) sparkDays = n;
    else problems.push(`The template’s Spark code length “${daysText}” is not ${SPARK_DAYS.min} to ${SPARK_DAYS.max} days.`);
  }
  return {
    settings: {
      platforms: platforms.length ? platforms : [...guidePlatforms],
      brandInstagram: values.brandInstagram ?? '', brandTiktok: values.brandTiktok ?? '', metaBusinessName: values.metaBusinessName ?? '',
      sparkDays, sendCodesTo: values.sendCodesTo ?? '', adAccount: values.adAccount ?? '',
    },
    problems,
  };
}
