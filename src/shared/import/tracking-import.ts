import type { Cell, Table } from './types';
import { carrierName, cleanTrackingNumber, findCarrier, guessCarriers } from '../domain/carriers';
import { findColumn } from '../domain/csv-text';
import { nameKey } from '../domain/fold-text';

/**
 * Tracking numbers back from the shop or the warehouse, matched to the
 * shipments they belong to. Shopify's data arrives as a Matrixify orders
 * export ("Name", "Fulfillment: Tracking Number", "Fulfillment: Tracking
 * Company", "Fulfillment: Tracking URL"); a 3PL's as whatever its tracking
 * report calls those columns. A row is matched by order name, then by the
 * creator's email, then by name; a row that matches nothing, or more than one
 * open shipment, is reported and skipped, never guessed.
 */
export interface TrackableShipment {
  id: string;
  orderName: string;
  email: string;
  creatorName: string;
  recipientName: string;
  status: 'to-ship' | 'shipped' | 'delivered' | 'failed' | 'reshipped';
  trackingNumber: string;
  carrier: string;
  /** Why this parcel may not take a tracking number yet (it waits for an address); null when it may. */
  hold?: string | null;
}

export type MatchedBy = 'order' | 'email' | 'name';

export interface TrackingMatch {
  row: number;
  shipmentId: string;
  orderName: string;
  creatorName: string;
  trackingNumber: string;
  carrier: string;
  trackingUrl: string;
  shippedAt: string | null;
  by: MatchedBy;
  /** 'same' rows change nothing; 'update' replaces a different number already there. */
  change: 'new' | 'update' | 'same';
}

export interface TrackingRowProblem {
  row: number;
  /** What the row says, so the user can find it in their file: the order name, email or name it gave. */
  label: string;
  reason: string;
}

export interface TrackingImportPlan {
  columns: { order: string | null; tracking: string; carrier: string | null; url: string | null; email: string | null; name: string | null };
  matches: TrackingMatch[];
  unmatched: TrackingRowProblem[];
  bad: TrackingRowProblem[];
}

export class TrackingFileError extends Error {}

const ORDER = ['Name', 'Order Name', 'Order', 'Order Number', 'Order #', 'order_number', 'Order ID', 'order_id', 'Order Reference', 'Reference', 'Order No'];
const TRACKING = ['Fulfillment: Tracking Number', 'Tracking Number', 'tracking_number', 'Tracking #', 'Tracking', 'Tracking Code', 'Tracking No', 'Tracking ID', 'Waybill', 'AWB'];
const CARRIER = ['Fulfillment: Tracking Company', 'Tracking Company', 'Carrier', 'Shipping Carrier', 'Courier', 'carrier_name', 'Shipping Company'];
const URL = ['Fulfillment: Tracking URL', 'Tracking URL', 'tracking_url', 'Tracking Link'];
const EMAIL = ['Email', 'Customer: Email', 'ship_email', 'Recipient Email', 'Customer Email', 'Shipping: Email', 'E-mail'];
const PERSON = ['Shipping: Name', 'Shipping Name', 'ship_name', 'Recipient', 'Recipient Name', 'Recipient Full Name', 'Full Name', 'Customer Name', 'Customer'];
const SHIPPED = ['Fulfillment: Processed At', 'Fulfillment: Created At', 'Shipped At', 'Ship Date', 'Shipped Date', 'Fulfilled At', 'ship_date'];

