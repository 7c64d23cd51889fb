import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { RecordOf } from '../../../../shared/data/records';
import { campaignBudget, paymentFromActivity, type BudgetPayment } from '../../../../shared/domain/campaign-budget';
import { describeTerms, negotiationStatus, openOffer, statusLabels, type NegotiationStatus } from '../../../../shared/domain/offers';
import { buildOffersTable } from '../../../../shared/domain/table-exports/outreach';
import { hrefFor } from '../../app/routes';
import { ExportTableMenu } from '../../components/export-table-menu';
import { useRxQuery } from '../../hooks/use-rx-query';
import type { CreatorRow } from '../creator-row';
import { BudgetCard } from './budget-card';
import { NegotiationModal } from './negotiation-modal';

type Engagement = RecordOf<'engagements'>;

const statusColors: Record<NegotiationStatus, string> = {
  'no-offer': 'gray', 'awaiting-creator': 'blue', 'awaiting-brand': 'grape', agreed: 'teal', declined: 'red',
};

const statusOrder: Record<NegotiationStatus, number> = { 'awaiting-brand': 0, 'awaiting-creator': 1, 'no-offer': 2, agreed: 3, declined: 4 };

type Show = 'negotiating' | 'agreed' | 'all';

/** The campaign's Offers tab: the budget against planned, committed and spent, and every creator's terms. */
export function OffersPanel({ campaignId }: { campaignId: string }) {
  const campaign = useRxQuery<RecordOf<'campaigns'>>('campaigns', { selector: { id: campaignId } }, `offers-campaign-${campaignId}`)?.[0] ?? null;
  const engagements = useRxQuery<Engagement>('engagements', { selector: { campaignId, deletedAt: null } }, `offers-engagements-${campaignId}`);
  const paymentRows = useRxQuery<RecordOf<'activities'>>('activities', { selector: { campaignId, kind: 'payment', deletedAt: null } }, `offers-payments-${campaignId}`);
  const products = useRxQuery<RecordOf<'products'>>('products', { selector: { deletedAt: null } }, 'offers-products');
  const ids = useMemo(() => [...new Set((engagements ?? []).map((e) => e.creatorId))].sort(), [engagements]);
  const creators = useRxQuery<CreatorRow>('creators', { selector: { id: { $in: ids } } }, `offers-creators-${campaignId}-${ids.length}-${ids[0] ?? ''}-${ids[ids.length - 1] ?? ''}`);
  const [show, setShow] = useState<Show>('negotiating');
  const [openId, setOpenId] = useState<string | null>(null);

  const names = useMemo(() => new Map((creators ?? []).map((c) => [c.id, c.name])), [creators]);
  const payments = useMemo<BudgetPayment[]>(() => (paymentRows ?? []).flatMap((a) => {
    const amount = paymentFromActivity(a.data);
    return amount ? [{ amount }] : [];
  }), [paymentRows]);
  const summary = useMemo(() => campaignBudget(campaign?.budget ?? null, engagements ?? [], payments), [campaign, engagements, payments]);
  const productName = (id: string) => products?.find((p) => p.id === id)?.name;

  const rows = useMemo(() => (engagements ?? [])
    .map((e) => ({ engagement: e, status: negotiationStatus(e), name: names.get(e.creatorId) ?? '…' }))
    .filter((r) => (show === 'all' ? true : show === 'agreed' ? r.status === 'agreed' : r.status === 'awaiting-brand' || r.status === 'awaiting-creator' || r.status === 'no-offer'))
    // Whoever waits for us comes first: a counter-offer to answer, then offers out, then nobody asked yet.
    .sort((a, b) => statusOrder[a.status] - statusOrder[b.status] || a.name.localeCompare(b.name)), [engagements, names, show]);

  if (!campaign || !engagements || !products) return null;
  const opened = engagements.find((e) => e.id === openId) ?? null;
  return (
    <Stack>
      <BudgetCard summary={summary} />
      <Card withBorder radius="lg">
        <Group justify="space-between" mb="sm">
          <Stack gap={0}>
            <Text fw={700}>Offers and terms</Text>
            <Text size="xs" c="dimmed">Log each offer and counter-offer; accepting one makes it the agreed terms and commits it to the budget.</Text>
          </Stack>
          <Group gap="xs">
            <SegmentedControl size="xs" value={show} onChange={(v) => setShow(v as Show)} data={[
              { value: 'negotiating', label: 'To agree' }, { value: 'agreed', label: 'Agreed' }, { value: 'all', label: 'Everyone' },
            ]} />
            <ExportTableMenu rowCount={rows.length} name="offers" filters={[campaign.name, show]} sheetName="Offers" what={['creator', 'creators']}
              build={() => buildOffersTable(rows.map(({ engagement, status, name }) => {
                const terms = openOffer(engagement)?.terms ?? engagement.terms;
                return { creatorName: name, status, terms, summary: terms ? describeTerms(terms, productName) : '' };
              }))} />
          </Group>
        </Group>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" py="md" ta="center">{show === 'agreed' ? 'No terms agreed yet. Open a creator under “To agree” to make an offer.' : 'Nobody here yet. Add creators to the campaign from the Board.'}</Text>
        ) : (
          <Table verticalSpacing="xs" highlightOnHover data-testid="offers-table">
            <Table.Thead><Table.Tr><Table.Th>Creator</Table.Th><Table.Th>Status</Table.Th><Table.Th>On the table / agreed</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {rows.map(({ engagement, status, name }) => {
                const open = openOffer(engagement);
                const terms = open?.terms ?? engagement.terms;
                return (
                  <Table.Tr key={engagement.id} data-testid="offer-row">
                    <Table.Td><Anchor href={hrefFor({ screen: 'creator', id: engagement.creatorId })} size="sm" fw={600}>{name}</Anchor></Table.Td>
                    <Table.Td><Badge color={statusColors[status]} variant="light">{statusLabels[status]}</Badge></Table.Td>
                    <Table.Td><Text size="sm" lineClamp={2}>{terms ? describeTerms(terms, productName) : '—'}</Text></Table.Td>
                    <Table.Td ta="right"><Button size="xs" variant="light" onClick={() => setOpenId(engagement.id)}>{status === 'no-offer' ? 'Make an offer' : 'Open'}</Button></Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <NegotiationModal engagement={opened} creatorName={opened ? names.get(opened.creatorId) ?? 'Creator' : ''} budget={campaign.budget} engagements={engagements}
        payments={payments} products={products} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
