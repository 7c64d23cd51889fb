import { COMMON_ENCODING, videoCeilingKbps, type ChannelPreset } from './channel-presets';

/** What the plan needs to know about the source, as ffprobe read it (display size, after rotation). */
export interface CutSource {
  path: string;
  width: number;
  height: number;
  durationSeconds: number;
  /** Frames per second as ffprobe gave it ("30000/1001" read as a fraction, not 29.97); null when it could not tell (then 30). */
  frameRate: Rational | number | null;
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
  /**
   * 'quality' (the first pass): constant quality under the ceiling. 'floor':
   * constant bitrate just above the platform's floor, with filler, for a cut
   * whose first pass came out below it (a still or low-detail clip).
   */
  rateMode?: 'quality' | 'floor';
}

export interface CutRequest {
  source: CutSource;
  inSeconds: number;
  outSeconds: number;
  outputs: CutOutput[];
  /** x264 speed/quality trade-off; tests and benchmarks may pin it. */
  x264Preset?: string;
}

export interface Rational { num: number; den: number }

export interface RatePlan {
  /** The average the output must stay under: the preset's ceiling, or less where the file-size limit needs it. */
  ceilingKbps: number;
  /** The average it must reach (0: none). */
  floorKbps: number;
  /** What x264 is told: VBV rate and buffer; target only in floor mode. */
  maxrateKbps: number;
  bufsizeKbps: number;
  targetKbps: number | null;
}

export interface OutputPlan {
  frameRate: Rational;
  /** Frames between key frames at most (null: the encoder's default). */
  keyint: number | null;
  bFrames: number | null;
  rate: RatePlan;
}

