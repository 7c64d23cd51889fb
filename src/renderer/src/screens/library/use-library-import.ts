import { useCallback, useRef, useState } from 'react';
import type { MediaFile } from '../../../../shared/api/contract';
import { HostError } from '../../../../shared/api/errors';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { isMediaFile, uploadFile } from './import-files';

/** The host says why a file it kept cannot be read (an older host says nothing). */
const unreadableOf = (m: MediaFile): string | null => (m.unreadable ? m.unreadable.slice(0, 300) : null);

export interface ImportState {
  running: boolean;
  total: number;
  done: number;
  current: string | null;
  bytesFraction: number;
  added: number;
  duplicates: string[];
  skipped: { fileName: string; reason: string }[];
}

const idle: ImportState = { running: false, total: 0, done: 0, current: null, bytesFraction: 0, added: 0, duplicates: [], skipped: [] };

/**
 * Imports files into the library: each goes to the host's media store (named
 * by its SHA-256, so the same clip twice is stored once), and the batch
 * becomes asset records in one step you can undo. A file already in the
 * library is reported as a duplicate, not added again.
 */
export function useLibraryImport(existingShas: () => Set<string>, defaults: { creatorId: string | null; campaignId: string | null }) {
  const session = useSession();
  const [state, setState] = useState<ImportState>(idle);
  const abort = useRef<AbortController | null>(null);

  const run = useCallback(async (files: File[]) => {
    if (files.length === 0) return;
    const controller = new AbortController();
    abort.current = controller;
    const media = files.filter(isMediaFile);
    const skipped = files.filter((f) => !isMediaFile(f)).map((f) => ({ fileName: f.name, reason: 'Not a photo or video' }));
    const next: ImportState = { ...idle, running: true, total: media.length, skipped };
    setState({ ...next });
    const seen = existingShas();
    const added: MediaFile[] = [];
    for (const file of media) {
      if (controller.signal.aborted) break;
      next.current = file.name;
      next.bytesFraction = 0;
      setState({ ...next });
      try {
        const stored = await uploadFile(file, (sent) => setState({ ...next, bytesFraction: file.size ? sent / file.size : 1 }), controller.signal);
        if (seen.has(stored.sha256)) next.duplicates = [...next.duplicates, file.name];
        else {
          seen.add(stored.sha256);
          added.push(stored);
        }
      } catch (error) {
        if (controller.signal.aborted) break;
        next.skipped = [...next.skipped, { fileName: file.name, reason: error instanceof HostError || error instanceof Error ? error.message : String(error) }];
      }
      next.done++;
      setState({ ...next });
    }
    if (added.length) {
      const names = added.map((m) => m.fileName);
      // The files are kept on this computer (by hash), so adding them again is instant; the person is told which.
      const notAdded = (error: unknown) => {
        next.skipped = [...next.skipped, ...names.map((fileName) => ({ fileName, reason: `Not added to the library (${error instanceof Error ? error.message : String(error)}). Add it again.` }))];
        added.length = 0;
        reportError(`${names.length === 1 ? `“${names[0]}” was` : `${names.length} files were`} not added to the library: add ${names.length === 1 ? 'it' : 'them'} again`)(error);
      };
      await session.commands.createMany('assets', added.map((m) => ({
        sha256: m.sha256, fileName: m.fileName, mimeType: m.mimeType, kind: m.kind, sizeBytes: m.sizeBytes,
        width: m.width, height: m.height, durationSeconds: m.durationSeconds, videoCodec: m.videoCodec.slice(0, 40), audioCodec: m.audioCodec.slice(0, 40),
        unreadable: unreadableOf(m), source: 'ugc' as const, creatorId: defaults.creatorId, campaignId: defaults.campaignId,
      }))).catch(notAdded);
    }
    setState({ ...next, running: false, current: null, added: added.length });
  }, [session, existingShas, defaults.creatorId, defaults.campaignId]);

  return {
    state,
    run,
    cancel: () => abort.current?.abort(),
    dismiss: () => setState(idle),
  };
}
