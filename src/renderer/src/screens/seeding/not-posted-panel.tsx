import { Anchor, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconConfetti, IconMail } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { days as daysSpec } from '../../../../shared/domain/number-fields';
import { notPostedQueue } from '../../../../shared/domain/shipments';
import { buildDeliveredNotPostedTable } from '../../../../shared/domain/table-exports/seeding';
import { shippingNoticeValues } from '../../../../shared/domain/shipping-notice';
import { hrefFor } from '../../app/routes';
import { EmptyState } from '../../components/empty-state';
import { ExportTableMenu } from '../../components/export-table-menu';
import { NumberField } from '../../components/number-field';
import { readTyped } from '../../components/number-locale';
import { useMe } from '../../hooks/use-me';
import type { CreatorRow } from '../creator-row';
import { EmailDraftModal, type EmailDraft } from './email-draft-modal';
import { describeItems, formatDay, type PostRow, type ProductRow, type ShipmentRow } from './seeding-rows';

const sinceDelivery = daysSpec('Days since delivery', 0, 365, 'A year at most: older parcels are not chased.');

const reminderSubject = 'Did your {{product}} arrive?';
const reminderBody = `Hi {{first_name}},

Our tracking says your {{product}} arrived. We hope you love it!

Whenever you are ready to share it for {{campaign}}, we would be thrilled to see it. Anything you need from us, just reply.

{{sender_name}}`;

/** "Delivered N days ago and not posted": the follow-ups a coordinator owes, oldest first. */
export function NotPostedPanel({ campaignName, brand, shipments, posts, creatorById, productById }: {
  campaignName: string;
  brand: string;
  shipments: ShipmentRow[];
  posts: PostRow[];
  creatorById: Map<string, CreatorRow>;
  productById: Map<string, ProductRow>;
}) {
  const me = useMe();
  const [daysText, setDaysText] = useState('7');
  const [days, setDays] = useState(7);
  // The list follows the last number that could be read; one that cannot says why under the field.
  const typed = (text: string) => {
    setDaysText(text);
    const read = readTyped(text, sinceDelivery);
    if (read.ok && read.value != null) setDays(read.value);
  };
  const [email, setEmail] = useState<EmailDraft | null>(null);
  const queue = useMemo(() => notPostedQueue(shipments, posts, new Date(), days), [shipments, posts, days]);
  const byId = new Map(shipments.map((s) => [s.id, s]));
  const remind = (s: ShipmentRow) => {
    const creator = creatorById.get(s.creatorId);
    setEmail({
      to: creator?.primaryEmail ?? '', title: `Follow up with ${creator?.name ?? 'the creator'}`, subject: reminderSubject, body: reminderBody, storageKey: 'fanfare:template:not-posted',
      values: shippingNoticeValues({
        creatorName: creator?.name ?? '', handle: creator?.handles[0] ?? '', campaignName, productNames: s.items.map((i) => productById.get(i.productId)?.name ?? '').filter(Boolean),
        carrier: s.carrier, trackingNumber: s.trackingNumber, trackingUrl: s.trackingUrl, brand, senderName: me.named ? me.name : '',
      }),
    });
  };
  return (
    <Paper withBorder radius="lg" p="md">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Text size="sm">Delivered at least</Text>
          <NumberField aria-label="Days since delivery" size="xs" w={80} spec={sinceDelivery} value={daysText} onChange={typed} />
          <Text size="sm">days ago, and no post since</Text>
        </Group>
        <Group gap="xs">
          <Text size="sm" c="dimmed">{queue.length} to follow up</Text>
          <ExportTableMenu rowCount={queue.length} name="delivered-not-posted" filters={[campaignName, `${days}-days`]} sheetName="Delivered not posted" what={['creator', 'creators']}
            build={() => buildDeliveredNotPostedTable(queue.map((q) => {
              const creator = creatorById.get(q.creatorId);
              return { creatorName: creator?.name ?? '', email: creator?.primaryEmail ?? '', sent: describeItems(byId.get(q.shipmentId)?.items ?? [], productById), deliveredAt: q.deliveredAt, days: q.days };
            }))} />
        </Group>
      </Group>
      {queue.length === 0 ? (
        <EmptyState icon={<IconConfetti />} title="Nobody to chase">Everyone whose parcel arrived {days} or more days ago has posted (or nothing was delivered that long ago). Posts logged for this campaign clear a creator from this list.</EmptyState>
      ) : (
        <Table verticalSpacing="xs" data-testid="not-posted-table">
          <Table.Thead><Table.Tr><Table.Th>Creator</Table.Th><Table.Th>Sent</Table.Th><Table.Th>Delivered</Table.Th><Table.Th ta="right">Days ago</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {queue.map((q) => {
              const s = byId.get(q.shipmentId)!;
              const creator = creatorById.get(q.creatorId);
              return (
                <Table.Tr key={q.shipmentId}>
                  <Table.Td><Anchor href={hrefFor({ screen: 'creator', id: q.creatorId })} size="sm" fw={600}>{creator?.name ?? '…'}</Anchor></Table.Td>
                  <Table.Td><Text size="sm">{describeItems(s.items, productById)}</Text></Table.Td>
                  <Table.Td><Text size="sm">{formatDay(q.deliveredAt)}</Text></Table.Td>
                  <Table.Td ta="right"><Text size="sm" fw={600} c={q.days >= 14 ? 'red' : undefined}>{q.days}</Text></Table.Td>
                  <Table.Td ta="right"><Button size="compact-xs" variant="light" leftSection={<IconMail size={12} />} onClick={() => remind(s)}>Draft a reminder</Button></Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <EmailDraftModal draft={email} onClose={() => setEmail(null)} />
    </Paper>
  );
}
