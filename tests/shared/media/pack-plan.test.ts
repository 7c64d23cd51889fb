import { describe, expect, it } from 'vitest';
import { builtInPresets, type ChannelPreset } from '../../../src/shared/media/channel-presets';
import { planPack, presetOfCut, type PackAsset } from '../../../src/shared/media/pack-plan';

const preset = (id: string): ChannelPreset => builtInPresets.find((p) => p.id === id)!;
const reels = preset('instagram-reels');
const reelsAd = preset('meta-reels-ad');
const square = preset('square-1x1');
const tiktok = preset('tiktok');

let clock = 0;
function asset(id: string, fileName: string, extra: Partial<PackAsset> = {}): PackAsset {
  return {
    id, sha256: id.padEnd(64, '0'), fileName, source: 'import', derivedFromId: null, width: 1920, height: 1080,
    creatorId: 'zoe', campaignId: 'spring', tags: [], createdAt: `2026-12-06T10:00:${String(clock++).padStart(2, '0')}.000Z`, ...extra,
  };
}
function cutOf(original: PackAsset, id: string, p: ChannelPreset, extra: Partial<PackAsset> = {}): PackAsset {
  const stem = original.fileName.replace(/\.[^.]+$/, '');
  return asset(id, `${stem}_${p.id}.mp4`, { source: 'cut', derivedFromId: original.id, width: p.width, height: p.height, tags: [p.name], ...extra });
}

const names = { campaignName: (id: string) => ({ spring: 'Spring launch' })[id] ?? null, creatorName: (id: string) => ({ zoe: 'Zoë Kim', ana: 'Ana' })[id] ?? null };

describe('export pack plan', () => {
  // The reported case: two originals and all their cuts selected, three formats ticked.
  const clip = asset('clip', 'beach clip.mp4');
  const photo = asset('photo', 'product.jpg', { creatorId: 'ana', width: 3000, height: 2000 });
  const clipReels = cutOf(clip, 'clip-reels', reels);
  // Cut with another trim: the paid cut is different bytes from the organic one.
  const clipAd = cutOf(clip, 'clip-ad', reelsAd);
  const clipSquare = cutOf(clip, 'clip-square', square);
  const photoReels = cutOf(photo, 'photo-reels', reels, { fileName: 'product_instagram-reels.jpg' });
  const photoSquare = cutOf(photo, 'photo-square', square, { fileName: 'product_square-1x1.jpg' });
  const photoAd = cutOf(photo, 'photo-ad', reelsAd, { fileName: 'product_meta-reels-ad.jpg' });
  const library = [clip, photo, clipReels, clipAd, clipSquare, photoReels, photoSquare, photoAd];

  it('has each selected asset × each format exactly once when originals and their cuts are selected', () => {
    const plan = planPack({ selected: library, library, formats: [reels, reelsAd, square], presets: builtInPresets, asIs: true, ...names });
    expect(plan.items.map((i) => [i.name, i.assetId])).toEqual([
      ['Spring-launch_Zoë-Kim_original_16x9.mp4', 'clip'],
      ['Spring-launch_Zoë-Kim_Instagram-Reels_9x16.mp4', 'clip-reels'],
      ['Spring-launch_Zoë-Kim_Meta-Reels-ads_9x16_paid.mp4', 'clip-ad'],
      ['Spring-launch_Zoë-Kim_Feed-square_1x1.mp4', 'clip-square'],
      ['Spring-launch_Ana_original_3x2.jpg', 'photo'],
      ['Spring-launch_Ana_Instagram-Reels_9x16.jpg', 'photo-reels'],
      ['Spring-launch_Ana_Feed-square_1x1.jpg', 'photo-square'],
      ['Spring-launch_Ana_Meta-Reels-ads_9x16_paid.jpg', 'photo-ad'],
    ]);
    expect(new Set(plan.items.map((i) => i.sha256)).size).toBe(plan.items.length);
    expect(plan.items.filter((i) => i.paid).map((i) => i.assetId)).toEqual(['clip-ad', 'photo-ad']);
    expect(plan.missing).toEqual([]);
  });

  it('gives the same files whether the originals, the cuts or both are selected (without the files as they are)', () => {
    const request = { library, formats: [reels, reelsAd, square], presets: builtInPresets, asIs: false, ...names };
    const fromOriginals = planPack({ ...request, selected: [clip, photo] }).items.map((i) => i.name);
    expect(fromOriginals).toHaveLength(6);
    expect(planPack({ ...request, selected: [clipSquare, photoAd] }).items.map((i) => i.name)).toEqual(fromOriginals);
    expect(planPack({ ...request, selected: library }).items.map((i) => i.name)).toEqual(fromOriginals);
  });

  it('never takes the organic cut for the paid format, nor a cut of the same size for another channel', () => {
    const plan = planPack({ selected: [clip], library: [clip, clipReels], formats: [reelsAd, tiktok], presets: builtInPresets, asIs: false, ...names });
    expect(plan.items).toEqual([]);
    expect(plan.missing.map((m) => `${m.fileName} → ${m.preset.name}`)).toEqual(['beach clip.mp4 → Reels ad (paid)', 'beach clip.mp4 → TikTok']);
  });

  it('reuses the newest cut of a preset and never lists a second one', () => {
    const older = cutOf(clip, 'older', reels);
    const newer = cutOf(clip, 'newer', reels);
    const plan = planPack({ selected: [clip], library: [clip, older, newer], formats: [reels], presets: builtInPresets, asIs: false, ...names });
    expect(plan.items.map((i) => i.assetId)).toEqual(['newer']);
    // A cut the person selected is the one they meant.
    expect(planPack({ selected: [older], library: [clip, older, newer], formats: [reels], presets: builtInPresets, asIs: true, ...names }).items.map((i) => i.assetId)).toEqual(['older']);
  });

  it('tells a cut’s preset by its name first, then by its tag, and only when the size matches', () => {
    expect(presetOfCut({ fileName: 'a_meta-reels-ad.mp4', tags: ['Instagram Reels'], width: 1080, height: 1920 }, builtInPresets)?.id).toBe('meta-reels-ad');
    expect(presetOfCut({ fileName: 'renamed.mp4', tags: ['Square 1:1'], width: 1080, height: 1080 }, builtInPresets)?.id).toBe('square-1x1');
    expect(presetOfCut({ fileName: 'a_square-1x1.mp4', tags: [], width: 1080, height: 1920 }, builtInPresets)).toBeNull();
  });
});
