import type { RecordOf } from '../../../shared/data/records';
import type { Platform } from '../../../shared/data/schemas/creators';

/** A creator as the projection holds it: the whole record plus the derived fields the list sorts and filters on. */
export type CreatorRow = RecordOf<'creators'> & {
  platforms: Platform[];
  handles: string[];
  followersMax: number;
  followersTotal: number;
  engagementRateBest: number | null;
  country: string;
  primaryEmail: string;
};

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
