import { campaignProductsFirst } from '../../../../shared/domain/campaign-products';
import { formatDay as formatSharedDay } from '../../../../shared/domain/day-format';
import type { Address, Money } from '../../../../shared/domain/fields';
import type { ShipmentStatus } from '../../../../shared/domain/shipments';

/** Records as the projection holds them, with the fields the seeding screens read. */
export interface ProductRow {
  id: string;
  name: string;
  sku: string;
  variants: { id: string; name: string; sku: string }[];
  value: Money | null;
  description: string;
  deletedAt: string | null;
}

export interface ShipmentRow {
  id: string;
  creatorId: string;
  campaignId: string | null;
  engagementId: string | null;
  items: { productId: string; variantId: string | null; quantity: number }[];
  address: Address | null;
  addressFixed: boolean;
  status: ShipmentStatus;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string;
  shippedAt: string | null;
  deliveredAt: string | null;
  replacesId: string | null;
  orderName: string;
  failedReason: string;
  note: string;
  createdAt: string;
  deletedAt: string | null;
}

export interface SeedingEngagement {
  id: string;
  creatorId: string;
  campaignId: string;
  stepId: string;
  optIn: { sizes: Record<string, string>; productPreferences: string[] } | null;
}

export interface PostRow {
  id: string;
  kind: string;
  creatorId: string;
  campaignId: string | null;
  postedAt: string | null;
  deletedAt: string | null;
}

/** "Tempo Runner — EU 41 × 2, Glow Serum". */
export function describeItems(items: ShipmentRow['items'], products: ReadonlyMap<string, ProductRow>): string {
  if (!items.length) return 'No product';
  return items.map((item) => {
    const product = products.get(item.productId);
    const variant = product?.variants.find((v) => v.id === item.variantId);
    const name = product ? `${product.name}${variant ? ` — ${variant.name}` : ''}` : 'A deleted product';
    return item.quantity > 1 ? `${name} × ${item.quantity}` : name;
  }).join(', ');
}

/** The value a product choice is kept as in a Select: "productId|variantId". */
export function choiceValue(productId: string, variantId: string | null): string {
  return `${productId}|${variantId ?? ''}`;
}

export function parseChoice(value: string): { productId: string; variantId: string | null } {
  const [productId, variantId] = value.split('|');
  return { productId, variantId: variantId || null };
}

const itemsOf = (p: ProductRow) => (p.variants.length
  ? p.variants.map((v) => ({ value: choiceValue(p.id, v.id), label: `${p.name} — ${v.name}` }))
  : [{ value: choiceValue(p.id, null), label: p.name }]);

/** Choices for a Select: the campaign's products first, in its order, then the rest of the catalogue by product. */
export function productOptions(products: readonly ProductRow[], campaignProductIds: readonly string[] = []): { group: string; items: { value: string; label: string }[] }[] {
  const { campaign, others } = campaignProductsFirst(products, campaignProductIds);
  return [
    ...(campaign.length ? [{ group: 'This campaign’s products', items: campaign.flatMap(itemsOf) }] : []),
    ...others.map((p) => ({ group: campaign.length ? `Other: ${p.name}` : p.name, items: itemsOf(p) })),
  ];
}

export function formatDay(instant: string | null): string {
  return (instant && formatSharedDay(instant)) || '—';
}
