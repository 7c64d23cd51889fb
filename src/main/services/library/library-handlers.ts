import { randomUUID } from 'node:crypto';
import { open, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { HostHandlers } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';
import type { libraryContract } from '../../../shared/media/library-contract';
import { CutQueue } from '../cut-jobs/cut-queue';
import type { MediaStore } from '../media-store/media-store';
import type { MediaToolsOptions } from '../media-tools';
import { createFrameService } from './media-frames';
import { sweepOlderThan } from './sweep';
import { Uploads } from './uploads';
import { writeZip } from './zip-pack';

export type LibraryMethod = keyof typeof libraryContract;
export type LibraryHandlers = Pick<HostHandlers, LibraryMethod>;

export interface LibraryServiceOptions {
  store?: MediaStore;
  mediaTools?: MediaToolsOptions;
  /** Jobs at once; defaults from the CPU count. */
  concurrency?: number;
  x264Preset?: string;
}

const EXPORT_KEEP_MS = 60 * 60 * 1000;
const LEFTOVER_KEEP_MS = 24 * 60 * 60 * 1000;

async function readSlice(path: string, offset: number, length: number, missing: string): Promise<{ data: string; totalBytes: number }> {
  const file = await open(path, 'r').catch(() => {
    throw new HostError('not-found', missing);
  });
  try {
    const { size } = await file.stat();
    const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
    if (buffer.length > 0) await file.read(buffer, 0, buffer.length, offset);
    return { data: buffer.toString('base64'), totalBytes: size };
  } finally {
    await file.close();
  }
}

/**
 * The library's machine work: uploads from a browser, thumbnails and
 * frames, the cutting queue and export packs. Everything sits next to the
 * media store: `<data>/library/{thumbs,frames,uploads,cuts,exports}`.
 */
export function createLibraryHandlers(options: LibraryServiceOptions): LibraryHandlers & { queue: CutQueue | null } {
  const store = options.store;
  const need = (): MediaStore => {
    if (!store) throw new HostError('not-available', 'Keeping media files is not available in this version of Fanfare.');
    return store;
  };
  const root = store ? join(dirname(store.root), 'library') : '';
  const frames = store ? createFrameService(store, root, options.mediaTools) : null;
  const uploads = store ? new Uploads(join(root, 'uploads'), store, options.mediaTools) : null;
  const queue = store ? new CutQueue({
    store, workDir: join(root, 'cuts'), journal: join(root, 'cut-jobs.json'),
    mediaTools: options.mediaTools, concurrency: options.concurrency, x264Preset: options.x264Preset,
  }) : null;
  const needFrames = () => (need(), frames!);
  const needQueue = () => (need(), queue!);
  const exportsDir = join(root, 'exports');

  const sweepExports = () => sweepOlderThan(exportsDir, EXPORT_KEEP_MS);
  if (store) {
    // Half uploads from closed tabs and half cuts from a quit mid-job: gone after a day.
    void sweepOlderThan(join(root, 'uploads'), LEFTOVER_KEEP_MS);
    void sweepOlderThan(join(root, 'cuts'), LEFTOVER_KEEP_MS);
  }

  return {
    queue,
    'library-upload-chunk': async (input) => ({ receivedBytes: await (need(), uploads!).append(input.uploadId, input.offset, input.data) }),
    'library-upload-finish': async (input, ctx) => {
      const file = await (need(), uploads!).finish(input.uploadId, input.fileName, input.sizeBytes, { signal: ctx.signal, onProgress: (p) => ctx.progress(p) });
      // Thumbnails are made while the person is still looking at the import, not when they scroll.
      await needFrames().thumbnail(file.sha256, 'small').catch(() => null);
      return file;
    },
    'library-thumbnail': async (input, ctx) => ({ dataUrl: await needFrames().thumbnail(input.sha256, input.size, ctx.signal) }),
    'library-frames': async (input, ctx) => ({ frames: await needFrames().frames(input.sha256, input.count, ctx.signal) }),
    'library-suggest-focus': async (input, ctx) => needFrames().suggestFocus(input.sha256, input.atSeconds, ctx.signal),
    'library-read': async (input) =>
      readSlice(need().pathOf(input.sha256), input.offset, input.length, 'This file is not on this computer yet; it will be once it has downloaded from your team.'),
    'cut-jobs-start': async (input) => needQueue().start(input),
    'cut-jobs-list': async (input, ctx) => needQueue().list(input, ctx.signal),
    'cut-jobs-cancel': async (input) => needQueue().cancel(input.jobId, input.workspaceId),
    'cut-jobs-filed': async (input) => needQueue().markFiled(input.jobId, input.workspaceId),
    'cut-jobs-clear': async (input) => needQueue().clear(input.workspaceId),
    'library-export': async (input, ctx) => {
      const s = need();
      await sweepExports();
      const missing: string[] = [];
      for (const item of input.items) if ((await s.sizeOf(item.sha256)) === null) missing.push(item.name);
      if (missing.length) {
        throw new HostError('not-found', `${missing.length === 1 ? `“${missing[0]}” is` : `${missing.length} files are`} not on this computer yet (still downloading from your team). Try again when they are.`);
      }
      const exportId = randomUUID();
      const fileName = input.packName.toLowerCase().endsWith('.zip') ? input.packName : `${input.packName}.zip`;
      const target = join(exportsDir, exportId, fileName);
      try {
        const { sizeBytes } = await writeZip(target, input.items.map((i) => ({ name: i.name, path: s.pathOf(i.sha256) })), (index) =>
          ctx.progress({ fraction: (index + 1) / input.items.length, message: `Packing ${index + 1} of ${input.items.length} files…` }), ctx.signal);
        return { exportId, fileName, totalBytes: sizeBytes, fileCount: input.items.length };
      } catch (error) {
        await rm(dirname(target), { recursive: true, force: true }).catch(() => undefined);
        if (ctx.signal.aborted) throw new HostError('cancelled', 'Cancelled.');
        throw error;
      }
    },
    'library-export-read': async (input) => {
      const folder = join(exportsDir, input.exportId);
      const names = await readdir(folder).catch(() => [] as string[]);
      const zip = names.find((n) => n.endsWith('.zip'));
      if (!zip) throw new HostError('not-found', 'This export has expired; export the pack again.');
      return readSlice(join(folder, zip), input.offset, input.length, 'This export has expired; export the pack again.');
    },
  };
}
