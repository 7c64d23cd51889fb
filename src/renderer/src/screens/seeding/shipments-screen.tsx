import { Badge, Button, Select, Stack, Tabs } from '@mantine/core';
import { IconBox, IconClockExclamation, IconSpeakerphone, IconTruck } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { notPostedQueue } from '../../../../shared/domain/shipments';
import { navigate } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { CampaignRow } from '../campaign-row';
import { stepsOf, type CampaignSteps } from '../first-step';
import { NotPostedPanel } from './not-posted-panel';
import { ProductsPanel } from './products-panel';
import { ShipmentsPanel } from './shipments-panel';
import { useSeedingData } from './use-seeding-data';

const CAMPAIGN_KEY = 'fanfare:seeding:campaign';

/** Seeding: the catalogue, each campaign's parcels from opt-in to doorstep, and who still has to post. */
export function ShipmentsScreen() {
  const campaigns = useRxQuery<CampaignRow & CampaignSteps & { productIds?: string[] }>('campaigns', { selector: { deletedAt: null }, sort: [{ name: 'asc' }] }, 'seeding-campaigns');
  const workspace = useRxQuery<{ id: string; name: string; data: { currency?: string } }>('settings', { selector: { kind: 'workspace' } }, 'seeding-workspace');
  const [campaignId, setCampaignId] = useState<string | null>(() => localStorage.getItem(CAMPAIGN_KEY));
  const [tab, setTab] = useState<string | null>('shipments');
  // The campaign last worked on, else the first gifting one, else the first.
  useEffect(() => {
    if (!campaigns?.length || campaigns.some((c) => c.id === campaignId)) return;
    setCampaignId((campaigns.find((c) => c.activationModels.includes('gifting')) ?? campaigns[0]).id);
  }, [campaigns, campaignId]);
  const data = useSeedingData(campaignId);
  const campaign = campaigns?.find((c) => c.id === campaignId) ?? null;
  const steps = useMemo(() => (campaign ? stepsOf(campaign) : []), [campaign]);
  const brand = workspace?.[0]?.name ?? '';
  const currency = workspace?.[0]?.data?.currency ?? 'USD';
  const followUps = useMemo(() => notPostedQueue(data.shipments ?? [], data.posts ?? [], new Date(), 7).length, [data.shipments, data.posts]);

  if (campaigns && campaigns.length === 0) {
    return (
      <EmptyState icon={<IconSpeakerphone />} title="Seeding starts with a campaign" action={<Button onClick={() => navigate({ screen: 'campaigns' })}>Go to campaigns</Button>}>
        Create a gifting campaign and add creators to it; here you then choose what each gets, export the orders for Shopify or your warehouse, and follow every parcel to a post.
      </EmptyState>
    );
  }
  return (
    <Stack gap={0}>
      <PageHeader title="Seeding" subtitle="Products to send, each creator’s parcel from opt-in to doorstep, and who still has to post."
        actions={
          <Select aria-label="Campaign" placeholder="Choose a campaign" w={260} searchable allowDeselect={false}
            data={(campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))} value={campaignId}
            onChange={(v) => { setCampaignId(v); if (v) localStorage.setItem(CAMPAIGN_KEY, v); }} />
        } />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="shipments" leftSection={<IconTruck size={16} />}>Shipments</Tabs.Tab>
          <Tabs.Tab value="products" leftSection={<IconBox size={16} />}>Product catalogue <Badge size="xs" variant="light" color="gray" ml={4}>{data.products?.length ?? 0}</Badge></Tabs.Tab>
          <Tabs.Tab value="not-posted" leftSection={<IconClockExclamation size={16} />}>Delivered, not posted {followUps > 0 && <Badge size="xs" color="orange" ml={4}>{followUps}</Badge>}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="shipments">
          {campaign && data.engagements && data.shipments && data.products && (
            <ShipmentsPanel campaignId={campaign.id} campaignName={campaign.name} campaignProductIds={campaign.productIds ?? []} steps={steps} brand={brand} engagements={data.engagements} creatorById={data.creatorById}
              shipments={data.shipments} products={data.products} productById={data.productById} orderNames={data.orderNames} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="products"><ProductsPanel products={data.products} currency={currency} /></Tabs.Panel>
        <Tabs.Panel value="not-posted">
          {campaign && (
            <NotPostedPanel campaignName={campaign.name} brand={brand} shipments={data.shipments ?? []} posts={data.posts ?? []} creatorById={data.creatorById} productById={data.productById} />
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
