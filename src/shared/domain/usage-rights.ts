/**
 * Usage rights: where a piece of content may be used, until when, and what
 * the team must do before the end. Dates are calendar dates (YYYY-MM-DD):
 * a right that ends on 12 March may be used all of 12 March, wherever the
 * team is. "Today" is the calendar date where the person is (`localToday` in dates.ts),
 * so a team in Sydney and one in Los Angeles each see the right expire at
 * the end of the last day as their own calendar shows it.
 */

import { formatDay } from './day-format';
import { addDays, addMonths, daysBetween } from './dates';

export const usageChannels = [
  { id: 'organic-social', label: 'Organic social (brand accounts)', paid: false },
  { id: 'paid-social-meta', label: 'Paid social: Meta (Instagram, Facebook)', paid: true },
  { id: 'paid-social-tiktok', label: 'Paid social: TikTok', paid: true },
  { id: 'paid-social-youtube', label: 'Paid social: YouTube', paid: true },
  { id: 'paid-social-pinterest', label: 'Paid social: Pinterest', paid: true },
  { id: 'paid-social-snapchat', label: 'Paid social: Snapchat', paid: true },
  { id: 'paid-social-x', label: 'Paid social: X', paid: true },
  { id: 'paid-social-linkedin', label: 'Paid social: LinkedIn', paid: true },
  { id: 'whitelisting', label: 'Whitelisting / Spark Ads (creator’s handle)', paid: true },
  { id: 'website', label: 'Website and product pages', paid: false },
  { id: 'email', label: 'Email and SMS', paid: false },
  { id: 'ecommerce', label: 'Marketplaces (Amazon, retailers)', paid: false },
  { id: 'out-of-home', label: 'Out-of-home (billboards, in store)', paid: true },
  { id: 'print', label: 'Print', paid: true },
  { id: 'tv', label: 'TV and streaming', paid: true },
] as const;
export type UsageChannel = (typeof usageChannels)[number]['id'];

export const rightsSources = [
  { id: 'contract', label: 'Signed contract' },
  { id: 'dm', label: 'Direct message' },
  { id: 'email', label: 'Email' },
  { id: 'program-terms', label: 'Program terms' },
  { id: 'other', label: 'Other' },
] as const;
export type RightsSource = (typeof rightsSources)[number]['id'];

export function channelLabel(id: string): string {
  return usageChannels.find((c) => c.id === id)?.label ?? id;
}

/** Paid media: a channel the team buys space on, not only its own accounts. */
export function isPaidChannel(id: string): boolean {
  return usageChannels.find((c) => c.id === id)?.paid ?? /^paid|whitelist|ads?\b/i.test(id);
}

/** The fields of a rights record these rules read. */
export interface RightLike {
  id: string;
  channels: string[];
  paidUse: boolean;
  startsOn: string | null;
  endsOn: string | null;
  deletedAt?: string | null;
}

export type DurationUnit = 'days' | 'months' | 'years';

/**
 * The last day of a right that starts on `startsOn` and lasts a duration:
 * "12 months from 1 March" ends on the last day of February, inclusive.
 */
export function endFromDuration(startsOn: string, amount: number, unit: DurationUnit): string {
  if (!Number.isInteger(amount) || amount <= 0) throw new Error('A duration is a whole number above zero');
  const after = unit === 'days' ? addDays(startsOn, amount) : addMonths(startsOn, unit === 'years' ? amount * 12 : amount);
  return addDays(after, -1);
}

export type EndChoice =
  | { mode: 'date'; endsOn: string | null }
  | { mode: 'duration'; amount: number | null; unit: DurationUnit }
  | { mode: 'none' };

export type ChosenEnd = { ok: true; endsOn: string | null } | { ok: false; field: 'endsOn' | 'duration' | 'startsOn'; reason: string };

/**
 * The last day of use a person chose, or why it cannot be saved. A right
 * with no last day is only ever one the person said has none ("No end
 * date"): "On a date" with the date left empty is refused, never stored as
 * open-ended (which reads as "Paid use OK · no end date").
 */
