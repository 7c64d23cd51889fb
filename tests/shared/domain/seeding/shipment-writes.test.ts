import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../../src/shared/data/store';
import { newShipmentsWrites, shipmentStatusWrites, trackingImportWrites, trackingWrites, type Pipeline } from '../../../../src/shared/domain/shipment-writes';

const actor = { id: 'me', name: 'Sam' };
const now = '2026-12-07T12:00:00.000Z';
const steps = [{ id: 'invited', name: 'Invited' }, { id: 'shipped', name: 'Shipped' }, { id: 'delivered', name: 'Delivered' }, { id: 'posted', name: 'Posted' }];

function seeded() {
  const store = new WorkspaceStore(new Y.Doc(), { actorId: 'me' });
  const engagement = store.create('engagements', { campaignId: 'k1', creatorId: 'c1', stepId: 'invited' });
  let n = 0;
  const ids = () => `id-${++n}`;
  store.applyAll(newShipmentsWrites([{ creatorId: 'c1', engagementId: engagement.id, productId: 'tee', variantId: 'M', address: null }], 'k1', ['SEED-1001'], actor, now, ids));
  const pipeline = (): Pipeline => ({ steps, stepOf: new Map([[engagement.id, store.get('engagements', engagement.id)!.stepId]]) });
  const shipment = () => store.get('shipments', 'id-1')!;
  const lines = () => (['id-2', 'id-3', 'id-4', 'id-5', 'id-6'] as const).map((id) => store.get('activities', id)).filter(Boolean);
  return { store, engagement, pipeline, shipment, ids, lines };
}

describe('shipment writes', () => {
  it('creates a parcel of one item under its order name, with a line in the creator’s timeline', () => {
    const { shipment, lines } = seeded();
    expect(shipment()).toMatchObject({ orderName: 'SEED-1001', campaignId: 'k1', creatorId: 'c1', status: 'to-ship', items: [{ productId: 'tee', variantId: 'M', quantity: 1 }] });
    expect(lines()[0]).toMatchObject({ kind: 'shipment', title: 'Shipment SEED-1001 created', actorId: 'me', creatorId: 'c1', campaignId: 'k1', data: { orderName: 'SEED-1001', byName: 'Sam' } });
  });

  it('marks a parcel shipped and moves its creator to the Shipped step, one Undo for all', () => {
    const { store, engagement, pipeline, shipment, ids, lines } = seeded();
    store.applyAll(shipmentStatusWrites([shipment()], 'shipped', {}, pipeline(), actor, now, ids));
    expect(shipment()).toMatchObject({ status: 'shipped', shippedAt: now });
    expect(store.get('engagements', engagement.id)?.stepId).toBe('shipped');
    expect(lines().map((l) => l!.title)).toEqual(['Shipment SEED-1001 created', 'Shipment SEED-1001 shipped', 'Moved to Shipped']);
    expect(lines()[2]).toMatchObject({ kind: 'stage-change', data: { from: 'invited', to: 'shipped', because: 'SEED-1001' } });
    store.undo();
    expect(shipment().status).toBe('to-ship');
    expect(store.get('engagements', engagement.id)?.stepId).toBe('invited');
  });

  it('does not pull a creator back: delivered after they posted leaves them at Posted', () => {
    const { store, engagement, pipeline, shipment, ids } = seeded();
    store.update('engagements', engagement.id, { stepId: 'posted' });
    const ops = shipmentStatusWrites([shipment()], 'delivered', {}, pipeline(), actor, now, ids);
    expect(ops.map((o) => o.collection)).toEqual(['shipments', 'activities']);
  });

  it('a tracking number typed on a parcel still to ship marks it shipped; on one already shipped it only saves the number', () => {
    const { store, engagement, pipeline, shipment, ids } = seeded();
    store.applyAll(trackingWrites({ ...shipment(), addressFixed: false }, 'DHL', '123', pipeline(), actor, now, ids));
    expect(shipment()).toMatchObject({ carrier: 'DHL', trackingNumber: '123', status: 'shipped', shippedAt: now });
    expect(store.get('engagements', engagement.id)?.stepId).toBe('shipped');
    const again = trackingWrites({ ...shipment(), addressFixed: false }, 'DHL', '456', pipeline(), actor, '2026-12-08T12:00:00.000Z', ids);
    expect(again.map((o) => o.collection)).toEqual(['shipments', 'activities']);
    expect(again[0]).toEqual({ kind: 'update', collection: 'shipments', id: 'id-1', patch: { carrier: 'DHL', trackingNumber: '456' } });
  });

  it('imports the warehouse’s tracking numbers: shipped on the file’s date, the creator moved on', () => {
    const { store, engagement, pipeline, shipment, ids } = seeded();
    const match = { shipmentId: 'id-1', trackingNumber: '1Z999', carrier: 'UPS', trackingUrl: '', shippedAt: '2026-12-06T09:00:00.000Z' };
    store.applyAll(trackingImportWrites([match], new Map([['id-1', shipment()]]), () => pipeline(), actor, now, ids));
    expect(shipment()).toMatchObject({ trackingNumber: '1Z999', carrier: 'UPS', status: 'shipped', shippedAt: '2026-12-06T09:00:00.000Z' });
    expect(store.get('engagements', engagement.id)?.stepId).toBe('shipped');
    // Outside a campaign with a pipeline nobody moves.
    expect(trackingImportWrites([match], new Map([['id-1', { ...shipment(), status: 'to-ship' as const }]]), () => undefined, actor, now, ids)).toHaveLength(1);
  });
});
