import { exportTable, moneyAmount, type ExportColumn } from '../export-columns';
import type { Money } from '../fields';
import { shipmentStatusLabels, type ShipmentStatus } from '../shipments';
import type { ExportTable } from '../table-export';

/** A creator of the campaign and their current parcel, as the shipments list shows them. */
export interface ExportShipmentRow {
  creatorName: string;
  /** What is sent, or the product chosen for a parcel not created yet. */
  product: string;
  shipment: {
    orderName: string; status: ShipmentStatus; carrier: string; trackingNumber: string; trackingUrl: string;
    shippedAt: string | null; deliveredAt: string | null; failedReason: string;
  } | null;
  earlierParcels: number;
}

/** The shipments list with its status filter: one row per creator, parcel or not, as on screen. */
export function buildShipmentsTable(rows: readonly ExportShipmentRow[]): ExportTable {
  const columns: ExportColumn<ExportShipmentRow>[] = [
    { header: 'Creator', kind: 'text', value: (r) => r.creatorName },
    { header: 'Product', kind: 'text', value: (r) => r.product },
    { header: 'Order', kind: 'text', value: (r) => r.shipment?.orderName ?? '' },
    { header: 'Status', kind: 'text', value: (r) => (r.shipment ? shipmentStatusLabels[r.shipment.status] : 'Not created') },
    { header: 'Shipped', kind: 'date', value: (r) => r.shipment?.shippedAt ?? null },
    { header: 'Delivered', kind: 'date', value: (r) => r.shipment?.deliveredAt ?? null },
    { header: 'Carrier', kind: 'text', value: (r) => r.shipment?.carrier ?? '' },
    { header: 'Tracking number', kind: 'text', value: (r) => r.shipment?.trackingNumber ?? '' },
    { header: 'Tracking link', kind: 'text', value: (r) => r.shipment?.trackingUrl ?? '' },
    { header: 'Why it failed', kind: 'text', value: (r) => r.shipment?.failedReason ?? '' },
    { header: 'Earlier parcels', kind: 'count', value: (r) => r.earlierParcels },
  ];
  return exportTable(rows, columns);
}

/** The seeding catalogue: each product with its SKU, its variants and their SKUs, and its retail value. */
export function buildProductsTable(rows: readonly { name: string; description: string; sku: string; variants: { name: string; sku: string }[]; value: Money | null }[]): ExportTable {
  return exportTable(rows, [
    { header: 'Product', kind: 'text', value: (p) => p.name },
    { header: 'SKU', kind: 'text', value: (p) => p.sku },
    { header: 'Variants', kind: 'text', value: (p) => p.variants.map((v) => v.name).join('; ') },
    { header: 'Variant SKUs', kind: 'text', value: (p) => p.variants.map((v) => v.sku).filter(Boolean).join('; ') },
    { header: 'Value', kind: 'money', value: (p) => moneyAmount(p.value) },
    { header: 'Currency', kind: 'text', value: (p) => p.value?.currency ?? '' },
    { header: 'Description', kind: 'text', value: (p) => p.description },
  ]);
}

/** Delivered and not posted: who to chase, oldest delivery first. */
export function buildDeliveredNotPostedTable(rows: readonly { creatorName: string; sent: string; deliveredAt: string; days: number; email: string }[]): ExportTable {
  return exportTable(rows, [
    { header: 'Creator', kind: 'text', value: (r) => r.creatorName },
    { header: 'Email', kind: 'text', value: (r) => r.email },
    { header: 'Sent', kind: 'text', value: (r) => r.sent },
    { header: 'Delivered', kind: 'date', value: (r) => r.deliveredAt },
    { header: 'Days since delivery', kind: 'count', value: (r) => r.days },
  ]);
}