export function chosenEnd(choice: EndChoice, startsOn: string | null): ChosenEnd {
  if (choice.mode === 'none') return { ok: true, endsOn: null };
  if (choice.mode === 'date') {
    if (!choice.endsOn || !/^\d{4}-\d{2}-\d{2}$/.test(choice.endsOn)) return { ok: false, field: 'endsOn', reason: 'Choose the end date, or choose No end date' };
    if (startsOn && /^\d{4}-\d{2}-\d{2}$/.test(startsOn) && choice.endsOn < startsOn) return { ok: false, field: 'endsOn', reason: 'The last day of use is before the first' };
    return { ok: true, endsOn: choice.endsOn };
  }
  if (!startsOn || !/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) return { ok: false, field: 'startsOn', reason: 'Set the start date to count the duration from' };
  if (choice.amount == null) return { ok: false, field: 'duration', reason: 'Say how long the right lasts, or choose No end date' };
  if (!Number.isInteger(choice.amount) || choice.amount <= 0) return { ok: false, field: 'duration', reason: 'A duration is a whole number above zero' };
  return { ok: true, endsOn: endFromDuration(startsOn, choice.amount, choice.unit) };
}

export type RightsState = 'none' | 'not-started' | 'active' | 'expiring' | 'expired' | 'perpetual';

export interface RightsStatus {
  state: RightsState;
  /** Whether paid media is allowed today. */
  paidOk: boolean;
  /** Days left including today (1 on the last day); null when there is no end. */
  daysLeft: number | null;
  endsOn: string | null;
  startsOn: string | null;
}

export const EXPIRING_DAYS = 30;

export function hasPaidUse(right: Pick<RightLike, 'channels' | 'paidUse'>): boolean {
  return right.paidUse || right.channels.some(isPaidChannel);
}

/** Where one right stands on `today`. */
export function rightStatus(right: RightLike, today: string): RightsStatus {
  const base = { endsOn: right.endsOn, startsOn: right.startsOn };
  if (right.startsOn && daysBetween(today, right.startsOn) > 0) return { ...base, state: 'not-started', paidOk: false, daysLeft: null };
  if (!right.endsOn) return { ...base, state: 'perpetual', paidOk: hasPaidUse(right), daysLeft: null };
  const daysLeft = daysBetween(today, right.endsOn) + 1;
  if (daysLeft <= 0) return { ...base, state: 'expired', paidOk: false, daysLeft };
  return { ...base, state: daysLeft <= EXPIRING_DAYS ? 'expiring' : 'active', paidOk: hasPaidUse(right), daysLeft };
}

export interface RightsBadge {
  label: string;
  color: 'teal' | 'green' | 'yellow' | 'orange' | 'red' | 'gray' | 'blue';
  status: RightsStatus;
  /** A sentence for a tooltip: what the badge means in full. */
  detail: string;
}

/** "12 Mar", or "12 Mar 2027" outside the year of `today` (a calendar date), so a right ending next year never reads as expired. */
export function formatShortDate(date: string, locale = 'en-GB', today?: string): string {
  return formatDay(date, { locale, now: today ? new Date(`${today}T12:00:00Z`) : undefined, timeZone: today ? 'UTC' : undefined });
}

export function formatLongDate(date: string, locale = 'en-GB'): string {
  return formatDay(date, { locale, year: 'always' });
}

/**
 * One badge for everything known about an asset or post: the best right in
 * force today wins (paid use over organic, a later end over a sooner one);
 * with none in force, the most recent expired or upcoming one explains why.
 */
