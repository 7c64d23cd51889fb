import { ActionIcon, Anchor, Badge, Button, Checkbox, Group, Menu, Paper, SegmentedControl, Table, Text, Tooltip } from '@mantine/core';
import { IconDots, IconDownload, IconFileImport, IconPackage, IconTruckDelivery } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { chooseCampaignProduct } from '../../../../shared/domain/campaign-products';
import type { ProductChoice } from '../../../../shared/domain/product-match';
import { addressHold, needsAddress, shipmentAddress } from '../../../../shared/domain/shipment-address';
import { exportShipments, type ExportShipment, type ShipmentLayout } from '../../../../shared/domain/shipment-csv';
import { buildShipmentsTable } from '../../../../shared/domain/table-exports/seeding';
import { canReship, nextStatuses, shipmentStatusColors, shipmentStatusLabels, type ShipmentStatus } from '../../../../shared/domain/shipments';
import { defaultShippingBody, defaultShippingSubject, shippingNoticeValues } from '../../../../shared/domain/shipping-notice';
import { hrefFor } from '../../app/routes';
import { downloadBlob, showDownloadNotice } from '../../components/download-file';
import { EmptyState } from '../../components/empty-state';
import { ExportTableMenu } from '../../components/export-table-menu';
import { useMe } from '../../hooks/use-me';
import type { CreatorRow } from '../creator-row';
import { EmailDraftModal, type EmailDraft } from './email-draft-modal';
import { FailedModal } from './failed-modal';
import { ReshipModal } from './reship-modal';
import { ShipmentAddressModal } from './shipment-address-modal';
import { ProductChoiceSelect } from './product-choice-select';
import { choiceValue, describeItems, formatDay, parseChoice, type ProductRow, type SeedingEngagement, type ShipmentRow } from './seeding-rows';
import { TrackingCell } from './tracking-cell';
import { TrackingEditModal } from './tracking-edit-modal';
import { TrackingImportModal } from './tracking-import-modal';
import { useShipmentActions } from './use-shipment-actions';

type Filter = 'all' | 'none' | 'needs-address' | ShipmentStatus;

interface Row {
  engagement: SeedingEngagement;
  creator: CreatorRow | undefined;
  shipment: ShipmentRow | null;
  history: ShipmentRow[];
  choice: ProductChoice;
}

/** A parcel still to ship without a usable address is its own state: it waits. */
function stateOf(r: Row): Filter {
  if (!r.shipment) return 'none';
  return needsAddress(r.shipment, r.creator?.shippingAddress) ? 'needs-address' : r.shipment.status;
}

