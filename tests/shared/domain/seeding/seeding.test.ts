import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { parseCsv } from '../../../../src/shared/import/csv';
import { carrierName, findCarrier, guessCarriers, trackingLink } from '../../../../src/shared/domain/carriers';
import { chooseProduct, type MatchableProduct } from '../../../../src/shared/domain/product-match';
import { exportShipments, nextOrderNames, shopifyOrderHeaders, threePlHeaders, type ExportShipment } from '../../../../src/shared/domain/shipment-csv';
import { planTrackingImport, TrackingFileError, type TrackableShipment } from '../../../../src/shared/import/tracking-import';
import { daysSince, nextStatuses, notPostedQueue, stepAfterShipment } from '../../../../src/shared/domain/shipments';
import { mailtoLink, shippingNoticeValues, defaultShippingBody } from '../../../../src/shared/domain/shipping-notice';
import { renderTemplate } from '../../../../src/shared/domain/merge-fields';

const csv = (text: string | Uint8Array) => parseCsv(typeof text === 'string' ? new TextEncoder().encode(text) : text);

const products: MatchableProduct[] = [
  { id: 'serum', name: 'Glow Serum 30 ml', sku: 'GLW-30', variants: [] },
  { id: 'spf', name: 'Daily SPF 50', sku: 'SPF-50', variants: [] },
  { id: 'shoe', name: 'Tempo Runner', sku: 'TMP', variants: ['40', '41', '42'].map((s) => ({ id: `eu-${s}`, name: `EU ${s}`, sku: `TMP-${s}` })) },
  { id: 'tee', name: 'Run Club Tee', sku: 'TEE', variants: ['S', 'M', 'L'].map((s) => ({ id: s, name: s, sku: `TEE-${s}` })) },
];

describe('carriers', () => {
  it('knows carriers by the names other tools write and links to their tracking pages', () => {
    expect(findCarrier('United Parcel Service')?.id).toBe('ups');
    expect(findCarrier('royal mail')?.name).toBe('Royal Mail');
    expect(findCarrier('Pigeon Post')).toBeNull();
    expect(trackingLink('UPS', '1Z 999 AA1 0123456784')).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(trackingLink('inpost', '123456789012345678901234')).toContain('inpost.pl');
    expect(trackingLink('Pigeon Post', '123')).toBeNull();
    expect(trackingLink('UPS', '')).toBeNull();
    expect(carrierName('fedex')).toBe('FedEx');
    expect(carrierName('Local courier')).toBe('Local courier');
  });

  it('suggests a carrier from the shape of a number only when it fits', () => {
    expect(guessCarriers('1Z999AA10123456784').map((c) => c.id)).toEqual(['ups']);
    expect(guessCarriers('AB123456789GB').map((c) => c.id)).toEqual(['royal-mail']);
    expect(guessCarriers('hello')).toEqual([]);
  });
});

