import { Button, Card, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { messageTemplateWrites } from '../../../../shared/domain/team-templates';
import { useSession } from '../../app/workspace-context';
import { notifyWithUndo } from '../../components/undo-notification';
import { SaveTemplateModal } from './save-template-modal';
import type { Template } from '../outreach/use-outreach-data';

export interface Draft {
  subject: string;
  body: string;
}

/**
 * The message being written, changed from its template for this campaign.
 * It is what the previews and the batch use; "Save as team template" keeps
 * it for the team as a new template, leaving the original as it was.
 */
export function MessageDraft({ template, templates, campaignModels, draft, onChange, onDiscard, onSaved }: {
  template: Template; templates: Template[]; campaignModels: string[]; draft: Draft; onChange: (draft: Draft) => void; onDiscard: () => void; onSaved: (id: string) => void;
}) {
  const session = useSession();
  const [saving, setSaving] = useState(false);
  const hasSubject = template.templateFor !== 'dm';

  const save = async (input: { name: string; activationModels: readonly string[] }) => {
    const writes = messageTemplateWrites({ channel: template.templateFor, subject: draft.subject, body: draft.body }, input, templates);
    await session.commands.applyAll(writes.operations);
    notifyWithUndo(`Saved “${input.name.trim()}” as a team template`, () => void session.commands.undo());
    onSaved(writes.id);
  };

  return (
    <Card withBorder radius="md" data-testid="message-draft">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">Changes here go into this batch’s messages. “{template.title}” stays as it is unless you save a new template.</Text>
        {hasSubject && <TextInput label="Subject" value={draft.subject} onChange={(e) => onChange({ ...draft, subject: e.currentTarget.value })} />}
        <Textarea label="Message" autosize minRows={5} maxRows={14} value={draft.body} onChange={(e) => onChange({ ...draft, body: e.currentTarget.value })} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDiscard}>Back to the template’s text</Button>
          <Button variant="light" leftSection={<IconTemplate size={16} />} onClick={() => setSaving(true)}>Save as team template</Button>
        </Group>
      </Stack>
      <SaveTemplateModal opened={saving} onClose={() => setSaving(false)} heading="Save message as team template" saveLabel="Save template"
        explanation="Everyone in the team can then pick this message for their campaigns, with each creator’s merge fields filled in."
        initial={{ name: '', activationModels: campaignModels }} onSave={save} />
    </Card>
  );
}
