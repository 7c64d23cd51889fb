import { useMemo } from 'react';
import { HostError } from '../../../../shared/api/errors';
import { mergePresets, type ChannelPreset } from '../../../../shared/media/channel-presets';
import { isNotOurs, type SwipeOwner } from '../../../../shared/domain/swipe-file';
import { rightsFor, rightsStatus, type LibraryAsset, type RightRecord, type RightsStatus } from '../../../../shared/media/library-filter';
import type { MediaSync } from '../../data/media-sync';
import { host } from '../../host';
import { useRxQuery } from '../../hooks/use-rx-query';

export interface AssetRow extends LibraryAsset {
  sizeBytes: number;
  mimeType: string;
  videoCodec: string;
  audioCodec: string;
  /** Why the file cannot be read, found when it was added; missing on records from before that check. */
  unreadable?: string | null;
  updatedAt: string;
  /** Whose it is, for a file saved to the swipe file; missing or null on the usual Library file. */
  ownerKind?: SwipeOwner | null;
  ownerName?: string;
}

/** A competitor's or creator's post saved for inspiration has no usage rights of ours to check: it is simply not ours. */
export type AssetRightsStatus = RightsStatus | 'not-ours';

export interface Named { id: string; name: string }

export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Everything the library screen reads, live from the projection. */
export function useLibraryData() {
  const assets = useRxQuery<AssetRow>('assets', { selector: { deletedAt: null }, sort: [{ position: 'desc' }] }, 'library-assets');
  const creators = useRxQuery<Named>('creators', { selector: { deletedAt: null } }, 'library-creator-names');
  const campaigns = useRxQuery<Named>('campaigns', { selector: { deletedAt: null } }, 'library-campaign-names');
  const rights = useRxQuery<RightRecord>('rights', { selector: { deletedAt: null } }, 'library-rights');
  const presetSettings = useRxQuery<{ id: string; data: Record<string, unknown> }>('settings', { selector: { kind: 'channel-preset', deletedAt: null } }, 'library-presets');

  return useMemo(() => {
    const creatorName = new Map((creators ?? []).map((c) => [c.id, c.name]));
    const campaignName = new Map((campaigns ?? []).map((c) => [c.id, c.name]));
    const today = todayIso();
    const statusCache = new Map<string, AssetRightsStatus>();
    const rightsOfAsset = (a: LibraryAsset) => rightsFor(a, rights ?? []);
    const rightsOf = (a: LibraryAsset & Pick<AssetRow, 'ownerKind'>): AssetRightsStatus => {
      let s = statusCache.get(a.id);
      if (!s) statusCache.set(a.id, (s = isNotOurs(a) ? 'not-ours' : rightsStatus(rightsOfAsset(a), today)));
      return s;
    };
    const customPresetIds = new Map((presetSettings ?? []).map((p) => [String(p.data.id ?? ''), p.id]));
    const presets: ChannelPreset[] = mergePresets((presetSettings ?? []).map((p) => p.data));
    const tags = [...new Set((assets ?? []).flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b));
    return {
      loaded: assets !== null,
      assets: assets ?? [],
      creators: creators ?? [],
      campaigns: campaigns ?? [],
      creatorName, campaignName, rightsOf, rightsOfAsset, presets, customPresetIds, tags, today,
    };
  }, [assets, creators, campaigns, rights, presetSettings]);
}

export type LibraryData = ReturnType<typeof useLibraryData>;

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '';
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export const rightsLabels: Record<AssetRightsStatus, { label: string; color: string }> = {
  'not-ours': { label: 'Not ours: inspiration only', color: 'grape' },
  paid: { label: 'Paid use OK', color: 'teal' },
  organic: { label: 'Organic only', color: 'blue' },
  none: { label: 'No rights recorded', color: 'gray' },
  expired: { label: 'Rights expired', color: 'red' },
  'not-started': { label: 'Rights not started', color: 'orange' },
};

/** What the grid and the list views of the library both take. */
export interface AssetListProps {
  assets: AssetRow[];
  data: LibraryData;
  selected: Set<string>;
  onToggle: (id: string) => void;
  onOpen: (id: string) => void;
}

export interface FetchProgress {
  /** 0..1 over every file still to fetch. */
  fraction: number;
  message: string;
}

/**
 * Makes sure the bytes of these files are on this computer before a cut or a
 * pack needs them: a teammate's file is fetched from the team server (one at
 * a time, with progress), a file already here costs one question to the host.
 */
export async function ensureLocalFiles(media: MediaSync | null, files: readonly { sha256: string; fileName: string }[], onProgress: (progress: FetchProgress) => void, signal?: AbortSignal): Promise<void> {
  const unique = [...new Map(files.map((f) => [f.sha256, f])).values()];
  const missing = new Set<string>();
  for (let i = 0; i < unique.length; i += 5000) {
    for (const sha of (await host['media-status']({ sha256s: unique.slice(i, i + 5000).map((f) => f.sha256) }, { signal })).missing) missing.add(sha);
  }
  const toFetch = unique.filter((f) => missing.has(f.sha256));
  if (toFetch.length === 0) return;
  if (!media) {
    throw new HostError('not-found', `${toFetch.length === 1 ? `“${toFetch[0].fileName}” is` : `${toFetch.length} files are`} not on this computer, and this workspace is not connected to a team server to fetch ${toFetch.length === 1 ? 'it' : 'them'} from.`);
  }
  for (const [i, file] of toFetch.entries()) {
    const message = `Fetching ${file.fileName} from your team${toFetch.length > 1 ? ` (${i + 1} of ${toFetch.length})` : ''}…`;
    onProgress({ fraction: i / toFetch.length, message });
    await media.ensureLocal(file.sha256, {
      fileName: file.fileName, signal,
      onProgress: (p) => onProgress({ fraction: (i + (p.fraction ?? 0)) / toFetch.length, message }),
    });
  }
  onProgress({ fraction: 1, message: 'Every file is on this computer.' });
}
