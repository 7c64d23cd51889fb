import { nameKey } from './fold-text';
/**
 * Which product (and which size or shade) a creator gets, from what they told
 * us when they opted in: "the serum, and the runners in 41". A match is only
 * made when it is clear; anything else says "choose" rather than guessing,
 * because a wrong size shipped costs a re-shipment and a creator's goodwill.
 */
export interface MatchableProduct {
  id: string;
  name: string;
  sku: string;
  variants: { id: string; name: string; sku: string }[];
}

export interface OptInChoices {
  productPreferences: readonly string[];
  sizes: Readonly<Record<string, string>>;
}

export type ProductChoice =
  | { status: 'matched'; productId: string; variantId: string | null; because: string }
  /** The product is clear, the variant is not: show the variants to pick from. */
  | { status: 'choose-variant'; productId: string; because: string }
  | { status: 'no-match'; because: string };


function words(text: string): string[] {
  return nameKey(text).split(' ').filter((w) => w.length > 1 || /\d/.test(w));
}

const UNITS = new Set(['ml', 'g', 'kg', 'oz', 'fl', 'pack', 'set']);

/** How well a preference names a product: a SKU is certain; otherwise the share of the product's name words it contains. */
function score(preference: string, product: MatchableProduct): number {
  const pref = nameKey(preference);
  if (!pref) return 0;
  if (product.sku && nameKey(product.sku) === pref) return 1;
  const prefWords = new Set(words(preference));
  const nameWords = words(product.name).filter((w) => !/^\d+$/.test(w) && !UNITS.has(w));
  if (!nameWords.length) return 0;
  const hits = nameWords.filter((w) => prefWords.has(w) || [...prefWords].some((p) => p.length >= 4 && (w.startsWith(p) || p.startsWith(w)))).length;
  return hits / nameWords.length;
}

/** A variant named by a size value ("41" → "EU 41", "m" → "M"), or by a SKU. */
export function findVariant(product: MatchableProduct, value: string): { id: string; name: string } | null {
  const wanted = nameKey(value);
  if (!wanted) return null;
  const exact = product.variants.filter((v) => nameKey(v.name) === wanted || (v.sku && nameKey(v.sku) === wanted));
  if (exact.length === 1) return exact[0];
  const token = product.variants.filter((v) => nameKey(v.name).split(' ').includes(wanted));
  return token.length === 1 ? token[0] : null;
}

/** The variant the opt-in's sizes point at: any size value that names exactly one variant. */
function variantFromSizes(product: MatchableProduct, sizes: Readonly<Record<string, string>>, preference: string): { id: string; name: string } | null {
  // A size written into the preference itself ("Tempo Runner 41") counts too.
  const candidates = [...Object.values(sizes), ...words(preference)];
  const found = new Map<string, { id: string; name: string }>();
  for (const value of candidates) {
    const v = findVariant(product, value);
    if (v) found.set(v.id, v);
  }
  return found.size === 1 ? [...found.values()][0] : null;
}

const CLEAR = 0.5;

/** The creator's first preference that names exactly one product clearly, with its variant when the sizes say which. */
export function chooseProduct(choices: OptInChoices | null | undefined, products: readonly MatchableProduct[]): ProductChoice {
  const preferences = (choices?.productPreferences ?? []).filter((p) => p.trim());
  if (!preferences.length) return { status: 'no-match', because: 'No product preference given at opt-in' };
  if (!products.length) return { status: 'no-match', because: 'The product catalogue is empty' };
  for (const preference of preferences) {
    const scored = products.map((p) => ({ product: p, score: score(preference, p) })).filter((s) => s.score >= CLEAR).sort((a, b) => b.score - a.score);
    if (!scored.length) continue;
    if (scored.length > 1 && scored[0].score === scored[1].score) {
      return { status: 'no-match', because: `“${preference}” fits ${scored.length} products (${scored.slice(0, 3).map((s) => s.product.name).join(', ')})` };
    }
    const product = scored[0].product;
    if (!product.variants.length) return { status: 'matched', productId: product.id, variantId: null, because: `Asked for “${preference}”` };
    const variant = variantFromSizes(product, choices?.sizes ?? {}, preference);
    if (variant) return { status: 'matched', productId: product.id, variantId: variant.id, because: `Asked for “${preference}”, size ${variant.name}` };
    return { status: 'choose-variant', productId: product.id, because: `Asked for “${preference}”; no size given that fits its variants` };
  }
  return { status: 'no-match', because: `Nothing in the catalogue fits “${preferences.join('”, “')}”` };
}
