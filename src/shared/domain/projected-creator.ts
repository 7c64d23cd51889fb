import type { RecordOf } from '../data/records';
import type { Platform } from '../data/schemas/creators';

/** A creator as the projection holds it: the whole record plus the derived fields lists sort and filter on. */
export type ProjectedCreator = RecordOf<'creators'> & {
  platforms: Platform[];
  handles: string[];
  followersMax: number;
  followersTotal: number;
  engagementRateBest: number | null;
  country: string;
  primaryEmail: string;
};
