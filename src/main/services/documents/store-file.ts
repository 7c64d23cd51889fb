import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { MediaFile } from '../../../shared/api/contract';
import type { FontFamily } from '../../../shared/documents/model';
import { addMedia } from '../media-store/add-media';
import type { MediaStore } from '../media-store/media-store';
import type { MediaToolsOptions } from '../media-tools';
import { loadFontSet } from './fonts';

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

export function previewFonts(family: FontFamily) {
  const set = loadFontSet(family);
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return { family, regular: b64(set.regular), bold: b64(set.bold), italic: b64(set.italic), boldItalic: b64(set.boldItalic) };
}
