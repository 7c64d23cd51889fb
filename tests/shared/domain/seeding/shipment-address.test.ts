import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/shared/import/csv';
import type { Address } from '../../../../src/shared/domain/fields';
import { exportShipments } from '../../../../src/shared/domain/shipment-csv';
import { addressHold, needsAddress, shipmentAddress } from '../../../../src/shared/domain/shipment-address';
import { failShipmentWrites, reshipWrites, shipmentAddressWrites, type ShipmentRecord } from '../../../../src/shared/domain/shipment-writes';
import { planTrackingImport } from '../../../../src/shared/import/tracking-import';

const home: Address = { name: 'Ana Lima', line1: 'Rua Augusta 12', line2: '', city: 'Lisboa', region: '', postalCode: '1100-053', country: 'PT' };
const office: Address = { ...home, line1: 'Av. da Liberdade 200' };
const actor = { id: 'me', name: 'Sam' };
const now = '2026-12-07T12:00:00.000Z';
let n = 0;
const ids = () => `id-${++n}`;

const shipment = (patch: Partial<ShipmentRecord> = {}): ShipmentRecord => ({
  id: 's1', creatorId: 'c1', campaignId: 'k1', engagementId: 'e1', orderName: 'SEED-1001', status: 'to-ship',
  items: [{ productId: 'tee', variantId: 'M', quantity: 1 }], address: null, failedReason: '', ...patch,
});

describe('a shipment waiting for an address', () => {
  it('waits while neither it nor the profile has a complete address, and is released by either', () => {
    expect(needsAddress(shipment(), null)).toBe(true);
    expect(needsAddress(shipment(), { ...home, city: '' })).toBe(true);
    expect(needsAddress(shipment(), home)).toBe(false);
    expect(needsAddress(shipment({ address: home }), null)).toBe(false);
    // Once it has left, it no longer waits: what it was sent to is history.
    expect(needsAddress(shipment({ status: 'shipped' }), null)).toBe(false);
  });

  it('says which parcel, whose, and what is missing', () => {
    expect(addressHold(shipment(), { ...home, postalCode: '', city: '' }, 'Ana Lima'))
      .toBe("SEED-1001 for Ana Lima needs an address first (the address has no city, postal code): add it on Ana Lima's profile or on the shipment.");
    expect(addressHold(shipment(), home, 'Ana Lima')).toBeNull();
  });

  it('goes to the profile address as it is now, unless one was given for this parcel', () => {
    expect(shipmentAddress(shipment({ address: office }), home)).toEqual(home);
    expect(shipmentAddress(shipment({ address: office, addressFixed: true }), home)).toEqual(office);
    expect(shipmentAddress(shipment({ status: 'shipped', address: office }), home)).toEqual(office);
  });

  it('is left out of the export with the reason', () => {
    const out = exportShipments([{ orderName: 'SEED-1001', creatorName: 'Ana Lima', email: '', phone: '', address: null, campaignName: 'Run', createdAt: now, lines: [{ title: 'Tee', variantTitle: 'M', sku: 'TEE-M', quantity: 1, unitValue: null }] }], '3pl', '2026-12-07');
    expect(out.orders).toBe(0);
    expect(out.skipped[0].reason).toMatch(/^No shipping address yet: add it/);
  });

  it('is reported and skipped by a tracking import, saying why', () => {
    const table = parseCsv(new TextEncoder().encode('Order Number,Tracking Number\nSEED-1001,1Z999AA10000000001\nSEED-1002,1Z999AA10000000002\n'));
    const hold = addressHold(shipment(), null, 'Ana Lima');
    const plan = planTrackingImport(table, [
      { id: 's1', orderName: 'SEED-1001', email: '', creatorName: 'Ana Lima', recipientName: '', status: 'to-ship', trackingNumber: '', carrier: '', hold },
      { id: 's2', orderName: 'SEED-1002', email: '', creatorName: 'Bo', recipientName: '', status: 'to-ship', trackingNumber: '', carrier: '', hold: null },
    ]);
    expect(plan.matches.map((m) => m.orderName)).toEqual(['SEED-1002']);
    expect(plan.bad).toEqual([{ row: 2, label: 'SEED-1001', reason: hold }]);
  });

  it('is released by an address on the shipment, or on the profile too', () => {
    const onShipment = shipmentAddressWrites(shipment(), home, false, actor, now, ids);
    expect(onShipment.ok && onShipment.operations.slice(0, 1)).toEqual([{ kind: 'update', collection: 'shipments', id: 's1', patch: { address: home, addressFixed: true } }]);
    const both = shipmentAddressWrites(shipment(), home, true, actor, now, ids);
    expect(both.ok && both.operations.map((o) => `${o.kind} ${o.collection}`)).toEqual(['update shipments', 'update creators', 'create activities']);
    expect(shipmentAddressWrites(shipment(), { ...home, country: '' }, true, actor, now, ids)).toEqual({ ok: false, reason: 'The address has no country: a warehouse needs a street, city, postal code and country.' });
    expect(shipmentAddressWrites(shipment({ status: 'shipped' }), home, true, actor, now, ids).ok).toBe(false);
  });
});

