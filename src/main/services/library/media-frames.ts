import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { HostError } from '../../../shared/api/errors';
import { probeDetails } from '../cut-jobs/probe-details';
import { isStillImage } from '../cut-jobs/still-image';
import type { MediaStore } from '../media-store/media-store';
import { indirectionError, isIndirectionError, openImage, refusedByAllowList, refuseIndirection, withInputAllowLists } from '../media-input';
import { resolveTool, type MediaToolsOptions } from '../media-tools';

const IMAGE_FORMATS = new Set(['image2', 'png_pipe', 'jpeg_pipe', 'webp_pipe', 'gif', 'bmp_pipe', 'tiff_pipe']);

/** One frame of a video as JPEG bytes, straight from ffmpeg's stdout (no temporary file). */
export function grabFrame(ffmpegPath: string, videoPath: string, atSeconds: number, height: number, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(ffmpegPath, withInputAllowLists([
      '-hide_banner', '-nostdin', '-loglevel', 'error', '-ss', atSeconds.toFixed(3), '-i', videoPath,
      '-frames:v', '1', '-vf', `scale=-2:'min(ih,${height})'`, '-f', 'image2', '-c:v', 'mjpeg', '-q:v', '4', 'pipe:1',
    ]), { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024, timeout: 30_000, signal, windowsHide: true }, (error, stdout, stderr) => {
      const refused = error ? refusedByAllowList(String(stderr)) : null;
      if (refused) reject(indirectionError(refused));
      else if (error || stdout.length === 0) reject(new HostError('invalid-input', 'Fanfare could not read a picture from this video; it may be damaged.'));
      else resolve(stdout);
    });
  });
}

export interface FrameService {
  thumbnail(sha256: string, size: 'small' | 'large', signal?: AbortSignal): Promise<string | null>;
  frames(sha256: string, count: number, signal?: AbortSignal): Promise<{ atSeconds: number; dataUrl: string }[]>;
  suggestFocus(sha256: string, atSeconds: number[], signal?: AbortSignal): Promise<{ focusX: number; focusY: number }>;
}

const SIZES = { small: 360, large: 1280 } as const;
const toDataUrl = (jpeg: Buffer) => `data:image/jpeg;base64,${jpeg.toString('base64')}`;

