import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { MediaProbeResult } from '../../shared/api/contract';
import { HostError } from '../../shared/api/errors';
import { indirectionMessage, refusedByAllowList, whatItPointsAt } from './media-input';
import { resolveTool, runTool, ToolRunError, type MediaToolsOptions } from './media-tools';

export interface ProbeOptions extends MediaToolsOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

const NOT_MEDIA = 'This file is not a video or image that Fanfare can read.';

function fileProblem(message: string): HostError {
  return new HostError('invalid-input', message, { path: message });
}

/** What ffprobe or ffmpeg saw, before it is turned into the public shape. */
interface RawProbe {
  formatNames: string[];
  durationSeconds: number | null;
  video: { codec: string; width: number | null; height: number | null; rotation: number } | null;
  audioCodec: string | null;
}

export async function probeMedia(path: string, options: ProbeOptions = {}): Promise<MediaProbeResult> {
  const fullPath = resolve(path);
  const info = await stat(fullPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EACCES' || error.code === 'EPERM') {
      throw fileProblem('Fanfare is not allowed to open this file. Check its permissions, or copy it somewhere else first.');
    }
    throw fileProblem('Fanfare cannot find this file. It may have been moved, renamed or deleted.');
  });
  if (info.isDirectory()) throw fileProblem('This is a folder. Choose a video or image file inside it.');
  if (!info.isFile() || info.size === 0) throw fileProblem(NOT_MEDIA);
  const pointsAt = await whatItPointsAt(fullPath);
  if (pointsAt) throw fileProblem(indirectionMessage(pointsAt));

  const raw = await readStreams(fullPath, options);
  return toResult(fullPath, info.size, raw);
}

async function readStreams(path: string, options: ProbeOptions): Promise<RawProbe> {
  const run = { signal: options.signal, timeoutMs: options.timeoutMs ?? 60_000 };
  const ffprobe = resolveTool('ffprobe', options);
  if (ffprobe.path) {
    const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-i', path];
    try {
      const { stdout } = await runTool(ffprobe.path, args, run);
      return parseFfprobeJson(stdout);
    } catch (error) {
      throw explainFailure(error, options);
    }
  }
  // Packaged builds ship ffmpeg-static, which has no ffprobe: read ffmpeg's banner instead.
  const ffmpeg = resolveTool('ffmpeg', options);
  if (!ffmpeg.path) {
    throw new HostError('not-available', ffmpeg.problem ?? 'ffmpeg is not installed, so Fanfare cannot read videos.');
  }
  try {
    const { stderr } = await runTool(ffmpeg.path, ['-hide_banner', '-nostdin', '-i', path], run);
    return parseFfmpegBanner(stderr);
  } catch (error) {
    // Without an output file ffmpeg always exits with 1; the banner is still there.
    if (error instanceof ToolRunError && !error.notStarted && !error.aborted && error.stderr.includes('Input #0')) {
      return parseFfmpegBanner(error.stderr);
    }
    throw explainFailure(error, options);
  }
}

function explainFailure(error: unknown, options: ProbeOptions): HostError {
  if (options.signal?.aborted || (error instanceof ToolRunError && error.aborted)) {
    return new HostError('cancelled', 'Cancelled.');
  }
  if (error instanceof ToolRunError && error.notStarted) {
    return new HostError('not-available', 'Fanfare could not start ffmpeg to read this file. Reinstalling ffmpeg usually fixes this.');
  }
  if (error instanceof ToolRunError && error.exitCode === null) {
    return new HostError('internal', 'Reading this file took too long, so Fanfare stopped. The file may be damaged.');
  }
  const refused = error instanceof ToolRunError ? refusedByAllowList(error.stderr) : null;
  return fileProblem(refused ? indirectionMessage(refused) : NOT_MEDIA);
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number | string }[];
}

export function parseFfprobeJson(text: string): RawProbe {
  let data: { streams?: FfprobeStream[]; format?: { format_name?: string; duration?: string } };
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    throw fileProblem(NOT_MEDIA);
  }
  const streams = data.streams ?? [];
  // Cover art inside a music file is a "video" stream too; it is not a picture of the post.
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const rotation = Number(video?.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? video?.tags?.rotate ?? 0);
  return {
    formatNames: (data.format?.format_name ?? '').split(',').filter(Boolean),
    durationSeconds: toSeconds(data.format?.duration ?? video?.duration ?? audio?.duration),
    video: video ? { codec: video.codec_name ?? 'unknown', width: video.width ?? null, height: video.height ?? null, rotation } : null,
    audioCodec: audio?.codec_name ?? null,
  };
}

export function parseFfmpegBanner(text: string): RawProbe {
  const input = /Input #0, (.+?), from '/.exec(text);
  if (!input) throw fileProblem(NOT_MEDIA);
  const duration = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(text);
  const videoLine = text.split('\n').find((line) => /Stream #\S+.*: Video: /.test(line) && !line.includes('(attached pic)'));
  const videoMatch = videoLine ? /: Video: (\w+)(.*)$/.exec(videoLine) : null;
  // "320x240", but not a codec tag such as "0x31637661".
  const size = videoMatch ? /(?:^|[\s,])(\d{2,5})x(\d{2,5})(?=[\s,\]]|$)/.exec(videoMatch[2]) : null;
  const audio = /Stream #\S+.*: Audio: (\w+)/.exec(text);
  const rotation = /rotation of (-?\d+(?:\.\d+)?) degrees/.exec(text);
  return {
    formatNames: input[1].split(','),
    durationSeconds: duration ? Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3]) : null,
    video: videoMatch
      ? { codec: videoMatch[1], width: size ? Number(size[1]) : null, height: size ? Number(size[2]) : null, rotation: rotation ? Number(rotation[1]) : 0 }
      : null,
    audioCodec: audio?.[1] ?? null,
  };
}

function toSeconds(value: string | undefined): number | null {
  const n = value === undefined ? NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function isImageContainer(formatNames: string[]): boolean {
  return formatNames.some((f) => f === 'image2' || f.endsWith('_pipe') || f === 'gif' || f === 'webp');
}

function toResult(path: string, sizeBytes: number, raw: RawProbe): MediaProbeResult {
  const base = { path, sizeBytes, audioCodec: raw.audioCodec };
  if (raw.video) {
    const image = isImageContainer(raw.formatNames);
    // Phone videos are stored sideways with a rotation flag; report what people see (9:16 vs 16:9).
    const sideways = Math.abs(Math.round(raw.video.rotation)) % 180 === 90;
    return {
      ...base,
      kind: image ? 'image' : 'video',
      durationSeconds: image ? null : raw.durationSeconds,
      width: sideways ? raw.video.height : raw.video.width,
      height: sideways ? raw.video.width : raw.video.height,
      videoCodec: raw.video.codec,
    };
  }
  if (raw.audioCodec) {
    return { ...base, kind: 'audio', durationSeconds: raw.durationSeconds, width: null, height: null, videoCodec: null };
  }
  throw fileProblem(NOT_MEDIA);
}