describe('failing and re-shipping', () => {
  it('refuses a failure without a reason', () => {
    expect(failShipmentWrites(shipment({ status: 'shipped' }), '  ', actor, now, ids)).toMatchObject({ ok: false, reason: expect.stringMatching(/^Say what happened/) });
    const ok = failShipmentWrites(shipment({ status: 'delivered' }), ' Wrong size sent ', actor, now, ids);
    expect(ok.ok && ok.operations[0]).toEqual({ kind: 'update', collection: 'shipments', id: 's1', patch: { status: 'failed', failedReason: 'Wrong size sent' } });
    expect(failShipmentWrites(shipment(), 'Lost', actor, now, ids).ok).toBe(false);
  });

  it('keeps the failed parcel, marked re-shipped, and creates one that replaces it', () => {
    const failed = shipment({ status: 'failed', failedReason: 'Returned to sender', address: home });
    const out = reshipWrites(failed, { items: failed.items, address: home, addressFixed: false, orderName: 'SEED-1002' }, actor, now, ids);
    if (!out.ok) throw new Error(out.reason);
    expect(out.operations[0]).toEqual({ kind: 'update', collection: 'shipments', id: 's1', patch: { status: 'reshipped' } });
    expect(out.operations[1]).toMatchObject({ kind: 'create', collection: 'shipments', input: { replacesId: 's1', orderName: 'SEED-1002', items: failed.items, address: home, note: 'Replaces SEED-1001 (Returned to sender)' } });
  });

  it('after "Wrong size sent" needs another size', () => {
    const failed = shipment({ status: 'failed', failedReason: 'Wrong size sent', address: home });
    expect(reshipWrites(failed, { items: failed.items, address: home, addressFixed: false, orderName: 'SEED-1002' }, actor, now, ids))
      .toEqual({ ok: false, reason: 'SEED-1001 failed because the wrong size was sent: choose another size.' });
    const out = reshipWrites(failed, { items: [{ productId: 'tee', variantId: 'L', quantity: 1 }], address: home, addressFixed: false, orderName: 'SEED-1002' }, actor, now, ids);
    expect(out.ok && out.operations[2]).toMatchObject({ input: { title: 'Re-shipping SEED-1001 as SEED-1002 with another item or size' } });
  });

  it('refuses an incomplete new address and a parcel that has not failed', () => {
    const failed = shipment({ status: 'failed', failedReason: 'Wrong address', address: home });
    expect(reshipWrites(failed, { items: failed.items, address: { ...office, city: '' }, addressFixed: true, orderName: 'SEED-1002' }, actor, now, ids))
      .toEqual({ ok: false, reason: 'The new address is not complete: the address has no city.' });
    expect(reshipWrites(shipment({ status: 'shipped' }), { items: failed.items, address: home, addressFixed: false, orderName: 'SEED-1002' }, actor, now, ids).ok).toBe(false);
  });
});
