import { creatorAnswerInOffers, type Offer } from './offers';
import { addDays, daysBetween, isValidTimeZone, localDate, utcWeekday } from './dates';

/**
 * Follow-up scheduling: when a creator who has not answered should hear from
 * us again. Pure: "now" is passed in, and "today" is the team's calendar date
 * in the campaign's time zone, so a message sent late on Friday in Warsaw is
 * a Friday message even though it is Saturday in Tokyo.
 */
export interface FollowUpRule {
  afterDays: number;
  maxFollowUps: number;
  businessDays: boolean;
  timeZone: string;
}

export const defaultFollowUpRule: FollowUpRule = { afterDays: 3, maxFollowUps: 2, businessDays: true, timeZone: 'UTC' };

export interface FollowUpSubject {
  lastContactedAt: string | null;
  repliedAt: string | null;
  declinedAt: string | null;
  followUpsSent: number;
  /** An opt-in taken or returned is an answer, whether or not anyone pressed Replied. */
  optIn?: { addressConfirmedAt: string | null; agreedAt?: string | null } | null;
  /** A counter-offer from them, or an offer of ours they accepted, is an answer too. */
  offers?: readonly Pick<Offer, 'at' | 'by' | 'acceptedAt' | 'withdrawnAt'>[];
}

export interface Answer {
  how: 'reply' | 'opt-in' | 'offer';
  /** When, as far as the record says; null for an opt-in saved without dates. */
  at: string | null;
}

/**
 * Whether the creator has answered, and how we know: a logged reply, an
 * opt-in (returned form or taken on a call), or their side of a
 * negotiation. Any of these means "hasn't replied" is no longer true.
 */
export function answerOf(subject: Pick<FollowUpSubject, 'repliedAt' | 'optIn' | 'offers'>): Answer | null {
  if (subject.repliedAt) return { how: 'reply', at: subject.repliedAt };
  if (subject.optIn) {
    const dates = [subject.optIn.addressConfirmedAt, subject.optIn.agreedAt].filter((d): d is string => !!d).sort();
    return { how: 'opt-in', at: dates[0] ?? null };
  }
  const offerAt = creatorAnswerInOffers(subject.offers ?? []);
  return offerAt ? { how: 'offer', at: offerAt } : null;
}

export type FollowUpStatus =
  /** Never contacted: outreach first, not a follow-up. */
  | 'not-contacted'
  | 'replied'
  | 'declined'
  /** The rule's maximum is reached: no more nudges. */
  | 'exhausted'
  | 'waiting'
  | 'due';

export interface FollowUpPlan {
  status: FollowUpStatus;
  /** The calendar day (in the rule's time zone) the next follow-up is due; null when none is. */
  dueOn: string | null;
  /** Days past due (0 = due today); 0 unless due. */
  overdueDays: number;
  /** 1 for the first follow-up, 2 for the second… */
  nextNumber: number | null;
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone; an unknown zone counts as UTC. */
export function calendarDateIn(instant: string | Date, timeZone: string): string {
  return localDate(instant, isValidTimeZone(timeZone) ? timeZone : 'UTC');
}

const isWeekend = (date: string) => utcWeekday(date) === 0 || utcWeekday(date) === 6;

/** `days` working days after `date` (Monday to Friday); a weekend start counts from Monday. */
export function addBusinessDays(date: string, days: number): string {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (!isWeekend(current)) left -= 1;
  }
  return current;
}

export function planFollowUp(subject: FollowUpSubject, rule: FollowUpRule, now: Date | string): FollowUpPlan {
  const none = (status: FollowUpStatus): FollowUpPlan => ({ status, dueOn: null, overdueDays: 0, nextNumber: null });
  if (subject.declinedAt) return none('declined');
  if (answerOf(subject)) return none('replied');
  if (!subject.lastContactedAt) return none('not-contacted');
  if (subject.followUpsSent >= rule.maxFollowUps) return none('exhausted');
  const contactedOn = calendarDateIn(subject.lastContactedAt, rule.timeZone);
  const dueOn = rule.businessDays ? addBusinessDays(contactedOn, rule.afterDays) : addDays(contactedOn, rule.afterDays);
  const today = calendarDateIn(now, rule.timeZone);
  const late = daysBetween(dueOn, today);
  return { status: late >= 0 ? 'due' : 'waiting', dueOn, overdueDays: Math.max(0, late), nextNumber: subject.followUpsSent + 1 };
}

