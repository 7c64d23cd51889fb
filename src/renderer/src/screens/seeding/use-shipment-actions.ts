import { notifications } from '@mantine/notifications';
import { newId } from '../../../../shared/data/ids';
import type { StoreOperation } from '../../../../shared/data/store';
import { nextOrderNames } from '../../../../shared/domain/shipment-csv';
import type { Address } from '../../../../shared/domain/fields';
import { failShipmentWrites, reshipWrites, shipmentAddressWrites, type Reshipment, type Writes } from '../../../../shared/domain/shipment-writes';
import { shipmentStatusLabels, statusPatch, stepAfterShipment, type ShipmentStatus } from '../../../../shared/domain/shipments';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { notifyWithUndo } from '../../components/undo-notification';
import { useUndoableApply } from '../../components/use-undoable-apply';
import { getMe } from '../../data/me';
import type { CreatorRow } from '../creator-row';
import type { ShipmentRow } from './seeding-rows';

export interface NewShipment {
  creator: CreatorRow;
  engagementId: string;
  productId: string;
  variantId: string | null;
}

function timeline(shipment: { creatorId: string; campaignId: string | null; engagementId: string | null }, title: string, data: Record<string, unknown>): StoreOperation {
  const me = getMe();
  return {
    kind: 'create', collection: 'activities', id: newId(),
    input: { kind: 'shipment', title, at: new Date().toISOString(), actorId: me.id, creatorId: shipment.creatorId, campaignId: shipment.campaignId, engagementId: shipment.engagementId, data },
  };
}

export interface Pipeline {
  steps: { id: string; name: string }[];
  /** Where each engagement is now. */
  stepOf: ReadonlyMap<string, string>;
}

/** A parcel shipped or delivered moves its creator to the campaign's matching step, in the same Undo. */
export function pipelineMoves(shipments: ShipmentRow[], status: ShipmentStatus, pipeline: Pipeline | undefined): StoreOperation[] {
  if (!pipeline) return [];
  const me = getMe();
  return shipments.flatMap((s): StoreOperation[] => {
    const current = s.engagementId ? pipeline.stepOf.get(s.engagementId) : undefined;
    const step = current !== undefined ? stepAfterShipment(status, pipeline.steps, current) : null;
    if (!step || !s.engagementId) return [];
    return [
      { kind: 'update', collection: 'engagements', id: s.engagementId, patch: { stepId: step.id } },
      {
        kind: 'create', collection: 'activities', id: newId(),
        input: { kind: 'stage-change', title: `Moved to ${step.name}`, at: new Date().toISOString(), actorId: me.id, creatorId: s.creatorId, campaignId: s.campaignId, engagementId: s.engagementId, data: { from: current, to: step.id, byName: me.named ? me.name : null, because: s.orderName } },
      },
    ];
  });
}

/** Every shipment change is one command (one Undo), with a line in each creator's timeline. */
export function useShipmentActions(campaignId: string, existingOrderNames: readonly string[], pipeline?: Pipeline) {
  const session = useSession();
  const { apply: run } = useUndoableApply();

  const create = async (list: NewShipment[]) => {
    const names = nextOrderNames(existingOrderNames, list.length);
    const operations = list.flatMap((s, i): StoreOperation[] => {
      const input = {
        creatorId: s.creator.id, campaignId, engagementId: s.engagementId, orderName: names[i],
        items: [{ productId: s.productId, variantId: s.variantId, quantity: 1 }], address: s.creator.shippingAddress ?? null,
      };
      return [{ kind: 'create', collection: 'shipments', id: newId(), input }, timeline(input, `Shipment ${names[i]} created`, { orderName: names[i] })];
    });
    return run(operations, `${list.length} shipment${list.length === 1 ? '' : 's'} created`, 'The shipments were not created');
  };

  const setStatus = async (shipments: ShipmentRow[], status: ShipmentStatus, extra: Record<string, unknown> = {}) => {
    const now = new Date().toISOString();
    const operations = shipments.flatMap((s): StoreOperation[] => [
      { kind: 'update', collection: 'shipments', id: s.id, patch: { ...statusPatch(status, now), ...extra } },
      timeline(s, `Shipment ${s.orderName} ${shipmentStatusLabels[status].toLowerCase()}`, { orderName: s.orderName, status }),
    ]).concat(pipelineMoves(shipments, status, pipeline));
    const label = shipmentStatusLabels[status].toLowerCase();
    return run(operations, shipments.length === 1 ? `${shipments[0].orderName} marked ${label}` : `${shipments.length} shipments marked ${label}`, 'The status was not changed');
  };

  const actor = () => {
    const me = getMe();
    return { id: me.id, name: me.named ? me.name : null };
  };

  /** Refused writes are said in the words of the rule that refused them; nothing is written. */
  const runWrites = async (writes: Writes, done: string, failed: string) => {
    if (!writes.ok) {
      notifications.show({ color: 'orange', title: failed, message: writes.reason, autoClose: false });
      return false;
    }
    return run(writes.operations, done, failed);
  };

  const fail = (shipment: ShipmentRow, reason: string) =>
    runWrites(failShipmentWrites(shipment, reason, actor(), new Date().toISOString(), () => newId()), `${shipment.orderName} marked failed`, 'Not marked failed');

  /** A failed parcel goes out again as a new shipment that replaces it; the failed one stays in the history. */
  const reship = (failed: ShipmentRow, next: Omit<Reshipment, 'orderName'>) => {
    const [orderName] = nextOrderNames(existingOrderNames, 1);
    return runWrites(reshipWrites(failed, { ...next, orderName }, actor(), new Date().toISOString(), () => newId()),
      `${orderName} replaces ${failed.orderName}; export it to ship`, 'Not re-shipped');
  };

  const setAddress = (shipment: ShipmentRow, address: Address, alsoProfile: boolean) =>
    runWrites(shipmentAddressWrites(shipment, address, alsoProfile, actor(), new Date().toISOString(), () => newId()),
      `${shipment.orderName} has an address and can be exported`, 'The address was not saved');

  const saveTracking = async (shipment: ShipmentRow, carrier: string, trackingNumber: string, hold: string | null) => {
    if (hold && trackingNumber) {
      notifications.show({ color: 'orange', title: 'No tracking number yet', message: hold, autoClose: false });
      return false;
    }
    const now = new Date().toISOString();
    const patch: Record<string, unknown> = { carrier, trackingNumber };
    const ships = shipment.status === 'to-ship' && Boolean(trackingNumber);
    if (ships) Object.assign(patch, statusPatch('shipped', now));
    return run([
      { kind: 'update', collection: 'shipments', id: shipment.id, patch },
      timeline(shipment, `Tracking for ${shipment.orderName}: ${carrier} ${trackingNumber}`.trim(), { orderName: shipment.orderName, carrier, trackingNumber }),
      ...(ships ? pipelineMoves([shipment], 'shipped', pipeline) : []),
    ], `Tracking saved for ${shipment.orderName}`, 'The tracking number was not saved');
  };

  /** A shipment made by mistake (still to ship) goes to the trash; the creator's row offers a product again. */
  const remove = async (shipment: ShipmentRow) => {
    try {
      await session.commands.softDelete('shipments', [shipment.id]);
      notifyWithUndo(`${shipment.orderName} deleted`, () => void session.commands.restore('shipments', [shipment.id]));
    } catch (error) {
      reportError('The shipment was not deleted')(error);
    }
  };

  return { create, setStatus, fail, reship, setAddress, saveTracking, remove, run };
}
