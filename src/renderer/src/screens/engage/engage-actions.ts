import type { EngageAction } from '../../../../shared/data/schemas/content';
import { engagedPatch, type EngagePost } from '../../../../shared/domain/engage-queue';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import type { WorkspaceSession } from '../../data/workspace-session';

/** Done or Skip on one post, for the whole team, with one click to take it back. Says false when nothing was saved. */
export async function recordEngaged(session: WorkspaceSession, post: EngagePost, status: 'done' | 'skipped', actions: readonly EngageAction[], by: string, label: string): Promise<boolean> {
  try {
    await session.commands.update('content', post.id, engagedPatch(status, actions, by, new Date()));
  } catch (error) {
    reportError(status === 'done' ? 'This post was not marked done' : 'This post was not skipped')(error);
    return false;
  }
  notifyWithUndo(status === 'done' ? `Done: ${label}` : `Skipped: ${label}`, () => {
    void session.commands.update('content', post.id, { engaged: post.engaged ?? null }).catch(reportError('Could not undo'));
  });
  return true;
}

export async function assignEngage(session: WorkspaceSession, post: EngagePost, personId: string | null): Promise<void> {
  await session.commands.update('content', post.id, { engageAssigneeId: personId }).catch(reportError('This post was not given to that teammate'));
}
