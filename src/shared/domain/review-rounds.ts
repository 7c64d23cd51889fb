/**
 * Content review in rounds: a creator submits a draft for a deliverable (v1),
 * the reviewer approves it or asks for changes, the creator sends v2, and so
 * on. Each round is its own submission record, so the history of rounds is
 * the list of records, and each keeps the checklist as it was ticked then.
 */

export interface ChecklistItem {
  id: string;
  label: string;
  done: boolean;
}

/** What every brief asks of a draft (job 9's "mandatory elements"), ticked per round. */
export const defaultChecklist: readonly Omit<ChecklistItem, 'done'>[] = [
  { id: 'mandatory', label: 'Mandatory elements from the brief are in' },
  { id: 'disclosure', label: '#ad or paid-partnership label is clear and up front' },
  { id: 'cta', label: 'Call to action (link, code or “shop now”)' },
  { id: 'product', label: 'Product is visible and shown correctly' },
];

export function freshChecklist(extra: readonly string[] = []): ChecklistItem[] {
  const items = defaultChecklist.map((i) => ({ ...i, done: false }));
  for (const [index, label] of extra.entries()) {
    const text = label.trim();
    if (text && !items.some((i) => i.label.toLowerCase() === text.toLowerCase())) items.push({ id: `brief-${index + 1}`, label: text, done: false });
  }
  return items;
}

/** The next round keeps the same checklist items, unticked: each draft is checked afresh. */
export function carryChecklist(previous: readonly ChecklistItem[] | undefined): ChecklistItem[] {
  if (!previous || previous.length === 0) return freshChecklist();
  return previous.map((i) => ({ ...i, done: false }));
}

export function checklistProgress(items: readonly ChecklistItem[]): { done: number; total: number; complete: boolean } {
  const done = items.filter((i) => i.done).length;
  return { done, total: items.length, complete: items.length > 0 && done === items.length };
}

export type ReviewDecision = 'pending' | 'approved' | 'changes-requested';

/** A draft's decision as the review queue and its export say it. */
export const reviewDecisionLabels: Record<ReviewDecision, string> = { pending: 'To review', approved: 'Approved', 'changes-requested': 'Changes requested' };

export interface FeedbackItem {
  /** What to change ("The disclosure"). */
  what: string;
  /** How ("Say #ad in the first line, not after the fold"). */
  how: string;
  /** Which piece: a slide, a timestamp, a file ("0:12–0:18", "slide 3"). */
  piece: string;
}

/**
 * Feedback a creator can act on: at least one item, each saying what and how.
 * Returns the problems per item (index → field → message), empty when fine.
 */
export function feedbackProblems(items: readonly FeedbackItem[]): { index: number; field: keyof FeedbackItem; message: string }[] {
  if (items.length === 0) return [{ index: 0, field: 'what', message: 'Say what should change: at least one point.' }];
  const problems: { index: number; field: keyof FeedbackItem; message: string }[] = [];
  items.forEach((item, index) => {
    if (!item.what.trim()) problems.push({ index, field: 'what', message: 'What should change?' });
    if (!item.how.trim()) problems.push({ index, field: 'how', message: 'How should it change? The creator needs to know what “right” looks like.' });
  });
  return problems;
}

/** The fields of a submission record these rules read. */
export interface SubmissionLike {
  id: string;
  kind: 'submission' | 'post';
  creatorId: string;
  campaignId: string | null;
  engagementId: string | null;
  deliverableId: string | null;
  round: number;
  createdAt: string;
  deletedAt?: string | null;
  assigneeId?: string | null;
  review: { status: ReviewDecision; reviewerId: string | null; decidedAt: string | null } | null;
}

/** Rounds of one deliverable (or of the creator's campaign work when no deliverable is named). */
export function deliverableKey(s: Pick<SubmissionLike, 'engagementId' | 'creatorId' | 'campaignId' | 'deliverableId'>): string {
  return `${s.engagementId ?? `${s.creatorId}:${s.campaignId ?? ''}`}:${s.deliverableId ?? ''}`;
}

export function nextRound(existing: readonly Pick<SubmissionLike, 'round' | 'deletedAt'>[]): number {
  return existing.filter((s) => !s.deletedAt).reduce((max, s) => Math.max(max, s.round), 0) + 1;
}

export function roundLabel(round: number): string {
  return `v${round}`;
}

/** Latest round per deliverable, others dropped; deleted rounds never count. */
export function latestRounds<T extends SubmissionLike>(submissions: readonly T[]): T[] {
  const latest = new Map<string, T>();
  for (const s of submissions) {
    if (s.deletedAt || s.kind !== 'submission') continue;
    const key = deliverableKey(s);
    const current = latest.get(key);
    if (!current || s.round > current.round || (s.round === current.round && s.createdAt > current.createdAt)) latest.set(key, s);
  }
  return [...latest.values()];
}

export type ReviewStage = 'awaiting-draft' | 'in-review' | 'changes-requested' | 'approved' | 'posted';

export const reviewStageLabels: Record<ReviewStage, string> = {
  'awaiting-draft': 'Waiting for a draft',
  'in-review': 'Draft to review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
  posted: 'Posted',
};

export const reviewStageColors: Record<ReviewStage, string> = {
  'awaiting-draft': 'gray', 'in-review': 'blue', 'changes-requested': 'orange', approved: 'teal', posted: 'grape',
};

export interface ReviewSummary {
  stage: ReviewStage;
  /** The round in play (v2 …), 0 before any draft. */
  round: number;
  /** Deliverables approved of those with a draft. */
  approved: number;
  drafts: number;
  /** Who the open draft waits for: the reviewer assigned to it. */
  waitingOn: string | null;
}

/**
 * A creator's review state in a campaign, for the board card: the least
 * advanced deliverable decides (one approved and one to review is "to review").
 * A post logged for the engagement means it went live.
 */
export function reviewSummary(submissions: readonly SubmissionLike[], posted: boolean): ReviewSummary {
  const latest = latestRounds(submissions);
  const approved = latest.filter((s) => s.review?.status === 'approved').length;
  const order: ReviewStage[] = ['in-review', 'changes-requested', 'approved'];
  const stageOf = (s: SubmissionLike): ReviewStage => (s.review?.status === 'approved' ? 'approved' : s.review?.status === 'changes-requested' ? 'changes-requested' : 'in-review');
  const open = latest.map((s) => ({ s, stage: stageOf(s) })).sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage))[0];
  const round = latest.reduce((max, s) => Math.max(max, s.round), 0);
  if (!open) return { stage: posted ? 'posted' : 'awaiting-draft', round: 0, approved: 0, drafts: 0, waitingOn: null };
  const stage = open.stage === 'approved' && posted ? 'posted' : open.stage;
  return { stage, round, approved, drafts: latest.length, waitingOn: open.stage === 'in-review' ? open.s.assigneeId ?? open.s.review?.reviewerId ?? null : null };
}

export type QueueFilter = 'waiting' | 'mine' | 'changes-requested' | 'approved' | 'all';

/** The review queue: drafts waiting for a decision, the oldest first (they have waited longest). */
export function reviewQueue<T extends SubmissionLike>(submissions: readonly T[], filter: QueueFilter, meId: string): T[] {
  const latest = latestRounds(submissions);
  const pick = latest.filter((s) => {
    const status = s.review?.status ?? 'pending';
    if (filter === 'all') return true;
    if (filter === 'approved') return status === 'approved';
    if (filter === 'changes-requested') return status === 'changes-requested';
    if (status !== 'pending') return false;
    return filter === 'waiting' || (s.assigneeId ?? s.review?.reviewerId) === meId;
  });
  return pick.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
