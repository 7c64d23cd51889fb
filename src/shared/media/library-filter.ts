import { foldText } from '../domain/fold-text';
import { paidUseCoverage, type RightLike } from './rights-coverage';

/** What the library list needs of an `assets` record. */
export interface LibraryAsset {
  id: string;
  sha256: string;
  fileName: string;
  kind: 'image' | 'video' | 'audio' | 'document';
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  creatorId: string | null;
  campaignId: string | null;
  contentId: string | null;
  derivedFromId: string | null;
  source: string;
  tags: string[];
  notes: string;
  createdAt: string;
}

export type Orientation = 'portrait' | 'square' | 'landscape';
export type RightsStatus = 'paid' | 'organic' | 'none' | 'expired' | 'not-started';

export interface LibraryFilter {
  text: string;
  kind: 'all' | 'video' | 'image';
  creatorId: string | null;
  campaignId: string | null;
  tags: string[];
  orientation: 'any' | Orientation;
  duration: 'any' | 'short' | 'medium' | 'long';
  rights: 'any' | RightsStatus;
  source: 'any' | 'original' | 'cut';
}

export const emptyFilter: LibraryFilter = {
  text: '', kind: 'all', creatorId: null, campaignId: null, tags: [], orientation: 'any', duration: 'any', rights: 'any', source: 'any',
};

/** Within 5% of square counts as square: phones and editors round differently. */
export function orientationOf(width: number | null, height: number | null): Orientation | null {
  if (!width || !height) return null;
  const ratio = width / height;
  if (Math.abs(ratio - 1) < 0.05) return 'square';
  return ratio < 1 ? 'portrait' : 'landscape';
}

/** Short is what TikTok and Stories favour (under 15 s), long is past a minute. */
export function durationBand(seconds: number | null): 'short' | 'medium' | 'long' | null {
  if (seconds === null) return null;
  if (seconds < 15) return 'short';
  return seconds <= 60 ? 'medium' : 'long';
}

export interface RightRecord extends RightLike {
  assetId: string | null;
  contentId: string | null;
}

/** The usage rights that apply to an asset: its own, its post's, and for a cut, its original's. */
export function rightsFor(asset: Pick<LibraryAsset, 'id' | 'contentId' | 'derivedFromId'>, rights: readonly RightRecord[]): RightRecord[] {
  return rights.filter((r) => (r.assetId !== null && (r.assetId === asset.id || r.assetId === asset.derivedFromId))
    || (r.contentId !== null && r.contentId === asset.contentId));
}

export function rightsStatus(rights: readonly RightLike[], today: string): RightsStatus {
  const coverage = paidUseCoverage(rights, '', today);
  if (coverage.covered) return 'paid';
  if (coverage.problem === 'organic-only') return 'organic';
  if (coverage.problem === 'expired') return 'expired';
  if (coverage.problem === 'not-started') return 'not-started';
  return 'none';
}


export function filterAssets(
  assets: readonly LibraryAsset[],
  filter: LibraryFilter,
  context: { creatorName: (id: string) => string | undefined; campaignName: (id: string) => string | undefined; rightsOf: (asset: LibraryAsset) => RightsStatus },
): LibraryAsset[] {
  const words = foldText(filter.text).split(/\s+/).filter(Boolean);
  return assets.filter((a) => {
    if (filter.kind !== 'all' && a.kind !== filter.kind) return false;
    if (filter.creatorId && a.creatorId !== filter.creatorId) return false;
    if (filter.campaignId && a.campaignId !== filter.campaignId) return false;
    if (filter.tags.length && !filter.tags.every((t) => a.tags.some((x) => x.toLowerCase() === t.toLowerCase()))) return false;
    if (filter.orientation !== 'any' && orientationOf(a.width, a.height) !== filter.orientation) return false;
    if (filter.duration !== 'any' && durationBand(a.kind === 'video' ? a.durationSeconds : null) !== filter.duration) return false;
    if (filter.source === 'cut' && a.source !== 'cut') return false;
    if (filter.source === 'original' && a.source === 'cut') return false;
    if (filter.rights !== 'any' && context.rightsOf(a) !== filter.rights) return false;
    if (words.length) {
      const haystack = foldText([a.fileName, a.notes, ...a.tags, a.creatorId ? context.creatorName(a.creatorId) ?? '' : '', a.campaignId ? context.campaignName(a.campaignId) ?? '' : ''].join(' '));
      if (!words.every((w) => haystack.includes(w))) return false;
    }
    return true;
  });
}
