import { newId } from '../../../../shared/data/ids';
import { actorOf } from '../../../../shared/domain/activities';
import { moveToStepOperations, type MovableEngagement } from '../../../../shared/domain/stage-moves';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { getMe } from '../../data/me';

export type { MovableEngagement };

/** Moves a creator to another step (domain/stage-moves.ts); one Undo takes back the move and its timeline line. */
export function useMoveEngagement() {
  const session = useSession();
  return async (engagement: MovableEngagement, step: { id: string; name: string }, creatorName: string) => {
    if (engagement.stepId === step.id) return;
    const me = getMe();
    try {
      await session.commands.applyAll(moveToStepOperations(engagement, step, actorOf(me), new Date().toISOString(), newId()));
      notifyWithUndo(`${creatorName} moved to ${step.name}`, () => void session.commands.undo());
    } catch (error) {
      reportError(`${creatorName} was not moved`)(error);
    }
  };
}
