import type { StoreOperation } from '../data/store';
import { activityRecord, aboutEngagement, type Actor } from './activities';

export interface MovableEngagement {
  id: string;
  creatorId: string;
  campaignId: string | null;
  stepId: string;
}

/**
 * Moving a creator to another step is one action: the new step, and a line
 * in the creator's timeline saying who moved them and when. `because` names
 * what moved them when it was not a person dragging a card (a parcel shipped).
 */
export function moveToStepOperations(
  engagement: MovableEngagement,
  step: { id: string; name: string },
  actor: Actor,
  at: string,
  activityId: string,
  because?: string,
): StoreOperation[] {
  if (engagement.stepId === step.id) return [];
  return [
    { kind: 'update', collection: 'engagements', id: engagement.id, patch: { stepId: step.id } },
    activityRecord({
      kind: 'stage-change', title: `Moved to ${step.name}`, at, actorId: actor.id, ...aboutEngagement(engagement),
      data: { from: engagement.stepId, to: step.id, byName: actor.name, ...(because === undefined ? {} : { because }) },
    }, activityId),
  ];
}