/** One row per creator in the campaign: what they get, their parcel's status and tracking, and what to do next. */
export function ShipmentsPanel({ campaignId, campaignName, campaignProductIds, steps, brand, engagements, creatorById, shipments, products, productById, orderNames }: {
  campaignId: string;
  campaignName: string;
  campaignProductIds: string[];
  steps: { id: string; name: string }[];
  brand: string;
  engagements: SeedingEngagement[];
  creatorById: Map<string, CreatorRow>;
  shipments: ShipmentRow[];
  products: ProductRow[];
  productById: Map<string, ProductRow>;
  orderNames: string[];
}) {
  const me = useMe();
  const pipeline = useMemo(() => ({ steps, stepOf: new Map(engagements.map((e) => [e.id, e.stepId])) }), [steps, engagements]);
  const actions = useShipmentActions(campaignId, orderNames, pipeline);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [overrides, setOverrides] = useState<Map<string, string | null>>(new Map());
  const [filter, setFilter] = useState<Filter>('all');
  const [tracking, setTracking] = useState<ShipmentRow | null>(null);
  const [failing, setFailing] = useState<ShipmentRow | null>(null);
  const [reshipping, setReshipping] = useState<ShipmentRow | null>(null);
  const [addressing, setAddressing] = useState<ShipmentRow | null>(null);
  const [email, setEmail] = useState<EmailDraft | null>(null);
  const [importing, setImporting] = useState(false);

  const rows = useMemo<Row[]>(() => {
    const byCreator = new Map<string, ShipmentRow[]>();
    for (const s of shipments) byCreator.set(s.creatorId, [...(byCreator.get(s.creatorId) ?? []), s]);
    return engagements.map((engagement) => {
      const history = (byCreator.get(engagement.creatorId) ?? []).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return {
        engagement, creator: creatorById.get(engagement.creatorId), history,
        shipment: history.find((s) => s.status !== 'reshipped') ?? null,
        choice: chooseCampaignProduct(engagement.optIn, products, campaignProductIds),
      };
    }).sort((a, b) => (a.creator?.name ?? '').localeCompare(b.creator?.name ?? ''));
  }, [engagements, shipments, creatorById, products, campaignProductIds]);

  const counts = useMemo(() => {
    const c = new Map<Filter, number>([['all', rows.length]]);
    for (const r of rows) {
      const key = stateOf(r);
      c.set(key, (c.get(key) ?? 0) + 1);
    }
    return c;
  }, [rows]);
  const visible = rows.filter((r) => filter === 'all' || stateOf(r) === filter);
  const chosen = (r: Row): string | null => (overrides.has(r.engagement.creatorId)
    ? overrides.get(r.engagement.creatorId)!
    : r.choice.status === 'matched' ? choiceValue(r.choice.productId, r.choice.variantId) : null);
  const nameOf = (s: ShipmentRow | null) => (s ? creatorById.get(s.creatorId)?.name ?? 'the creator' : '');
  const holdOf = (s: ShipmentRow) => addressHold(s, creatorById.get(s.creatorId)?.shippingAddress, nameOf(s));
  const selectedRows = rows.filter((r) => selected.has(r.engagement.creatorId));
  const toCreate = selectedRows.filter((r) => !r.shipment && r.creator);
  const withShipment = selectedRows.filter((r) => r.shipment).map((r) => r.shipment!);
  /** Parcels waiting for an address stay behind, said by name. */
  const markShipped = async (list = withShipment.filter((s) => s.status === 'to-ship')) => {
    const held = list.map(holdOf).filter((h): h is string => !!h);
    if (held.length) notifications.show({ color: 'orange', title: held.length === list.length ? 'Not shipped' : `${held.length} left as they are`, message: held.join(' '), autoClose: false });
    const ready = list.filter((s) => !holdOf(s));
    if (ready.length) await actions.setStatus(ready, 'shipped');
  };
  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  const allVisibleSelected = visible.length > 0 && visible.every((r) => selected.has(r.engagement.creatorId));

  const create = async () => {
    const missing = toCreate.filter((r) => !chosen(r));
    if (missing.length) {
      notifications.show({ color: 'orange', title: 'Choose a product first', message: `No product chosen for ${missing.map((r) => r.creator?.name).join(', ')}.` });
      return;
    }
    const ok = await actions.create(toCreate.map((r) => ({ creator: r.creator!, engagementId: r.engagement.id, ...parseChoice(chosen(r)!) })));
    if (ok) setSelected(new Set());
  };

  const exportFile = (layout: ShipmentLayout) => {
    const list: ExportShipment[] = withShipment.map((s) => {
      const creator = creatorById.get(s.creatorId);
      return {
        orderName: s.orderName, creatorName: creator?.name ?? 'Creator', email: creator?.primaryEmail ?? '', phone: creator?.phone ?? '',
        address: shipmentAddress(s, creator?.shippingAddress),
        campaignName, createdAt: s.createdAt,
        lines: s.items.map((item) => {
          const product = productById.get(item.productId);
          const variant = product?.variants.find((v) => v.id === item.variantId);
          return { title: product?.name ?? 'Deleted product', variantTitle: variant?.name ?? '', sku: variant?.sku || product?.sku || '', quantity: item.quantity, unitValue: product?.value ?? null };
        }),
      };
    });
    const out = exportShipments(list, layout, new Date().toISOString().slice(0, 10));
    if (out.orders) downloadBlob(out.fileName, new Blob([out.csv], { type: 'text/csv;charset=utf-8' }));
    showDownloadNotice({
      needsAction: out.skipped.length > 0,
      title: out.orders ? `${out.orders} order${out.orders === 1 ? '' : 's'} exported for ${layout === 'shopify' ? 'Shopify (Matrixify)' : 'your 3PL'}` : 'Nothing exported',
      message: out.skipped.length ? `Left out: ${out.skipped.map((s) => `${s.creatorName} (${s.orderName}): ${s.reason}`).join('; ')}` : `Saved as ${out.fileName}.`,
    });
  };

  const draftEmail = (s: ShipmentRow) => {
    const creator = creatorById.get(s.creatorId);
    setEmail({
      to: creator?.primaryEmail ?? '', title: `Shipping email to ${creator?.name ?? 'the creator'}`, subject: defaultShippingSubject, body: defaultShippingBody, storageKey: 'fanfare:template:shipping-notice',
      values: shippingNoticeValues({
        creatorName: creator?.name ?? '', handle: creator?.handles[0] ?? '', campaignName,
        productNames: s.items.map((i) => productById.get(i.productId)?.name ?? '').filter(Boolean),
        carrier: s.carrier, trackingNumber: s.trackingNumber, trackingUrl: s.trackingUrl, brand, senderName: me.named ? me.name : '',
      }),
    });
  };

  if (engagements.length === 0) {
    return <EmptyState icon={<IconPackage />} title="No creators in this campaign yet">Add creators to the campaign from the creator list; once they opt in, their product and parcel are handled here.</EmptyState>;
  }
  const filters: { value: Filter; label: string }[] = [
    { value: 'all', label: 'All' }, { value: 'none', label: 'No shipment' }, { value: 'needs-address', label: 'Needs address' }, { value: 'to-ship', label: 'To ship' }, { value: 'shipped', label: 'Shipped' },
    { value: 'delivered', label: 'Delivered' }, { value: 'failed', label: 'Failed' },
  ];

  return (
    <Paper withBorder radius="lg" p="md">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <SegmentedControl size="xs" value={filter} onChange={(v) => setFilter(v as Filter)} data={filters.map((f) => ({ value: f.value, label: `${f.label} ${counts.get(f.value) ?? 0}` }))} />
        <Group gap="xs">
          <Button size="xs" variant="default" leftSection={<IconFileImport size={14} />} onClick={() => setImporting(true)}>Import tracking numbers</Button>
          <ExportTableMenu rowCount={visible.length} name="shipments" filters={[campaignName, filter !== 'all' && filters.find((f) => f.value === filter)?.label]} sheetName="Shipments" what={['creator', 'creators']}
            build={() => buildShipmentsTable(visible.map((r) => {
              const choice = chosen(r);
              const product = choice ? (() => { const { productId, variantId } = parseChoice(choice); return describeItems([{ productId, variantId, quantity: 1 }], productById); })() : '';
              return { creatorName: r.creator?.name ?? '', product: r.shipment ? describeItems(r.shipment.items, productById) : product, shipment: r.shipment, earlierParcels: Math.max(0, r.history.length - 1) };
            }))} />
        </Group>
      </Group>
      <Group gap="xs" mb="sm" data-testid="shipment-bulk-bar" wrap="wrap">
        <Text size="sm" c="dimmed" mr="xs">{selected.size ? `${selected.size} selected` : 'Select creators to create, export or update their shipments'}</Text>
        <Button size="xs" leftSection={<IconPackage size={14} />} disabled={!toCreate.length} onClick={() => void create()}>Create {toCreate.length || ''} shipment{toCreate.length === 1 ? '' : 's'}</Button>
        <Menu withinPortal>
          <Menu.Target><Button size="xs" variant="light" leftSection={<IconDownload size={14} />} disabled={!withShipment.length}>Export {withShipment.length || ''} as CSV</Button></Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => exportFile('shopify')}>For Shopify (Matrixify order import)</Menu.Item>
            <Menu.Item onClick={() => exportFile('3pl')}>For a 3PL / warehouse (one row per SKU)</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button size="xs" variant="light" leftSection={<IconTruckDelivery size={14} />} disabled={!withShipment.some((s) => s.status === 'to-ship')}
          onClick={() => void markShipped()}>Mark shipped</Button>
        <Button size="xs" variant="light" color="teal" disabled={!withShipment.some((s) => s.status === 'shipped')}
          onClick={() => void actions.setStatus(withShipment.filter((s) => s.status === 'shipped'), 'delivered')}>Mark delivered</Button>
      </Group>
      <Table verticalSpacing="xs" highlightOnHover data-testid="shipments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}><Checkbox aria-label="Select all shown" checked={allVisibleSelected} indeterminate={!allVisibleSelected && visible.some((r) => selected.has(r.engagement.creatorId))}
              onChange={() => setSelected(allVisibleSelected ? new Set() : new Set([...selected, ...visible.map((r) => r.engagement.creatorId)]))} /></Table.Th>
            <Table.Th>Creator</Table.Th><Table.Th>Product</Table.Th><Table.Th>Order</Table.Th><Table.Th w={160}>Status</Table.Th><Table.Th>Tracking</Table.Th><Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visible.map((r) => {
            const s = r.shipment;
            const name = r.creator?.name ?? '…';
            return (
              <Table.Tr key={r.engagement.id} data-testid="shipment-row" data-creator={name}>
                <Table.Td><Checkbox aria-label={`Select ${name}`} checked={selected.has(r.engagement.creatorId)} onChange={() => toggle(r.engagement.creatorId)} /></Table.Td>
                <Table.Td>
                  <Anchor href={hrefFor({ screen: 'creator', id: r.engagement.creatorId })} size="sm" fw={600}>{name}</Anchor>
                  {!r.creator?.shippingAddress && !s && <Text size="xs" c="orange">No shipping address yet</Text>}
                </Table.Td>
                <Table.Td>
                  {s ? <Text size="sm">{describeItems(s.items, productById)}</Text> : (
                    <ProductChoiceSelect creatorName={name} products={products} campaignProductIds={campaignProductIds} choice={r.choice} value={chosen(r)}
                      onChange={(v) => setOverrides((m) => new Map(m).set(r.engagement.creatorId, v))} />
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>{s?.orderName ?? '—'}</Text>
                  {r.history.length > 1 && <Tooltip label={r.history.map((h) => `${h.orderName}: ${shipmentStatusLabels[h.status]}${h.failedReason ? ` (${h.failedReason})` : ''}`).join(' · ')} withinPortal>
                    <Text size="xs" c="dimmed">{r.history.length - 1} earlier parcel{r.history.length > 2 ? 's' : ''}</Text>
                  </Tooltip>}
                </Table.Td>
                <Table.Td>
                  {s && stateOf(r) === 'needs-address'
                    ? <Badge variant="light" color="orange" style={{ overflow: 'visible' }}>Needs address</Badge>
                    : s ? <Badge variant="light" color={shipmentStatusColors[s.status]} style={{ overflow: 'visible' }}>{shipmentStatusLabels[s.status]}</Badge> : <Text size="sm" c="dimmed">Not created</Text>}
                  {s && stateOf(r) === 'needs-address' && <Anchor component="button" size="xs" onClick={() => setAddressing(s)}>Add the address</Anchor>}
                  {s?.status === 'delivered' && <Text size="xs" c="dimmed">{formatDay(s.deliveredAt)}</Text>}
                  {s?.status === 'failed' && s.failedReason && <Text size="xs" c="red">{s.failedReason}</Text>}
                </Table.Td>
                <Table.Td>{s ? <TrackingCell shipment={s} /> : null}</Table.Td>
                <Table.Td>
                  {s && (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target><ActionIcon variant="subtle" color="gray" aria-label={`Shipment actions for ${name}`}><IconDots size={16} /></ActionIcon></Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => setTracking(s)}>{s.trackingNumber ? 'Edit tracking…' : 'Add tracking…'}</Menu.Item>
                        {s.status === 'to-ship' && <Menu.Item onClick={() => setAddressing(s)}>{stateOf(r) === 'needs-address' ? 'Add the address…' : 'Change the address…'}</Menu.Item>}
                        <Menu.Item onClick={() => draftEmail(s)} disabled={!s.trackingNumber}>Email tracking to {name.split(' ')[0]}…</Menu.Item>
                        <Menu.Divider />
                        {nextStatuses(s.status).map((next) => (
                          <Menu.Item key={next} color={next === 'failed' ? 'red' : undefined} onClick={() => (next === 'failed' ? setFailing(s) : next === 'shipped' ? void markShipped([s]) : void actions.setStatus([s], next))}>
                            Mark {shipmentStatusLabels[next].toLowerCase()}
                          </Menu.Item>
                        ))}
                        {canReship(s.status) && <Menu.Item onClick={() => setReshipping(s)}>Re-ship…</Menu.Item>}
                        {s.status === 'to-ship' && <Menu.Item color="red" onClick={() => void actions.remove(s)}>Delete this shipment</Menu.Item>}
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {visible.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md">No creators here with this status.</Text>}
      <TrackingEditModal shipment={tracking} hold={tracking ? holdOf(tracking) : null} onClose={() => setTracking(null)} onSave={(carrier, number) => actions.saveTracking(tracking!, carrier, number, holdOf(tracking!))} />
      <FailedModal shipment={failing} onClose={() => setFailing(null)} onConfirm={(reason) => actions.fail(failing!, reason)} />
      <ReshipModal failed={reshipping} creatorName={nameOf(reshipping)} profileAddress={reshipping ? creatorById.get(reshipping.creatorId)?.shippingAddress ?? null : null}
        products={products} productById={productById} onClose={() => setReshipping(null)} onReship={(next) => actions.reship(reshipping!, next)} />
      <ShipmentAddressModal shipment={addressing} creatorName={nameOf(addressing)} profileAddress={addressing ? creatorById.get(addressing.creatorId)?.shippingAddress ?? null : null}
        onClose={() => setAddressing(null)} onSave={(address, alsoProfile) => actions.setAddress(addressing!, address, alsoProfile)} />
      <EmailDraftModal draft={email} onClose={() => setEmail(null)} />
      <TrackingImportModal opened={importing} onClose={() => setImporting(false)} />
    </Paper>
  );
}
