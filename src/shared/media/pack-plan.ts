import type { ChannelPreset } from './channel-presets';
import { exportFileName } from './export-names';

/** What the pack needs of an `assets` record. */
export interface PackAsset {
  id: string;
  sha256: string;
  fileName: string;
  source: string;
  derivedFromId: string | null;
  width: number | null;
  height: number | null;
  creatorId: string | null;
  campaignId: string | null;
  tags: string[];
  createdAt: string;
}

export interface PackRequest {
  /** What the person selected: originals, cuts, or both. */
  selected: readonly PackAsset[];
  /** The whole library, where the cuts of each original are found. */
  library: readonly PackAsset[];
  /** The channel formats ticked, in the order shown. */
  formats: readonly ChannelPreset[];
  /** Every preset the workspace knows, to tell which one a selected cut was made for. */
  presets: readonly ChannelPreset[];
  /** "Include the files as they are". */
  asIs: boolean;
  campaignName(id: string): string | null;
  creatorName(id: string): string | null;
}

export interface PackItem {
  sha256: string;
  /** The name inside the zip. */
  name: string;
  /** The record whose bytes these are. */
  assetId: string;
  /** The original it is (a version of). */
  originalId: string;
  /** Null for an original as it is. */
  presetId: string | null;
  paid: boolean;
}

export interface PackGap {
  originalId: string;
  fileName: string;
  preset: ChannelPreset;
}

export interface PackPlan {
  items: PackItem[];
  /** Formats asked for that have no cut yet: not in the pack, and said so. */
  missing: PackGap[];
}

const stemOf = (fileName: string) => {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
};
const extensionOf = (fileName: string, fallback: string) => {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : fallback;
};

/**
 * Which preset a cut was made for. The cutting queue names every output
 * `{source}_{preset id}.{ext}` (preset ids have no underscore), and filing
 * tags it with the preset's name; the size must match too, so a cut is
 * never taken for another preset of the same shape (Reels and Reels ads
 * are both 1080×1920, but only one of them is the paid cut).
 */
export function presetOfCut(cut: Pick<PackAsset, 'fileName' | 'tags' | 'width' | 'height'>, presets: readonly ChannelPreset[]): ChannelPreset | null {
  const fits = (p: ChannelPreset) => p.width === cut.width && p.height === cut.height;
  const stem = stemOf(cut.fileName);
  const byName = presets.find((p) => stem.endsWith(`_${p.id}`) && fits(p));
  if (byName) return byName;
  const tagged = presets.filter((p) => cut.tags.includes(p.name) && fits(p));
  return tagged.length === 1 ? tagged[0] : null;
}

/**
 * The files of an export pack: each selected asset × each chosen format
 * exactly once. A selected cut stands for its original, so selecting an
 * original and its cuts does not repeat anything. A format is the newest
 * existing cut made for that very preset (never one of another preset that
 * happens to have the same size, never a new cut); paid presets get `_paid`
 * in the name, so ads and organic posts cannot be mixed up. Originals "as
 * they are" come first in each group, then the formats in the order given.
 */
export function planPack(request: PackRequest): PackPlan {
  const byId = new Map(request.library.map((a) => [a.id, a]));
  const cutsOf = new Map<string, PackAsset[]>();
  for (const a of request.library) {
    if (!a.derivedFromId) continue;
    const list = cutsOf.get(a.derivedFromId) ?? [];
    list.push(a);
    cutsOf.set(a.derivedFromId, list);
  }
  const newestFirst = (a: PackAsset, b: PackAsset) => b.createdAt.localeCompare(a.createdAt);

  // One group per original, in the order the selection first reaches it.
  const groups = new Map<string, { original: PackAsset | null; selected: PackAsset[] }>();
  for (const a of request.selected) {
    const originalId = a.derivedFromId ?? a.id;
    const group = groups.get(originalId) ?? { original: byId.get(originalId) ?? (a.derivedFromId ? null : a), selected: [] };
    if (!group.selected.some((s) => s.id === a.id)) group.selected.push(a);
    groups.set(originalId, group);
  }

  const taken = new Set<string>();
  const items: PackItem[] = [];
  const missing: PackGap[] = [];
  for (const [originalId, group] of groups) {
    const named = group.original ?? group.selected[0];
    const parts = {
      campaign: named.campaignId ? request.campaignName(named.campaignId) : null,
      creator: named.creatorId ? request.creatorName(named.creatorId) : null,
    };
    const seen = new Set<string>();
    const add = (asset: PackAsset, preset: ChannelPreset | null, key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      const ext = extensionOf(asset.fileName, preset ? 'mp4' : 'bin');
      const shape = preset ?? { channel: asset.source === 'cut' ? 'cut' : 'original', width: asset.width ?? 1, height: asset.height ?? 1, paid: false };
      items.push({
        sha256: asset.sha256, name: exportFileName({ ...parts, preset: shape, extension: ext }, taken),
        assetId: asset.id, originalId, presetId: preset?.id ?? null, paid: preset?.paid ?? false,
      });
    };

    if (request.asIs) {
      for (const a of group.selected) {
        if (!a.derivedFromId) add(a, null, 'original');
        else {
          const preset = presetOfCut(a, request.presets);
          add(a, preset, preset ? `preset:${preset.id}` : `cut:${a.id}`);
        }
      }
    }
    const cuts = (cutsOf.get(originalId) ?? []).slice().sort(newestFirst);
    for (const preset of request.formats) {
      const key = `preset:${preset.id}`;
      if (seen.has(key)) continue;
      // A cut the person picked themselves wins over another cut of the same preset.
      const chosen = group.selected.find((a) => a.derivedFromId && presetOfCut(a, request.presets)?.id === preset.id)
        ?? cuts.find((c) => presetOfCut(c, request.presets)?.id === preset.id);
      if (chosen) add(chosen, preset, key);
      else missing.push({ originalId, fileName: named.fileName, preset });
    }
  }
  return { items, missing };
}
