import { COMMON_ENCODING, type ChannelPreset } from './channel-presets';

/** What the plan needs to know about the source, as ffprobe read it (display size, after rotation). */
export interface CutSource {
  path: string;
  width: number;
  height: number;
  durationSeconds: number;
  /** Average frames per second; null when ffprobe could not tell (then 30). */
  frameRate: number | null;
  hasAudio: boolean;
}

export type FitMode = 'crop' | 'blur';

export interface CutOutput {
  preset: ChannelPreset;
  /** Crop around the focal point, or show the whole frame over a blurred copy of itself. */
  fit: FitMode;
  /** Focal point, 0..1 from the left and from the top of the frame. */
  focusX: number;
  focusY: number;
  keepAudio: boolean;
  path: string;
}

export interface CutRequest {
  source: CutSource;
  inSeconds: number;
  outSeconds: number;
  outputs: CutOutput[];
  /** x264 speed/quality trade-off; tests and benchmarks may pin it. */
  x264Preset?: string;
}

export interface CutPlan {
  args: string[];
  /** Length of every output, in seconds. */
  durationSeconds: number;
  frameRate: number;
}

export class CutPlanError extends Error {
  constructor(message: string, readonly field: string) {
    super(message);
    this.name = 'CutPlanError';
  }
}

export interface Rect { x: number; y: number; width: number; height: number }

const even = (n: number) => Math.max(2, Math.floor(n / 2) * 2);
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/**
 * The largest region of the source with the target's shape, centred on the
 * focal point as far as the frame allows. Even numbers: yuv420p has
 * half-resolution colour, so an odd offset shifts colour against brightness.
 */
export function cropRect(sourceWidth: number, sourceHeight: number, targetWidth: number, targetHeight: number, focusX = 0.5, focusY = 0.5): Rect {
  const scale = Math.max(targetWidth / sourceWidth, targetHeight / sourceHeight);
  const width = Math.min(even(targetWidth / scale), even(sourceWidth));
  const height = Math.min(even(targetHeight / scale), even(sourceHeight));
  const place = (focus: number, size: number, whole: number) => {
    const room = whole - size;
    const evenRoom = room - (room % 2);
    return Math.min(2 * Math.round(clamp(focus * whole - size / 2, 0, room) / 2), evenRoom);
  };
  return { x: place(focusX, width, sourceWidth), y: place(focusY, height, sourceHeight), width, height };
}

/** Frame rates platforms take: keep the source's, but never above 60 nor a fraction of one. */
export function outputFrameRate(source: number | null): number {
  if (!source || !Number.isFinite(source) || source <= 0) return 30;
  return clamp(Math.round(source * 1000) / 1000, 1, 60);
}

function formatSeconds(s: number): string {
  return (Math.round(s * 1000) / 1000).toFixed(3);
}

function describeLength(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
  return `${seconds} seconds`;
}

function videoChain(out: CutOutput, source: CutSource, label: string, index: number): string {
  const { width: W, height: H } = out.preset;
  if (out.fit === 'crop') {
    const r = cropRect(source.width, source.height, W, H, out.focusX, out.focusY);
    return `[${label}]crop=${r.width}:${r.height}:${r.x}:${r.y},scale=${W}:${H}:flags=lanczos,setsar=1,format=yuv420p[v${index}]`;
  }
  // The background is blurred at an eighth of the size: the same look at a fraction of the work.
  const bw = even(W / 8);
  const bh = even(H / 8);
  const radius = clamp(Math.floor(Math.min(bw, bh) / 2) - 1, 1, 10);
  // Colour is stored at half size, so its blur radius must fit half the picture.
  const chroma = clamp(Math.floor(Math.min(bw, bh) / 4) - 1, 0, radius);
  return [
    `[${label}]split=2[bg${index}][fg${index}]`,
    `[bg${index}]scale=${bw}:${bh}:force_original_aspect_ratio=increase,crop=${bw}:${bh},boxblur=luma_radius=${radius}:luma_power=2:chroma_radius=${chroma}:chroma_power=2,scale=${W}:${H},setsar=1[bb${index}]`,
    `[fg${index}]scale=${W}:${H}:force_original_aspect_ratio=decrease:force_divisible_by=2,setsar=1[ff${index}]`,
    `[bb${index}][ff${index}]overlay=(W-w)/2:(H-h)/2,format=yuv420p[v${index}]`,
  ].join(';');
}

/**
 * One ffmpeg run for one source and all its outputs: the source is decoded
 * once and split, and each output gets its own H.264 encoder. An argument
 * array, never a shell string, so no file name can be read as a command.
 */
export function buildCutArgs(request: CutRequest): CutPlan {
  const { source, outputs } = request;
  if (outputs.length === 0) throw new CutPlanError('Choose at least one channel to cut for.', 'outputs');
  if (!(source.width > 0 && source.height > 0)) throw new CutPlanError('Fanfare could not read this video’s size, so it cannot cut it.', 'source');
  const inSeconds = Math.max(0, request.inSeconds);
  const outSeconds = Math.min(request.outSeconds, source.durationSeconds);
  if (!(outSeconds > inSeconds)) throw new CutPlanError('The end of the cut must come after its start.', 'outSeconds');
  const frameRate = outputFrameRate(source.frameRate);
  const duration = outSeconds - inSeconds;
  if (duration < 1 / frameRate) throw new CutPlanError('The cut is shorter than one frame.', 'outSeconds');
  for (const out of outputs) {
    if (duration > out.preset.maxDurationSeconds + 1e-6) {
      throw new CutPlanError(`${out.preset.name} takes videos up to ${describeLength(out.preset.maxDurationSeconds)}; this cut is ${Math.round(duration * 10) / 10} seconds. Move the end marker earlier.`, 'outSeconds');
    }
  }

  const labels = outputs.map((_, i) => `s${i}`);
  const head = outputs.length === 1
    ? `[0:v]fps=${frameRate}[s0]`
    : `[0:v]fps=${frameRate},split=${outputs.length}${labels.map((l) => `[${l}]`).join('')}`;
  const graph = [head, ...outputs.map((out, i) => videoChain(out, source, labels[i], i))].join(';');

  const args = [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-progress', 'pipe:1', '-y',
    '-ss', formatSeconds(inSeconds), '-t', formatSeconds(duration), '-i', source.path,
    '-filter_complex', graph,
  ];
  outputs.forEach((out, i) => {
    const kbps = out.preset.maxVideoKbps;
    args.push('-map', `[v${i}]`);
    if (out.keepAudio && source.hasAudio) {
      args.push('-map', '0:a:0', '-c:a', 'aac', '-b:a', `${out.preset.audioKbps}k`, '-ar', String(COMMON_ENCODING.audioSampleRate), '-ac', '2');
    } else {
      args.push('-an');
    }
    args.push(
      '-c:v', 'libx264', '-profile:v', 'high', '-pix_fmt', COMMON_ENCODING.pixelFormat,
      '-preset', request.x264Preset ?? 'fast', '-crf', '21', '-maxrate', `${kbps}k`, '-bufsize', `${kbps * 2}k`,
      '-r', String(frameRate), '-fps_mode', 'cfr',
      '-map_metadata', '-1', '-movflags', '+faststart', '-f', 'mp4', out.path,
    );
  });
  return { args, durationSeconds: duration, frameRate };
}
