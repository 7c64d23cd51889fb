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

export interface MediaDownloadSummary extends MediaSyncSummary {
  /** One sentence per file that is on no computer the team server knows of, naming who added it. */
  missing: string[];
  /** One sentence per file that would not come. */
  failed: string[];
}

const quoted = (name: string) => `“${name}”`;

/**
 * The "Media files" line's other half: teammates' files coming to this
 * computer. `nameOf` turns the id of whoever added a file into a name.
 */
export function summarizeMediaDownloads(status: MediaSyncStatus, nameOf: (id: string | null) => string | null = () => null): MediaDownloadSummary | null {
  const incoming = status.incoming;
  if (status.state === 'off' || !incoming) return null;
  const missing = incoming.missing.map((file) => {
    const who = nameOf(file.addedBy);
    return `${quoted(file.fileName)} is not on the team server${who ? `: it was added on ${who}’s computer and arrives once their Fanfare is back online` : ' yet; it arrives once whoever added it is back online'}.`;
  });
  const failed = incoming.failed.map((file) => `${quoted(file.fileName)}: ${file.message}`);
  const extras = { missing, failed };
  const { onServer, unknown, run, mode } = incoming;
  const missingNote = incoming.missing.length ? ` · ${files(incoming.missing.length)} missing everywhere` : '';
  if (status.state === 'refused') {
    return { headline: onServer ? `${files(onServer)} only on the team server — invite not accepted` : 'Teammates’ files can’t be fetched — invite not accepted', tone: 'problem', detail: null, ...extras };
  }
  if (run) {
    const percent = run.fraction === null ? '' : ` · ${Math.floor(run.fraction * 100)}%`;
    const waiting = status.state === 'paused' ? ' — sync paused' : status.message && status.state === 'waiting' ? ' — offline' : '';
    return { headline: `Downloading ${run.done} of ${files(run.total)}${percent}${waiting}${missingNote}`, tone: waiting ? 'waiting' : 'busy', detail: null, ...extras };
  }
  if (status.downloads.length) {
    return { headline: `Downloading ${files(status.downloads.length)}${missingNote}`, tone: 'busy', detail: null, ...extras };
  }
  if (onServer) {
    const why = mode === 'open' ? ' — downloaded when you open them'
      : status.state === 'paused' ? ' — sync paused'
      : status.state === 'waiting' ? ' — offline'
      : '';
    const tone = incoming.missing.length ? 'waiting' : mode === 'open' ? 'ok' : 'waiting';
    return { headline: `${files(onServer)} only on the team server${why}${missingNote}`, tone, detail: null, ...extras };
  }
  if (unknown) {
    return { headline: `Checking ${files(unknown)} with the team server…${missingNote}`, tone: 'busy', detail: null, ...extras };
  }
  if (incoming.missing.length) {
    return { headline: `${files(incoming.missing.length)} missing everywhere`, tone: 'problem', detail: 'Not on this computer and not on the team server: only the laptop it was added on has it.', ...extras };
  }
  if (failed.length) return { headline: `${files(failed.length)} could not be downloaded`, tone: 'problem', detail: null, ...extras };
  return { headline: status.files ? 'All media is on this computer' : 'No files from teammates yet', tone: 'ok', detail: null, ...extras };
}
