import { moneyFrom } from '../domain/fields';
import { codeRuleData } from '../domain/code-rules';
import { codeFor } from '../domain/code-generation';
import type { DemoRecords } from './generate';
import { SeededRandom } from './random';

/**
 * The sample brand's seeding and codes: opt-in preferences and addresses for
 * the Spring Glow creators who opted in, their shipments (shipped, delivered,
 * one failed and re-shipped), a code rule for the Run Club program and codes
 * with sales for its ambassadors who posted. Runs after the main generator
 * with a random stream of its own, so the rest of the sample never changes.
 */
const streets = ['Market Street', 'Station Road', 'Rue des Lilas', 'Hauptstraße', 'ul. Długa', 'Calle Mayor', 'Rua das Flores', 'Church Lane'];
const carriersByCountry: Record<string, string> = { US: 'UPS', GB: 'Royal Mail', PL: 'InPost', DE: 'DHL', FR: 'DPD', ES: 'DPD' };
const stepOrder = ['shortlisted', 'contacted', 'replied', 'opted-in', 'address-collected', 'shipped', 'delivered', 'posted'];

function at(today: string, daysBefore: number): string {
  return new Date(Date.parse(`${today}T15:00:00Z`) - daysBefore * 86_400_000).toISOString();
}

function trackingNumber(random: SeededRandom, carrier: string): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
  if (carrier === 'UPS') return `1Z${digits(6)}AA${digits(8)}`;
  if (carrier === 'Royal Mail') return `RM${digits(9)}GB`;
  if (carrier === 'InPost') return digits(24);
  if (carrier === 'DHL') return digits(10);
  return digits(14);
}

