import type { StoreOperation } from '../data/store';
import { activityRecord, type Actor } from './activities';
import type { Address } from './fields';
import { addressProblem } from './shipment-address';
import { shipmentStatusLabels, statusPatch, stepAfterShipment, type ShipmentStatus } from './shipments';
import { moveToStepOperations } from './stage-moves';
import type { TrackingMatch } from '../import/tracking-import';

/**
 * The seeding actions that write several records (the shipment, the one it
 * replaces, a line in the creator's timeline), as operations for one
 * undoable `applyAll`. Each refuses what it cannot do with the reason.
 */
export interface ShipmentRecord {
  id: string;
  creatorId: string;
  campaignId: string | null;
  engagementId: string | null;
  orderName: string;
  status: ShipmentStatus;
  items: { productId: string; variantId: string | null; quantity: number }[];
  address: Address | null;
  addressFixed?: boolean;
  failedReason: string;
}

export type { Actor };

export type Writes = { ok: true; operations: StoreOperation[] } | { ok: false; reason: string };

export function timelineLine(shipment: Pick<ShipmentRecord, 'creatorId' | 'campaignId' | 'engagementId'>, title: string, data: Record<string, unknown>, actor: Actor, now: string, id: string): StoreOperation {
  return activityRecord({
    kind: 'shipment', title, at: now, actorId: actor.id, creatorId: shipment.creatorId, campaignId: shipment.campaignId, engagementId: shipment.engagementId,
    data: { ...data, byName: actor.name },
  }, id);
}

export interface Pipeline {
  steps: { id: string; name: string }[];
  /** Where each engagement is now. */
  stepOf: ReadonlyMap<string, string>;
}

type Moved = Pick<ShipmentRecord, 'creatorId' | 'campaignId' | 'engagementId' | 'orderName'>;

/** A parcel shipped or delivered moves its creator to the campaign's matching step, in the same Undo. */
export function pipelineMoveWrites(shipments: readonly Moved[], status: ShipmentStatus, pipeline: Pipeline | undefined, actor: Actor, now: string, newId: () => string): StoreOperation[] {
  if (!pipeline) return [];
  return shipments.flatMap((s): StoreOperation[] => {
    const current = s.engagementId ? pipeline.stepOf.get(s.engagementId) : undefined;
    const step = current !== undefined ? stepAfterShipment(status, pipeline.steps, current) : null;
    if (!step || !s.engagementId || current === undefined) return [];
    return moveToStepOperations({ id: s.engagementId, creatorId: s.creatorId, campaignId: s.campaignId, stepId: current }, step, actor, now, newId(), s.orderName);
  });
}

export interface NewShipment {
  creatorId: string;
  engagementId: string;
  productId: string;
  variantId: string | null;
  /** The creator's shipping address, when their profile has one. */
  address: Address | null;
}

/** New parcels (one item each) under the order names given, each with a line in its creator's timeline. */
export function newShipmentsWrites(list: readonly NewShipment[], campaignId: string, orderNames: readonly string[], actor: Actor, now: string, newId: () => string): StoreOperation[] {
  return list.flatMap((s, i): StoreOperation[] => {
    const input = {
      creatorId: s.creatorId, campaignId, engagementId: s.engagementId, orderName: orderNames[i],
      items: [{ productId: s.productId, variantId: s.variantId, quantity: 1 }], address: s.address,
    };
    return [{ kind: 'create', collection: 'shipments', id: newId(), input }, timelineLine(input, `Shipment ${orderNames[i]} created`, { orderName: orderNames[i] }, actor, now, newId())];
  });
}

/** Parcels moved to a status, their timeline lines, and the pipeline moves that status brings. */
export function shipmentStatusWrites(
  shipments: readonly Pick<ShipmentRecord, 'id' | 'creatorId' | 'campaignId' | 'engagementId' | 'orderName'>[],
  status: ShipmentStatus,
  extra: Record<string, unknown>,
  pipeline: Pipeline | undefined,
  actor: Actor,
  now: string,
  newId: () => string,
): StoreOperation[] {
  return shipments.flatMap((s): StoreOperation[] => [
    { kind: 'update', collection: 'shipments', id: s.id, patch: { ...statusPatch(status, now), ...extra } },
    timelineLine(s, `Shipment ${s.orderName} ${shipmentStatusLabels[status].toLowerCase()}`, { orderName: s.orderName, status }, actor, now, newId()),
  ]).concat(pipelineMoveWrites(shipments, status, pipeline, actor, now, newId));
}

/** A tracking number on a parcel still to ship means it has left: it is marked shipped, and its creator moves on. */
export function trackingWrites(shipment: ShipmentRecord, carrier: string, trackingNumber: string, pipeline: Pipeline | undefined, actor: Actor, now: string, newId: () => string): StoreOperation[] {
  const patch: Record<string, unknown> = { carrier, trackingNumber };
  const ships = shipment.status === 'to-ship' && Boolean(trackingNumber);
  if (ships) Object.assign(patch, statusPatch('shipped', now));
  return [
    { kind: 'update', collection: 'shipments', id: shipment.id, patch },
    timelineLine(shipment, `Tracking for ${shipment.orderName}: ${carrier} ${trackingNumber}`.trim(), { orderName: shipment.orderName, carrier, trackingNumber }, actor, now, newId()),
    ...(ships ? pipelineMoveWrites([shipment], 'shipped', pipeline, actor, now, newId) : []),
  ];
}

/**
 * Tracking numbers from the warehouse's file. A parcel still to ship has
 * left: it is marked shipped (on the file's date when it gives one) and its
 * creator moves to the campaign's Shipped step, as when marked by hand.
 */
