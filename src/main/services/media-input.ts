import { open } from 'node:fs/promises';
import sharp, { type SharpOptions, type Sharp } from 'sharp';
import { HostError } from '../../shared/api/errors';

/**
 * The one place that decides what ffmpeg, ffprobe and sharp may read.
 *
 * A media file is not passive data to ffmpeg: an HLS playlist, a concat
 * list or an SDP file named `holiday.mp4` makes it open other files (or
 * network addresses) named inside, and their pictures end up in our
 * thumbnails and cuts. So every input gets two allow-lists: protocols
 * (a local file or a pipe, nothing fetched) and demuxers (real media
 * containers and single-picture formats, nothing that points elsewhere).
 */
export const INPUT_PROTOCOLS = ['file', 'pipe'] as const;

/**
 * Demuxer names as `ffmpeg -demuxers` prints them. ffmpeg matches a
 * demuxer whose name is a list ("mov,mp4,m4a,3gp,3g2,mj2") when any of
 * its names is here. Covers what the Library files as video, audio or
 * image (media-kind.ts). Not here, on purpose: hls, dash, concat, image2
 * (expands %d patterns and globs), sdp, rtp, rtsp, lavfi, tee, data,
 * subtitles, svg_pipe (librsvg follows references to other files).
 */
export const INPUT_DEMUXERS = [
  'mov', 'mp4', 'matroska', 'webm', 'avi', 'mpegts',
  'mp3', 'wav', 'aac', 'ogg', 'flac',
  'png_pipe', 'jpeg_pipe', 'webp_pipe', 'gif', 'bmp_pipe', 'tiff_pipe',
] as const;

const ALLOW_LISTS = ['-protocol_whitelist', INPUT_PROTOCOLS.join(','), '-format_whitelist', INPUT_DEMUXERS.join(',')];

/**
 * The allow-lists go before every `-i`: they are input options and apply
 * to the next input only (and to anything that input opens in turn).
 * Callers pass each input as `-i <path>`, ffprobe too, so none is missed.
 */
export function withInputAllowLists(args: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '-i') out.push(...ALLOW_LISTS);
    out.push(arg);
  }
  return out;
}

// librsvg, loading an SVG from a file, draws any picture the SVG names in
// its folder (the media store keeps every workspace's files side by side).
// From a buffer it has no folder and loads nothing, which is all the app's
// own charts need. Process-wide: no library file reaches sharp as a path SVG.
sharp.block({ operation: ['VipsForeignLoadSvgFile'] });

/** What a file says it is, for files that only point at other things. */
const INDIRECTIONS: { test: (text: string, firstLine: string) => boolean; what: string }[] = [
  { test: (t) => t.startsWith('#EXTM3U') || /^#EXT(?:INF|-X-)/m.test(t), what: 'a playlist that points at other files' },
  { test: (_t, first) => /^\[playlist\]$/i.test(first), what: 'a playlist that points at other files' },
  { test: (t) => /^<\?xml[^>]*>\s*<MPD[\s>]/i.test(t) || /^<MPD[\s>]/i.test(t), what: 'a playlist that points at other files' },
  { test: (t) => /^<(?:asx|smil)[\s>]/i.test(t), what: 'a playlist that points at other files' },
  { test: (_t, first) => /^ffconcat\b/i.test(first) || /^file\s+\S/.test(first), what: 'a list of other files to join' },
  { test: (_t, first) => /^v=0$/.test(first), what: 'a description of a network stream (SDP)' },
  { test: (t) => /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(t), what: 'a drawing (SVG), which can name other files to draw' },
];

/** What ffmpeg's own names for refused demuxers mean, for the message. */
const DEMUXER_MEANING: Record<string, string> = {
  hls: 'a playlist that points at other files', dash: 'a playlist that points at other files',
  concat: 'a list of other files to join', sdp: 'a description of a network stream (SDP)', rtp: 'a description of a network stream',
  image2: 'a numbered picture sequence', svg_pipe: 'a drawing (SVG), which can name other files to draw',
};

export async function readHead(path: string, length = 4096): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** "a playlist that points at other files", or null for anything that does not merely point elsewhere. */
export function sniffIndirection(head: Buffer): string | null {
  let text = head.toString('latin1');
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  text = text.trimStart();
  const firstLine = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return INDIRECTIONS.find((i) => i.test(text, firstLine))?.what ?? null;
}

const ONLY_MEDIA = 'Fanfare only opens video, sound and photo files.';

/** For the Library's "Can’t be read: …" (a clause, lower case, no full stop). */
export function indirectionReason(what: string): string {
  return `it is ${what}, not a video or photo. ${ONLY_MEDIA.slice(0, -1)}`;
}

/** A whole sentence, naming the file when its name is known. */
export function indirectionMessage(what: string, fileName?: string): string {
  return `${fileName ? `“${fileName}”` : 'This file'} is ${what}, not a video or photo. ${ONLY_MEDIA}`;
}

const refusals = new WeakSet<HostError>();

/** The refusal as an error; callers that otherwise swallow failures (thumbnails) let this one through. */
export function indirectionError(what: string, fileName?: string): HostError {
  const error = new HostError('invalid-input', indirectionMessage(what, fileName));
  refusals.add(error);
  return error;
}

export function isIndirectionError(error: unknown): boolean {
  return error instanceof HostError && refusals.has(error);
}

/** What the file is, when it is something the tools must not open; null for (what looks like) media. */
export async function whatItPointsAt(path: string): Promise<string | null> {
  const head = await readHead(path).catch(() => null);
  return head ? sniffIndirection(head) : null;
}

/** Throws the specific refusal before any tool is started on a playlist, concat list and the like. */
export async function refuseIndirection(path: string, fileName?: string): Promise<void> {
  const what = await whatItPointsAt(path);
  if (what) throw indirectionError(what, fileName);
}

/**
 * When ffmpeg refused an input because of the allow-lists (for a file the
 * sniffing above did not recognise), what it was; null for other failures.
 */
export function refusedByAllowList(stderr: string): string | null {
  const format = /\[(\w+) @ [^\]]*\] Format not on whitelist/.exec(stderr);
  if (format) return DEMUXER_MEANING[format[1]] ?? `a kind of file Fanfare does not open (ffmpeg calls it “${format[1]}”)`;
  if (/Protocol '[^']*' not on whitelist|not on whitelist/i.test(stderr)) return 'a file that points at other files or addresses';
  return null;
}

export type RasterFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'tiff' | 'heif';

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);

/** The picture formats sharp may open for the Library, by their first bytes (never by name). */
export function rasterFormatOf(head: Buffer): RasterFormat | null {
  const at = (offset: number, text: string) => head.toString('latin1', offset, offset + text.length) === text;
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (at(0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return 'gif';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'webp';
  if (at(0, 'II*\0') || at(0, 'MM\0*') || at(0, 'II+\0') || at(0, 'MM\0+')) return 'tiff';
  if (at(4, 'ftyp') && HEIF_BRANDS.has(head.toString('latin1', 8, 12))) return 'heif';
  return null;
}

/**
 * sharp for a Library picture, or null when its bytes are not one of the
 * formats above (an SVG, a PDF, a libvips file…), so sharp never picks a
 * loader for something the Library does not accept as a photo.
 */
export async function openImage(path: string, options?: SharpOptions): Promise<Sharp | null> {
  const head = await readHead(path, 16).catch(() => null);
  if (!head || !rasterFormatOf(head)) return null;
  return sharp(path, options);
}
