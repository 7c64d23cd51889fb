import { newId } from '../../../../shared/data/ids';
import type { StoreOperation } from '../../../../shared/data/store';
import { stepOnContact, type PipelineStepRef } from '../../../../shared/domain/follow-ups';
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

/**
 * Logging what was sent, and the creator's answer. Each action is one write
 * (one Undo): the activity in the creator's timeline and the engagement's
 * dates move together.
 */
export function useOutreachActions(steps: readonly PipelineStepRef[] = []) {
  const { apply } = useUndoableApply();

  /** Writing to a creator moves them to "Contacted", an answer to "Replied", when the campaign has such a step. */
  const moveOn = (engagement: Engagement, event: 'contacted' | 'replied', at: string): { patch: Record<string, unknown>; operations: StoreOperation[] } => {
    const step = stepOnContact(steps, engagement.stepId, event);
    if (!step) return { patch: {}, operations: [] };
    const me = getMe();
    return {
      patch: { stepId: step.id },
      operations: [activity(engagement, { kind: 'stage-change', title: `Moved to ${step.name}`, at, data: { from: engagement.stepId, to: step.id, byName: me.named ? me.name : null } })],
    };
  };

  const activity = (engagement: Engagement, input: Record<string, unknown>): StoreOperation => ({
    kind: 'create', collection: 'activities', id: newId(),
    input: { actorId: getMe().id, creatorId: engagement.creatorId, campaignId: engagement.campaignId, engagementId: engagement.id, ...input },
  });

  async function logSends(sends: Send[]): Promise<boolean> {
    if (!sends.length) return false;
    const at = new Date().toISOString();
    const operations: StoreOperation[] = sends.flatMap((send) => {
      // The first message is outreach whatever the template; after that, every message counts against the follow-up rule.
      const followUp = (send.kind ?? (send.engagement.lastContactedAt ? 'follow-up' : 'outreach')) === 'follow-up';
      const move = moveOn(send.engagement, 'contacted', at);
      return [
        { kind: 'update', collection: 'engagements', id: send.engagement.id, patch: { lastContactedAt: at, ...(followUp ? { followUpsSent: (send.engagement.followUpsSent ?? 0) + 1 } : {}), ...move.patch } },
        ...move.operations,
        activity(send.engagement, {
          kind: followUp ? 'follow-up' : 'outreach', title: `Sent “${send.template.title}”`, body: send.subject ? `${send.subject}\n\n${send.text}` : send.text, at,
          // A DM template does not say which app it went through; the timeline shows "DM (other app)".
          channel: send.channel === 'email' ? 'email' : 'other-dm',
          data: { templateId: send.template.id, channel: send.channel, subject: send.subject },
        }),
      ];
    });
    return apply(operations, sends.length === 1 ? `Sent to ${sends[0].creatorName} logged` : `${sends.length} sends logged`, 'The sends were not logged');
  }

  async function markReplied(engagement: Engagement, creatorName: string) {
    const at = new Date().toISOString();
    const move = moveOn(engagement, 'replied', at);
    await apply([
      { kind: 'update', collection: 'engagements', id: engagement.id, patch: { repliedAt: at, ...move.patch } },
      activity(engagement, { kind: 'reply', title: 'Replied', at, data: {} }),
      ...move.operations,
    ], `${creatorName} marked as replied`, `${creatorName} was not marked as replied`);
  }

  async function markDeclined(engagement: Engagement, creatorName: string) {
    const at = new Date().toISOString();
    await apply([
      { kind: 'update', collection: 'engagements', id: engagement.id, patch: { declinedAt: at, ...(engagement.repliedAt ? {} : { repliedAt: at }) } },
      activity(engagement, { kind: 'reply', title: 'Declined', at, data: { declined: true } }),
    ], `${creatorName} marked as declined`, `${creatorName} was not marked as declined`);
  }

  return { logSends, markReplied, markDeclined };
}
