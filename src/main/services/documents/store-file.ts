import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { MediaFile } from '../../../shared/api/contract';
import { HostError } from '../../../shared/api/errors';
import { readFormFields } from '../../../shared/documents/read-form';
import { addMedia } from '../media-store/add-media';
import type { MediaStore } from '../media-store/media-store';
import type { MediaToolsOptions } from '../media-tools';

/**
 * Keeps bytes the page picked (a signed contract, a logo) in the media store.
 * The browser has no file path to give, so the bytes travel and land in a
 * temporary file named like the original, which add-media then copies in.
 */
export async function storeFile(store: MediaStore, fileName: string, base64: string, options: { signal?: AbortSignal; mediaTools?: MediaToolsOptions } = {}): Promise<MediaFile> {
  const dir = await mkdtemp(join(tmpdir(), 'fanfare-upload-'));
  try {
    const path = join(dir, basename(fileName).replace(/[\\/:*?"<>|]+/g, '_') || 'file');
    await writeFile(path, Buffer.from(base64, 'base64'));
    return await addMedia(store, path, { signal: options.signal, mediaTools: options.mediaTools });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads a stored PDF's form fields; a file that is not a readable PDF says so instead of failing silently. */
export async function readStoredForm(store: MediaStore, sha256: string): Promise<Record<string, string | boolean>> {
  const bytes = await readFile(store.pathOf(sha256)).catch(() => {
    throw new HostError('not-found', 'This file is not on this computer yet. Fetch it from the team server first.');
  });
  try {
    return await readFormFields(bytes);
  } catch {
    throw new HostError('invalid-input', 'This file is not a PDF Fanfare can read (it may be damaged or password-protected).');
  }
}
