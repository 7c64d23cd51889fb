import { Anchor, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { monthlyBriefTitle, nextBriefMonth, standardBriefSections } from '../../../../shared/domain/brief-template';
import { BRIEF_TEMPLATE, rankTemplates } from '../../../../shared/domain/team-templates';
import { hrefFor, navigate } from '../../app/routes';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { useRichTextLink } from '../../hooks/use-rich-text-link';
import { useRxQuery } from '../../hooks/use-rx-query';
import { templateOptionGroups } from '../templates/template-options';
import { useTeamTemplates } from '../templates/use-team-templates';
import { createBrief, type BriefCampaign } from './create-brief';

type Start = 'sections' | 'team' | 'blank';

/** A new brief: a title, the campaign it is for, and what its text starts from (the built-in sections, a team template or a blank page). */
export function NewBriefModal({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const link = useRichTextLink();
  const campaigns = useRxQuery<BriefCampaign>('campaigns', { selector: { deletedAt: null }, sort: [{ name: 'asc' }] }, 'brief-campaigns');
  const templates = useTeamTemplates(BRIEF_TEMPLATE);
  const [title, setTitle] = useState('');
  const [campaignId, setCampaignId] = useState<string | null>(null);
  // null: not chosen yet, so the team's template for the campaign's models is offered when there is one.
  const [chosenStart, setChosenStart] = useState<Start | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const campaign = campaigns?.find((c) => c.id === campaignId) ?? null;
  const models = campaign?.activationModels ?? [];
  const suggested = campaign ? (campaign.kind === 'program' ? monthlyBriefTitle(campaign.name, nextBriefMonth(null, new Date())) : `${campaign.name} brief`) : '';
  const ranked = rankTemplates(templates ?? [], models);
  const bestFit = ranked.find((r) => r.fit === 'match')?.template.id;
  const start: Start = chosenStart ?? (bestFit ? 'team' : 'sections');
  const templateId = chosen ?? bestFit ?? ranked[0]?.template.id ?? null;
  const template = start === 'team' ? templates?.find((t) => t.id === templateId) ?? null : null;

  const submit = async () => {
    const name = title.trim() || suggested;
    if (!name) return setError('Give the brief a title, e.g. “Spring launch – TikTok”');
    setBusy(true);
    try {
      const id = await createBrief(session, link, name, campaign, template ?? (start === 'blank' ? 'blank' : 'sections'));
      onClose();
      navigate({ screen: 'brief', id });
    } catch (e) {
      reportError('The brief was not created')(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={<Title order={4}>New brief</Title>} size="lg">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Stack gap="sm">
          <Select label="For campaign or program" placeholder="Not linked yet" clearable searchable data={(campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={campaignId} onChange={setCampaignId} nothingFoundMessage="No campaign with that name" />
          <TextInput label="Brief title" placeholder={suggested || 'e.g. Spring launch – TikTok'} value={title} onChange={(e) => { setTitle(e.currentTarget.value); setError(null); }} error={error} data-autofocus />
          <Stack gap={4}>
            <Text size="sm" fw={500}>Start from</Text>
            <SegmentedControl value={start} onChange={(v) => setChosenStart(v as Start)} aria-label="Start from"
              data={[{ value: 'sections', label: 'Our brief sections' }, { value: 'team', label: 'A team template', disabled: !templates?.length }, { value: 'blank', label: 'A blank page' }]} />
            {start === 'team' && <Select label="Team template" allowDeselect={false} value={templateId} onChange={setChosen}
              data={templateOptionGroups(templates ?? [], models, [])} />}
            {start === 'sections' && <Text size="xs" c="dimmed">{standardBriefSections.map((s) => s.heading).join(' · ')}{campaign?.keyMessages.length ? '. The campaign’s key messages and dates are filled in.' : '.'}</Text>}
            {template && <Text size="xs" c="dimmed">The brief starts as a copy of “{template.title}”: its text, mood board and references. <Anchor size="xs" href={hrefFor({ screen: 'brief', id: template.id })}>Open the template</Anchor> to edit, rename or delete it.</Text>}
            {!templates?.length && <Text size="xs" c="dimmed">Your team’s own templates appear here: open a brief and choose “Save as team template”.</Text>}
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy}>Create brief</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
