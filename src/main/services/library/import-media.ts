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

/**
 * Adds a file to the library's store. Photos are read with sharp (a
 * thousand photos would otherwise start a thousand ffprobes); everything
 * else goes the media store's usual way, with ffprobe.
 */
export async function importMedia(store: MediaStore, path: string, options: { signal?: AbortSignal; onProgress?: (p: Progress) => void; mediaTools?: MediaToolsOptions } = {}): Promise<MediaFile> {
  const fullPath = resolve(path);
  const { kind, mimeType } = mediaKindOf(fullPath);
  if (kind !== 'image' || !(await isStillImage(fullPath))) return addMedia(store, fullPath, options);
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
      width: size?.width ?? null, height: size?.height ?? null, durationSeconds: null, videoCodec: '', audioCodec: '',
    };
  } catch (error) {
    if (options.signal?.aborted) throw new HostError('cancelled', 'Cancelled.');
    throw error;
  } finally {
    source.destroy();
  }
}
