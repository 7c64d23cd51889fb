import { Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMemo } from 'react';
import { followUpQueue } from '../../../../shared/domain/follow-ups';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useRxQuery } from '../../hooks/use-rx-query';
import { FollowUpQueue } from './follow-up-queue';
import { useNow } from './use-now';
import { ruleOf, useTemplates, type Campaign, type Engagement } from './use-outreach-data';

/** "Needs follow-up today" across every campaign: one list per campaign, by its own rule. */
export function FollowUpsScreen() {
  const campaigns = useRxQuery<Campaign>('campaigns', { selector: { deletedAt: null } }, 'follow-ups-campaigns');
  const waiting = useRxQuery<Engagement>('engagements', { selector: { deletedAt: null, lastContactedAt: { $ne: null }, repliedAt: null, declinedAt: null } }, 'follow-ups-waiting');
  const templates = useTemplates();
  const now = useNow();
  const due = useMemo(() => (campaigns ?? []).map((campaign) => ({
    campaign,
    count: followUpQueue((waiting ?? []).filter((e) => e.campaignId === campaign.id).map((e) => ({ ...e, followUpsSent: e.followUpsSent ?? 0, name: '' })), ruleOf(campaign), now).length,
  })).filter((c) => c.count > 0), [campaigns, waiting, now]);
  if (!campaigns || !waiting || !templates) return null;
  const total = due.reduce((s, c) => s + c.count, 0);
  return (
    <Stack>
      <PageHeader title="Needs follow-up today" subtitle={total ? `${total} creator${total > 1 ? 's' : ''} across ${due.length} campaign${due.length > 1 ? 's' : ''} have not answered in time.` : 'Creators who have not answered in time, by each campaign’s follow-up rule.'} />
      {due.length === 0 ? (
        <EmptyState icon={<IconCircleCheck />} title="Nobody to chase today">
          <Text size="sm" c="dimmed" span>When a creator has not answered your outreach within the campaign’s follow-up rule (3 working days by default), they appear here with the follow-up ready to send.</Text>
        </EmptyState>
      ) : due.map(({ campaign }) => <FollowUpQueue key={campaign.id} campaignId={campaign.id} templates={templates} now={now} showCampaign />)}
    </Stack>
  );
}
