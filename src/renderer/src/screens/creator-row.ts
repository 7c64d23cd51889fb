import type { Platform } from '../../../shared/data/schemas/creators';

/** The projected creator fields the list and profile read. */
export interface CreatorRow {
  id: string;
  name: string;
  accounts: { platform: Platform; handle: string; url: string; followers: number | null; engagementRate: number | null; avgViews: number | null }[];
  emails: { address: string; primary: boolean }[];
  phone: string;
  location: { country: string; region: string; city: string };
  languages: string[];
  niches: string[];
  tags: string[];
  notes: string;
  notesDocId: string | null;
  brandSafetyFlags: string[];
  platforms: Platform[];
  followersMax: number;
  engagementRateBest: number | null;
  primaryEmail: string;
  deletedAt: string | null;
  updatedAt: string;
  position: number;
}

export type CreatorSort = 'name' | 'followers' | 'engagement' | 'country';

export function sortCreators(rows: CreatorRow[], sort: CreatorSort, descending: boolean): CreatorRow[] {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  const compare: Record<CreatorSort, (a: CreatorRow, b: CreatorRow) => number> = {
    name: (a, b) => collator.compare(a.name, b.name),
    followers: (a, b) => a.followersMax - b.followersMax,
    engagement: (a, b) => (a.engagementRateBest ?? -1) - (b.engagementRateBest ?? -1),
    country: (a, b) => collator.compare(a.location.country, b.location.country) || collator.compare(a.location.city, b.location.city),
  };
  const sorted = [...rows].sort(compare[sort]);
  return descending ? sorted.reverse() : sorted;
}