export function addSeedingDemo(records: DemoRecords, today: string): void {
  const random = new SeededRandom(606);
  records.products = [
    ...(records.products ?? []),
    { id: 'demo-pr-tee', input: { name: 'Run Club Tee', sku: 'RC-TEE', value: moneyFrom(35, 'USD'), variants: ['XS', 'S', 'M', 'L', 'XL'].map((size) => ({ id: `size-${size.toLowerCase()}`, name: size, sku: `RC-TEE-${size}` })) } },
  ];
  const creators = new Map((records.creators ?? []).map((c) => [c.id, c]));
  const shipments: NonNullable<DemoRecords['shipments']> = [];
  // Parcels of creators who posted arrived a few days before the post.
  const postedAt = new Map((records.content ?? []).filter((c) => c.input.kind === 'post' && c.input.campaignId === 'demo-ca-spring' && c.input.postedAt).map((c) => [c.input.creatorId, Date.parse(c.input.postedAt!)]));
  const before = (time: number, days: number) => new Date(time - days * 86_400_000).toISOString();
  let order = 1000;
  let failedOnce = false;

  for (const engagement of records.engagements ?? []) {
    if (engagement.input.campaignId !== 'demo-ca-spring') continue;
    const step = stepOrder.indexOf(engagement.input.stepId ?? '');
    if (step < stepOrder.indexOf('opted-in')) continue;
    const creator = creators.get(engagement.input.creatorId);
    if (!creator) continue;
    // Spring Glow gifts skincare only: some creators asked for the serum alone (the SPF is not for everyone).
    // The second draw once chose a shoe size; it stays so every later draw, and the sample, is unchanged.
    const serumOnly = random.chance(0.3);
    random.int(38, 44);
    engagement.input = {
      ...engagement.input,
      optIn: {
        productPreferences: serumOnly ? ['Glow serum'] : random.chance(0.15) ? ['a surprise!'] : [random.pick(['Glow serum and the SPF', 'The SPF', 'glow serum please'])],
        sizes: {},
        addressConfirmedAt: step >= stepOrder.indexOf('address-collected') ? at(today, 20) : null,
      },
    };
    const location = creator.input.location ?? { country: 'US', city: 'Austin', region: 'TX' };
    const address = {
      name: creator.input.name, line1: `${random.int(1, 220)} ${random.pick(streets)}`, line2: random.chance(0.3) ? `Apt ${random.int(1, 40)}` : '',
      city: location.city || 'Austin', region: location.region ?? '', postalCode: String(random.int(10000, 99999)), country: location.country || 'US',
    };
    // Opting in is where the form asks for the address; "Address collected" is when the team has checked it.
    creator.input = { ...creator.input, shippingAddress: creator.input.shippingAddress ?? address };
    if (step < stepOrder.indexOf('shipped')) continue;
    const carrier = carriersByCountry[address.country] ?? 'DHL';
    const items = serumOnly
      ? [{ productId: 'demo-pr-serum', variantId: null, quantity: 1 }]
      : [{ productId: 'demo-pr-serum', variantId: null, quantity: 1 }, { productId: 'demo-pr-spf', variantId: null, quantity: 1 }];
    const delivered = step >= stepOrder.indexOf('delivered');
    const base = { creatorId: creator.id, campaignId: 'demo-ca-spring', engagementId: engagement.id, items, address, carrier };
    // One parcel came back (a wrong flat number) and went out again: the history keeps both.
    if (delivered && !failedOnce) {
      failedOnce = true;
      const failedId = `demo-sh-${++order}`;
      shipments.push({ id: failedId, input: { ...base, orderName: `SEED-${order}`, status: 'reshipped', trackingNumber: trackingNumber(random, carrier), shippedAt: before(Date.parse(postedAt.has(creator.id) ? before(postedAt.get(creator.id)!, 2) : at(today, 19)), 12), failedReason: 'Returned to sender: flat number missing' } });
      const arrived = postedAt.has(creator.id) ? before(postedAt.get(creator.id)!, 2) : at(today, 19);
      shipments.push({ id: `demo-sh-${++order}`, input: { ...base, orderName: `SEED-${order}`, status: 'delivered', trackingNumber: trackingNumber(random, carrier), shippedAt: before(Date.parse(arrived), 3), deliveredAt: arrived, replacesId: failedId } });
      continue;
    }
    const posted = postedAt.get(creator.id);
    const deliveredAt = posted ? before(posted, random.int(2, 6)) : delivered ? at(today, random.int(2, 14)) : null;
    shipments.push({
      id: `demo-sh-${++order}`,
      input: {
        ...base, orderName: `SEED-${order}`, status: delivered ? 'delivered' : 'shipped', trackingNumber: trackingNumber(random, carrier),
        shippedAt: deliveredAt ? before(Date.parse(deliveredAt), random.int(2, 5)) : at(today, random.int(1, 4)), deliveredAt,
      },
    });
  }
  records.shipments = shipments;

  const rule = codeRuleData.parse({ pattern: '{HANDLE}{DISCOUNT}', discountValue: 20, maxLength: 16, campaignId: 'demo-ca-ambassadors', usageLimit: 500 });
  records.settings = [...(records.settings ?? []), { id: 'demo-code-rule-run-club', input: { kind: 'code-rule', name: 'Run Club ambassadors: 20% off', data: rule } }];
  const posted = new Set((records.content ?? []).filter((c) => c.input.kind === 'post' && c.input.campaignId === 'demo-ca-ambassadors').map((c) => c.input.creatorId));
  const codes: NonNullable<DemoRecords['codes']> = [];
  const used = new Set<string>();
  for (const engagement of records.engagements ?? []) {
    if (engagement.input.campaignId !== 'demo-ca-ambassadors' || !posted.has(engagement.input.creatorId)) continue;
    const creator = creators.get(engagement.input.creatorId)!;
    const made = codeFor(rule, { id: creator.id, name: creator.input.name, handle: creator.input.accounts?.[0]?.handle ?? '' }, { campaign: 'Run Club', year: Number(today.slice(0, 4)) });
    if (!('code' in made) || used.has(made.code)) continue;
    used.add(made.code);
    codes.push({
      id: `demo-co-${codes.length + 1}`,
      input: {
        kind: 'discount', campaignId: 'demo-ca-ambassadors', creatorId: creator.id, engagementId: engagement.id, ruleId: 'demo-code-rule-run-club', code: made.code,
        discount: { type: 'percent', value: 20 }, usageLimit: 500, orders: random.int(3, 60), revenue: moneyFrom(random.int(150, 5000), 'USD'),
      },
    });
  }
  records.codes = codes;
}
