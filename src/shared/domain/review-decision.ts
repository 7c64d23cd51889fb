import type { StoreOperation } from '../data/store';
import { activityRecord, aboutEngagement, type Actor } from './activities';
import { carryChecklist, roundLabel, type ChecklistItem, type FeedbackItem } from './review-rounds';

/**
 * The review actions that write several records (the draft and a line in
 * the creator's timeline), as operations for one undoable `applyAll`.
 */
export interface DecidedDraft {
  id: string;
  creatorId: string;
  campaignId: string | null;
  engagementId: string | null;
  round: number;
  assigneeId?: string | null;
}

/** The feedback as the creator's timeline shows it: one point a line, then the note. */
export function feedbackText(feedback: readonly FeedbackItem[], note: string): string {
  return feedback.map((f) => `• ${f.what}${f.piece ? ` (${f.piece})` : ''}: ${f.how}`).join('\n') + (note ? `\n${note}` : '');
}

/** Approves a draft or sends the changes back; the reviewer is whoever it was assigned to, else the person deciding. */
export function decideDraftWrites(
  draft: DecidedDraft,
  decision: 'approved' | 'changes-requested',
  feedback: FeedbackItem[],
  note: string,
  actor: Actor,
  at: string,
  activityId: string,
): StoreOperation[] {
  const approved = decision === 'approved';
  return [
    { kind: 'update', collection: 'content', id: draft.id, patch: { review: { status: decision, reviewerId: draft.assigneeId ?? actor.id, decidedAt: at, decidedBy: actor.id, feedback, note } } },
    activityRecord({
      kind: 'content', at, actorId: actor.id, creatorId: draft.creatorId, campaignId: draft.campaignId, engagementId: draft.engagementId,
      title: approved ? `Draft ${roundLabel(draft.round)} approved` : `Changes requested on draft ${roundLabel(draft.round)}`,
      body: approved ? note : feedbackText(feedback, note),
      data: { contentId: draft.id, round: draft.round, decision, byName: actor.name },
    }, activityId),
  ];
}

export interface NewDraft {
  engagement: { id: string; creatorId: string; campaignId: string | null };
  deliverableId: string | null;
  round: number;
  /** A link to the draft, or files from the library. */
  url: string;
  assetIds: string[];
  caption: string;
  assigneeId: string | null;
  /** The round before, whose ticked checklist carries over. */
  previousChecklist?: readonly ChecklistItem[];
}

/** A creator's draft waiting for review, with its line in the timeline. */
export function submitDraftWrites(draft: NewDraft, actor: Actor, at: string, ids: { contentId: string; activityId: string }): StoreOperation[] {
  const { engagement, deliverableId, round } = draft;
  const caption = draft.caption.trim();
  return [
    {
      kind: 'create', collection: 'content', id: ids.contentId,
      input: {
        kind: 'submission', creatorId: engagement.creatorId, campaignId: engagement.campaignId, engagementId: engagement.id, deliverableId,
        round, url: draft.url.trim(), assetIds: draft.assetIds, caption,
        assigneeId: draft.assigneeId, checklist: carryChecklist(draft.previousChecklist), review: { status: 'pending', reviewerId: draft.assigneeId },
      },
    },
    activityRecord({
      kind: 'content', title: `Draft ${roundLabel(round)} submitted for review`, body: caption, at, actorId: actor.id,
      ...aboutEngagement(engagement),
      data: { contentId: ids.contentId, round, deliverableId, byName: actor.name },
    }, ids.activityId),
  ];
}
