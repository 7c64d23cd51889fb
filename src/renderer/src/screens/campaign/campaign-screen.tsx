import { Anchor, Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCash, IconLayoutKanban, IconListDetails, IconMail, IconPresentation, IconTable, IconUserPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { hrefFor, navigate } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { useRxQuery } from '../../hooks/use-rx-query';
import { useScreenHeading } from '../../components/use-screen-heading';
import { formatDateRange, objectiveLabels, type CampaignRow } from '../campaign-row';
import { RecordPresence } from '../../components/record-presence';
import { stepsOf, type CampaignSteps } from '../first-step';
import { BucketProgress } from './bucket-progress';
import type { RosterEngagement } from '../../../../shared/domain/campaign-roster';
import { AddCreatorsModal } from './add-creators-modal';
import { CampaignBoard } from './campaign-board';
import { CampaignTable } from './campaign-table';
import { EditStepsModal } from './edit-steps-modal';
import { PlanTab } from '../plan/plan-tab';
import type { MovableEngagement } from './use-move-engagement';
import { OutreachPanel } from '../outreach/outreach-panel';
import { OffersPanel } from '../offers/offers-panel';

/** One campaign: its creators on a board, step by step. */
export function CampaignScreen({ id }: { id: string }) {
  const found = useRxQuery<CampaignRow & CampaignSteps>('campaigns', { selector: { id } }, `campaign-${id}`);
  const engagements = useRxQuery<MovableEngagement & RosterEngagement>('engagements', { selector: { campaignId: id, deletedAt: null } }, `board-${id}`);
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('board');
  const [adding, setAdding] = useState(false);
  const heading = useScreenHeading(found?.[0]?.name ?? '');
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const e of engagements ?? []) map.set(e.stepId, (map.get(e.stepId) ?? 0) + 1);
    return map;
  }, [engagements]);
  const campaign = found?.[0];
  // One array per change of the campaign: the step editor starts over only when the steps do.
  const steps = useMemo(() => (campaign ? stepsOf(campaign) : []), [campaign]);
  if (found && !campaign) {
    return <EmptyState icon={<IconArrowLeft />} title="This campaign is not here" action={<Button onClick={() => navigate({ screen: 'campaigns' })}>Back to campaigns</Button>}>
      It may have been deleted for good, or the link is from another workspace.
    </EmptyState>;
  }
  if (!campaign) return null;
  return (
    <Stack>
      <Anchor href={hrefFor({ screen: 'campaigns' })} size="sm"><Group gap={4}><IconArrowLeft size={14} />All campaigns</Group></Anchor>
      <Stack gap={4}>
        <Group gap="sm" wrap="nowrap">
          <Title order={1} size="h2" ref={heading} tabIndex={-1} style={{ minWidth: 0 }}>{campaign.name}</Title>
          <Badge variant="light">{campaign.status}</Badge>
          {campaign.deletedAt && <Badge color="red" variant="light">In the trash</Badge>}
          {!campaign.deletedAt && <Button ml="auto" leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>Add creators</Button>}
        </Group>
        <Text size="sm" c="dimmed">{campaign.kind === 'program' ? 'Program' : 'Campaign'} · {objectiveLabels[campaign.objective] ?? campaign.objective} · {formatDateRange(campaign.startsOn, campaign.endsOn)}</Text>
        <RecordPresence recordId={campaign.id} />
      </Stack>
      <BucketProgress buckets={campaign.buckets} engagements={engagements} />
      {/* One tab per way of working on the campaign; each tab's content is its own component. */}
      <Tabs value={tab} onChange={(value) => setTab(value ?? 'board')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="board" leftSection={<IconLayoutKanban size={16} />}>Board</Tabs.Tab>
          <Tabs.Tab value="table" leftSection={<IconTable size={16} />}>Table</Tabs.Tab>
          <Tabs.Tab value="outreach" leftSection={<IconMail size={16} />}>Outreach</Tabs.Tab>
          <Tabs.Tab value="offers" leftSection={<IconCash size={16} />}>Offers</Tabs.Tab>
          <Tabs.Tab value="plan" leftSection={<IconPresentation size={16} />}>Plan</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="board" pt="md">
          <Stack>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" c="dimmed">Drag a creator to the step they are at (or use the ⋯ menu on a card); each move is written in their timeline with who moved them and when.</Text>
              {!campaign.deletedAt && <Button variant="default" size="xs" leftSection={<IconListDetails size={14} />} onClick={() => setEditing(true)} style={{ flexShrink: 0 }}>Edit steps</Button>}
            </Group>
            <CampaignBoard campaignId={campaign.id} steps={steps} engagements={engagements} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="table" pt="md">
          <CampaignTable campaignId={campaign.id} campaignName={campaign.name} steps={steps} buckets={campaign.buckets} engagements={engagements} readOnly={!!campaign.deletedAt} />
        </Tabs.Panel>
        <Tabs.Panel value="outreach" pt="md"><OutreachPanel campaignId={campaign.id} /></Tabs.Panel>
        <Tabs.Panel value="offers" pt="md"><OffersPanel campaignId={campaign.id} /></Tabs.Panel>
        <Tabs.Panel value="plan" pt="md"><PlanTab campaignId={campaign.id} /></Tabs.Panel>
      </Tabs>
      {adding && <AddCreatorsModal campaign={{ id: campaign.id, name: campaign.name, steps }} alreadyIn={new Set((engagements ?? []).map((e) => e.creatorId))} onClose={() => setAdding(false)} />}
      <EditStepsModal opened={editing} onClose={() => setEditing(false)} campaignId={campaign.id} steps={steps} counts={counts}
        engagementsAt={(stepId) => (engagements ?? []).filter((e) => e.stepId === stepId).map((e) => e.id)} />
    </Stack>
  );
}
