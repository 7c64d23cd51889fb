import type { StoreOperation } from '../data/store';
import type { Address } from './fields';
import { addressProblem } from './shipment-address';
import type { ShipmentStatus } from './shipments';

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

export interface Actor {
  id: string;
  /** Null when the person has not told the app their name. */
  name: string | null;
}

export type Writes = { ok: true; operations: StoreOperation[] } | { ok: false; reason: string };

export function timelineLine(shipment: Pick<ShipmentRecord, 'creatorId' | 'campaignId' | 'engagementId'>, title: string, data: Record<string, unknown>, actor: Actor, now: string, id: string): StoreOperation {
  return {
    kind: 'create', collection: 'activities', id,
    input: { kind: 'shipment', title, at: now, actorId: actor.id, creatorId: shipment.creatorId, campaignId: shipment.campaignId, engagementId: shipment.engagementId, data: { ...data, byName: actor.name } },
  };
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
