import { newId } from '../../../../shared/data/ids';
import { actorOf } from '../../../../shared/domain/activities';
import type { PipelineStepRef } from '../../../../shared/domain/follow-ups';
import { logSendsWrites, markDeclinedWrites, markRepliedWrites } from '../../../../shared/domain/outreach-writes';
import { useUndoableApply } from '../../components/use-undoable-apply';
import { getMe } from '../../data/me';
import type { Engagement, Template } from './use-outreach-data';

export interface Send {
  engagement: Engagement;
  creatorName: string;
  template: Template;
  subject: string;
  text: string;
  channel: 'email' | 'dm';
  /** From the follow-up queue: always a follow-up. Otherwise a creator already contacted gets a follow-up. */
  kind?: 'outreach' | 'follow-up';
}

/** Logging what was sent, and the creator's answer (domain/outreach-writes.ts), each as one Undo. */
export function useOutreachActions(steps: readonly PipelineStepRef[] = []) {
  const { apply } = useUndoableApply();
  const context = () => ({ steps, actor: actorOf(getMe()), at: new Date().toISOString(), newId: () => newId() });

  async function logSends(sends: Send[]): Promise<boolean> {
    if (!sends.length) return false;
    return apply(logSendsWrites(sends, context()), sends.length === 1 ? `Sent to ${sends[0].creatorName} logged` : `${sends.length} sends logged`, 'The sends were not logged');
  }

  async function markReplied(engagement: Engagement, creatorName: string) {
    await apply(markRepliedWrites(engagement, context()), `${creatorName} marked as replied`, `${creatorName} was not marked as replied`);
  }

  async function markDeclined(engagement: Engagement, creatorName: string) {
    await apply(markDeclinedWrites(engagement, context()), `${creatorName} marked as declined`, `${creatorName} was not marked as declined`);
  }

  return { logSends, markReplied, markDeclined };
}
