import { open } from 'node:fs/promises';
import { HostError } from '../../../shared/api/errors';
import { parseRate, type Rational } from '../../../shared/media/cut-plan';
import { indirectionError, refusedByAllowList } from '../media-input';
import { resolveTool, runTool, ToolRunError, type MediaToolsOptions } from '../media-tools';

/** What the cutter and the output check need to know, beyond what the library shows. */
export interface MediaDetails {
  formatNames: string[];
  durationSeconds: number | null;
  video: {
    codec: string;
    profile: string;
    pixelFormat: string;
    /** As people see it (rotation applied). */
    width: number;
    height: number;
    frameRate: number | null;
    /** The same rate as the fraction ffprobe gave ("30000/1001"), so NTSC stays exact. */
    frameRateExact: Rational | null;
    durationSeconds: number | null;
  } | null;
  audio: { codec: string; sampleRate: number | null; channels: number | null } | null;
}

interface Stream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  sample_rate?: string;
  channels?: number;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number | string }[];
}

export const NOT_A_VIDEO = 'This file is not a video Fanfare can read. It may be another kind of file with a video’s name, or it may be damaged.';

function rate(text: string | undefined): number | null {
  if (!text) return null;
  const [n, d] = text.split('/').map(Number);
  const value = d ? n / d : n;
  return Number.isFinite(value) && value > 0 ? value : null;
}

function num(text: string | undefined): number | null {
  const n = Number(text);
  return text !== undefined && Number.isFinite(n) && n >= 0 ? n : null;
}

export function parseDetails(json: string): MediaDetails {
  let data: { streams?: Stream[]; format?: { format_name?: string; duration?: string } };
  try {
    data = JSON.parse(json) as typeof data;
  } catch {
    throw new HostError('invalid-input', NOT_A_VIDEO);
  }
  const streams = data.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const a = streams.find((s) => s.codec_type === 'audio');
  const rotation = Number(v?.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? v?.tags?.rotate ?? 0);
  const sideways = Math.abs(Math.round(rotation)) % 180 === 90;
  return {
    formatNames: (data.format?.format_name ?? '').split(',').filter(Boolean),
    durationSeconds: num(data.format?.duration),
    video: v && v.width && v.height ? {
      codec: v.codec_name ?? 'unknown',
      profile: v.profile ?? '',
      pixelFormat: v.pix_fmt ?? '',
      width: sideways ? v.height : v.width,
      height: sideways ? v.width : v.height,
      // avg_frame_rate is what a variable-frame-rate phone video averages; r_frame_rate can be 90000/1 there.
      frameRate: rate(v.avg_frame_rate) ?? rate(v.r_frame_rate),
      frameRateExact: parseRate(v.avg_frame_rate) ?? parseRate(v.r_frame_rate),
      durationSeconds: num(v.duration),
    } : null,
    audio: a ? { codec: a.codec_name ?? 'unknown', sampleRate: num(a.sample_rate), channels: a.channels ?? null } : null,
  };
}

export async function probeDetails(path: string, options: MediaToolsOptions & { signal?: AbortSignal; fileName?: string } = {}): Promise<MediaDetails> {
  const ffprobe = resolveTool('ffprobe', options);
  if (!ffprobe.path) throw new HostError('not-available', 'Fanfare needs ffprobe (part of ffmpeg) to check videos. Install ffmpeg and restart Fanfare.');
  try {
    const { stdout } = await runTool(ffprobe.path, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-i', path], { signal: options.signal, timeoutMs: 60_000 });
    return parseDetails(stdout);
  } catch (error) {
    if (error instanceof HostError) throw error;
    if (options.signal?.aborted || (error instanceof ToolRunError && error.aborted)) throw new HostError('cancelled', 'Cancelled.');
    if (error instanceof ToolRunError && error.notStarted) throw new HostError('not-available', 'Fanfare could not start ffprobe. Reinstalling ffmpeg usually fixes this.');
    const refused = error instanceof ToolRunError ? refusedByAllowList(error.stderr) : null;
    if (refused) throw indirectionError(refused, options.fileName);
    throw new HostError('invalid-input', NOT_A_VIDEO);
  }
}

/**
 * "Fast start": the index (moov) comes before the pictures (mdat), so a
 * phone can start playing before the whole file has arrived. Read from the
 * top-level boxes themselves, not from what an encoder claims.
 */
export async function topLevelBoxes(path: string, limit = 64): Promise<string[]> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const header = Buffer.alloc(16);
    const names: string[] = [];
    let offset = 0;
    while (offset + 8 <= size && names.length < limit) {
      await file.read(header, 0, 16, offset);
      let boxSize = header.readUInt32BE(0);
      const type = header.toString('latin1', 4, 8);
      if (boxSize === 1) boxSize = Number(header.readBigUInt64BE(8));
      else if (boxSize === 0) boxSize = size - offset;
      if (boxSize < 8) break;
      names.push(type);
      offset += boxSize;
    }
    return names;
  } finally {
    await file.close();
  }
}

export async function isFastStart(path: string): Promise<boolean> {
  const boxes = await topLevelBoxes(path);
  const moov = boxes.indexOf('moov');
  const mdat = boxes.indexOf('mdat');
  return moov !== -1 && mdat !== -1 && moov < mdat;
}
