import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { hrefFor, navigate } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { useRxQuery } from '../../hooks/use-rx-query';
import { formatDateRange, objectiveLabels, type CampaignRow } from '../campaign-row';
import { RecordPresence } from '../../components/record-presence';
import { stepsOf, type CampaignSteps } from '../first-step';
import { CampaignBoard } from './campaign-board';

/** One campaign: its creators on a board, step by step. */
export function CampaignScreen({ id }: { id: string }) {
  const found = useRxQuery<CampaignRow & CampaignSteps>('campaigns', { selector: { id } }, `campaign-${id}`);
  const campaign = found?.[0];
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
        <Group gap="sm">
          <Title order={2}>{campaign.name}</Title>
          <Badge variant="light">{campaign.status}</Badge>
          {campaign.deletedAt && <Badge color="red" variant="light">In the trash</Badge>}
        </Group>
        <Text size="sm" c="dimmed">{campaign.kind === 'program' ? 'Program' : 'Campaign'} · {objectiveLabels[campaign.objective] ?? campaign.objective} · {formatDateRange(campaign.startsOn, campaign.endsOn)}</Text>
        <RecordPresence recordId={campaign.id} />
      </Stack>
      <Text size="sm" c="dimmed">Drag a creator to the step they are at (or use the ⋯ menu on a card); each move is written in their timeline with who moved them and when.</Text>
      <CampaignBoard campaignId={campaign.id} steps={stepsOf(campaign)} />
    </Stack>
  );
}
