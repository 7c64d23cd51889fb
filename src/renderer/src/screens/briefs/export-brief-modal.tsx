import { Alert, Button, Group, List, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconEye } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { PmNode } from '../../../../shared/documents/brief';
import { briefTermsFrom, moodBoardFrom, type BriefCampaignRecord, type BriefEngagementRecord } from '../../../../shared/documents/brief-from-records';
import { promptLine, type UneditedPrompt } from '../../../../shared/documents/brief-prompts';
import type { BriefCopy } from '../../../../shared/documents/brief-spec';
import type { DocumentRequest } from '../../../../shared/documents/requests';
import { useRxQuery } from '../../hooks/use-rx-query';
import { PdfPreviewModal } from '../documents/pdf-preview-modal';
import { useBrandKit } from '../documents/use-brand-kit';
import { useMoodBoardImages } from './mood-board-images';

export interface ExportableBrief {
  id: string;
  title: string;
  statusLabel: string;
  campaignId: string | null;
  moodBoard: string[];
  updatedAt: string;
}

interface CampaignRow extends BriefCampaignRecord { id: string; name: string }
interface EngagementRow extends BriefEngagementRecord { id: string }

const ALL = 'all';

/** Which copy to make, what it leaves out, and (while any is left) the template prompts that stop the export. */
export function ExportBriefModal({ brief, body, prompts, onClose }: { brief: ExportableBrief; body: PmNode; prompts: UneditedPrompt[]; onClose: () => void }) {
  const { kit } = useBrandKit();
  const [copy, setCopy] = useState<BriefCopy>('creator');
  const [forCreator, setForCreator] = useState<string>(ALL);
  const [request, setRequest] = useState<DocumentRequest | null>(null);
  const campaign = useRxQuery<CampaignRow>('campaigns', { selector: { id: brief.campaignId ?? '-' } }, `brief-export-campaign-${brief.campaignId}`)?.[0] ?? null;
  const engagements = useRxQuery<EngagementRow>('engagements', { selector: { campaignId: brief.campaignId ?? '-', deletedAt: null } }, `brief-export-engagements-${brief.campaignId}`);
  const creatorIds = useMemo(() => (engagements ?? []).map((e) => e.creatorId).sort(), [engagements]);
  const creators = useRxQuery<{ id: string; name: string }>('creators', { selector: { id: { $in: creatorIds } } }, `brief-export-creators-${creatorIds.join(',').slice(0, 2000)}`);
  const images = useMoodBoardImages();
  const names = useMemo(() => new Map((creators ?? []).map((c) => [c.id, c.name])), [creators]);
  const terms = briefTermsFrom(campaign, engagements ?? [], (id) => names.get(id));
  const board = moodBoardFrom(brief.moodBoard, images ?? []);
  const withTerms = [...new Set(terms.deliverables.map((d) => d.creatorName))].sort((a, b) => a.localeCompare(b));
  const titleNamesCampaign = !!campaign && copy === 'creator' && brief.title.toLowerCase().includes(campaign.name.toLowerCase());

  const preview = () => setRequest({
    kind: 'brief', brand: kit, copy, title: brief.title, campaignName: campaign?.name ?? null, statusLabel: brief.statusLabel,
    updatedOn: new Date(brief.updatedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
    body, campaign: terms.campaign, deliverables: terms.deliverables, moodBoard: board.pictures,
    ...(copy === 'creator' && forCreator !== ALL ? { forCreator } : {}),
  });

  return (
    <>
      <Modal opened={!request} onClose={onClose} title={`Export · ${brief.title}`} size="lg">
        <Stack>
          <SegmentedControl value={copy} onChange={(v) => setCopy(v as BriefCopy)} aria-label="Which copy"
            data={[{ value: 'creator', label: 'Creator copy' }, { value: 'team', label: 'Team copy' }]} />
          {copy === 'creator'
            ? <Text size="sm">To send to creators. It leaves out what is internal: the status, the campaign’s internal name{campaign ? ` (“${campaign.name}”)` : ''}, the budget, the campaign’s notes, fees, and other creators’ names.</Text>
            : <Text size="sm">For your team: everything, with the status, budget, notes and each creator’s fee. Every page says “Team copy, internal”; do not send it to creators.</Text>}
          {copy === 'creator' && withTerms.length > 0 && (
            <Select label="For" data={[{ value: ALL, label: 'Any creator in the campaign (deliverables without names)' }, ...withTerms.map((n) => ({ value: n, label: `${n} (only their deliverables)` }))]}
              value={forCreator} onChange={(v) => setForCreator(v ?? ALL)} allowDeselect={false} />
          )}
          {titleNamesCampaign && <Text size="sm" c="orange.8">The brief’s title names the campaign (“{campaign!.name}”); creators will see the title as it is.</Text>}
          <List size="sm" spacing={2} c="dimmed">
            <List.Item>Mood board: {board.pictures.length ? `${board.pictures.length} ${board.pictures.length === 1 ? 'picture' : 'pictures'}` : 'none chosen'}{board.gone ? ` (${board.gone} deleted from the Library, left out)` : ''}</List.Item>
            <List.Item>Deliverables and key dates: {!campaign ? 'link the brief to a campaign to add them from its terms' : terms.deliverables.length ? `from the agreed terms of ${withTerms.length} ${withTerms.length === 1 ? 'creator' : 'creators'}` : 'no creator in the campaign has agreed terms yet; the campaign’s dates only'}</List.Item>
          </List>
          {prompts.length > 0 && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} title={`Not ready to send: ${prompts.length === 1 ? 'one prompt' : `${prompts.length} prompts`} from the template`} data-testid="brief-prompts">
              <Text size="sm" mb={6}>Write your own words in place of each, then export.</Text>
              <List size="sm" spacing={2}>{prompts.map((p, i) => <List.Item key={i}>{promptLine(p)}</List.Item>)}</List>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button leftSection={<IconEye size={16} />} disabled={prompts.length > 0} onClick={preview}>Preview {copy === 'creator' ? 'creator' : 'team'} copy</Button>
          </Group>
        </Stack>
      </Modal>
      <PdfPreviewModal request={request} title={`Preview · ${brief.title} · ${copy === 'creator' ? 'Creator copy' : 'Team copy'}`} onClose={() => setRequest(null)} />
    </>
  );
}
