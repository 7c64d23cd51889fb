import type { SwipeLike, SwipeOwner } from '../../../../shared/domain/swipe-file';

/** A `swipes` record as the screen reads it from the projection. */
export interface SwipeRow extends SwipeLike {
  deletedAt?: string | null;
  thumbnail: string;
  assetId: string | null;
  fetchedAt: string | null;
  fetchProblem: string | null;
  createdAt: string;
}

/** What the swipe file needs of a Library file. */
export interface SwipeAsset {
  id: string;
  sha256: string;
  fileName: string;
  kind: string;
  source: string;
  ownerKind?: SwipeOwner | null;
}

export interface BriefChoice {
  id: string;
  title: string;
  references?: string[];
}

export const ownerLabels: Record<SwipeOwner, string> = { ours: 'Our brand', competitor: 'Competitor', creator: 'Creator' };

export function ownerLine(s: Pick<SwipeLike, 'ownerKind' | 'ownerName'>): string {
  return s.ownerKind === 'ours' ? 'Our brand' : `${s.ownerName} · ${s.ownerKind === 'competitor' ? 'competitor' : 'creator'}`;
}
