/**
 * Ad access: a creator letting the brand run their post as an ad from the
 * creator's own handle (Meta partnership ads, TikTok Spark Ads, and the like).
 *
 * Where it lives: on a usage-rights record (`rights.whitelisting`). Running
 * someone's post as an ad is a paid use of it, so the access is always part
 * of a right: recorded on the post's paid-use right when there is one, or on
 * a right created for the access alone (channel "whitelisting", the access's
 * dates). A right without ad access simply has `whitelisting: null`.
 */

import { daysBetween } from './dates';

/** 'not-requested' is only read from older records; it means the same as no ad access. */
export const adAccessStatuses = ['not-requested', 'requested', 'granted', 'active', 'expired', 'revoked'] as const;
export type AdAccessStatus = (typeof adAccessStatuses)[number];

/** What a person chooses from, in the order access moves. */
export const adAccessSteps = [
  { id: 'requested', label: 'Requested' },
  { id: 'granted', label: 'Granted (code received)' },
  { id: 'active', label: 'Active (ads running)' },
  { id: 'expired', label: 'Expired' },
  { id: 'revoked', label: 'Revoked by the creator' },
] as const satisfies readonly { id: AdAccessStatus; label: string }[];

export const adAccessPlatforms = ['meta', 'tiktok', 'youtube', 'pinterest', 'snapchat', 'other'] as const;
export type AdAccessPlatform = (typeof adAccessPlatforms)[number];
export const adAccessPlatformLabels: Record<AdAccessPlatform, string> = {
  meta: 'Meta partnership ads',
  tiktok: 'TikTok Spark Ads',
  youtube: 'YouTube partnership ads',
  pinterest: 'Pinterest paid partnership',
  snapchat: 'Snapchat sponsored Snaps',
  other: 'Other platform',
};
/** What the code is called on each platform, for labels and messages. */
export const adCodeNames: Record<AdAccessPlatform, string> = {
  meta: 'partnership ad code', tiktok: 'Spark Ads code', youtube: 'authorisation code', pinterest: 'authorisation code', snapchat: 'authorisation code', other: 'authorisation code',
};

/**
 * Longest code kept. TikTok does not document the shape of a Spark Ads
 * authorisation code (the Ads Manager help on Spark code errors,
 * ads.tiktok.com/help/article/about-spark-ads-code-error-notifications-in-tiktok-ads-manager,
 * lists expired, deleted and unsupported codes, never a format), and Meta's
 * partnership ad codes are likewise undocumented; so only an over-long or
 * empty code is refused, and nothing in it is rewritten.
 */
export const SPARK_CODE_MAX = 200;

/** Why a code cannot be stored, or null. An empty code is allowed only while access is merely requested. */
export function adCodeProblem(raw: string, status: AdAccessStatus, platform: AdAccessPlatform | null): string | null {
  const code = raw.trim();
  const name = adCodeNames[platform ?? 'other'];
  if (code.length > SPARK_CODE_MAX) return `This ${name} is ${code.length} characters; codes are at most ${SPARK_CODE_MAX}. Check that only the code was pasted.`;
  if (!code && platform === 'tiktok' && (status === 'granted' || status === 'active')) return `Paste the ${name} the creator sent: Spark Ads cannot run without it.`;
  return null;
}

/**
 * A code as lists show it: dots and its last four characters, so two codes
 * can be told apart without the code being readable over a shoulder or in a
 * screenshot. A short code shows no characters at all.
 */
export function maskCode(code: string): string {
  const c = code.trim();
  if (!c) return '';
  return c.length >= 12 ? `••••${c.slice(-4)}` : '••••';
}

export interface AdAccessLike {
  status: AdAccessStatus;
  platform: AdAccessPlatform | null;
  sparkCode: string;
  accessStartsOn?: string | null;
  accessExpiresOn: string | null;
  adAccount?: string;
}

export type AdAccessState = 'requested' | 'granted' | 'active' | 'not-started' | 'expiring' | 'expired' | 'revoked';

export interface AdAccessView {
  state: AdAccessState;
  label: string;
  color: 'gray' | 'blue' | 'teal' | 'yellow' | 'orange' | 'red';
  /** Days of access left including today; null when no end is recorded or not in force. */
  daysLeft: number | null;
}

export const AD_ACCESS_EXPIRING_DAYS = 14;

/** Ad access counts as recorded unless it is absent or an old "not requested". */
export function hasAdAccess(w: AdAccessLike | null | undefined): w is AdAccessLike {
  return !!w && w.status !== 'not-requested';
}

/**
 * Where access stands today. A code past its last day is expired whatever
 * its stored status says: nobody has to remember to flip it.
 */
export function adAccessView(w: AdAccessLike, today: string, formatDay: (d: string) => string): AdAccessView {
  if (w.status === 'revoked') return { state: 'revoked', label: 'Revoked', color: 'red', daysLeft: null };
  const end = w.accessExpiresOn;
  const left = end ? daysBetween(today, end) + 1 : null;
  if (w.status === 'expired' || (left != null && left <= 0 && w.status !== 'requested')) {
    return { state: 'expired', label: end ? `Expired ${formatDay(end)}` : 'Expired', color: 'red', daysLeft: null };
  }
  if (w.status === 'requested' || w.status === 'not-requested') return { state: 'requested', label: 'Requested', color: 'gray', daysLeft: null };
  if (w.accessStartsOn && daysBetween(today, w.accessStartsOn) > 0) return { state: 'not-started', label: `Starts ${formatDay(w.accessStartsOn)}`, color: 'gray', daysLeft: null };
  const word = w.status === 'active' ? 'Active' : 'Granted';
  if (left == null) return { state: w.status, label: `${word} · no end date`, color: w.status === 'active' ? 'teal' : 'blue', daysLeft: null };
  if (left <= AD_ACCESS_EXPIRING_DAYS) {
    return { state: 'expiring', label: left === 1 ? `${word} · last day today` : `${word} · ${left} days left`, color: left <= 3 ? 'orange' : 'yellow', daysLeft: left };
  }
  return { state: w.status, label: `${word} until ${formatDay(end!)}`, color: w.status === 'active' ? 'teal' : 'blue', daysLeft: left };
}

