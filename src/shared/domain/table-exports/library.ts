import { exportTable } from '../export-columns';
import type { ExportTable } from '../table-export';

export interface ExportAsset {
  fileName: string;
  kind: string;
  tags: string[];
  creatorName: string;
  campaignName: string;
  source: string;
  width: number | null;
  height: number | null;
  sizeBytes: number;
  durationSeconds: number | null;
  videoCodec: string;
  audioCodec: string;
  usageRights: string;
  createdAt: string;
}

/** The library's files as filtered on screen: who made each, its size and length as numbers, and whether it may run in ads. */
export function buildLibraryTable(rows: readonly ExportAsset[]): ExportTable {
  return exportTable(rows, [
    { header: 'File', kind: 'text', value: (a) => a.fileName },
    { header: 'Type', kind: 'text', value: (a) => (a.source === 'cut' ? `${a.kind} (cut)` : a.kind) },
    { header: 'Tags', kind: 'text', value: (a) => a.tags.join(', ') },
    { header: 'Creator', kind: 'text', value: (a) => a.creatorName },
    { header: 'Campaign', kind: 'text', value: (a) => a.campaignName },
    { header: 'Width (px)', kind: 'count', value: (a) => a.width },
    { header: 'Height (px)', kind: 'count', value: (a) => a.height },
    // Whole kilobytes: a photo of 40 KB would read as "0.0" in megabytes with one decimal.
    { header: 'Size (KB)', kind: 'count', value: (a) => Math.round(a.sizeBytes / 1024) },
    { header: 'Length (seconds)', kind: 'score', value: (a) => (a.durationSeconds == null ? null : Math.round(a.durationSeconds * 10) / 10) },
    { header: 'Codecs', kind: 'text', value: (a) => [a.videoCodec, a.audioCodec].filter(Boolean).join(' + ') },
    { header: 'Usage rights', kind: 'text', value: (a) => a.usageRights },
    { header: 'Added', kind: 'date', value: (a) => a.createdAt },
  ]);
}
