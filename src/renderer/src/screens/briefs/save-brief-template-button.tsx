import { Button } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useState } from 'react';
import { BRIEF_TEMPLATE, briefTemplateWrites } from '../../../../shared/domain/team-templates';
import { useSession } from '../../app/workspace-context';
import { notifyWithUndo } from '../../components/undo-notification';
import { richTextContent, seedRichText } from '../../data/rich-text/seed-rich-text';
import { useRichTextLink } from '../../hooks/use-rich-text-link';
import { briefBodyDocId, type BriefRow } from '../brief-row';
import { SaveTemplateModal } from '../templates/save-template-modal';
import { useTeamTemplates } from '../templates/use-team-templates';

/** "Save as team template": the brief's text, mood board and references become a starting point for the team's next briefs. */
export function SaveBriefTemplateButton({ brief, campaignModels }: { brief: BriefRow & { references?: string[] }; campaignModels: string[] }) {
  const session = useSession();
  const link = useRichTextLink();
  const templates = useTeamTemplates(BRIEF_TEMPLATE);
  const [open, setOpen] = useState(false);

  const save = async (input: { name: string; activationModels: readonly string[] }) => {
    const writes = briefTemplateWrites({ ...brief, bodyDocId: brief.bodyDocId ?? briefBodyDocId(brief.id) }, input, templates ?? []);
    await seedRichText(session.id, writes.copyText.to, link, await richTextContent(session.id, writes.copyText.from, link));
    await session.commands.applyAll(writes.operations);
    notifyWithUndo(`Saved “${input.name.trim()}” as a team template. New briefs can start from it.`, () => void session.commands.softDelete('documents', [writes.id]));
  };

  return (
    <>
      <Button variant="default" leftSection={<IconTemplate size={16} />} onClick={() => setOpen(true)}>Save as team template</Button>
      <SaveTemplateModal opened={open} onClose={() => setOpen(false)} heading="Save as team template" saveLabel="Save template"
        explanation="A copy of this brief’s text, mood board and references, which anyone in the team can start a new brief from. This brief stays as it is."
        initial={{ name: brief.title, activationModels: campaignModels }} onSave={save} />
    </>
  );
}
