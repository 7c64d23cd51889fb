import type { Money } from '../domain/fields';
import { joinNames } from '../domain/outreach-values';
import type { BrandKit } from './model';
import { contractMergeValues, type ContractDeliverable, type MergeValues } from './creator-agreement';

/** The parts of the records a contract reads (creators, campaigns, engagements). */
export interface CreatorLike {
  id: string;
  name: string;
  accounts?: Array<{ platform: string; handle: string }>;
  emails?: Array<{ address: string; primary: boolean }>;
  shippingAddress?: { line1?: string; line2?: string; city?: string; region?: string; postalCode?: string; country?: string } | null;
}

export interface CampaignLike {
  id: string;
  name: string;
  startsOn?: string | null;
  endsOn?: string | null;
  /** The campaign's featured products, in order: named in the agreement when the creator's terms name none. */
  productIds?: string[];
}

export interface EngagementLike {
  id: string;
  creatorId: string;
  campaignId: string;
  terms?: {
    fee?: Money | null;
    bonus?: Money | null;
    productValue?: Money | null;
    commissionPercent?: number | null;
    exclusivityDays?: number | null;
    deliverables?: ContractDeliverable[];
    productIds?: string[];
  } | null;
}

export interface ContractOptions {
  brand: BrandKit;
  legalName: string;
  paymentDays: number;
  governingLaw: string;
  competitors: string;
  issuedOn: string;
  /** The catalogue, to name the products; a product deleted since is still named (it is what was agreed). */
  products?: ReadonlyArray<{ id: string; name: string }>;
}

const handleOf = (creator: CreatorLike) => {
  const h = creator.accounts?.[0]?.handle ?? '';
  return h ? (h.startsWith('@') ? h : `@${h}`) : '';
};

/** Merge values for one creator in one campaign, from their negotiated terms. */
export function contractValuesFor(creator: CreatorLike, campaign: CampaignLike, engagement: EngagementLike | null, options: ContractOptions): MergeValues {
  const a = creator.shippingAddress;
  const terms = engagement?.terms ?? null;
  const values = contractMergeValues({
    brand: options.brand,
    brandLegalName: options.legalName,
    creator: {
      name: creator.name,
      handle: handleOf(creator),
      email: creator.emails?.find((e) => e.primary)?.address ?? creator.emails?.[0]?.address ?? '',
      address: a ? [a.line1, a.line2, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ') : '',
    },
    campaign: { name: campaign.name, startsOn: campaign.startsOn ?? null, endsOn: campaign.endsOn ?? null },
    terms: terms
      ? {
        fee: terms.fee ?? null,
        bonus: terms.bonus ?? null,
        productValue: terms.productValue ?? null,
        commissionPercent: terms.commissionPercent ?? null,
        exclusivityDays: terms.exclusivityDays ?? null,
        deliverables: terms.deliverables ?? [],
      }
      : null,
    paymentDays: options.paymentDays,
    governingLaw: options.governingLaw,
    competitors: options.competitors,
    issuedOn: options.issuedOn,
  });
  const names = productNames(campaign, engagement, options.products ?? []);
  return {
    ...values,
    products: joinNames(names),
    'products.phrase': names.length ? `${names.length === 1 ? 'the product' : 'the products'} ${joinNames(names)}` : 'products',
  };
}

/** The creator's own agreed products, else the campaign's; ids the catalogue does not know are left out rather than named wrongly. */
function productNames(campaign: CampaignLike, engagement: EngagementLike | null, catalogue: ReadonlyArray<{ id: string; name: string }>): string[] {
  const own = engagement?.terms?.productIds ?? [];
  const ids = own.length ? own : campaign.productIds ?? [];
  const byId = new Map(catalogue.map((p) => [p.id, p.name]));
  return ids.map((id) => byId.get(id)).filter((name): name is string => !!name);
}
