import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import { videoCeilingKbps, type ChannelPreset } from '../../../shared/media/channel-presets';
import type { MediaToolsOptions } from '../media-tools';
import { rateText, rateValue, type OutputPlan, type Rational } from '../../../shared/media/cut-plan';
import { readOutputFacts } from './output-facts';
import { isFastStart } from './probe-details';

export interface Verdict {
  ok: boolean;
  /** What was confirmed, for the job card ("1080×1920", "H.264 High"…). */
  checks: string[];
  /** What is wrong, for a person; empty when ok. */
  problems: string[];
}

export interface VideoExpectation {
  preset: ChannelPreset;
  durationSeconds: number;
  /** What the plan asked of this output: its exact frame rate, key-frame distance, B-frames and bitrates. */
  plan: OutputPlan;
  withAudio: boolean;
}

export interface VideoVerdict extends Verdict {
  /** Only the floor was missed: a constant-bitrate pass can fix it. */
  onlyBelowFloor: boolean;
}

const kbit = (n: number) => `${Math.round(n).toLocaleString('en-US')} kbit/s`;
const sameRate = (a: Rational, b: Rational) => a.num * b.den === b.num * a.den;

/**
 * An output is only "done" once ffprobe, reading the file itself, agrees
 * with the preset and the platform's published bounds: size, codec and
 * profile, pixel format, length within one frame of the cut, the exact
 * frame rate, the average bitrate over the whole cut (floor and ceiling),
 * key-frame distance, closed GOPs and B-frames where the platform publishes
 * them, audio, the moov box before the media, and the file size. The GOP
 * is read from the packets' order, not from what the encoder wrote about
 * itself.
 */
export async function verifyVideoOutput(path: string, want: VideoExpectation, tools: MediaToolsOptions = {}): Promise<VideoVerdict> {
  const checks: string[] = [];
  const problems: string[] = [];
  const facts = await readOutputFacts(path, tools).catch(() => null);
  const video = facts?.video;
  if (!facts || !video) return { ok: false, checks, problems: ['The cut file has no readable picture.'], onlyBelowFloor: false };
  const { preset, plan } = want;

  if (video.width === preset.width && video.height === preset.height) checks.push(`${video.width}×${video.height}`);
  else problems.push(`The picture is ${video.width}×${video.height}, not ${preset.width}×${preset.height}.`);

  if (video.codec === 'h264' && video.profile === 'High') checks.push('H.264 High');
  else problems.push(`The video is ${video.codec} ${video.profile}, not H.264 High.`);

  if (video.pixelFormat === 'yuv420p') checks.push('yuv420p');
  else problems.push(`The colour format is ${video.pixelFormat}, not yuv420p.`);

  const fps = rateValue(plan.frameRate);
  const length = video.durationSeconds ?? facts.durationSeconds ?? 0;
  // One frame, plus the rounding of mp4 timestamps.
  const tolerance = 1 / fps + 0.002;
  if (Math.abs(length - want.durationSeconds) <= tolerance) checks.push(`${length.toFixed(2)} s`);
  else problems.push(`The cut is ${length.toFixed(2)} s long instead of ${want.durationSeconds.toFixed(2)} s; the source may be damaged or shorter than it says.`);

  const stored = video.frameRate;
  if (stored && sameRate(stored, plan.frameRate) && fps >= preset.minFrameRate - 1e-9 && fps <= preset.maxFrameRate + 1e-9) checks.push(`${rateText(plan.frameRate)} fps`);
  else if (stored && !sameRate(stored, plan.frameRate)) problems.push(`The frame rate is ${rateText(stored)}, not ${rateText(plan.frameRate)}.`);
  else if (!stored) problems.push('The frame rate cannot be read from the file.');
  else problems.push(`${preset.name} takes ${preset.minFrameRate}–${preset.maxFrameRate} frames a second; this cut has ${fps.toFixed(3)}.`);

  let belowFloor = false;
  const average = video.averageKbps;
  // The published ceiling; the file-size limit is checked on the file itself below.
  const ceiling = videoCeilingKbps(preset, fps);
  if (average === null) problems.push('The video’s bitrate cannot be measured: the file does not say how long it is.');
  else {
    if (average > ceiling) problems.push(`The video averages ${kbit(average)} over the cut; ${preset.name} takes at most ${kbit(ceiling)}.`);
    if (average < plan.rate.floorKbps) {
      belowFloor = true;
      problems.push(`The video averages ${kbit(average)} over the cut; ${preset.name} needs at least ${kbit(plan.rate.floorKbps)}.`);
    }
    if (average <= ceiling && average >= plan.rate.floorKbps) checks.push(`video ${kbit(average)}`);
  }

  if (plan.keyint !== null) {
    if (video.maxKeyframeGap <= plan.keyint) checks.push(`key frame every ${plan.keyint} frames or sooner`);
    else problems.push(`Key frames are up to ${Number.isFinite(video.maxKeyframeGap) ? video.maxKeyframeGap : 'all'} frames apart; ${preset.name} wants one every ${plan.keyint} (${preset.gopSeconds} s).`);
  }
  if (preset.closedGop) {
    if (video.closedGop) checks.push('closed GOP');
    else problems.push(`Pictures refer across key frames (open GOP); ${preset.name} wants closed GOPs.`);
  }
  if (preset.maxBFrames !== null) {
    if (video.maxConsecutiveBFrames <= preset.maxBFrames) checks.push(`at most ${preset.maxBFrames} B-frames in a row`);
    else problems.push(`The video has ${video.maxConsecutiveBFrames} B-frames in a row; ${preset.name} wants at most ${preset.maxBFrames}.`);
  }

  const audio = facts.audio;
  if (want.withAudio) {
    if (audio?.codec === 'aac' && audio.profile === 'LC' && audio.sampleRate === 48_000 && audio.channels === 2) {
      checks.push(`AAC-LC 48 kHz stereo${audio.averageKbps !== null ? ` ${kbit(audio.averageKbps)}` : ''}`);
    } else {
      problems.push(audio ? `The sound is ${audio.codec} ${audio.profile} at ${audio.sampleRate ?? '?'} Hz with ${audio.channels ?? '?'} channels, not AAC-LC stereo at 48 kHz.` : 'The sound is missing.');
    }
  } else if (audio) {
    problems.push('The sound should have been removed.');
  } else {
    checks.push('no sound');
  }

  if (await isFastStart(path)) checks.push('fast start');
  else problems.push('The file is not arranged for fast start (its index is at the end).');

  const { size } = await stat(path);
  if (size <= preset.maxFileBytes) checks.push(`${(size / 1024 / 1024).toFixed(1)} MB`);
  else problems.push(`The file is ${(size / 1024 / 1024).toFixed(0)} MB, more than ${preset.name} accepts.`);

  return { ok: problems.length === 0, checks, problems, onlyBelowFloor: belowFloor && problems.length === 1 };
}

export async function verifyImageOutput(path: string, preset: ChannelPreset): Promise<Verdict> {
  const checks: string[] = [];
  const problems: string[] = [];
  const meta = await sharp(path).metadata().catch(() => null);
  if (!meta) return { ok: false, checks, problems: ['The cut picture cannot be read.'] };
  if (meta.width === preset.width && meta.height === preset.height) checks.push(`${meta.width}×${meta.height}`);
  else problems.push(`The picture is ${meta.width}×${meta.height}, not ${preset.width}×${preset.height}.`);
  if (meta.format === 'jpeg') checks.push('JPEG');
  else problems.push(`The picture is ${meta.format}, not JPEG.`);
  return { ok: problems.length === 0, checks, problems };
}
