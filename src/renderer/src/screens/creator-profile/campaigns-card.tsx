import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { hrefFor } from '../../app/routes';
import { useRxQuery } from '../../hooks/use-rx-query';
import { stepName, type CampaignSteps } from '../first-step';

interface EngagementRow { id: string; campaignId: string; stepId: string; deletedAt: string | null }
interface CampaignRow extends CampaignSteps { id: string; name: string; status: string }

/** The campaigns this creator is part of, and where they stand in each. */
export function CampaignsCard({ creatorId }: { creatorId: string }) {
  const engagements = useRxQuery<EngagementRow>('engagements', { selector: { creatorId, deletedAt: null } }, `engagements-${creatorId}`);
  const ids = useMemo(() => [...new Set((engagements ?? []).map((e) => e.campaignId))], [engagements]);
  const campaigns = useRxQuery<CampaignRow>('campaigns', { selector: { id: { $in: ids } } }, `campaigns-of-${ids.join(',')}`);
  const byId = new Map((campaigns ?? []).map((c) => [c.id, c]));
  return (
    <Card withBorder radius="lg" data-testid="campaigns-card">
      <Text fw={700} mb="sm">Campaigns</Text>
      {engagements && engagements.length === 0 && <Text size="sm" c="dimmed">Not in a campaign yet. Add them from the creator list or a campaign’s shortlist.</Text>}
      <Stack gap={6}>
        {engagements?.map((e) => {
          const campaign = byId.get(e.campaignId);
          return (
            <Group key={e.id} justify="space-between" wrap="nowrap">
              <Anchor href={hrefFor({ screen: 'campaigns' })} size="sm">{campaign?.name ?? 'A removed campaign'}</Anchor>
              <Badge variant="light" color="grape">{stepName(campaign, e.stepId)}</Badge>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
