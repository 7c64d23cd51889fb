import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { BRIEF_TEMPLATE, templateDetailsUpdate } from '../../../../shared/domain/team-templates';
import { navigate } from '../../app/routes';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { activationLabels } from '../campaign-row';
import { SaveTemplateModal } from '../templates/save-template-modal';
import { useTeamTemplates, type TeamTemplate } from '../templates/use-team-templates';

/** On a brief template: what it is for, and renaming or deleting it. Its text is edited below like any brief's. */
export function BriefTemplateBar({ template }: { template: TeamTemplate }) {
  const session = useSession();
  const templates = useTeamTemplates(BRIEF_TEMPLATE);
  const [renaming, setRenaming] = useState(false);
  const models = template.activationModels;

  const remove = async () => {
    try {
      await session.commands.softDelete('documents', [template.id]);
      notifyWithUndo(`Template “${template.title}” deleted`, () => void session.commands.restore('documents', [template.id]));
      navigate({ screen: 'briefs' });
    } catch (error) {
      reportError('The template was not deleted')(error);
    }
  };

  return (
    <Paper withBorder radius="lg" p="md" data-testid="brief-template-bar">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={4}>
          <Group gap={6}>
            <Badge variant="light">Team brief template</Badge>
            {models.length ? models.map((m) => <Badge key={m} variant="outline" color="gray">{activationLabels[m] ?? m}</Badge>) : <Badge variant="outline" color="gray">Any campaign</Badge>}
          </Group>
          <Text size="sm" c="dimmed">New briefs can start from this text. Changing it here changes only briefs started from it later; briefs already made keep their own text.</Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setRenaming(true)}>Rename</Button>
          <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={() => void remove()}>Delete template</Button>
        </Group>
      </Group>
      <SaveTemplateModal opened={renaming} onClose={() => setRenaming(false)} heading="Template name and models" saveLabel="Save"
        explanation="Teammates see the new name and models in their pickers." initial={{ name: template.title, activationModels: models }}
        onSave={async (input) => { await session.commands.applyAll([templateDetailsUpdate(template, input, templates ?? [])]); }} />
    </Paper>
  );
}