/** Everyone due today or overdue, most overdue first; ties by name for a stable list. */
export function followUpQueue<T extends FollowUpSubject & { name: string }>(subjects: readonly T[], rule: FollowUpRule, now: Date | string): { subject: T; plan: FollowUpPlan }[] {
  return subjects
    .map((subject) => ({ subject, plan: planFollowUp(subject, rule, now) }))
    .filter((item) => item.plan.status === 'due')
    .sort((a, b) => b.plan.overdueDays - a.plan.overdueDays || a.subject.name.localeCompare(b.subject.name));
}

export interface SendRecord {
  kind: string;
  engagementId: string | null;
  at: string;
  data: Record<string, unknown>;
}

export interface ReplyRate {
  templateId: string;
  /** Creators contacted with the template at least once. */
  contacted: number;
  /** Of those, the ones who replied after it was sent. */
  replied: number;
  /** replied ÷ contacted; null when nobody was contacted (never a fake 0%). */
  rate: number | null;
}

/**
 * Reply rate per template: creators who replied after receiving it, over the
 * creators it was sent to. A creator counts once per template however many
 * times it was sent; a reply counts for every template they had received
 * before replying.
 */
export function replyRates(sends: readonly SendRecord[], replies: ReadonlyMap<string, string | null>): Map<string, ReplyRate> {
  const firstSend = new Map<string, Map<string, string>>();
  for (const send of sends) {
    if ((send.kind !== 'outreach' && send.kind !== 'follow-up') || !send.engagementId) continue;
    const templateId = typeof send.data.templateId === 'string' ? send.data.templateId : null;
    if (!templateId) continue;
    const byEngagement = firstSend.get(templateId) ?? new Map<string, string>();
    const previous = byEngagement.get(send.engagementId);
    if (!previous || send.at < previous) byEngagement.set(send.engagementId, send.at);
    firstSend.set(templateId, byEngagement);
  }
  const rates = new Map<string, ReplyRate>();
  for (const [templateId, byEngagement] of firstSend) {
    let replied = 0;
    for (const [engagementId, sentAt] of byEngagement) {
      const repliedAt = replies.get(engagementId);
      if (repliedAt && Date.parse(repliedAt) >= Date.parse(sentAt)) replied += 1;
    }
    rates.set(templateId, { templateId, contacted: byEngagement.size, replied, rate: byEngagement.size ? replied / byEngagement.size : null });
  }
  return rates;
}

export interface PipelineStepRef { id: string; name: string; position: number }

const stepNames: Record<'contacted' | 'replied', RegExp> = {
  contacted: /^(contacted|invited|pitched|access requested)$/i,
  replied: /^(replied|negotiating|confirmed|agreed|opted in)$/i,
};

/**
 * The step a creator moves to when we first write to them ("Contacted") or
 * they answer ("Replied"), if the campaign has one; only ever forward, so a
 * creator already further along stays where they are.
 */
export function stepOnContact(steps: readonly PipelineStepRef[], currentStepId: string, event: 'contacted' | 'replied'): PipelineStepRef | null {
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  const current = ordered.findIndex((s) => s.id === currentStepId);
  const target = ordered.findIndex((s) => stepNames[event].test(s.name.trim()));
  if (target < 0 || current >= target) return null;
  // A reply moves a creator who was written to, not one still being vetted two steps back.
  if (event === 'replied') {
    const contacted = ordered.findIndex((s) => stepNames.contacted.test(s.name.trim()));
    if (current < 0 || (contacted >= 0 && current < contacted - 1)) return null;
  }
  return ordered[target];
}
