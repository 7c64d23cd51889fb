import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { monthlyBriefTitle, nextBriefMonth, standardBriefSections } from '../../../../shared/domain/brief-template';
import { navigate } from '../../app/routes';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { useRichTextLink } from '../../hooks/use-rich-text-link';
import { useRxQuery } from '../../hooks/use-rx-query';
import { createBrief, type BriefCampaign } from './create-brief';

/** A new brief: a title, the campaign it is for, and whether to start from the team's sections or a blank page. */
export function NewBriefModal({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const link = useRichTextLink();
  const campaigns = useRxQuery<BriefCampaign>('campaigns', { selector: { deletedAt: null }, sort: [{ name: 'asc' }] }, 'brief-campaigns');
  const [title, setTitle] = useState('');
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [start, setStart] = useState<'template' | 'blank'>('template');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const campaign = campaigns?.find((c) => c.id === campaignId) ?? null;
  const suggested = campaign ? (campaign.kind === 'program' ? monthlyBriefTitle(campaign.name, nextBriefMonth(null, new Date())) : `${campaign.name} brief`) : '';

  const submit = async () => {
    const name = title.trim() || suggested;
    if (!name) return setError('Give the brief a title, e.g. “Spring launch – TikTok”');
    setBusy(true);
    try {
      const id = await createBrief(session, link, name, campaign, start === 'template');
      onClose();
      navigate({ screen: 'brief', id });
    } catch (e) {
      reportError('The brief was not created')(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={<Title order={4}>New brief</Title>} size="md">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Stack gap="sm">
          <Select label="For campaign or program" placeholder="Not linked yet" clearable searchable data={(campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={campaignId} onChange={setCampaignId} nothingFoundMessage="No campaign with that name" />
          <TextInput label="Brief title" placeholder={suggested || 'e.g. Spring launch – TikTok'} value={title} onChange={(e) => { setTitle(e.currentTarget.value); setError(null); }} error={error} data-autofocus />
          <Stack gap={4}>
            <Text size="sm" fw={500}>Start from</Text>
            <SegmentedControl value={start} onChange={(v) => setStart(v as 'template' | 'blank')} aria-label="Start from"
              data={[{ value: 'template', label: 'Our brief sections' }, { value: 'blank', label: 'A blank page' }]} />
            {start === 'template' && <Text size="xs" c="dimmed">{standardBriefSections.map((s) => s.heading).join(' · ')}{campaign?.keyMessages.length ? '. The campaign’s key messages and dates are filled in.' : '.'}</Text>}
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
