import type { RecordInput } from '../../../../shared/data/records';
import { useSession } from '../../app/workspace-context';
import { notifyWithUndo } from '../../components/undo-notification';

/** Saves part of a creator and offers Undo; errors reach the card, which shows them beside the fields. */
export function useSaveCreator(id: string) {
  const session = useSession();
  return async (patch: Partial<RecordInput<'creators'>>, what: string) => {
    await session.commands.update('creators', id, patch);
    notifyWithUndo(`${what} saved`, () => void session.commands.undo());
  };
}
