import { openImage } from '../media-input';

/**
 * Photos sharp can read, as one picture (an animated GIF or WebP has pages
 * and is cut like a video). sharp answers in a millisecond; starting
 * ffprobe costs far more, so photos never wait for it.
 */
export async function isStillImage(path: string): Promise<boolean> {
  const meta = await (await openImage(path))?.metadata().catch(() => null);
  return !!meta && !!meta.width && !!meta.height && (meta.pages ?? 1) === 1 && meta.format !== 'svg';
}

/** Width and height as people see them (EXIF orientation applied). */
export async function imageSize(path: string): Promise<{ width: number; height: number } | null> {
  const meta = await (await openImage(path))?.metadata().catch(() => null);
  if (!meta?.width || !meta.height) return null;
  return { width: meta.autoOrient?.width ?? meta.width, height: meta.autoOrient?.height ?? meta.height };
}
