import { useCallback, useState } from 'react';
import type { StoreOperation } from '../../../shared/data/store';
import { useSession } from '../app/workspace-context';
import { reportError } from './report-error';
import { notifyWithUndo } from './undo-notification';

/**
 * Several changes saved as one step the user can take back: the notice after
 * a save offers Undo, a failure says why. `apply` resolves to whether it
 * saved, so a dialog closes (or a grid clears its drafts) only on success.
 */
export function useUndoableApply() {
  const session = useSession();
  const [saving, setSaving] = useState(false);
  const apply = useCallback(async (operations: StoreOperation[], done: string, failure: string): Promise<boolean> => {
    setSaving(true);
    try {
      await session.commands.applyAll(operations);
      notifyWithUndo(done, () => void session.commands.undo());
      return true;
    } catch (error) {
      reportError(failure)(error);
      return false;
    } finally {
      setSaving(false);
    }
  }, [session]);
  return { saving, apply };
}
