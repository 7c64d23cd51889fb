import type { WorkspaceSession } from '../../data/workspace-session';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import type { TaskRecord } from './task-record';

/** Ticks a task off (or back on), with one click to take it back. */
export async function toggleTaskDone(session: WorkspaceSession, task: TaskRecord): Promise<void> {
  const doneAt = task.doneAt ? null : new Date().toISOString();
  try {
    await session.commands.update('activities', task.id, { doneAt });
  } catch (error) {
    reportError('This task was not updated')(error);
    return;
  }
  notifyWithUndo(doneAt ? `Done: ${task.title}` : `Back on the list: ${task.title}`, () => {
    void session.commands.update('activities', task.id, { doneAt: task.doneAt }).catch(reportError('Could not undo'));
  });
}

export async function deleteTask(session: WorkspaceSession, task: TaskRecord): Promise<void> {
  try {
    await session.commands.softDelete('activities', [task.id]);
  } catch (error) {
    reportError('This task was not deleted')(error);
    return;
  }
  notifyWithUndo(`Deleted: ${task.title}`, () => void session.commands.restore('activities', [task.id]).catch(reportError('Could not undo')));
}
