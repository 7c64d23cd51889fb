import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { DocumentImage } from '../../../shared/documents/render-pdf';
import type { MediaStore } from '../media-store/media-store';

/** Pictures wider than this are scaled down: print quality at A4 width, without 20 MB PDFs. */
const MAX_EDGE = 1600;

/**
 * Reads pictures from the media store as PNG or JPEG (what PDF can hold).
 * Other formats (WebP, HEIC, GIF…) and huge photos go through sharp.
 * A picture that is missing or unreadable is simply not in the map.
 */
export async function loadImages(store: MediaStore | undefined, sha256s: string[]): Promise<Map<string, DocumentImage>> {
  const images = new Map<string, DocumentImage>();
  if (!store) return images;
  for (const sha of sha256s) {
    try {
      const bytes = await readFile(store.pathOf(sha));
      images.set(sha, await toPdfImage(bytes));
    } catch {
      // Reported by the engine as a missing picture.
    }
  }
  return images;
}

export async function toPdfImage(bytes: Uint8Array): Promise<DocumentImage> {
  const image = sharp(bytes, { failOn: 'error' }).rotate();
  const meta = await image.metadata();
  const big = Math.max(meta.width ?? 0, meta.height ?? 0) > MAX_EDGE;
  if (!big && meta.format === 'jpeg' && meta.orientation === undefined) return { bytes, format: 'jpg' };
  if (!big && meta.format === 'png') return { bytes, format: 'png' };
  const resized = big ? image.resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside' }) : image;
  if (meta.hasAlpha) return { bytes: new Uint8Array(await resized.png({ compressionLevel: 9 }).toBuffer()), format: 'png' };
  return { bytes: new Uint8Array(await resized.jpeg({ quality: 86 }).toBuffer()), format: 'jpg' };
}
