import { describe, expect, it } from 'vitest';
import {
  carryChecklist, checklistProgress, feedbackProblems, freshChecklist, latestRounds, nextRound, reviewQueue, reviewSummary, type SubmissionLike,
} from '../../../src/shared/domain/review-rounds';

let n = 0;
const sub = (over: Partial<SubmissionLike> = {}): SubmissionLike => ({
  id: `s${++n}`, kind: 'submission', creatorId: 'c1', campaignId: 'k1', engagementId: 'e1', deliverableId: 'd1', round: 1,
  createdAt: `2026-11-0${Math.min(9, n)}T10:00:00.000Z`, deletedAt: null, assigneeId: null, review: { status: 'pending', reviewerId: null, decidedAt: null }, ...over,
});

describe('review rounds', () => {
  it('numbers rounds after the highest live one', () => {
    expect(nextRound([])).toBe(1);
    expect(nextRound([{ round: 1, deletedAt: null }, { round: 2, deletedAt: null }])).toBe(3);
    expect(nextRound([{ round: 1, deletedAt: null }, { round: 2, deletedAt: '2026-01-01T00:00:00Z' }])).toBe(2);
  });

  it('keeps only the latest round per deliverable', () => {
    const v1 = sub({ round: 1, review: { status: 'changes-requested', reviewerId: 'me', decidedAt: '2026-11-02T00:00:00Z' } });
    const v2 = sub({ round: 2 });
    const other = sub({ deliverableId: 'd2' });
    expect(latestRounds([v1, v2, other]).map((s) => s.id).sort()).toEqual([v2.id, other.id].sort());
    expect(latestRounds([v1, { ...v2, deletedAt: '2026-11-03T00:00:00Z' }]).map((s) => s.id)).toEqual([v1.id]);
  });

  it('summarises a creator by the least advanced deliverable, and as posted once live', () => {
    expect(reviewSummary([], false).stage).toBe('awaiting-draft');
    expect(reviewSummary([], true).stage).toBe('posted');
    const approved = sub({ review: { status: 'approved', reviewerId: 'me', decidedAt: '2026-11-02T00:00:00Z' } });
    const waiting = sub({ deliverableId: 'd2', round: 2, assigneeId: 'sam' });
    expect(reviewSummary([approved, waiting], false)).toMatchObject({ stage: 'in-review', round: 2, approved: 1, drafts: 2, waitingOn: 'sam' });
    expect(reviewSummary([approved], false).stage).toBe('approved');
    expect(reviewSummary([approved], true).stage).toBe('posted');
    const changes = sub({ deliverableId: 'd3', review: { status: 'changes-requested', reviewerId: 'me', decidedAt: '2026-11-02T00:00:00Z' } });
    expect(reviewSummary([approved, changes], false)).toMatchObject({ stage: 'changes-requested', waitingOn: null });
  });

  it('lists what waits for whom, oldest first', () => {
    const mine = sub({ deliverableId: 'q1', assigneeId: 'me', createdAt: '2026-11-05T00:00:00Z' });
    const theirs = sub({ deliverableId: 'q2', assigneeId: 'sam', createdAt: '2026-11-01T00:00:00Z' });
    const nobody = sub({ deliverableId: 'q3', createdAt: '2026-11-03T00:00:00Z' });
    const done = sub({ deliverableId: 'q4', review: { status: 'approved', reviewerId: 'me', decidedAt: '2026-11-02T00:00:00Z' } });
    expect(reviewQueue([mine, theirs, nobody, done], 'waiting', 'me').map((s) => s.id)).toEqual([theirs.id, nobody.id, mine.id]);
    expect(reviewQueue([mine, theirs, nobody, done], 'mine', 'me').map((s) => s.id)).toEqual([mine.id]);
    expect(reviewQueue([mine, theirs, nobody, done], 'approved', 'me').map((s) => s.id)).toEqual([done.id]);
    expect(reviewQueue([mine, theirs, nobody, done], 'all', 'me')).toHaveLength(4);
  });

  it('starts each round with the brief’s checklist unticked', () => {
    const list = freshChecklist(['Mention SPF 50', 'Call to action (link, code or “shop now”)']);
    expect(list.map((i) => i.id)).toEqual(['mandatory', 'disclosure', 'cta', 'product', 'brief-1']);
    const ticked = list.map((i) => ({ ...i, done: true }));
    expect(checklistProgress(ticked)).toEqual({ done: 5, total: 5, complete: true });
    expect(carryChecklist(ticked).every((i) => !i.done)).toBe(true);
    expect(carryChecklist(ticked)).toHaveLength(5);
    expect(carryChecklist(undefined)).toHaveLength(4);
    expect(checklistProgress([])).toEqual({ done: 0, total: 0, complete: false });
  });

  it('asks for feedback a creator can act on', () => {
    expect(feedbackProblems([])).toHaveLength(1);
    expect(feedbackProblems([{ what: 'Disclosure', how: '', piece: '' }])).toEqual([{ index: 0, field: 'how', message: expect.stringMatching(/How/) }]);
    expect(feedbackProblems([{ what: 'Disclosure', how: '#ad in the first line', piece: '0:00–0:03' }])).toEqual([]);
  });
});