export function rightsBadge(rights: readonly RightLike[], today: string): RightsBadge {
  const live = rights.filter((r) => !r.deletedAt);
  if (live.length === 0) {
    return { label: 'No usage rights', color: 'gray', status: { state: 'none', paidOk: false, daysLeft: null, endsOn: null, startsOn: null }, detail: 'No usage right is recorded: only repost with the creator’s permission.' };
  }
  const statuses = live.map((r) => rightStatus(r, today));
  const inForce = statuses.filter((s) => s.state === 'active' || s.state === 'expiring' || s.state === 'perpetual');
  const rank = (s: RightsStatus) => (s.paidOk ? 2 : 1) * 1e7 + (s.daysLeft ?? 1e6);
  const best = inForce.sort((a, b) => rank(b) - rank(a))[0];
  if (best) {
    const use = best.paidOk ? 'Paid use OK' : 'Organic use only';
    if (best.state === 'perpetual') return { label: `${use} · no end date`, color: best.paidOk ? 'teal' : 'blue', status: best, detail: `${use}, with no end date recorded.` };
    const until = formatShortDate(best.endsOn!, undefined, today);
    if (best.state === 'expiring') {
      const left = best.daysLeft === 1 ? 'last day today' : `${best.daysLeft} days left`;
      return { label: `${use} until ${until}`, color: best.daysLeft! <= 7 ? 'orange' : 'yellow', status: best, detail: `${use} until ${formatLongDate(best.endsOn!)} (${left}). Renew or stop using it by then.` };
    }
    return { label: `${use} until ${until}`, color: best.paidOk ? 'teal' : 'blue', status: best, detail: `${use} until ${formatLongDate(best.endsOn!)}.` };
  }
  const upcoming = statuses.filter((s) => s.state === 'not-started').sort((a, b) => (a.startsOn! < b.startsOn! ? -1 : 1))[0];
  if (upcoming) return { label: `Starts ${formatShortDate(upcoming.startsOn!, undefined, today)}`, color: 'gray', status: upcoming, detail: `Usage starts on ${formatLongDate(upcoming.startsOn!)}; do not use it before.` };
  const last = statuses.sort((a, b) => ((a.endsOn ?? '') < (b.endsOn ?? '') ? 1 : -1))[0];
  return { label: 'Expired', color: 'red', status: last, detail: `Usage rights ended on ${formatLongDate(last.endsOn!)}. Renew them before using this content again.` };
}

export const ALERT_DAYS = [30, 14, 7] as const;

export interface RenewalAlert {
  rightId: string;
  /** 30, 14 or 7: the threshold this alert is for. */
  threshold: number;
  daysLeft: number;
  endsOn: string;
  /** Deterministic, so two laptops creating the same alert offline make one task when they meet. */
  taskId: string;
}

export function renewalTaskId(rightId: string, threshold: number): string {
  return `renewal-${rightId}-${threshold}`;
}

/**
 * The renewal tasks due today and not yet created. Only the tightest
 * threshold reached is raised: a right first recorded 10 days before its end
 * gets the 14-day alert, not a 30-day one as well. Expired rights raise
 * nothing new (their last alert stays open until someone closes it).
 */
export function dueRenewalAlerts(rights: readonly RightLike[], existingTaskIds: ReadonlySet<string>, today: string): RenewalAlert[] {
  const alerts: RenewalAlert[] = [];
  for (const right of rights) {
    if (right.deletedAt || !right.endsOn) continue;
    const status = rightStatus(right, today);
    if (status.state !== 'expiring' || status.daysLeft == null) continue;
    const reached = ALERT_DAYS.filter((d) => status.daysLeft! <= d);
    const threshold = Math.min(...reached);
    if (!Number.isFinite(threshold)) continue;
    // A tighter alert already raised (e.g. by a teammate) covers this one.
    if (ALERT_DAYS.some((d) => d <= threshold && existingTaskIds.has(renewalTaskId(right.id, d)))) continue;
    alerts.push({ rightId: right.id, threshold, daysLeft: status.daysLeft, endsOn: right.endsOn, taskId: renewalTaskId(right.id, threshold) });
  }
  return alerts;
}

/** The renewal task's due instant: the end of the right's last day in UTC, so it sorts with other tasks. */
export function renewalDueAt(endsOn: string): string {
  return `${endsOn}T23:59:00.000Z`;
}
