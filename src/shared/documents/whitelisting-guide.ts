import type { Block, BrandKit, DocumentSpec, Inline } from './model';

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
  const at = (h: string) => (h ? (h.startsWith('@') ? h : `@${h}`) : '');
  const brandIg = at(src.brandInstagram) || brand.name;
  const brandTt = at(src.brandTiktok) || brand.name;
  const blocks: Block[] = [
    { type: 'paragraph', runs: [t(`Hi ${src.creatorName}, thank you for letting ${brand.name} promote your posts as ads. The ads run from your own handle, so your audience sees you, and you keep full ownership of your content. `), t('This guide takes about five minutes.')] },
    { type: 'callout', title: 'Your details for this campaign', runs: [
      t('Brand on Instagram: '), b(brandIg), t('\nBrand on TikTok: '), b(brandTt),
      ...(src.metaBusinessName ? [t('\nBrand’s Meta business: '), b(src.metaBusinessName)] : []),
      t('\nYour handles: '), b([at(src.creatorInstagram), at(src.creatorTiktok)].filter(Boolean).join(' · ') || src.creatorName),
      t('\nAds may run until: '), b(src.accessUntil || 'the end date in your agreement'),
      t('\nPlease finish by: '), b(src.deadline || 'as soon as you can'),
    ] },
    { type: 'heading', level: 1, runs: [t('Meta partnership ads (Instagram and Facebook)')] },
    { type: 'paragraph', runs: [t('Partnership ads let the brand run your post as an ad that shows both names. You approve the brand once; you can remove the access at any time.')] },
    { type: 'list', ordered: true, items: [
      step(t('Make sure your Instagram account is a '), b('professional account'), t(' (Creator or Business): Settings and activity → Account type and tools.')),
      step(t('Open '), b('Settings and activity → Business tools and controls'), t(' (on creator accounts: '), b('Creator tools and controls'), t(') → '), b('Branded content'), t('.')),
      step(t('Tap '), b('Partnership ad permissions'), t(' (older app versions: “Approve brand partners”), then '), b('Add brand partners'), t(' and search for '), b(brandIg), t('. Tap it to approve.')),
      step(t('When you publish the post for this campaign, tap '), b('Advanced settings → Add paid partnership label'), t(' and add '), b(brandIg), t(' as the brand partner. Also switch on '), b('Allow brand partner to promote'), t('.')),
      step(t('If the post is already live: open it, tap '), b('⋯ → Partnership label and ads'), t(', add '), b(brandIg), t(' and switch on '), b('Allow brand partner to promote'), t('.')),
      step(t('Optional, when the brand asks for it: tap '), b('Get partnership ad code'), t(' on the post and send the code to '), b(src.sendCodesTo || brand.name), t('.')),
    ] },
    { type: 'heading', level: 1, runs: [t('TikTok Spark Ads')] },
    { type: 'paragraph', runs: [t('A Spark Ads code lets the brand boost your TikTok video from your account, with your likes and comments kept. You choose how long the code works.')] },
    { type: 'list', ordered: true, items: [
      step(t('Open your profile → '), b('☰ → Settings and privacy → Business suite'), t(' (or '), b('Creator tools'), t(') → '), b('Ad settings'), t(' and switch on '), b('Ad authorization'), t('.')),
      step(t('Open the video for this campaign, tap '), b('⋯ → Ad settings'), t(' and switch on '), b('Ad authorization'), t('.')),
      step(t('Tap '), b('Generate code'), t(', choose '), b(`${src.sparkDays} days`), t(' as the authorisation period, and tap '), b('Generate'), t('.')),
      step(t('Tap '), b('Copy code'), t(' and send it to '), b(src.sendCodesTo || brand.name), t(', with the link to the video. The brand confirms when the ad is set up.')),
      step(t('Keep the '), b('branded content toggle'), t(' on for this video (⋯ → Ad settings / Disclose post content), as your agreement asks.')),
    ] },
    { type: 'heading', level: 2, runs: [t('Good to know')] },
    { type: 'list', ordered: false, items: [
      step(t('You can withdraw access at any time in the same menus; please tell '), b(brand.name), t(' first, as running ads may stop early.')),
      step(t('The brand cannot post, message or change anything on your account: it can only run this post as an ad.')),
      step(t('Ads must stay labelled as advertising. If you are unsure about a step, reply to '), b(src.sendCodesTo || brand.name), t(' and we will walk you through it.')),
    ] },
  ];
  return {
    title: `Ad access guide – ${src.creatorName}`,
    eyebrow: 'Whitelisting guide',
    subtitle: `${brand.name} · Meta partnership ads and TikTok Spark Ads`,
    brand,
    footer: `${brand.name} · Ad access guide for ${src.creatorName}`,
    subject: `How ${src.creatorName} gives ${brand.name} ad access`,
    blocks,
  };
}
