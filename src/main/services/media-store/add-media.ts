import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { MediaFile, Progress } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';
import { probeMedia } from '../media-probe';
import type { MediaToolsOptions } from '../media-tools';
import { byteProgress } from './byte-progress';
import { mediaKindOf } from './media-kind';
import type { MediaStore } from './media-store';

export interface AddMediaOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  mediaTools?: MediaToolsOptions;
}

function fileProblem(message: string): HostError {
  return new HostError('invalid-input', message, { path: message });
}

/**
 * Copies a file into the media store (hashing it on the way) and describes
 * it the way an `assets` record holds it. The original is left untouched;
 * the store keeps its own copy, so moving or deleting the original later
 * does not break the library.
 */
export async function addMedia(store: MediaStore, path: string, options: AddMediaOptions = {}): Promise<MediaFile> {
  const fullPath = resolve(path);
  const info = await stat(fullPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EACCES' || error.code === 'EPERM') {
      throw fileProblem('Fanfare is not allowed to open this file. Check its permissions, or copy it somewhere else first.');
    }
    throw fileProblem('Fanfare cannot find this file. It may have been moved, renamed or deleted.');
  });
  if (info.isDirectory()) throw fileProblem('This is a folder. Choose a file inside it.');
  if (!info.isFile()) throw fileProblem('This is not a file Fanfare can add.');

  const fileName = basename(fullPath);
  const progress = byteProgress(options.onProgress, 'Adding', fileName, info.size);
  progress.update(0);
  const source = createReadStream(fullPath, { highWaterMark: 1024 * 1024 });
  let written;
  try {
    written = await store.write(source, { signal: options.signal, onBytes: (done) => progress.update(done) });
  } catch (error) {
    if (options.signal?.aborted) throw new HostError('cancelled', 'Cancelled.');
    if (error instanceof HostError) throw error;
    throw fileProblem(`Fanfare could not read this file (${(error as Error).message}).`);
  } finally {
    source.destroy();
  }

  const { kind, mimeType } = mediaKindOf(fileName);
  const file: MediaFile = {
    sha256: written.sha256, sizeBytes: written.sizeBytes, fileName, mimeType, kind,
    width: null, height: null, durationSeconds: null, videoCodec: '', audioCodec: '',
  };
  if (kind !== 'document') {
    // Dimensions and length are a bonus: a file ffmpeg cannot read (or no ffmpeg at all) is still added.
    const probed = await probeMedia(store.pathOf(written.sha256), { ...options.mediaTools, signal: options.signal }).catch(() => null);
    options.signal?.throwIfAborted();
    if (probed) {
      Object.assign(file, {
        kind: probed.kind, width: probed.width, height: probed.height, durationSeconds: probed.durationSeconds,
        videoCodec: probed.videoCodec ?? '', audioCodec: probed.audioCodec ?? '',
      });
    }
  }
  progress.finish(written.sizeBytes);
  return file;
}
