import { notifications } from '@mantine/notifications';
import { newId } from '../../../../shared/data/ids';
import { actorOf } from '../../../../shared/domain/activities';
import { nextOrderNames } from '../../../../shared/domain/shipment-csv';
import type { Address } from '../../../../shared/domain/fields';
import {
  failShipmentWrites, newShipmentsWrites, reshipWrites, shipmentAddressWrites, shipmentStatusWrites, trackingWrites, type Pipeline, type Reshipment, type Writes,
} from '../../../../shared/domain/shipment-writes';
import { shipmentStatusLabels, type ShipmentStatus } from '../../../../shared/domain/shipments';
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

export type { Pipeline };

/** Every shipment change is one command (one Undo), with a line in each creator's timeline. */
export function useShipmentActions(campaignId: string, existingOrderNames: readonly string[], pipeline?: Pipeline) {
  const session = useSession();
  const { apply: run } = useUndoableApply();

  const actor = () => actorOf(getMe());

  const create = async (list: NewShipment[]) => {
    const names = nextOrderNames(existingOrderNames, list.length);
    const parcels = list.map((s) => ({ creatorId: s.creator.id, engagementId: s.engagementId, productId: s.productId, variantId: s.variantId, address: s.creator.shippingAddress ?? null }));
    const operations = newShipmentsWrites(parcels, campaignId, names, actor(), new Date().toISOString(), () => newId());
    return run(operations, `${list.length} shipment${list.length === 1 ? '' : 's'} created`, 'The shipments were not created');
  };

  const setStatus = async (shipments: ShipmentRow[], status: ShipmentStatus, extra: Record<string, unknown> = {}) => {
    const operations = shipmentStatusWrites(shipments, status, extra, pipeline, actor(), new Date().toISOString(), () => newId());
    const label = shipmentStatusLabels[status].toLowerCase();
    return run(operations, shipments.length === 1 ? `${shipments[0].orderName} marked ${label}` : `${shipments.length} shipments marked ${label}`, 'The status was not changed');
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
    return run(trackingWrites(shipment, carrier, trackingNumber, pipeline, actor(), new Date().toISOString(), () => newId()), `Tracking saved for ${shipment.orderName}`, 'The tracking number was not saved');
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
