import { normalizeHandle } from '../domain/handles';
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
