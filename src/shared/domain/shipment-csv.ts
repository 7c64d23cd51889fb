import type { Address } from './fields';
import { MICROS } from './fields';
import { csvText } from '../sheets/csv-write';
import { addressProblem } from './shipment-address';

/**
 * The selected shipments as files a shop or a warehouse imports.
 *
 * Shopify has no order import of its own; teams import orders with the
 * Matrixify app, whose "Orders" sheet is the de facto Shopify order CSV.
 * Column names are Matrixify's (https://matrixify.app/documentation/orders/):
 * one row per line item, the order's own columns on its first row, rows of
 * one order sharing its "Name" (the key Matrixify matches on), and the
 * file name must contain "Orders". Gifts are $0 lines; the retail value goes
 * in the note so the team's reports keep it.
 *
 * The 3PL layout follows what warehouse and shipping tools document for CSV
 * order uploads (ShipStation "Import Orders via CSV", ShippingEasy "CSV Order
 * Uploads - Required Fields", Missing Ink "Fulfillment CSV Formatting"): one
 * row per SKU, rows of one order sharing the order number, recipient name,
 * address lines, city, state, postal code, two-letter country, SKU, quantity.
 */
export interface ExportLine {
  title: string;
  variantTitle: string;
  sku: string;
  quantity: number;
  /** Retail value of one unit, for the note and customs; never charged. */
  unitValue: { amountMicros: number; currency: string } | null;
}

export interface ExportShipment {
  orderName: string;
  creatorName: string;
  email: string;
  phone: string;
  address: Address | null;
  lines: ExportLine[];
  campaignName: string;
  /** When the order was created in Fanfare (ISO instant). */
  createdAt: string;
}

export interface ExportProblem {
  orderName: string;
  creatorName: string;
  reason: string;
}

export interface ShipmentExport {
  fileName: string;
  csv: string;
  rows: number;
  orders: number;
  /** Shipments left out, each with why (a warehouse cannot ship to half an address). */
  skipped: ExportProblem[];
}

export type ShipmentLayout = 'shopify' | '3pl';

/** Why a shipment cannot leave as an order; null when it can. */
export function exportProblem(shipment: ExportShipment): string | null {
  const address = addressProblem(shipment.address);
  if (address) return `${address}: add it on the creator's profile or on the shipment`;
  if (!shipment.lines.length) return 'No product chosen';
  const noSku = shipment.lines.find((l) => !l.sku.trim());
  if (noSku) return `${noSku.title}${noSku.variantTitle ? ` (${noSku.variantTitle})` : ''} has no SKU`;
  return null;
}

export function splitName(full: string): { first: string; last: string } {
  const parts = full.trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return { first: parts[0] ?? '', last: '' };
  return { first: parts.slice(0, -1).join(' '), last: parts[parts.length - 1] };
}

function amount(micros: number): string {
  return (micros / MICROS).toFixed(2);
}

function valueNote(shipment: ExportShipment): string {
  const total = shipment.lines.reduce((sum, l) => sum + (l.unitValue?.amountMicros ?? 0) * l.quantity, 0);
  const currency = shipment.lines.find((l) => l.unitValue)?.unitValue?.currency ?? '';
  const value = total > 0 ? ` (retail value ${amount(total)} ${currency})` : '';
  return `Creator seeding: ${shipment.campaignName || 'gift'} for ${shipment.creatorName}${value}. Do not charge.`;
}

/** A region written as a code ("CA", "NSW") also fills the code column importers prefer. */
function regionCode(region: string): string {
  return /^[A-Z]{2,3}$/.test(region.trim()) ? region.trim() : '';
}

export const shopifyOrderHeaders = [
  'Name', 'Command', 'Send Receipt', 'Inventory Behaviour', 'Processed At', 'Currency', 'Email', 'Phone', 'Tags', 'Note', 'Financial Status',
  'Customer: Email', 'Customer: First Name', 'Customer: Last Name',
  'Shipping: First Name', 'Shipping: Last Name', 'Shipping: Phone', 'Shipping: Address 1', 'Shipping: Address 2', 'Shipping: City',
  'Shipping: Province', 'Shipping: Province Code', 'Shipping: Zip', 'Shipping: Country Code',
  'Line: Type', 'Line: Title', 'Line: Name', 'Line: SKU', 'Line: Quantity', 'Line: Price', 'Line: Requires Shipping',
] as const;

