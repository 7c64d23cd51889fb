import { Alert, Button, Group, Select, Stack } from '@mantine/core';
import { IconDeviceFloppy, IconPencil, IconTemplate, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { clauseLibrary } from '../../../../shared/documents/creator-agreement';
import { CLAUSE_SET_TEMPLATE, clauseSetUpdate, clauseSetWrites, readClauseSet, templateDetailsUpdate, type TemplateInput } from '../../../../shared/domain/team-templates';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { SaveTemplateModal } from './save-template-modal';
import { templateOptionGroups } from './template-options';
import { useTeamTemplates, type TeamTemplate } from './use-team-templates';

export const SUGGESTED = 'suggested';
const libraryIds = clauseLibrary.map((c) => c.id);
const sameSet = (a: readonly string[], b: ReadonlySet<string>) => a.length === b.size && a.every((id) => b.has(id));

/**
 * Which clauses a batch of contracts starts from: the ones each deal
 * suggests, or one of the team's clause sets (those for the campaign's
 * activation models first). The ticked clauses can be kept as a new set,
 * or written back into the chosen one; a set is renamed or deleted here too.
 */
export function ClauseSetPicker({ value, onChange, clauses, campaignModels, disabled }: {
  value: string; onChange: (value: string, set: TeamTemplate | null) => void; clauses: ReadonlySet<string>; campaignModels: string[]; disabled?: boolean;
}) {
  const session = useSession();
  const sets = useTeamTemplates(CLAUSE_SET_TEMPLATE) ?? [];
  const [saving, setSaving] = useState<'new' | 'rename' | null>(null);
  const chosen = sets.find((s) => s.id === value) ?? null;
  const read = chosen ? readClauseSet(chosen, libraryIds) : null;
  const ticked = libraryIds.filter((id) => clauses.has(id) || clauseLibrary.find((c) => c.id === id)?.required);
  const changed = !!read && !sameSet(read.clauseIds, new Set(ticked));

  const saveNew = async (input: TemplateInput) => {
    const writes = clauseSetWrites(ticked, libraryIds, input, sets);
    await session.commands.applyAll(writes.operations);
    notifyWithUndo(`Saved “${input.name.trim()}” as a team clause set`, () => void session.commands.undo());
    onChange(writes.id, null);
  };
  const rename = async (input: TemplateInput) => {
    if (chosen) await session.commands.applyAll([templateDetailsUpdate(chosen, input, sets)]);
  };
  const update = async () => {
    if (!chosen) return;
    try {
      await session.commands.applyAll([clauseSetUpdate(chosen.id, ticked, libraryIds)]);
      notifyWithUndo(`“${chosen.title}” now holds these ${ticked.length} clauses`, () => void session.commands.undo());
    } catch (error) {
      reportError('The clause set was not updated')(error);
    }
  };
  const remove = async () => {
    if (!chosen) return;
    try {
      await session.commands.softDelete('documents', [chosen.id]);
      notifyWithUndo(`Clause set “${chosen.title}” deleted`, () => void session.commands.restore('documents', [chosen.id]));
      onChange(SUGGESTED, null);
    } catch (error) {
      reportError('The clause set was not deleted')(error);
    }
  };

  return (
    <Stack gap={6}>
      <Group align="flex-end" gap="xs">
        <Select label="Clause set" w={360} allowDeselect={false} disabled={disabled} value={chosen ? chosen.id : SUGGESTED}
          data={templateOptionGroups(sets, campaignModels, [{ value: SUGGESTED, label: 'Suggested by each deal' }])}
          onChange={(v) => v && onChange(v, sets.find((s) => s.id === v) ?? null)} />
        {chosen && <Button variant="subtle" size="xs" leftSection={<IconPencil size={14} />} disabled={disabled} onClick={() => setSaving('rename')}>Rename</Button>}
        {chosen && <Button variant="subtle" size="xs" color="red" leftSection={<IconTrash size={14} />} disabled={disabled} onClick={() => void remove()}>Delete set</Button>}
      </Group>
      {read && read.missing.length > 0 && (
        <Alert color="yellow" p="xs">This set names clauses the app no longer has ({read.missing.join(', ')}); they are not in these contracts.</Alert>
      )}
      <Group gap="xs">
        <Button variant="light" size="xs" leftSection={<IconTemplate size={14} />} disabled={disabled} onClick={() => setSaving('new')}>Save these clauses as a team template</Button>
        {changed && <Button variant="default" size="xs" leftSection={<IconDeviceFloppy size={14} />} disabled={disabled} onClick={() => void update()}>Update “{chosen!.title}”</Button>}
      </Group>
      <SaveTemplateModal opened={saving !== null} onClose={() => setSaving(null)} saveLabel={saving === 'rename' ? 'Save' : 'Save clause set'}
        heading={saving === 'rename' ? 'Clause set name and models' : 'Save clauses as team template'}
        explanation={saving === 'rename' ? 'Teammates see the new name and models in their pickers.' : `The ${ticked.length} ticked clauses, for anyone in the team making contracts.`}
        initial={saving === 'rename' && chosen ? { name: chosen.title, activationModels: chosen.activationModels } : { name: '', activationModels: campaignModels }}
        onSave={saving === 'rename' ? rename : saveNew} />
    </Stack>
  );
}
