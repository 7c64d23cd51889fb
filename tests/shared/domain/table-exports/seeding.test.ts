import { describe, expect, it } from 'vitest';
import { moneyFrom } from '../../../../src/shared/domain/fields';
import { buildDeliveredNotPostedTable, buildProductsTable, buildShipmentsTable } from '../../../../src/shared/domain/table-exports/seeding';
import { toCsv } from '../../../../src/shared/domain/table-export';

describe('the seeding exports', () => {
  it('shipments: one row per creator shown, a parcel’s dates as dates, and creators without a parcel as "Not created"', () => {
    const table = buildShipmentsTable([
      { creatorName: 'Ana', product: 'Tempo Runner — EU 41', earlierParcels: 1, shipment: { orderName: '#SEED-1002', status: 'delivered', carrier: 'DHL', trackingNumber: '00340434', trackingUrl: 'https://dhl.com/t/00340434', shippedAt: '2026-11-01T09:00:00Z', deliveredAt: '2026-11-04T16:00:00Z', failedReason: '' } },
      { creatorName: 'Ben', product: 'Glow Serum', earlierParcels: 0, shipment: null },
    ]);
    expect(table.headers).toEqual(['Creator', 'Product', 'Order', 'Status', 'Shipped', 'Delivered', 'Carrier', 'Tracking number', 'Tracking link', 'Why it failed', 'Earlier parcels']);
    expect(table.rows[0].slice(3, 6)).toEqual(['Delivered', '2026-11-01T09:00:00Z', '2026-11-04T16:00:00Z']);
    expect(table.rows[1]).toEqual(['Ben', 'Glow Serum', '', 'Not created', null, null, '', '', '', '', 0]);
    // A tracking number with leading zeros stays text; the order name that starts with "#" is not a formula.
    expect(toCsv(table).split('\r\n')[1]).toBe('Ana,Tempo Runner — EU 41,#SEED-1002,Delivered,2026-11-01,2026-11-04,DHL,00340434,https://dhl.com/t/00340434,,1');
  });

  it('products: variants listed, value in currency units with its currency', () => {
    const table = buildProductsTable([{ name: 'Tempo Runner', description: '-20% launch', sku: 'TR-1', variants: [{ name: 'EU 40', sku: 'TR-1-40' }, { name: 'EU 41', sku: '' }], value: moneyFrom(129.9, 'EUR') }]);
    expect(table.rows[0]).toEqual(['Tempo Runner', 'TR-1', 'EU 40; EU 41', 'TR-1-40', 129.9, 'EUR', '-20% launch']);
    expect(toCsv(table)).toContain(",'-20% launch");
  });

  it('delivered not posted: days since delivery as a number', () => {
    const table = buildDeliveredNotPostedTable([{ creatorName: 'Ana', email: 'ana@x.com', sent: 'Glow Serum', deliveredAt: '2026-11-04T16:00:00Z', days: 17 }]);
    expect(table.kinds).toEqual(['text', 'text', 'text', 'date', 'count']);
    expect(table.rows[0][4]).toBe(17);
  });
});
