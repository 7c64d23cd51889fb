import { clauseLibrary } from '../../../../shared/documents/creator-agreement';
import { CLAUSE_SET_TEMPLATE, clauseSetWrites, readClauseSet } from '../../../../shared/domain/team-templates';
import { useSession } from '../../app/workspace-context';
import { notifyWithUndo } from '../../components/undo-notification';
import { SaveTemplateModal } from './save-template-modal';
import { useTeamTemplates } from './use-team-templates';

const libraryIds = clauseLibrary.map((c) => c.id);

/** A contract's clauses kept as a team clause set, which New contracts then offers. */
export function SaveClauseSetModal({ contract, onClose }: { contract: { title: string; mergeValues: Record<string, string> } | null; onClose: () => void }) {
  const session = useSession();
  const sets = useTeamTemplates(CLAUSE_SET_TEMPLATE) ?? [];
  // A contract keeps its clauses as a clause set does, so the same reader serves.
  const { clauseIds } = readClauseSet(contract ?? {}, libraryIds);
  return (
    <SaveTemplateModal opened={!!contract} onClose={onClose} heading="Save clauses as team template" saveLabel="Save clause set"
      explanation={`The ${clauseIds.length} clauses of “${contract?.title ?? ''}”, for anyone in the team making contracts.`}
      initial={{ name: '', activationModels: [] }}
      onSave={async (input) => {
        const writes = clauseSetWrites(clauseIds, libraryIds, input, sets);
        await session.commands.applyAll(writes.operations);
        notifyWithUndo(`Saved “${input.name.trim()}” as a team clause set`, () => void session.commands.undo());
      }} />
  );
}
