import sharp from 'sharp';
import { openImage } from '../media-input';
import { cropRect, type FitMode } from '../../../shared/media/cut-plan';

export interface ImageCut {
  width: number;
  height: number;
  fit: FitMode;
  focusX: number;
  focusY: number;
}

/** The same crops as the video cutter, for photos: JPEG, sRGB, orientation applied. */
export async function cutImage(sourcePath: string, cut: ImageCut, outputPath: string, size?: { width: number; height: number }): Promise<void> {
  // Only the photo formats the Library accepts reach sharp as a path (media-input.ts).
  if (!(await openImage(sourcePath))) throw new Error('not a photo format Fanfare reads');
  const base = () => sharp(sourcePath, { failOn: 'error' }).rotate();
  let meta = size;
  if (!meta) {
    const m = await sharp(sourcePath).metadata();
    meta = { width: m.autoOrient?.width ?? m.width ?? 0, height: m.autoOrient?.height ?? m.height ?? 0 };
  }
  const { width: W, height: H } = cut;
  if (cut.fit === 'crop') {
    const r = cropRect(meta.width, meta.height, W, H, cut.focusX, cut.focusY);
    await base()
      .extract({ left: r.x, top: r.y, width: r.width, height: r.height })
      .resize(W, H, { fit: 'fill', kernel: 'lanczos3' })
      .toColourspace('srgb').jpeg({ quality: 90, progressive: true, chromaSubsampling: '4:2:0' })
      .toFile(outputPath);
    return;
  }
  const background = await base().resize(Math.max(8, Math.round(W / 8)), Math.max(8, Math.round(H / 8)), { fit: 'cover' })
    .blur(3).resize(W, H, { fit: 'fill' }).toBuffer();
  const front = await base().resize(W, H, { fit: 'inside' }).toBuffer({ resolveWithObject: true });
  await sharp(background)
    .composite([{ input: front.data, left: Math.floor((W - front.info.width) / 2), top: Math.floor((H - front.info.height) / 2) }])
    .toColourspace('srgb').jpeg({ quality: 90, progressive: true, chromaSubsampling: '4:2:0' })
    .toFile(outputPath);
}