describe('choosing a product from opt-in preferences', () => {
  it('matches a product by name words and a variant by the size given', () => {
    expect(chooseProduct({ productPreferences: ['the tempo runners'], sizes: { shoe: '41' } }, products)).toMatchObject({ status: 'matched', productId: 'shoe', variantId: 'eu-41' });
    expect(chooseProduct({ productPreferences: ['Glow serum'], sizes: {} }, products)).toMatchObject({ status: 'matched', productId: 'serum', variantId: null });
    expect(chooseProduct({ productPreferences: ['GLW-30'], sizes: {} }, products)).toMatchObject({ status: 'matched', productId: 'serum' });
    expect(chooseProduct({ productPreferences: ['Tempo Runner 42'], sizes: {} }, products)).toMatchObject({ status: 'matched', variantId: 'eu-42' });
    expect(chooseProduct({ productPreferences: ['run club tee'], sizes: { top: 'm' } }, products)).toMatchObject({ status: 'matched', productId: 'tee', variantId: 'M' });
  });

  it('asks to choose when the size is missing or fits no variant, and says no match rather than guessing', () => {
    expect(chooseProduct({ productPreferences: ['Tempo Runner'], sizes: { shoe: '47' } }, products)).toMatchObject({ status: 'choose-variant', productId: 'shoe' });
    expect(chooseProduct({ productPreferences: ['a hoodie'], sizes: {} }, products)).toMatchObject({ status: 'no-match' });
    expect(chooseProduct({ productPreferences: [], sizes: {} }, products)).toMatchObject({ status: 'no-match', because: expect.stringMatching(/No product preference/) });
    expect(chooseProduct(null, products).status).toBe('no-match');
    expect(chooseProduct({ productPreferences: ['serum'], sizes: {} }, [])).toMatchObject({ status: 'no-match', because: expect.stringMatching(/catalogue is empty/) });
    // Two products fit equally: no guess.
    const twins = [...products, { id: 'serum2', name: 'Glow Serum 50 ml', sku: 'GLW-50', variants: [] }];
    expect(chooseProduct({ productPreferences: ['glow serum'], sizes: {} }, twins)).toMatchObject({ status: 'no-match', because: expect.stringMatching(/fits 2 products/) });
    // The first preference that fits wins.
    expect(chooseProduct({ productPreferences: ['a hoodie', 'spf'], sizes: {} }, products)).toMatchObject({ status: 'matched', productId: 'spf' });
  });
});

const address = { name: 'Zoë Åberg', line1: '12 "Quoted" Lane, Flat 3', line2: '', city: 'Malmö', region: 'CA', postalCode: '211 22', country: 'SE' };
const shipment = (over: Partial<ExportShipment> = {}): ExportShipment => ({
  orderName: 'SEED-1001', creatorName: 'Zoë Åberg', email: 'zoe@example.com', phone: '+46 70 123', address, campaignName: 'Spring Glow',
  createdAt: '2026-11-01T10:00:00.000Z',
  lines: [
    { title: 'Tempo Runner', variantTitle: 'EU 41', sku: 'TMP-41', quantity: 1, unitValue: { amountMicros: 140_000_000, currency: 'USD' } },
    { title: 'Glow Serum', variantTitle: '', sku: 'GLW-30', quantity: 2, unitValue: { amountMicros: 38_000_000, currency: 'USD' } },
  ],
  ...over,
});