export function orderKey(name: string): string {
  return name.trim().replace(/^#/, '').toUpperCase();
}

const cell = (row: Cell[], index: number): string => (index < 0 ? '' : String(row[index] ?? '').trim());

function instant(text: string): string | null {
  if (!text) return null;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T12:00:00Z` : text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function planTrackingImport(table: Table, shipments: readonly TrackableShipment[]): TrackingImportPlan {
  const col = {
    order: findColumn(table.headers, ORDER), tracking: findColumn(table.headers, TRACKING), carrier: findColumn(table.headers, CARRIER),
    url: findColumn(table.headers, URL), email: findColumn(table.headers, EMAIL), name: findColumn(table.headers, PERSON), shipped: findColumn(table.headers, SHIPPED),
  };
  if (col.tracking < 0) {
    throw new TrackingFileError(`No tracking number column found. The file's columns are: ${table.headers.filter(Boolean).join(', ') || '(none)'}. Name one “Tracking Number” (or export from Shopify with Matrixify's fulfillment columns).`);
  }
  if (col.order < 0 && col.email < 0 && col.name < 0) {
    throw new TrackingFileError('No column to match rows to shipments: the file needs an order name or number, an email, or a recipient name.');
  }
  // Shipments that can still take a tracking number: not ones already replaced by a re-shipment.
  const live = shipments.filter((s) => s.status !== 'reshipped');
  const byOrder = new Map(live.filter((s) => s.orderName).map((s) => [orderKey(s.orderName), s]));
  const group = <K extends string>(key: (s: TrackableShipment) => K) => {
    const map = new Map<K, TrackableShipment[]>();
    for (const s of live) {
      const k = key(s);
      if (k) map.set(k, [...(map.get(k) ?? []), s]);
    }
    return map;
  };
  const byEmail = group((s) => s.email.trim().toLowerCase());
  const byName = new Map<string, TrackableShipment[]>();
  for (const s of live) for (const n of new Set([nameKey(s.creatorName), nameKey(s.recipientName)])) if (n) byName.set(n, [...(byName.get(n) ?? []), s]);

  const plan: TrackingImportPlan = {
    columns: {
      order: col.order >= 0 ? table.headers[col.order] : null, tracking: table.headers[col.tracking], carrier: col.carrier >= 0 ? table.headers[col.carrier] : null,
      url: col.url >= 0 ? table.headers[col.url] : null, email: col.email >= 0 ? table.headers[col.email] : null, name: col.name >= 0 ? table.headers[col.name] : null,
    },
    matches: [], unmatched: [], bad: [],
  };
  for (const broken of table.broken) plan.bad.push({ row: broken.row, label: '', reason: broken.reason });

  // Matrixify writes one row per line item; only rows with a tracking number say anything. Orders that have one elsewhere in the file are not reported for their other rows.
  const ordersWithTracking = new Set(table.rows.filter((r) => cell(r, col.tracking)).map((r) => orderKey(cell(r, col.order))).filter(Boolean));
  const taken = new Map<string, TrackingMatch>();

  table.rows.forEach((row, i) => {
    const rowNumber = table.rowNumbers[i];
    const order = cell(row, col.order);
    const email = cell(row, col.email).toLowerCase();
    const person = cell(row, col.name);
    const label = [order, email, person].filter(Boolean).join(' · ') || '(empty)';
    const rawTracking = cell(row, col.tracking);
    if (!rawTracking) {
      if (!order || !ordersWithTracking.has(orderKey(order))) plan.bad.push({ row: rowNumber, label, reason: 'No tracking number in this row' });
      return;
    }
    const trackingNumber = cleanTrackingNumber(rawTracking);
    if (!/^[A-Z0-9]{6,40}$/.test(trackingNumber)) {
      plan.bad.push({ row: rowNumber, label, reason: `“${rawTracking}” is not a tracking number (6 to 40 letters and digits)` });
      return;
    }
    const url = cell(row, col.url);
    if (url && !/^https?:\/\/\S+$/i.test(url)) {
      plan.bad.push({ row: rowNumber, label, reason: `The tracking link “${url}” is not a web address` });
      return;
    }
    const shippedText = cell(row, col.shipped);
    const shippedAt = instant(shippedText);
    if (shippedText && !shippedAt) {
      plan.bad.push({ row: rowNumber, label, reason: `The ship date “${shippedText}” is not a date` });
      return;
    }

    let shipment: TrackableShipment | undefined;
    let by: MatchedBy = 'order';
    let why = '';
    if (order) {
      shipment = byOrder.get(orderKey(order));
      if (!shipment) why = `No shipment has the order name ${order}`;
    }
    const openOnly = (list: TrackableShipment[] | undefined) => (list ?? []).filter((s) => s.status === 'to-ship' || s.status === 'shipped' || s.trackingNumber === trackingNumber);
    if (!shipment && email) {
      const found = openOnly(byEmail.get(email));
      if (found.length === 1) [shipment, by] = [found[0], 'email'];
      else why = found.length ? `${found.length} open shipments go to ${email}; add the order name to tell them apart` : why || `No open shipment goes to ${email}`;
    }
    // A lone "Name" column in a 3PL's file is sometimes the recipient, not the order.
    const personName = person || (col.name < 0 ? order : '');
    if (!shipment && personName) {
      const found = openOnly(byName.get(nameKey(personName)));
      if (found.length === 1) [shipment, by] = [found[0], 'name'];
      else if (found.length && !email) why = `${found.length} open shipments go to ${personName}; add the order name to tell them apart`;
      else why ||= `No open shipment goes to ${personName}`;
    }
    if (!shipment) {
      plan.unmatched.push({ row: rowNumber, label, reason: why || 'Nothing in this row identifies a shipment' });
      return;
    }
    if (shipment.hold) {
      plan.bad.push({ row: rowNumber, label, reason: shipment.hold });
      return;
    }
    const earlier = taken.get(shipment.id);
    if (earlier) {
      if (earlier.trackingNumber !== trackingNumber) plan.bad.push({ row: rowNumber, label, reason: `Row ${earlier.row} already gives ${shipment.orderName || shipment.creatorName} the tracking number ${earlier.trackingNumber}` });
      return;
    }
    const rawCarrier = cell(row, col.carrier);
    const carrier = rawCarrier ? carrierName(rawCarrier) : shipment.carrier || (guessCarriers(trackingNumber).length === 1 ? guessCarriers(trackingNumber)[0].name : '');
    const change = !shipment.trackingNumber ? 'new' : shipment.trackingNumber === trackingNumber ? 'same' : 'update';
    const match: TrackingMatch = {
      row: rowNumber, shipmentId: shipment.id, orderName: shipment.orderName, creatorName: shipment.creatorName,
      trackingNumber, carrier, trackingUrl: url && !findCarrier(carrier) ? url : '', shippedAt, by, change,
    };
    taken.set(shipment.id, match);
    plan.matches.push(match);
  });
  plan.bad.sort((a, b) => a.row - b.row);
  return plan;
}
