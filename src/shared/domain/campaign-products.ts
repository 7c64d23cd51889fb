import { chooseProduct, findVariant, type MatchableProduct, type OptInChoices, type ProductChoice } from './product-match';

/**
 * A campaign's products, in the order the team put them (the first is the
 * one messages lead with). A product deleted from the catalogue later stays
 * listed, said as deleted, until someone removes it: dropping it silently
 * would change what outreach and contracts say.
 */
export interface CatalogueProduct {
  id: string;
  name: string;
  deletedAt?: string | null;
}

export interface CampaignProductEntry {
  id: string;
  name: string;
  state: 'live' | 'deleted' | 'missing';
}

export function campaignProductEntries(productIds: readonly string[], catalogue: readonly CatalogueProduct[]): CampaignProductEntry[] {
  const byId = new Map(catalogue.map((p) => [p.id, p]));
  return productIds.map((id) => {
    const product = byId.get(id);
    if (!product) return { id, name: 'A product no longer in the catalogue', state: 'missing' };
    return { id, name: product.name, state: product.deletedAt ? 'deleted' : 'live' };
  });
}

/** Moves one product up or down the list; out-of-range moves change nothing. */
export function moveProduct(productIds: readonly string[], index: number, by: -1 | 1): string[] {
  const to = index + by;
  if (index < 0 || index >= productIds.length || to < 0 || to >= productIds.length) return [...productIds];
  const next = [...productIds];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

export function addProduct(productIds: readonly string[], id: string): string[] {
  return productIds.includes(id) ? [...productIds] : [...productIds, id];
}

/** Catalogue products with the campaign's first, in the campaign's order; deleted ones are not offered. */
export function campaignProductsFirst<P extends MatchableProduct & { deletedAt?: string | null }>(products: readonly P[], campaignProductIds: readonly string[]): { campaign: P[]; others: P[] } {
  const live = products.filter((p) => !p.deletedAt);
  const byId = new Map(live.map((p) => [p.id, p]));
  const campaign = campaignProductIds.map((id) => byId.get(id)).filter((p): p is P => !!p);
  const chosen = new Set(campaign.map((p) => p.id));
  return { campaign, others: live.filter((p) => !chosen.has(p.id)) };
}

/**
 * What a creator in a campaign gets: their opt-in preference matched
 * against the campaign's products first, then the whole catalogue; with no
 * preference and one campaign product, that product (its size still to
 * choose when it has sizes the opt-in does not give).
 */
export function chooseCampaignProduct(choices: OptInChoices | null | undefined, products: readonly (MatchableProduct & { deletedAt?: string | null })[], campaignProductIds: readonly string[]): ProductChoice {
  const { campaign, others } = campaignProductsFirst(products, campaignProductIds);
  if (campaign.length) {
    const inCampaign = chooseProduct(choices, campaign);
    if (inCampaign.status !== 'no-match') return inCampaign;
  }
  const anywhere = chooseProduct(choices, [...campaign, ...others]);
  if (anywhere.status !== 'no-match' || campaign.length !== 1) return anywhere;
  const only = campaign[0];
  if (!only.variants.length) return { status: 'matched', productId: only.id, variantId: null, because: `${only.name} is this campaign's product` };
  const sizes = new Map(Object.values(choices?.sizes ?? {}).map((v) => findVariant(only, v)).filter((v) => v !== null).map((v) => [v.id, v]));
  const size = sizes.size === 1 ? [...sizes.values()][0] : null;
  if (size) return { status: 'matched', productId: only.id, variantId: size.id, because: `${only.name} is this campaign's product; size ${size.name} from the opt-in` };
  return { status: 'choose-variant', productId: only.id, because: `${only.name} is this campaign's product; choose the size` };
}