export interface CutPlan {
  args: string[];
  /** Length of every output, in seconds. */
  durationSeconds: number;
  /** Per output, in the order asked. */
  outputs: OutputPlan[];
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

const gcdOf = (a: number, b: number): number => (b === 0 ? a : gcdOf(b, a % b));

function reduce(num: number, den: number): Rational {
  const d = gcdOf(num, den);
  return { num: num / d, den: den / d };
}

export const rateValue = (r: Rational): number => r.num / r.den;
/** "30000/1001", or "30" for a whole rate: what ffmpeg's fps filter and -r take, exactly. */
export const rateText = (r: Rational): string => (r.den === 1 ? String(r.num) : `${r.num}/${r.den}`);

/** The rates cameras record at; an average within 0.05% of one is that rate (a phone's variable rate averages near it). */
const STANDARD_RATES: Rational[] = [
  { num: 24000, den: 1001 }, { num: 24, den: 1 }, { num: 25, den: 1 }, { num: 30000, den: 1001 }, { num: 30, den: 1 },
  { num: 48, den: 1 }, { num: 50, den: 1 }, { num: 60000, den: 1001 }, { num: 60, den: 1 }, { num: 120000, den: 1001 }, { num: 120, den: 1 },
];

/** "30000/1001" as a fraction; null when it is not a positive rate. */
export function parseRate(text: string | undefined | null): Rational | null {
  if (!text) return null;
  const [n, d = '1'] = text.split('/');
  const num = Number(n);
  const den = Number(d);
  if (!Number.isInteger(num) || !Number.isInteger(den) || num <= 0 || den <= 0) return null;
  return toRational(num / den, { num, den });
}

function toRational(value: number, exact?: Rational): Rational {
  const standard = STANDARD_RATES.find((r) => Math.abs(rateValue(r) - value) <= rateValue(r) * 0.0005);
  if (standard) return standard;
  if (exact && exact.den <= 1001) return reduce(exact.num, exact.den);
  // An odd average (a variable-rate file): a thousandth of a frame is finer than any player shows.
  return reduce(Math.round(value * 1000), 1000);
}

/**
 * The source's rate where the channel takes it, exactly (NTSC stays
 * 30000/1001, never 29.97). Above the channel's highest, every second,
 * third… frame is kept; below its lowest, every frame is shown twice,
 * three times…: whole steps, so motion stays even.
 */
export function outputFrameRate(source: Rational | number | null, bounds: { minFrameRate: number; maxFrameRate: number } = { minFrameRate: 1, maxFrameRate: 60 }): Rational {
  const rate = source === null ? null : typeof source === 'number' ? (Number.isFinite(source) && source > 0 ? toRational(source) : null) : toRational(rateValue(source), source);
  if (!rate) return { num: 30, den: 1 };
  for (let k = 1; k <= 120; k++) {
    const down = reduce(rate.num, rate.den * k);
    if (rateValue(down) <= bounds.maxFrameRate + 1e-9 && rateValue(down) >= bounds.minFrameRate - 1e-9) return down;
    const up = reduce(rate.num * k, rate.den);
    if (rateValue(up) >= bounds.minFrameRate - 1e-9 && rateValue(up) <= bounds.maxFrameRate + 1e-9) return up;
  }
  throw new CutPlanError(`No frame rate between ${bounds.minFrameRate} and ${bounds.maxFrameRate} fits this video’s ${rateValue(rate).toFixed(3)} frames a second.`, 'frameRate');
}

/** x264's VBV buffer starts this full (its default), so a cut can spend this much of the buffer on top of the rate. */
const VBV_INIT = 0.9;
/** Room left under the ceiling for x264 missing its own rate by a little. */
const MARGIN = 0.97;

/**
 * The bits a cut may spend. The average over the whole output must stay
 * under the ceiling: with a VBV buffer of B and a rate of R, a cut of T
 * seconds can reach R + 0.9·B/T, so the buffer is at most a second (a
 * quarter of a short cut) and the rate is lowered by what the buffer can
 * add. The file-size limit lowers the ceiling for long cuts.
 */
export function ratePlan(preset: ChannelPreset, frameRate: number, durationSeconds: number, withAudio: boolean, mode: 'quality' | 'floor' = 'quality'): RatePlan {
  const published = videoCeilingKbps(preset, frameRate);
  const bySize = Math.floor((preset.maxFileBytes * 8) / 1000 / durationSeconds * MARGIN - (withAudio ? preset.audioKbps : 0));
  const ceilingKbps = Math.min(published, bySize);
  const floorKbps = preset.minVideoKbps;
  if (ceilingKbps <= floorKbps * 1.1) {
    throw new CutPlanError(`${preset.name} needs at least ${floorKbps} kbit/s but takes files up to ${Math.round(preset.maxFileBytes / 1024 / 1024)} MB: a ${Math.round(durationSeconds)} s cut cannot be both. Make the cut shorter.`, 'outSeconds');
  }
  const bufsizeKbps = Math.max(1, Math.floor(ceilingKbps * Math.min(1, durationSeconds / 4)));
  const maxrateKbps = Math.floor(ceilingKbps * (MARGIN - (VBV_INIT * bufsizeKbps) / (ceilingKbps * durationSeconds)));
  if (mode === 'quality') return { ceilingKbps, floorKbps, maxrateKbps, bufsizeKbps, targetKbps: null };
  if (floorKbps === 0) throw new CutPlanError(`${preset.name} has no bitrate floor to reach.`, 'rateMode');
  // Constant bitrate with filler: a quarter above the floor, since the first frames start the buffer low.
  const targetKbps = Math.min(Math.ceil(floorKbps * 1.25), Math.floor((floorKbps + maxrateKbps) / 2));
  return { ceilingKbps, floorKbps, maxrateKbps: targetKbps, bufsizeKbps: targetKbps, targetKbps };
}

function formatSeconds(s: number): string {
  return (Math.round(s * 1000) / 1000).toFixed(3);
}

function describeLength(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
  return `${seconds} seconds`;
}

function videoChain(out: CutOutput, source: CutSource, label: string, index: number, rate: Rational): string {
  const { width: W, height: H } = out.preset;
  const fps = `fps=${rateText(rate)}`;
  if (out.fit === 'crop') {
    const r = cropRect(source.width, source.height, W, H, out.focusX, out.focusY);
    return `[${label}]${fps},crop=${r.width}:${r.height}:${r.x}:${r.y},scale=${W}:${H}:flags=lanczos,setsar=1,format=yuv420p[v${index}]`;
  }
  // The background is blurred at an eighth of the size: the same look at a fraction of the work.
  const bw = even(W / 8);
  const bh = even(H / 8);
  const radius = clamp(Math.floor(Math.min(bw, bh) / 2) - 1, 1, 10);
  // Colour is stored at half size, so its blur radius must fit half the picture.
  const chroma = clamp(Math.floor(Math.min(bw, bh) / 4) - 1, 0, radius);
  return [
    `[${label}]${fps},split=2[bg${index}][fg${index}]`,
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
  const duration = outSeconds - inSeconds;
  const shown = Math.round(duration * 10) / 10;
  for (const out of outputs) {
    if (duration > out.preset.maxDurationSeconds + 1e-6) {
      throw new CutPlanError(`${out.preset.name} takes videos up to ${describeLength(out.preset.maxDurationSeconds)}; this cut is ${shown} seconds. Move the end marker earlier.`, 'outSeconds');
    }
    if (duration < out.preset.minDurationSeconds - 1e-6) {
      throw new CutPlanError(`${out.preset.name} takes videos of at least ${describeLength(out.preset.minDurationSeconds)}; this cut is ${shown} seconds. Move the end marker later.`, 'outSeconds');
    }
  }
  const plans: OutputPlan[] = outputs.map((out) => {
    const frameRate = outputFrameRate(source.frameRate, out.preset);
    const fps = rateValue(frameRate);
    if (duration < 1 / fps) throw new CutPlanError('The cut is shorter than one frame.', 'outSeconds');
    const withAudio = out.keepAudio && source.hasAudio;
    return {
      frameRate,
      keyint: out.preset.gopSeconds === null ? null : Math.max(1, Math.round(fps * out.preset.gopSeconds)),
      bFrames: out.preset.maxBFrames,
      rate: ratePlan(out.preset, fps, duration, withAudio, out.rateMode ?? 'quality'),
    };
  });

  const labels = outputs.map((_, i) => (outputs.length === 1 ? '0:v' : `s${i}`));
  const head = outputs.length === 1 ? [] : [`[0:v]split=${outputs.length}${labels.map((l) => `[${l}]`).join('')}`];
  const graph = [...head, ...outputs.map((out, i) => videoChain(out, source, labels[i], i, plans[i].frameRate))].join(';');

  const args = [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-progress', 'pipe:1', '-y',
    '-ss', formatSeconds(inSeconds), '-t', formatSeconds(duration), '-i', source.path,
    '-filter_complex', graph,
  ];
  outputs.forEach((out, i) => {
    const plan = plans[i];
    args.push('-map', `[v${i}]`);
    if (out.keepAudio && source.hasAudio) {
      args.push('-map', '0:a:0', '-c:a', 'aac', '-b:a', `${out.preset.audioKbps}k`, '-ar', String(COMMON_ENCODING.audioSampleRate), '-ac', '2');
    } else {
      args.push('-an');
    }
    // Closed GOPs always (x264's default, said out loud); CABAC (YouTube asks for it) and 8×8 transforms (what makes the stream High profile) even at the fastest x264 presets.
    const x264 = ['open-gop=0', 'cabac=1', '8x8dct=1'];
    if (plan.keyint !== null) x264.push(`keyint=${plan.keyint}`);
    if (plan.bFrames !== null) x264.push(`bframes=${plan.bFrames}`);
    args.push('-c:v', 'libx264', '-profile:v', 'high', '-pix_fmt', COMMON_ENCODING.pixelFormat, '-preset', request.x264Preset ?? 'fast');
    const { rate } = plan;
    if (rate.targetKbps !== null) {
      // Filler data keeps the stream at the rate even when the picture needs none of it.
      x264.push('nal-hrd=cbr');
      args.push('-b:v', `${rate.targetKbps}k`, '-minrate', `${rate.targetKbps}k`, '-maxrate', `${rate.targetKbps}k`, '-bufsize', `${rate.bufsizeKbps}k`);
    } else {
      args.push('-crf', '21', '-maxrate', `${rate.maxrateKbps}k`, '-bufsize', `${rate.bufsizeKbps}k`);
    }
    args.push(
      '-x264-params', x264.join(':'),
      '-r', rateText(plan.frameRate), '-fps_mode', 'cfr',
      '-map_metadata', '-1', '-movflags', '+faststart', '-f', 'mp4', out.path,
    );
  });
  return { args, durationSeconds: duration, outputs: plans };
}