describe('exporting shipments', () => {
  it('writes Matrixify’s Shopify order layout: one row per line, the order’s columns on its first row, read back by an independent parser', () => {
    const out = exportShipments([shipment(), shipment({ orderName: 'SEED-1002', address: null })], 'shopify', '2026-11-01');
    expect(out.fileName).toMatch(/orders/i);
    expect(out.orders).toBe(1);
    expect(out.skipped).toEqual([{ orderName: 'SEED-1002', creatorName: 'Zoë Åberg', reason: "No shipping address yet: add it on the creator's profile or on the shipment" }]);
    const parsed = Papa.parse<Record<string, string>>(out.csv.trim(), { header: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...shopifyOrderHeaders]);
    expect(parsed.data).toHaveLength(2);
    const [first, second] = parsed.data;
    expect(first).toMatchObject({
      Name: 'SEED-1001', Command: 'NEW', Email: 'zoe@example.com', 'Shipping: First Name': 'Zoë', 'Shipping: Last Name': 'Åberg',
      'Shipping: Address 1': '12 "Quoted" Lane, Flat 3', 'Shipping: City': 'Malmö', 'Shipping: Country Code': 'SE', 'Shipping: Province Code': 'CA',
      'Line: Type': 'Line Item', 'Line: Name': 'Tempo Runner - EU 41', 'Line: SKU': 'TMP-41', 'Line: Quantity': '1', 'Line: Price': '0.00', 'Financial Status': 'paid',
    });
    expect(first.Note).toContain('retail value 216.00 USD');
    expect(second).toMatchObject({ Name: 'SEED-1001', Command: '', Email: '', 'Line: SKU': 'GLW-30', 'Line: Quantity': '2' });
    expect(out.csv.endsWith('\r\n')).toBe(true);
    expect(out.csv.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('writes the generic 3PL layout, one row per SKU, and refuses half addresses and lines without a SKU', () => {
    const out = exportShipments([
      shipment(),
      shipment({ orderName: 'SEED-1003', address: { ...address, postalCode: '', city: '' } }),
      shipment({ orderName: 'SEED-1004', lines: [{ title: 'Mystery', variantTitle: '', sku: '', quantity: 1, unitValue: null }] }),
      shipment({ orderName: 'SEED-1005', lines: [] }),
    ], '3pl', '2026-11-01');
    const rows = Papa.parse<string[]>(out.csv.trim()).data;
    expect(rows[0]).toEqual([...threePlHeaders]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[12], r[14], r[15]])).toEqual([['SEED-1001', 'Zoë Åberg', 'TMP-41', '1', '140.00'], ['SEED-1001', 'Zoë Åberg', 'GLW-30', '2', '38.00']]);
    expect(out.skipped.map((s) => s.reason)).toEqual(["The address has no city, postal code: add it on the creator's profile or on the shipment", 'Mystery has no SKU', 'No product chosen']);
  });

  it('gives new order names that are never in use', () => {
    expect(nextOrderNames([], 2)).toEqual(['SEED-1001', 'SEED-1002']);
    expect(nextOrderNames(['SEED-1002', 'seed-1003'], 2)).toEqual(['SEED-1004', 'SEED-1005']);
  });
});

const trackable: TrackableShipment[] = [
  { id: 's1', orderName: 'SEED-1001', email: 'zoe@example.com', creatorName: 'Zoë Åberg', recipientName: 'Zoë Åberg', status: 'to-ship', trackingNumber: '', carrier: '' },
  { id: 's2', orderName: 'SEED-1002', email: 'paul@example.com', creatorName: 'Paul Smith', recipientName: 'Paul Smith', status: 'to-ship', trackingNumber: '', carrier: '' },
  { id: 's3', orderName: 'SEED-1003', email: 'paul@example.com', creatorName: 'Paul Smith', recipientName: 'Paul Smith', status: 'shipped', trackingNumber: '1Z999AA10123456784', carrier: 'UPS' },
  { id: 's4', orderName: 'SEED-1004', email: 'ana@example.com', creatorName: 'Ana Lima', recipientName: 'Ana Lima', status: 'to-ship', trackingNumber: '', carrier: '' },
  { id: 's5', orderName: 'SEED-0999', email: 'ana@example.com', creatorName: 'Ana Lima', recipientName: 'Ana Lima', status: 'reshipped', trackingNumber: '', carrier: '' },
];

describe('importing tracking numbers', () => {
  it('reads a Matrixify export (BOM, several rows per order, “#” names) and matches by order name', () => {
    const file = '\uFEFFName,Line: Type,Fulfillment: Tracking Company,Fulfillment: Tracking Number,Fulfillment: Tracking URL\r\n'
      + '#SEED-1001,Line Item,,,\r\n#SEED-1001,Fulfillment Line,United Parcel Service,1Z 999 AA1 0123456780,\r\n'
      + 'SEED-1003,Fulfillment Line,UPS,1Z999AA10123456784,\r\nSEED-1004,Fulfillment Line,Local Van Co,VAN123456,https://van.example/t/VAN123456\r\n';
    const plan = planTrackingImport(csv(file), trackable);
    expect(plan.columns).toMatchObject({ order: 'Name', tracking: 'Fulfillment: Tracking Number' });
    expect(plan.matches.map((m) => [m.row, m.shipmentId, m.trackingNumber, m.carrier, m.change, m.by])).toEqual([
      [3, 's1', '1Z999AA10123456780', 'UPS', 'new', 'order'],
      [4, 's3', '1Z999AA10123456784', 'UPS', 'same', 'order'],
      [5, 's4', 'VAN123456', 'Local Van Co', 'new', 'order'],
    ]);
    expect(plan.matches[2].trackingUrl).toBe('https://van.example/t/VAN123456');
    expect(plan.unmatched).toEqual([]);
    expect(plan.bad).toEqual([]);
  });

  it('matches a 3PL file by email, then by name, and reports unmatched, ambiguous and bad rows', () => {
    const file = 'ship_email;ship_name;tracking_number;carrier\n'
      + 'ZOE@example.com;;JJD0001234567890123;DHL\n'     // by email
      + ';Ana Lima;00340434161234567890;\n'              // by name (the re-shipped one is not open)
      + 'paul@example.com;Paul Smith;12345678;FedEx\n'   // two open shipments for Paul… one is shipped with another number: ambiguous
      + 'nobody@example.com;Nobody;AB123456789GB;Royal Mail\n'
      + 'zoe@example.com;;not a number!;DHL\n'
      + 'zoe@example.com;;;DHL\n';
    const plan = planTrackingImport(csv(file), trackable);
    expect(plan.matches.map((m) => [m.row, m.shipmentId, m.by, m.carrier])).toEqual([[2, 's1', 'email', 'DHL'], [3, 's4', 'name', '']]);
    expect(plan.unmatched.map((u) => [u.row, u.reason])).toEqual([
      [4, '2 open shipments go to paul@example.com; add the order name to tell them apart'],
      [5, 'No open shipment goes to nobody@example.com'],
    ]);
    expect(plan.bad.map((b) => [b.row, b.reason])).toEqual([
      [6, '“not a number!” is not a tracking number (6 to 40 letters and digits)'],
      [7, 'No tracking number in this row'],
    ]);
  });

  it('refuses a second, different number for the same shipment in one file, and a file without the columns it needs', () => {
    const plan = planTrackingImport(csv('Order Number,Tracking Number\nSEED-1002,1Z999AA10000000001\nSEED-1002,1Z999AA10000000002\nSEED-9999,1Z999AA10000000003\n'), trackable);
    expect(plan.matches.map((m) => m.trackingNumber)).toEqual(['1Z999AA10000000001']);
    expect(plan.matches[0].carrier).toBe('UPS');
    expect(plan.bad[0]).toMatchObject({ row: 3, reason: 'Row 2 already gives SEED-1002 the tracking number 1Z999AA10000000001' });
    expect(plan.unmatched[0]).toMatchObject({ row: 4, reason: 'No shipment has the order name SEED-9999' });
    expect(() => planTrackingImport(csv('Order,Carrier\nSEED-1001,UPS\n'), trackable)).toThrow(TrackingFileError);
    expect(() => planTrackingImport(csv('Tracking Number,Carrier\n1Z999AA10000000001,UPS\n'), trackable)).toThrow(/No column to match/);
  });

  it('takes a lone “Name” column for the recipient when no order has that name', () => {
    const plan = planTrackingImport(csv('Name,Tracking Number\nAna Lima,1Z999AA10000000077\nSEED-1002,1Z999AA10000000078\n'), trackable);
    expect(plan.matches.map((m) => [m.shipmentId, m.by])).toEqual([['s4', 'name'], ['s2', 'order']]);
  });

  it('reads UTF-16 files from Excel and semicolon files alike', () => {
    const text = 'Order Number\tTracking Number\r\nSEED-1002\t1Z999AA10000000009\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff; bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) { bytes[2 + i * 2] = text.charCodeAt(i); bytes[3 + i * 2] = 0; }
    expect(planTrackingImport(csv(bytes), trackable).matches[0]).toMatchObject({ shipmentId: 's2' });
  });
});

describe('shipment status and follow-ups', () => {
  it('moves to ship → shipped → delivered or failed, and re-shipping is its own action', () => {
    expect(nextStatuses('to-ship')).toEqual(['shipped']);
    expect(nextStatuses('shipped')).toEqual(['delivered', 'failed']);
    expect(nextStatuses('failed')).toEqual([]);
  });

  it('moves a creator forward to the campaign’s Shipped or Delivered step, never back', () => {
    const steps = ['Opted in', 'Address collected', 'Shipped', 'Delivered', 'Posted'].map((name) => ({ id: name.toLowerCase().replace(/ /g, '-'), name }));
    expect(stepAfterShipment('shipped', steps, 'address-collected')?.id).toBe('shipped');
    expect(stepAfterShipment('delivered', steps, 'address-collected')?.id).toBe('delivered');
    expect(stepAfterShipment('delivered', steps, 'posted')).toBeNull();
    expect(stepAfterShipment('shipped', steps, 'delivered')).toBeNull();
    expect(stepAfterShipment('failed', steps, 'opted-in')).toBeNull();
    expect(stepAfterShipment('shipped', [{ id: 'a', name: 'Contacted' }], 'a')).toBeNull();
    // A step removed from the campaign still lets the creator move on.
    expect(stepAfterShipment('shipped', steps, 'gone')?.id).toBe('shipped');
  });

  it('counts calendar days since delivery in UTC', () => {
    expect(daysSince('2026-11-01T23:30:00Z', new Date('2026-11-02T00:10:00Z'))).toBe(1);
    expect(daysSince('2024-02-28T12:00:00Z', new Date('2024-03-01T12:00:00Z'))).toBe(2);
  });

  it('lists delivered shipments without a post since delivery, oldest first', () => {
    const now = new Date('2026-11-20T12:00:00Z');
    const ships = [
      { id: 'a', creatorId: 'c1', campaignId: 'k', status: 'delivered' as const, deliveredAt: '2026-11-05T10:00:00Z' },
      { id: 'b', creatorId: 'c2', campaignId: 'k', status: 'delivered' as const, deliveredAt: '2026-11-10T10:00:00Z' },
      { id: 'c', creatorId: 'c3', campaignId: 'k', status: 'delivered' as const, deliveredAt: '2026-11-18T10:00:00Z' },
      { id: 'd', creatorId: 'c4', campaignId: 'k', status: 'shipped' as const, deliveredAt: null },
      { id: 'e', creatorId: 'c5', campaignId: 'k', status: 'delivered' as const, deliveredAt: '2026-11-01T10:00:00Z' },
    ];
    const posts = [
      { creatorId: 'c2', campaignId: 'k', kind: 'post', postedAt: '2026-11-12T10:00:00Z' },
      { creatorId: 'c5', campaignId: 'k', kind: 'post', postedAt: '2026-10-01T10:00:00Z' }, // before delivery: not about this parcel
      { creatorId: 'c1', campaignId: 'other', kind: 'post', postedAt: '2026-11-12T10:00:00Z' }, // another campaign
    ];
    expect(notPostedQueue(ships, posts, now, 7).map((q) => [q.shipmentId, q.days])).toEqual([['e', 19], ['a', 15]]);
    expect(notPostedQueue(ships, posts, now, 0).map((q) => q.shipmentId)).toEqual(['e', 'a', 'c']);
  });
});

describe('the shipping email', () => {
  it('fills the template with the tracking link and flags what is missing', () => {
    const values = shippingNoticeValues({
      creatorName: 'Zoë Åberg', handle: 'zoe.makes', campaignName: 'Spring Glow', productNames: ['Glow Serum'], carrier: 'ups',
      trackingNumber: '1Z999AA10123456784', trackingUrl: '', brand: 'Lumen', senderName: 'Sam',
    });
    const rendered = renderTemplate(defaultShippingBody, values);
    expect(rendered.ready).toBe(true);
    expect(rendered.text).toContain('Hi Zoë,');
    expect(rendered.text).toContain('with UPS');
    expect(rendered.text).toContain('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    const missing = renderTemplate(defaultShippingBody, { ...values, tracking_number: '', tracking_link: '' });
    expect(missing.missing).toEqual(['tracking_number', 'tracking_link']);
  });

  it('opens in the mail client with spaces and line breaks encoded', () => {
    const link = mailtoLink('zoe@example.com', 'Your serum & more', 'Hi Zoë,\nline two');
    expect(link).toBe('mailto:zoe@example.com?subject=Your%20serum%20%26%20more&body=Hi%20Zo%C3%AB%2C%0D%0Aline%20two');
  });
});