export function trackingImportWrites(
  matches: readonly Pick<TrackingMatch, 'shipmentId' | 'trackingNumber' | 'carrier' | 'trackingUrl' | 'shippedAt'>[],
  shipments: ReadonlyMap<string, Moved & { status: ShipmentStatus }>,
  pipelineOf: (campaignId: string | null) => Pipeline | undefined,
  actor: Actor,
  now: string,
  newId: () => string,
): StoreOperation[] {
  return matches.flatMap((m): StoreOperation[] => {
    const s = shipments.get(m.shipmentId);
    const patch: Record<string, unknown> = { trackingNumber: m.trackingNumber, carrier: m.carrier, trackingUrl: m.trackingUrl };
    if (s?.status !== 'to-ship') return [{ kind: 'update', collection: 'shipments', id: m.shipmentId, patch }];
    Object.assign(patch, { status: 'shipped', shippedAt: m.shippedAt ?? now });
    return [{ kind: 'update', collection: 'shipments', id: m.shipmentId, patch }, ...pipelineMoveWrites([s], 'shipped', pipelineOf(s.campaignId), actor, now, newId)];
  });
}

/** A parcel that did not arrive says why: the re-shipment is chosen from it (another size, a corrected address). */
export function failShipmentWrites(shipment: ShipmentRecord, reason: string, actor: Actor, now: string, newId: () => string): Writes {
  const why = reason.trim();
  if (!why) return { ok: false, reason: 'Say what happened (returned to sender, wrong size sent…): the re-shipment is decided from it.' };
  if (shipment.status !== 'shipped' && shipment.status !== 'delivered') {
    return { ok: false, reason: `${shipment.orderName} has not left yet, so it cannot have failed: delete it or change it instead.` };
  }
  return {
    ok: true,
    operations: [
      { kind: 'update', collection: 'shipments', id: shipment.id, patch: { status: 'failed', failedReason: why } },
      timelineLine(shipment, `Shipment ${shipment.orderName} failed: ${why}`, { orderName: shipment.orderName, status: 'failed', reason: why }, actor, now, newId()),
    ],
  };
}

export interface Reshipment {
  /** What goes in the new parcel: by default the failed one's items, a different size when the wrong one was sent. */
  items: ShipmentRecord['items'];
  address: Address | null;
  /** True when the address was changed for this parcel: it then wins over the creator's profile. */
  addressFixed: boolean;
  orderName: string;
}

/** The failed parcel is kept, marked re-shipped; a new one replaces it, so the history shows both. */
export function reshipWrites(failed: ShipmentRecord, next: Reshipment, actor: Actor, now: string, newId: () => string): Writes {
  if (failed.status !== 'failed') return { ok: false, reason: `${failed.orderName} has not failed, so there is nothing to re-ship.` };
  if (!next.items.length) return { ok: false, reason: 'Choose what to send.' };
  if (next.items.some((i) => !Number.isInteger(i.quantity) || i.quantity < 1)) return { ok: false, reason: 'Each item needs a quantity of at least 1.' };
  if (/wrong size/i.test(failed.failedReason) && sameItems(failed.items, next.items)) {
    return { ok: false, reason: `${failed.orderName} failed because the wrong size was sent: choose another size.` };
  }
  if (next.addressFixed && addressProblem(next.address)) return { ok: false, reason: `The new address is not complete: ${addressProblem(next.address)!.toLowerCase()}.` };
  const id = newId();
  const changed = [
    !sameItems(failed.items, next.items) && 'another item or size',
    next.addressFixed && 'another address',
  ].filter(Boolean).join(' and ');
  return {
    ok: true,
    operations: [
      { kind: 'update', collection: 'shipments', id: failed.id, patch: { status: 'reshipped' } },
      {
        kind: 'create', collection: 'shipments', id,
        input: {
          creatorId: failed.creatorId, campaignId: failed.campaignId, engagementId: failed.engagementId, orderName: next.orderName,
          items: next.items, address: next.address, addressFixed: next.addressFixed, replacesId: failed.id,
          note: `Replaces ${failed.orderName} (${failed.failedReason || 'failed'})`,
        },
      },
      timelineLine(failed, `Re-shipping ${failed.orderName} as ${next.orderName}${changed ? ` with ${changed}` : ''}`, { orderName: next.orderName, replaces: failed.orderName }, actor, now, newId()),
    ],
  };
}

/** An address given on a waiting shipment releases it; it can also go onto the creator's profile. */
export function shipmentAddressWrites(shipment: ShipmentRecord, address: Address, alsoProfile: boolean, actor: Actor, now: string, newId: () => string): Writes {
  if (shipment.status !== 'to-ship') return { ok: false, reason: `${shipment.orderName} has already left; its address is what it was sent to.` };
  const problem = addressProblem(address);
  if (problem) return { ok: false, reason: `${problem}: a warehouse needs a street, city, postal code and country.` };
  return {
    ok: true,
    operations: [
      { kind: 'update', collection: 'shipments', id: shipment.id, patch: { address, addressFixed: !alsoProfile } },
      ...(alsoProfile ? [{ kind: 'update', collection: 'creators', id: shipment.creatorId, patch: { shippingAddress: address } } as StoreOperation] : []),
      timelineLine(shipment, `Address added to ${shipment.orderName}${alsoProfile ? ' and the profile' : ''}`, { orderName: shipment.orderName }, actor, now, newId()),
    ],
  };
}

function sameItems(a: ShipmentRecord['items'], b: ShipmentRecord['items']): boolean {
  const key = (items: ShipmentRecord['items']) => items.map((i) => `${i.productId}|${i.variantId ?? ''}|${i.quantity}`).sort().join(',');
  return key(a) === key(b);
}
