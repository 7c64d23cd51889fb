import type { MediaSyncStatus } from './media-sync';

export interface MediaSyncSummary {
  /** One short line: "All media uploaded", "Uploading 2 files · 45%", "3 files waiting — offline". */
  headline: string;
  tone: 'ok' | 'busy' | 'waiting' | 'problem';
  /** The reason, when there is one worth reading. */
  detail: string | null;
}

const files = (n: number) => `${n} ${n === 1 ? 'file' : 'files'}`;

/** The "Media files" line in Settings, in words for the people using the app; null when there is no team server. */
export function summarizeMediaSync(status: MediaSyncStatus): MediaSyncSummary | null {
  switch (status.state) {
    case 'off':
      return null;
    case 'refused':
      return { headline: `${files(status.pending)} waiting — invite not accepted`, tone: 'problem', detail: status.message };
    case 'paused':
      return status.pending
        ? { headline: `${files(status.pending)} waiting — sync paused`, tone: 'waiting', detail: null }
        : { headline: 'All media uploaded', tone: 'ok', detail: null };
    case 'uploading': {
      const percent = status.fraction === null ? '' : ` · ${Math.floor(status.fraction * 100)}%`;
      return { headline: `Uploading ${files(status.pending)}${percent}`, tone: 'busy', detail: null };
    }
    case 'waiting':
      return { headline: `${files(status.pending)} waiting — offline`, tone: 'waiting', detail: status.message };
    case 'checking':
      return { headline: 'Checking media files…', tone: 'busy', detail: null };
    case 'idle':
      if (status.failed.length) return { headline: `${files(status.failed.length)} could not be uploaded`, tone: 'problem', detail: null };
      if (status.files === 0) return { headline: 'No media files yet', tone: 'ok', detail: null };
      return { headline: 'All media uploaded', tone: 'ok', detail: null };
  }
}
