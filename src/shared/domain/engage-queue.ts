import type { EngageAction, EngagedOutcome } from '../data/schemas/content';

/**
 * The Engage to-do: our creators' live posts for the team to like, comment
 * on or share. A post leaves the queue once anyone has done or skipped it
 * (one outcome per post for the team), or once it is no longer "live".
 */

/**
 * A post counts as live for this many days after it went up. Platforms rank
 * a post on the engagement of its first days, so a like or a comment helps
 * most then; a week-old post still earns some reach, a month-old one is
 * history, and a queue that keeps it only teaches the team to ignore the list.
 */
export const LIVE_DAYS = 14;

const DAY_MS = 86_400_000;

export interface EngagePost {
  id: string;
  kind?: string;
  creatorId: string;
  campaignId?: string | null;
  url?: string;
  platform?: string | null;
  postedAt: string | null;
  /** When it was logged: stands in for `postedAt` when an import did not say when it went up. */
  createdAt: string;
  deletedAt?: string | null;
  /** Absent on posts logged before the Engage screen: the same as null. */
  engageAssigneeId?: string | null;
  engaged?: EngagedOutcome | null;
}

/** Whose posts the queue shows: waiting for me (mine and nobody's), mine, nobody's, everyone's, or one teammate's. */
export type EngageFilter = 'for-me' | 'mine' | 'unassigned' | 'everyone' | { personId: string };

/** When the post went up; a post logged without a date is taken to have gone up when it was logged. */
export function wentLiveAt(post: Pick<EngagePost, 'postedAt' | 'createdAt'>): string {
  return post.postedAt ?? post.createdAt;
}

/**
 * Live: went up within the last LIVE_DAYS days. A post dated in the future is
 * scheduled, not live: there is nothing to like yet.
 */
export function isLive(post: EngagePost, now: Date): boolean {
  if (post.kind !== undefined && post.kind !== 'post') return false;
  if (post.deletedAt) return false;
  const at = Date.parse(wentLiveAt(post));
  if (Number.isNaN(at)) return false;
  return at <= now.getTime() && now.getTime() - at <= LIVE_DAYS * DAY_MS;
}

export function isWaiting(post: EngagePost, now: Date): boolean {
  return isLive(post, now) && !post.engaged;
}

export function matchesFilter(post: EngagePost, filter: EngageFilter, me: string): boolean {
  const who = post.engageAssigneeId ?? null;
  if (filter === 'everyone') return true;
  if (filter === 'mine') return who === me;
  if (filter === 'unassigned') return who === null;
  if (filter === 'for-me') return who === me || who === null;
  return who === filter.personId;
}

/** Newest first: the post that went up last needs the early engagement most. Ties keep a stable order by id. */
export function compareNewestFirst(a: EngagePost, b: EngagePost): number {
  const at = wentLiveAt(b).localeCompare(wentLiveAt(a));
  return at !== 0 ? at : a.id.localeCompare(b.id);
}

/** The posts waiting, for this filter, newest first. */
export function engageQueue<P extends EngagePost>(posts: readonly P[], filter: EngageFilter, me: string, now: Date): P[] {
  return posts.filter((p) => isWaiting(p, now) && matchesFilter(p, filter, me)).sort(compareNewestFirst);
}

export interface EngageCounts {
  /** Mine plus nobody's: the number beside "Engage" in the navigation. */
  forMe: number;
  mine: number;
  unassigned: number;
  everyone: number;
  /** Waiting, per teammate it is given to. */
  byPerson: Map<string, number>;
  /** Live posts already done or skipped: the team's progress. */
  done: number;
  skipped: number;
}

export function engageCounts(posts: readonly EngagePost[], me: string, now: Date): EngageCounts {
  const counts: EngageCounts = { forMe: 0, mine: 0, unassigned: 0, everyone: 0, byPerson: new Map(), done: 0, skipped: 0 };
  for (const post of posts) {
    if (!isLive(post, now)) continue;
    if (post.engaged) {
      if (post.engaged.status === 'done') counts.done++;
      else counts.skipped++;
      continue;
    }
    const who = post.engageAssigneeId ?? null;
    counts.everyone++;
    if (who === null) counts.unassigned++;
    else counts.byPerson.set(who, (counts.byPerson.get(who) ?? 0) + 1);
    if (who === me) counts.mine++;
    if (who === me || who === null) counts.forMe++;
  }
  return counts;
}

export class EngageRefusal extends Error {}

/**
 * The write for Done or Skip on one post. Done says what was done: a Done
 * without a like, a comment or a share would count as engagement that never
 * happened, so it is refused with the reason rather than saved empty.
 */
export function engagedPatch(status: EngagedOutcome['status'], actions: readonly EngageAction[], by: string, now: Date): { engaged: EngagedOutcome } {
  if (status === 'done' && actions.length === 0) throw new EngageRefusal('Tick what you did (like, comment or share) before marking this post done, or skip it.');
  const unique = (['like', 'comment', 'share'] as const).filter((a) => actions.includes(a));
  return { engaged: { status, by, at: now.toISOString(), actions: status === 'done' ? unique : [] } };
}

/** Where the cursor goes after the post at `index` leaves a queue of `length`: the next one, or the new last. */
export function cursorAfterRemoval(index: number, length: number): number {
  const remaining = length - 1;
  if (remaining <= 0) return 0;
  return Math.min(index, remaining - 1);
}