/** Reminders before ad access ends: codes are short-lived, so later and closer together than usage rights'. */
export const AD_ACCESS_ALERT_DAYS = [14, 7, 2] as const;

export function adAccessTaskId(rightId: string, threshold: number): string {
  return `ad-access-${rightId}-${threshold}`;
}

export interface AdAccessAlert { rightId: string; threshold: number; daysLeft: number; endsOn: string; taskId: string }

/**
 * The ad-access reminders due today and not yet raised: only for access
 * granted or running, only the tightest threshold reached, and none once a
 * tighter one exists (a teammate's laptop may have raised it already).
 */
export function dueAdAccessAlerts(
  rights: readonly { id: string; deletedAt?: string | null; whitelisting?: AdAccessLike | null }[],
  existingTaskIds: ReadonlySet<string>,
  today: string,
): AdAccessAlert[] {
  const alerts: AdAccessAlert[] = [];
  for (const right of rights) {
    const w = right.whitelisting;
    if (right.deletedAt || !hasAdAccess(w) || !w.accessExpiresOn) continue;
    if (w.status !== 'granted' && w.status !== 'active') continue;
    const daysLeft = daysBetween(today, w.accessExpiresOn) + 1;
    if (daysLeft <= 0) continue;
    const reached = AD_ACCESS_ALERT_DAYS.filter((d) => daysLeft <= d);
    if (reached.length === 0) continue;
    const threshold = Math.min(...reached);
    if (AD_ACCESS_ALERT_DAYS.some((d) => d <= threshold && existingTaskIds.has(adAccessTaskId(right.id, d)))) continue;
    alerts.push({ rightId: right.id, threshold, daysLeft, endsOn: w.accessExpiresOn, taskId: adAccessTaskId(right.id, threshold) });
  }
  return alerts;
}

/** What the ad access form collects. */
export interface AdAccessInput {
  status: Exclude<AdAccessStatus, 'not-requested'>;
  platform: AdAccessPlatform | null;
  sparkCode: string;
  accessStartsOn: string | null;
  accessExpiresOn: string | null;
  adAccount: string;
}

/** Field → reason, for every problem at once; empty when the access can be saved. */
export function adAccessProblems(input: AdAccessInput): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!input.platform) problems.platform = 'Choose the platform the ads run on';
  const code = adCodeProblem(input.sparkCode, input.status, input.platform);
  if (code) problems.sparkCode = code;
  if (input.accessStartsOn && input.accessExpiresOn && input.accessExpiresOn < input.accessStartsOn) problems.accessExpiresOn = 'The access ends before it starts';
  if ((input.status === 'granted' || input.status === 'active') && input.platform === 'tiktok' && !input.accessExpiresOn) {
    // Spark codes always run out (the creator picks 7 to 365 days), so an open end would hide the reminder.
    problems.accessExpiresOn = 'Spark Ads codes run out: enter the last day the code works';
  }
  if (input.adAccount.trim().length > 200) problems.adAccount = 'Keep the ad account under 200 characters';
  return problems;
}

export interface AdAccessSubject {
  contentId: string | null;
  assetId: string | null;
  creatorId: string | null;
  campaignId: string | null;
}

/** The usage channel of a right made for ad access alone (usage-rights.ts: "Whitelisting / Spark Ads"). */
export const ACCESS_CHANNEL = 'whitelisting';

export type AdAccessWrite =
  | { op: 'update'; collection: 'rights'; id: string; patch: { whitelisting: AdAccessInput; startsOn?: string | null; endsOn?: string | null } }
  | { op: 'create'; collection: 'rights'; record: Record<string, unknown> };

/**
 * The one write that records ad access: onto the chosen usage right, or,
 * with none chosen, a right made for the access alone, so it shows on the
 * post, in the Library and in the ledger like every other right.
 */
export function adAccessWrite(input: AdAccessInput, target: { rightId: string; rightChannels: readonly string[] } | { subject: AdAccessSubject }): AdAccessWrite {
  const problems = adAccessProblems(input);
  const first = Object.values(problems)[0];
  if (first) throw new Error(first);
  const whitelisting: AdAccessInput = { ...input, sparkCode: input.sparkCode.trim(), adAccount: input.adAccount.trim() };
  if ('rightId' in target) {
    // A right made for the access alone lasts exactly as long as the access; a real usage right keeps its own dates.
    const accessOnly = target.rightChannels.length === 1 && target.rightChannels[0] === ACCESS_CHANNEL;
    const dates = accessOnly ? { startsOn: input.accessStartsOn, endsOn: input.accessExpiresOn } : {};
    return { op: 'update', collection: 'rights', id: target.rightId, patch: { whitelisting, ...dates } };
  }
  const { subject } = target;
  if (!subject.contentId && !subject.assetId) throw new Error('Choose the post or file the ad access is for');
  return {
    op: 'create', collection: 'rights',
    record: {
      ...subject,
      channels: [ACCESS_CHANNEL], paidUse: true,
      startsOn: input.accessStartsOn, endsOn: input.accessExpiresOn,
      notes: 'Recorded for ad access: the creator lets the brand run this as an ad from their handle, for the access dates.',
      whitelisting,
    },
  };
}
