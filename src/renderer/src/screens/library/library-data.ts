import { useMemo } from 'react';
import { mergePresets, type ChannelPreset } from '../../../../shared/media/channel-presets';
import { rightsFor, rightsStatus, type LibraryAsset, type RightRecord, type RightsStatus } from '../../../../shared/media/library-filter';
import { useRxQuery } from '../../hooks/use-rx-query';

export interface AssetRow extends LibraryAsset {
  sizeBytes: number;
  mimeType: string;
  videoCodec: string;
  audioCodec: string;
  updatedAt: string;
}

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
    const statusCache = new Map<string, RightsStatus>();
    const rightsOfAsset = (a: LibraryAsset) => rightsFor(a, rights ?? []);
    const rightsOf = (a: LibraryAsset): RightsStatus => {
      let s = statusCache.get(a.id);
      if (!s) statusCache.set(a.id, (s = rightsStatus(rightsOfAsset(a), today)));
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

export const rightsLabels: Record<RightsStatus, { label: string; color: string }> = {
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