export const threePlHeaders = [
  'order_number', 'order_date', 'ship_name', 'ship_company', 'ship_address_1', 'ship_address_2', 'ship_city', 'ship_state', 'ship_zip', 'ship_country',
  'ship_email', 'ship_phone', 'product_sku', 'product_name', 'product_qty', 'declared_value', 'currency', 'gift_note',
] as const;

function shopifyRows(shipment: ExportShipment): (string | number)[][] {
  const a = shipment.address!;
  const recipient = splitName(a.name || shipment.creatorName);
  const customer = splitName(shipment.creatorName);
  const currency = shipment.lines.find((l) => l.unitValue)?.unitValue?.currency ?? '';
  return shipment.lines.map((line, index) => {
    const lineCells = ['Line Item', line.title, line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title, line.sku, line.quantity, '0.00', 'TRUE'];
    if (index > 0) return [shipment.orderName, ...Array(shopifyOrderHeaders.length - 1 - lineCells.length).fill(''), ...lineCells];
    return [
      shipment.orderName, 'NEW', 'FALSE', 'decrement_obeying_policy', shipment.createdAt, currency, shipment.email, shipment.phone,
      'influencer-seeding', valueNote(shipment), 'paid',
      shipment.email, customer.first, customer.last,
      recipient.first, recipient.last, shipment.phone, a.line1, a.line2, a.city, a.region, regionCode(a.region), a.postalCode, a.country,
      ...lineCells,
    ];
  });
}

function threePlRows(shipment: ExportShipment): (string | number)[][] {
  const a = shipment.address!;
  return shipment.lines.map((line) => [
    shipment.orderName, shipment.createdAt.slice(0, 10), a.name || shipment.creatorName, '', a.line1, a.line2, a.city, a.region, a.postalCode, a.country,
    shipment.email, shipment.phone, line.sku, line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title, line.quantity,
    line.unitValue ? amount(line.unitValue.amountMicros) : '', line.unitValue?.currency ?? '', `Gift from ${shipment.campaignName || 'the brand'}`,
  ]);
}

/** The file for a layout; shipments that cannot be exported are listed, never half-written. */
export function exportShipments(shipments: readonly ExportShipment[], layout: ShipmentLayout, today: string): ShipmentExport {
  const skipped: ExportProblem[] = [];
  const rows: (string | number)[][] = [];
  let orders = 0;
  for (const shipment of shipments) {
    const problem = exportProblem(shipment);
    if (problem) {
      skipped.push({ orderName: shipment.orderName, creatorName: shipment.creatorName, reason: problem });
      continue;
    }
    orders++;
    rows.push(...(layout === 'shopify' ? shopifyRows(shipment) : threePlRows(shipment)));
  }
  const headers = layout === 'shopify' ? shopifyOrderHeaders : threePlHeaders;
  // Matrixify picks the sheet type from a CSV's file name: it must contain "Orders".
  const fileName = layout === 'shopify' ? `seeding-orders-shopify-${today}.csv` : `seeding-orders-3pl-${today}.csv`;
  return { fileName, csv: csvText(headers, rows, { keepPhoneNumbers: true }), rows: rows.length, orders, skipped };
}

/** The next free order name ("SEED-1001"), never one already used in the workspace. */
export function nextOrderNames(existing: readonly string[], count: number, prefix = 'SEED-'): string[] {
  const used = new Set(existing.map((n) => n.trim().toUpperCase()));
  let n = 1000 + existing.length;
  const names: string[] = [];
  while (names.length < count) {
    n++;
    const name = `${prefix}${n}`;
    if (!used.has(name)) names.push(name);
  }
  return names;
}
