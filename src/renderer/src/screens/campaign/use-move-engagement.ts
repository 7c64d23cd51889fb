import { newId } from '../../../../shared/data/ids';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { getMe } from '../../data/me';

export interface MovableEngagement {
  id: string;
  creatorId: string;
  campaignId: string;
  stepId: string;
}

/**
 * Moving a creator to another step is one action: the new step, and a line
 * in the creator's timeline saying who moved them and when. One Undo takes
 * back both.
 */
export function useMoveEngagement() {
  const session = useSession();
  return async (engagement: MovableEngagement, step: { id: string; name: string }, creatorName: string) => {
    if (engagement.stepId === step.id) return;
    const me = getMe();
    try {
      await session.commands.applyAll([
        { kind: 'update', collection: 'engagements', id: engagement.id, patch: { stepId: step.id } },
        {
          kind: 'create', collection: 'activities', id: newId(),
          input: {
            kind: 'stage-change', title: `Moved to ${step.name}`, at: new Date().toISOString(), actorId: me.id,
            creatorId: engagement.creatorId, campaignId: engagement.campaignId, engagementId: engagement.id,
            data: { from: engagement.stepId, to: step.id, byName: me.named ? me.name : null },
          },
        },
      ]);
      notifyWithUndo(`${creatorName} moved to ${step.name}`, () => void session.commands.undo());
    } catch (error) {
      reportError(`${creatorName} was not moved`)(error);
    }
  };
}
