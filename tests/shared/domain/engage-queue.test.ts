import { describe, expect, it } from 'vitest';
import { contentFields } from '../../../src/shared/data/schemas/content';
import {
  cursorAfterRemoval, engageCounts, engagedPatch, engageQueue, EngageRefusal, isLive, LIVE_DAYS, type EngagePost,
} from '../../../src/shared/domain/engage-queue';

const now = new Date('2026-12-07T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

function post(id: string, over: Partial<EngagePost> = {}): EngagePost {
  return { id, kind: 'post', creatorId: `c-${id}`, postedAt: daysAgo(1), createdAt: daysAgo(1), ...over };
}

describe('engage queue', () => {
  it('takes only live posts: posted within the live window, not scheduled, not drafts, not deleted', () => {
    expect(isLive(post('a', { postedAt: daysAgo(0.1) }), now)).toBe(true);
    expect(isLive(post('a', { postedAt: daysAgo(LIVE_DAYS - 0.01) }), now)).toBe(true);
    expect(isLive(post('a', { postedAt: daysAgo(LIVE_DAYS + 0.01) }), now)).toBe(false);
    expect(isLive(post('a', { postedAt: daysAgo(-1) }), now)).toBe(false);
    expect(isLive(post('a', { kind: 'submission' }), now)).toBe(false);
    expect(isLive(post('a', { deletedAt: daysAgo(0) }), now)).toBe(false);
    // An import without a date: when it was logged stands in.
    expect(isLive(post('a', { postedAt: null, createdAt: daysAgo(2) }), now)).toBe(true);
    expect(isLive(post('a', { postedAt: null, createdAt: daysAgo(40) }), now)).toBe(false);
  });

  it('lists waiting posts newest first, and leaves out what anyone already did or skipped', () => {
    const posts = [
      post('old', { postedAt: daysAgo(5) }),
      post('new', { postedAt: daysAgo(0.5) }),
      post('mid', { postedAt: daysAgo(2) }),
      post('done', { postedAt: daysAgo(0.2), engaged: { status: 'done', by: 'p-ann', at: daysAgo(0.1), actions: ['like'] } }),
      post('skipped', { postedAt: daysAgo(0.2), engaged: { status: 'skipped', by: 'p-bo', at: daysAgo(0.1), actions: [] } }),
      post('stale', { postedAt: daysAgo(30) }),
    ];
    expect(engageQueue(posts, 'everyone', 'p-me', now).map((p) => p.id)).toEqual(['new', 'mid', 'old']);
  });

  it('splits by teammate: mine, nobody’s, mine and nobody’s, one teammate’s', () => {
    const posts = [
      post('mine', { engageAssigneeId: 'p-me' }),
      post('free', { engageAssigneeId: null }),
      post('legacy'), // logged before the Engage screen: no field at all
      post('ann', { engageAssigneeId: 'p-ann' }),
    ];
    const ids = (filter: Parameters<typeof engageQueue>[1]) => engageQueue(posts, filter, 'p-me', now).map((p) => p.id).sort();
    expect(ids('mine')).toEqual(['mine']);
    expect(ids('unassigned')).toEqual(['free', 'legacy']);
    expect(ids('for-me')).toEqual(['free', 'legacy', 'mine']);
    expect(ids({ personId: 'p-ann' })).toEqual(['ann']);
    expect(ids('everyone')).toEqual(['ann', 'free', 'legacy', 'mine']);
  });

  it('counts what waits for me, per teammate, and the team’s progress', () => {
    const posts = [
      post('mine', { engageAssigneeId: 'p-me' }),
      post('free'),
      post('ann', { engageAssigneeId: 'p-ann' }),
      post('ann2', { engageAssigneeId: 'p-ann' }),
      post('done', { engageAssigneeId: 'p-me', engaged: { status: 'done', by: 'p-me', at: daysAgo(0), actions: ['comment'] } }),
      post('skip', { engaged: { status: 'skipped', by: 'p-me', at: daysAgo(0), actions: [] } }),
      post('stale', { postedAt: daysAgo(20), engageAssigneeId: 'p-me' }),
    ];
    const counts = engageCounts(posts, 'p-me', now);
    expect(counts).toMatchObject({ forMe: 2, mine: 1, unassigned: 1, everyone: 4, done: 1, skipped: 1 });
    expect(counts.byPerson.get('p-ann')).toBe(2);
  });

  it('records who did what and when; a Done with nothing done is refused with the reason', () => {
    expect(engagedPatch('done', ['share', 'like', 'like'], 'p-me', now)).toEqual({
      engaged: { status: 'done', by: 'p-me', at: now.toISOString(), actions: ['like', 'share'] },
    });
    expect(engagedPatch('skipped', ['like'], 'p-me', now).engaged).toMatchObject({ status: 'skipped', actions: [] });
    expect(() => engagedPatch('done', [], 'p-me', now)).toThrow(EngageRefusal);
    expect(() => engagedPatch('done', [], 'p-me', now)).toThrow(/Tick what you did/);
  });

  it('keeps the cursor on the next post after one leaves', () => {
    expect(cursorAfterRemoval(0, 3)).toBe(0);
    expect(cursorAfterRemoval(2, 3)).toBe(1);
    expect(cursorAfterRemoval(0, 1)).toBe(0);
  });

  it('stores the outcome in the content schema, and older posts read as waiting and unassigned', () => {
    const old = contentFields.parse({ kind: 'post', creatorId: 'c1' });
    expect(old.engaged).toBeNull();
    expect(old.engageAssigneeId).toBeNull();
    const saved = contentFields.parse({ kind: 'post', creatorId: 'c1', ...engagedPatch('done', ['like'], 'p-me', now) });
    expect(saved.engaged?.actions).toEqual(['like']);
    expect(contentFields.safeParse({ kind: 'post', creatorId: 'c1', engaged: { status: 'done', at: 'yesterday', actions: [] } }).success).toBe(false);
  });
});
