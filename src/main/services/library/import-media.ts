import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { MediaFile, Progress } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';
import { imageSize, isStillImage } from '../cut-jobs/still-image';
import { addMedia } from '../media-store/add-media';
import { byteProgress } from '../media-store/byte-progress';
import { mediaKindOf } from '../media-store/media-kind';
import type { MediaStore } from '../media-store/media-store';
import type { MediaToolsOptions } from '../media-tools';
import { whyUnreadable } from '../cut-jobs/readable-check';

/** A stored file, and why it cannot be read when it cannot (the Library says so from the start, not when it is cut). */
export type ImportedMedia = MediaFile & { unreadable: string | null };

/**
 * Adds a file to the library's store. Photos are read with sharp (a
 * thousand photos would otherwise start a thousand ffprobes); everything
 * else goes the media store's usual way, with ffprobe, and is then read to
 * its end: a damaged or cut-off video is still kept (the person may have
 * no other copy), but flagged with the reason.
 */
export async function importMedia(store: MediaStore, path: string, options: { signal?: AbortSignal; onProgress?: (p: Progress) => void; mediaTools?: MediaToolsOptions } = {}): Promise<ImportedMedia> {
  const fullPath = resolve(path);
  const { kind, mimeType } = mediaKindOf(fullPath);
  if (kind !== 'image' || !(await isStillImage(fullPath))) {
    const file = await addMedia(store, fullPath, options);
    if (file.kind === 'document') return { ...file, unreadable: null };
    const unreadable = await whyUnreadable(store.pathOf(file.sha256), { ...options.mediaTools, signal: options.signal }).catch((error: unknown) => {
      if (options.signal?.aborted) throw new HostError('cancelled', 'Cancelled.');
      throw error;
    });
    return { ...file, unreadable };
  }
  const info = await stat(fullPath);
  const fileName = basename(fullPath);
  const progress = byteProgress(options.onProgress, 'Adding', fileName, info.size);
  const source = createReadStream(fullPath, { highWaterMark: 1024 * 1024 });
  try {
    const written = await store.write(source, { signal: options.signal, onBytes: (done) => progress.update(done) });
    const size = await imageSize(store.pathOf(written.sha256));
    progress.finish(written.sizeBytes);
    return {
      sha256: written.sha256, sizeBytes: written.sizeBytes, fileName, mimeType, kind: 'image',
      width: size?.width ?? null, height: size?.height ?? null, durationSeconds: null, videoCodec: '', audioCodec: '', unreadable: null,
    };
  } catch (error) {
    if (options.signal?.aborted) throw new HostError('cancelled', 'Cancelled.');
    throw error;
  } finally {
    source.destroy();
  }
}
