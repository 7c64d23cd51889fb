import type { Money } from './fields';
import { formatDay } from './day-format';
import { formatMoney } from './fields';
import { describeProblems, renderTemplate, type MergeValues, type RenderedTemplate } from './merge-fields';

/**
 * The merge values for one creator in one campaign: what `{{first_name}}`,
 * `{{code}}` and the rest become in their message. A value that is not known
 * is left out (never an empty string pretending to be a value), so the
 * preview flags it and the batch holds that creator back.
 */
export interface OutreachCreator {
  id: string;
  name: string;
  accounts: { platform: string; handle: string }[];
  emails: { address: string; primary: boolean }[];
}

export interface OutreachCampaign {
  id: string;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  budget: Money | null;
  productIds?: string[];
}

export interface OutreachEngagement {
  id: string;
  terms: {
    fee: Money | null;
    productIds: string[];
    deliverables: { dueOn: string | null }[];
  } | null;
}

export interface OutreachProduct { id: string; name: string }

export interface OutreachCode {
  kind: 'discount' | 'link';
  creatorId: string | null;
  campaignId: string | null;
  engagementId: string | null;
  code: string;
  status: 'active' | 'revoked';
  deletedAt?: string | null;
  link: { baseUrl: string; utm: Record<string, string> } | null;
}

export interface OutreachContext {
  creator: OutreachCreator;
  campaign: OutreachCampaign;
  engagement: OutreachEngagement | null;
  products: readonly OutreachProduct[];
  codes: readonly OutreachCode[];
  senderName: string | null;
  brandName: string | null;
  locale?: string;
}

/** "1 Mar 2027": calendar dates are read as dates, never shifted by the reader's time zone. */
export function formatCalendarDate(date: string | null | undefined, locale = 'en-GB'): string | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  // A message is read later and out of context: it always names the year.
  return formatDay(date, { locale, year: 'always' });
}

export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** The creator's primary email, else their first one. */
export function primaryEmailOf(creator: Pick<OutreachCreator, 'emails'>): string | null {
  return (creator.emails.find((e) => e.primary) ?? creator.emails[0])?.address ?? null;
}

/** A tracked link with its utm_* parameters, as the creator should share it. */
export function trackedUrl(link: NonNullable<OutreachCode['link']>): string {
  const url = new URL(link.baseUrl);
  for (const [key, value] of Object.entries(link.utm)) if (value) url.searchParams.set(`utm_${key}`, value);
  return url.toString();
}

/**
 * The creator's own active code of a kind for this campaign: one issued to
 * this engagement first, then to the creator in this campaign. A revoked or
 * deleted code is never offered.
 */
export function codeFor(codes: readonly OutreachCode[], kind: OutreachCode['kind'], creatorId: string, campaignId: string, engagementId: string | null): OutreachCode | null {
  const live = codes.filter((c) => c.kind === kind && c.status === 'active' && !c.deletedAt && c.creatorId === creatorId);
  return live.find((c) => engagementId && c.engagementId === engagementId)
    ?? live.find((c) => c.campaignId === campaignId)
    ?? null;
}

export function outreachValues(ctx: OutreachContext): MergeValues {
  const { creator, campaign, engagement } = ctx;
  const locale = ctx.locale ?? 'en-GB';
  const values: Record<string, string> = {};
  const set = (key: string, value: string | null | undefined) => {
    const clean = value?.trim();
    if (clean) values[key] = clean;
  };

  set('creator_name', creator.name);
  set('first_name', firstNameOf(creator.name));
  const account = creator.accounts.find((a) => a.handle.trim());
  set('handle', account ? `@${account.handle.replace(/^@/, '')}` : null);
  set('campaign', campaign.name);
  set('start_date', formatCalendarDate(campaign.startsOn, locale));
  set('end_date', formatCalendarDate(campaign.endsOn, locale));
  set('budget', campaign.budget ? formatMoney(campaign.budget) : null);

  // The creator's own terms name their products and fee; otherwise the campaign's featured products.
  const productIds = engagement?.terms?.productIds.length ? engagement.terms.productIds : campaign.productIds ?? [];
  const names = productIds.map((id) => ctx.products.find((p) => p.id === id)?.name).filter((n): n is string => !!n);
  set('product', joinNames(names));
  set('fee', engagement?.terms?.fee ? formatMoney(engagement.terms.fee) : null);
  const due = (engagement?.terms?.deliverables ?? []).map((d) => d.dueOn).filter((d): d is string => !!d).sort()[0];
  set('due_date', formatCalendarDate(due, locale));

  const discount = codeFor(ctx.codes, 'discount', creator.id, campaign.id, engagement?.id ?? null);
  set('code', discount?.code);
  const link = codeFor(ctx.codes, 'link', creator.id, campaign.id, engagement?.id ?? null);
  if (link?.link) {
    try {
      set('link', trackedUrl(link.link));
    } catch {
      // A stored link that is not a URL is missing, not sent broken.
    }
  }
  set('sender_name', ctx.senderName);
  set('brand', ctx.brandName);
  return values;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * A `mailto:` URL that opens the creator's message in the mail client.
 * Spaces are `%20` and line breaks `%0D%0A` (RFC 6068), never `+`, which
 * mail clients would show literally.
 */
export function mailtoUrl(to: string, subject: string, body: string): string {
  const enc = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  return `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${enc(subject)}&body=${enc(body)}`;
}

export interface RenderedMessage {
  subject: RenderedTemplate;
  body: RenderedTemplate;
  /** Why this creator's message cannot go yet; empty when it can. */
  problems: string[];
  ready: boolean;
}

/**
 * A template rendered for one creator, with every reason to hold it back:
 * a missing or unknown merge field, no email address for an email, or a
 * creator who must not be contacted.
 */
export function renderMessage(
  template: { subject: string; body: string; templateFor: string },
  values: MergeValues,
  recipient: { email: string | null; doNotContact?: boolean; declined?: boolean },
): RenderedMessage {
  const isEmail = template.templateFor !== 'dm';
  const subject = renderTemplate(isEmail ? template.subject : '', values);
  const body = renderTemplate(template.body, values);
  const problems: string[] = [];
  const merged = describeProblems({ missing: [...new Set([...subject.missing, ...body.missing])], unknown: [...new Set([...subject.unknown, ...body.unknown])] });
  if (merged) problems.push(merged);
  if (!body.text.trim()) problems.push('The message is empty');
  if (isEmail && !recipient.email) problems.push('No email address');
  if (recipient.doNotContact) problems.push('Marked do not contact');
  if (recipient.declined) problems.push('Already declined');
  return { subject, body, problems, ready: problems.length === 0 };
}
