import { describe, expect, it } from 'vitest';
import { durationBand, emptyFilter, filterAssets, orientationOf, rightsFor, rightsStatus, type LibraryAsset, type RightRecord } from '../../../src/shared/media/library-filter';

const asset = (a: Partial<LibraryAsset>): LibraryAsset => ({
  id: 'a', sha256: 'x'.repeat(64), fileName: 'clip.mp4', kind: 'video', width: 1080, height: 1920, durationSeconds: 12,
  creatorId: null, campaignId: null, contentId: null, derivedFromId: null, source: 'ugc', tags: [], notes: '', createdAt: '2026-11-01T00:00:00Z', ...a,
});
const assets = [
  asset({ id: '1', fileName: 'Zoë unboxing.mp4', creatorId: 'c1', tags: ['Unboxing'], durationSeconds: 9 }),
  asset({ id: '2', fileName: 'beach.jpg', kind: 'image', width: 1080, height: 1080, durationSeconds: null, campaignId: 'k1' }),
  asset({ id: '3', fileName: 'review.mp4', width: 1920, height: 1080, durationSeconds: 95, source: 'cut', derivedFromId: '1' }),
];
const context = { creatorName: (id: string) => ({ c1: 'Zoë Kim' })[id], campaignName: (id: string) => ({ k1: 'Summer drop' })[id], rightsOf: (a: LibraryAsset) => (a.id === '1' ? 'paid' as const : 'none' as const) };
const ids = (f: Partial<typeof emptyFilter>) => filterAssets(assets, { ...emptyFilter, ...f }, context).map((a) => a.id);

describe('library filters', () => {
  it('filter by type, creator, campaign, tags, orientation, duration, source and rights', () => {
    expect(ids({})).toEqual(['1', '2', '3']);
    expect(ids({ kind: 'image' })).toEqual(['2']);
    expect(ids({ creatorId: 'c1' })).toEqual(['1']);
    expect(ids({ campaignId: 'k1' })).toEqual(['2']);
    expect(ids({ tags: ['unboxing'] })).toEqual(['1']);
    expect(ids({ orientation: 'landscape' })).toEqual(['3']);
    expect(ids({ orientation: 'square' })).toEqual(['2']);
    expect(ids({ duration: 'long' })).toEqual(['3']);
    expect(ids({ duration: 'short' })).toEqual(['1']);
    expect(ids({ source: 'cut' })).toEqual(['3']);
    expect(ids({ rights: 'paid' })).toEqual(['1']);
  });

  it('search matches file names, tags and the creator’s and campaign’s names, accents folded', () => {
    expect(ids({ text: 'zoe' })).toEqual(['1']);
    expect(ids({ text: 'summer' })).toEqual(['2']);
    expect(ids({ text: 'unbox zoë' })).toEqual(['1']);
  });

  it('orientation, duration bands and rights that apply to an asset', () => {
    expect(orientationOf(1080, 1920)).toBe('portrait');
    expect(orientationOf(1000, 1040)).toBe('square');
    expect(orientationOf(null, 10)).toBeNull();
    expect(durationBand(15)).toBe('medium');
    const right = (r: Partial<RightRecord>): RightRecord => ({ assetId: null, contentId: null, channels: [], paidUse: true, startsOn: null, endsOn: null, ...r });
    const rs = [right({ assetId: '1' }), right({ contentId: 'p9', paidUse: false }), right({ assetId: 'other' })];
    expect(rightsFor(assets[2], rs)).toHaveLength(1); // a cut inherits its original's rights
    expect(rightsFor(asset({ id: 'z', contentId: 'p9' }), rs)).toHaveLength(1);
    expect(rightsStatus([right({ endsOn: '2026-01-01' })], '2026-11-21')).toBe('expired');
    expect(rightsStatus([], '2026-11-21')).toBe('none');
  });
});
