import { Button, Group, Select, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { activationModels as knownModels } from '../../../../shared/data/schemas/campaigns';
import { guideSettingsFromTemplate, guideTemplateValues, type GuideTemplateSettings } from '../../../../shared/documents/whitelisting-guide';
import { useSession } from '../../app/workspace-context';
import { NameModal } from '../../components/name-modal';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { useRxQuery } from '../../hooks/use-rx-query';

export const GUIDE_TEMPLATE_FOR = 'ad-access-guide';

interface TemplateRow { id: string; title: string; mergeValues: Record<string, string>; activationModels: string[] }

/**
 * Start the ad access guide from a team template, or keep the brand's side
 * of it (handles, business, code length, where codes go) as one. Templates
 * made for the campaign's activation model are offered first.
 */
export function AdAccessGuideTemplates({ current, activationModels, onApply }: {
  current: GuideTemplateSettings; activationModels: readonly string[]; onApply: (settings: GuideTemplateSettings, problems: string[]) => void;
}) {
  const session = useSession();
  const templates = useRxQuery<TemplateRow>('documents', { selector: { kind: 'template', templateFor: GUIDE_TEMPLATE_FOR, deletedAt: null }, sort: [{ title: 'asc' }] }, 'ad-access-guide-templates');
  const [naming, setNaming] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const fits = (t: TemplateRow) => t.activationModels.length === 0 || t.activationModels.some((m) => activationModels.includes(m));
  const data = [
    { group: 'For this campaign', items: (templates ?? []).filter(fits).map((t) => ({ value: t.id, label: t.title })) },
    { group: 'Other campaigns', items: (templates ?? []).filter((t) => !fits(t)).map((t) => ({ value: t.id, label: t.title })) },
  ].filter((g) => g.items.length);
  const apply = (id: string | null) => {
    setChosen(id);
    const template = templates?.find((t) => t.id === id);
    if (!template) return;
    const { settings, problems } = guideSettingsFromTemplate(template.mergeValues);
    onApply(settings, problems);
  };
  const save = async (title: string) => {
    try {
      await session.commands.create('documents', {
        kind: 'template', title: title.trim(), templateFor: GUIDE_TEMPLATE_FOR, mergeValues: guideTemplateValues(current),
        activationModels: knownModels.filter((m) => activationModels.includes(m)),
      });
      notifyWithUndo(`Template “${title.trim()}” saved for the team`, () => void session.commands.undo());
    } catch (error) {
      reportError('The template was not saved')(error);
    }
  };
  return (
    <Group align="flex-end" gap="xs" data-testid="guide-templates">
      <Select style={{ flex: 1 }} label="Start from a team template" placeholder={templates?.length ? 'Choose a template' : 'No team template yet: save these settings as one'}
        data={data} value={chosen} onChange={apply} clearable disabled={!templates?.length} />
      <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => setNaming(true)}>Save as team template</Button>
      {!templates?.length && <Text size="xs" c="dimmed" w="100%">A template keeps the brand’s handles, Meta business, code length, ad account and where codes go; the creator and dates come from each campaign.</Text>}
      <NameModal opened={naming} title="Save the guide settings as a team template" label="Template name" initial="Ad access guide" submitLabel="Save template"
        validate={(v) => (v.trim() ? (v.trim().length > 200 ? 'Keep the name under 200 characters' : null) : 'A template needs a name')} onSubmit={save} onClose={() => setNaming(false)} />
    </Group>
  );
}