async function writeAtomically(path: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${Date.now()}.part`;
  await writeFile(temp, data);
  await rename(temp, path);
}

/**
 * Thumbnails, poster frames and timeline frames, made once and kept on disk
 * next to the media store (`<data>/library/thumbs`), so scrolling the
 * library never runs ffmpeg twice for the same picture.
 */
export function createFrameService(store: MediaStore, cacheDir: string, tools: MediaToolsOptions = {}): FrameService {
  const inFlight = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    const running = inFlight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = make().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };

  const ffmpegPath = () => {
    const found = resolveTool('ffmpeg', tools);
    if (!found.path) throw new HostError('not-available', found.problem ?? 'ffmpeg is not installed.');
    return found.path;
  };

  async function sourceKind(path: string, signal?: AbortSignal) {
    // Before any tool opens it: a playlist or file list is refused by name, not by ffmpeg's wording.
    await refuseIndirection(path);
    // A photo is recognised by sharp in a millisecond; starting ffprobe costs far more, so it is only asked about the rest.
    if (await isStillImage(path)) return { kind: 'image' as const, duration: 0 };
    const details = await probeDetails(path, { ...tools, signal });
    if (!details.video) return { kind: 'none' as const, duration: 0 };
    const image = details.formatNames.some((f) => IMAGE_FORMATS.has(f)) || (details.durationSeconds === null && details.video.durationSeconds === null);
    return { kind: image ? 'image' as const : 'video' as const, duration: details.durationSeconds ?? details.video.durationSeconds ?? 0 };
  }

  return {
    thumbnail(sha256, size, signal) {
      const file = join(cacheDir, 'thumbs', sha256.slice(0, 2), `${sha256}-${size}.jpg`);
      return once(file, async () => {
        const cached = await readFile(file).catch(() => null);
        if (cached) return toDataUrl(cached);
        const source = store.pathOf(sha256);
        const px = SIZES[size];
        try {
          const { kind, duration } = await sourceKind(source, signal);
          if (kind === 'none') return null;
          // The poster frame: a second in (past fades from black), or a third of the way into a short clip.
          const picture = kind === 'video'
            ? sharp(await grabFrame(ffmpegPath(), source, Math.min(1, duration / 3), Math.min(px * 2, 1080), signal))
            : await openImage(source);
          if (!picture) return null;
          const jpeg = await picture.rotate().resize(px, px, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
          await writeAtomically(file, jpeg);
          return toDataUrl(jpeg);
        } catch (error) {
          if (signal?.aborted) throw new HostError('cancelled', 'Cancelled.');
          if (error instanceof HostError && error.code === 'not-available') throw error;
          // A file that only points at others says so, rather than showing as merely "no picture".
          if (isIndirectionError(error)) throw error;
          return null;
        }
      });
    },

    frames(sha256, count, signal) {
      const file = join(cacheDir, 'frames', sha256.slice(0, 2), `${sha256}-${count}.json`);
      return once(file, async () => {
        const cached = await readFile(file, 'utf8').then((t) => JSON.parse(t) as { atSeconds: number; dataUrl: string }[], () => null);
        if (cached) return cached;
        const source = store.pathOf(sha256);
        const { kind, duration } = await sourceKind(source, signal);
        if (kind !== 'video' || duration <= 0) throw new HostError('invalid-input', 'This file is not a video, so it has no timeline.');
        const ffmpeg = ffmpegPath();
        const frames: { atSeconds: number; dataUrl: string }[] = [];
        for (let i = 0; i < count; i++) {
          const at = Math.round(((i + 0.5) / count) * duration * 1000) / 1000;
          const jpeg = await grabFrame(ffmpeg, source, at, 96, signal).catch(() => null);
          if (jpeg) frames.push({ atSeconds: at, dataUrl: toDataUrl(jpeg) });
        }
        if (frames.length > 0) await writeAtomically(file, JSON.stringify(frames));
        return frames;
      });
    },

    async suggestFocus(sha256, atSeconds, signal) {
      const source = store.pathOf(sha256);
      const { kind, duration } = await sourceKind(source, signal);
      if (kind === 'none') throw new HostError('invalid-input', 'This file has no picture to look at.');
      const samples: (Buffer | string)[] = [];
      if (kind === 'image') {
        // Checked by its first bytes, then read from the file itself so its EXIF orientation still applies.
        if (!(await openImage(source))) throw new HostError('invalid-input', 'This picture is in a format Fanfare cannot read.');
        samples.push(source);
      } else {
        const times = atSeconds.length ? atSeconds : [0.2, 0.5, 0.8].map((f) => f * duration);
        for (const t of times) samples.push(await grabFrame(ffmpegPath(), source, Math.min(t, Math.max(0, duration - 0.05)), 360, signal));
      }
      // sharp's attention strategy finds the busiest, most skin- and colour-rich region; averaged over a few frames.
      let sx = 0;
      let sy = 0;
      for (const sample of samples) {
        const meta = await sharp(sample).rotate().toBuffer({ resolveWithObject: true }).then((r) => r.info);
        const target = 48;
        const scale = target / Math.min(meta.width, meta.height);
        const { info } = await sharp(sample).rotate().resize(target, target, { fit: 'cover', position: 'attention' }).toBuffer({ resolveWithObject: true });
        const ax = (info as { attentionX?: number }).attentionX;
        const ay = (info as { attentionY?: number }).attentionY;
        sx += ax === undefined ? 0.5 : ax / (meta.width * scale);
        sy += ay === undefined ? 0.5 : ay / (meta.height * scale);
      }
      const clamp = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 1000) / 1000;
      return { focusX: clamp(sx / samples.length), focusY: clamp(sy / samples.length) };
    },
  };
}
