import type { RecordOf } from '../../../../shared/data/records';
import { useRxQuery } from '../../hooks/use-rx-query';

export type TeamTemplate = RecordOf<'documents'>;

/** The team's templates that make one kind of thing ("brief", "contract-clauses", …), by name. */
export function useTeamTemplates(templateFor: string): TeamTemplate[] | null {
  return useRxQuery<TeamTemplate>('documents', { selector: { kind: 'template', templateFor, deletedAt: null }, sort: [{ title: 'asc' }] }, `team-templates-${templateFor}`);
}
