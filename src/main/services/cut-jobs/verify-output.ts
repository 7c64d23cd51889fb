import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import type { ChannelPreset } from '../../../shared/media/channel-presets';
import type { MediaToolsOptions } from '../media-tools';
import { isFastStart, probeDetails } from './probe-details';

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
  frameRate: number;
  withAudio: boolean;
}

/**
 * An output is only "done" once ffprobe, reading the file itself, agrees
 * with the preset: size, codec and profile, pixel format, length within one
 * frame of the cut, audio, the moov box before the media, and the file size.
 */
export async function verifyVideoOutput(path: string, want: VideoExpectation, tools: MediaToolsOptions = {}): Promise<Verdict> {
  const checks: string[] = [];
  const problems: string[] = [];
  const details = await probeDetails(path, tools).catch(() => null);
  const video = details?.video;
  if (!details || !video) return { ok: false, checks, problems: ['The cut file has no readable picture.'] };
  const { preset } = want;

  if (video.width === preset.width && video.height === preset.height) checks.push(`${video.width}×${video.height}`);
  else problems.push(`The picture is ${video.width}×${video.height}, not ${preset.width}×${preset.height}.`);

  if (video.codec === 'h264' && video.profile === 'High') checks.push('H.264 High');
  else problems.push(`The video is ${video.codec} ${video.profile}, not H.264 High.`);

  if (video.pixelFormat === 'yuv420p') checks.push('yuv420p');
  else problems.push(`The colour format is ${video.pixelFormat}, not yuv420p.`);

  const length = video.durationSeconds ?? details.durationSeconds ?? 0;
  // One frame, plus the rounding of mp4 timestamps.
  const tolerance = 1 / want.frameRate + 0.002;
  if (Math.abs(length - want.durationSeconds) <= tolerance) checks.push(`${length.toFixed(2)} s`);
  else problems.push(`The cut is ${length.toFixed(2)} s long instead of ${want.durationSeconds.toFixed(2)} s; the source may be damaged or shorter than it says.`);

  if (want.withAudio) {
    if (details.audio?.codec === 'aac' && details.audio.sampleRate === 48_000) checks.push('AAC 48 kHz');
    else problems.push(details.audio ? `The sound is ${details.audio.codec} at ${details.audio.sampleRate ?? '?'} Hz, not AAC at 48 kHz.` : 'The sound is missing.');
  } else if (details.audio) {
    problems.push('The sound should have been removed.');
  } else {
    checks.push('no sound');
  }

  if (await isFastStart(path)) checks.push('fast start');
  else problems.push('The file is not arranged for fast start (its index is at the end).');

  const { size } = await stat(path);
  if (size <= preset.maxFileBytes) checks.push(`${(size / 1024 / 1024).toFixed(1)} MB`);
  else problems.push(`The file is ${(size / 1024 / 1024).toFixed(0)} MB, more than ${preset.name} accepts.`);

  return { ok: problems.length === 0, checks, problems };
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
