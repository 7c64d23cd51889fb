import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CutQueue, type CutJobInput } from '../../../../src/main/services/cut-jobs/cut-queue';
import { analysePackets } from '../../../../src/main/services/cut-jobs/output-facts';
import { resolveTool } from '../../../../src/main/services/media-tools';
import { MediaStore } from '../../../../src/main/services/media-store/media-store';
import { builtInPresets, videoCeilingKbps, type ChannelPreset } from '../../../../src/shared/media/channel-presets';
import type { CutJobView } from '../../../../src/shared/media/library-contract';
import { ffmpeg } from './fixtures';

/*
 * The test: a still picture, a noisy 4K60 clip and a 29.97 fps clip
 * cut to every built-in preset, each output read back with ffprobe (not
 * with the queue's own reader) against the preset's published bounds.
 * Clips are seconds long so the suite stays quick on two cores.
 */
const ffprobe = resolveTool('ffprobe', { ffmpegStaticPath: null }).path!;
let dir: string;
let store: MediaStore;
let queue: CutQueue;

const make = (...args: string[]) => execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args]);

interface Probed {
  width: number; height: number; profile: string; rFrameRate: string; videoSeconds: number; videoKbps: number;
  pictTypes: string[]; audio: { codec: string; profile: string; sampleRate: number; channels: number } | null; sizeBytes: number;
}

/** ffprobe on the stored file: stream facts, every packet's size, and each decoded picture's type. */
function probe(path: string, withPictures = false): Probed {
  const run = (args: string[]) => JSON.parse(execFileSync(ffprobe, ['-v', 'error', '-print_format', 'json', ...args, path], { maxBuffer: 64 << 20 }).toString()) as Record<string, never[]>;
  const info = run(['-show_streams', '-show_format']) as unknown as { streams: Record<string, string | number>[]; format: { size: string } };
  const v = info.streams.find((s) => s.codec_type === 'video')!;
  const a = info.streams.find((s) => s.codec_type === 'audio');
  const packets = run(['-select_streams', 'v:0', '-show_entries', 'packet=size']).packets as unknown as { size: string }[];
  // Decoding every picture is the slow part: only where the preset has a GOP to check.
  const frames = withPictures ? run(['-select_streams', 'v:0', '-show_entries', 'frame=pict_type']).frames as unknown as { pict_type: string }[] : [];
  const videoSeconds = Number(v.duration);
  return {
    width: Number(v.width), height: Number(v.height), profile: String(v.profile), rFrameRate: String(v.r_frame_rate), videoSeconds,
    videoKbps: packets.reduce((sum, p) => sum + Number(p.size), 0) * 8 / videoSeconds / 1000,
    pictTypes: frames.map((f) => f.pict_type),
    audio: a ? { codec: String(a.codec_name), profile: String(a.profile), sampleRate: Number(a.sample_rate), channels: Number(a.channels) } : null,
    sizeBytes: Number(info.format.size),
  };
}

function longestRun(types: string[], of: string): number {
  let run = 0;
  let most = 0;
  for (const t of types) {
    run = t === of ? run + 1 : 0;
    most = Math.max(most, run);
  }
  return most;
}

function longestGop(types: string[]): number {
  const keys = types.flatMap((t, i) => (t === 'I' ? [i] : []));
  return Math.max(...[...keys, types.length].slice(1).map((k, i) => k - keys[i]));
}

async function cutToEveryPreset(fileName: string, seconds: number): Promise<{ job: CutJobView; presets: ChannelPreset[]; refused: ChannelPreset[] }> {
  const sha256 = (await store.write(createReadStream(join(dir, fileName)))).sha256;
  const presets = builtInPresets.filter((p) => p.minDurationSeconds <= seconds);
  const input: CutJobInput = {
    workspaceId: 'ws', sourceSha256: sha256, sourceFileName: fileName, sourceAssetId: 'a', inSeconds: 0, outSeconds: null,
    outputs: presets.map((preset) => ({ preset, fit: 'crop', focusX: 0.5, focusY: 0.5, keepAudio: true })),
  };
  const started = queue.start(input);
  await queue.whenIdle();
  const job = queue.snapshot().jobs.find((j) => j.id === started.id)!;
  return { job, presets, refused: builtInPresets.filter((p) => p.minDurationSeconds > seconds) };
}

function expectInsideBounds(job: CutJobView, presets: ChannelPreset[], frameRate: string, withAudio: boolean) {
  expect(job.outputs.map((o) => o.problem)).toEqual(presets.map(() => null));
  expect(job.status).toBe('done');
  for (const [i, preset] of presets.entries()) {
    const out = job.outputs[i];
    expect(out.status).toBe('done');
    const p = probe(store.pathOf(out.file!.sha256), preset.gopSeconds !== null || preset.maxBFrames !== null);
    const fps = Number(frameRate.split('/')[0]) / Number(frameRate.split('/')[1] ?? 1);
    const where = `${preset.name}: ${JSON.stringify({ kbps: Math.round(p.videoKbps), rate: p.rFrameRate })}`;
    expect([p.width, p.height, p.profile], where).toEqual([preset.width, preset.height, 'High']);
    expect(p.rFrameRate, where).toBe(frameRate);
    expect(fps).toBeGreaterThanOrEqual(preset.minFrameRate);
    expect(fps).toBeLessThanOrEqual(preset.maxFrameRate);
    // The average over the whole clip, floor and ceiling.
    expect(p.videoKbps, where).toBeLessThanOrEqual(videoCeilingKbps(preset, fps));
    expect(p.videoKbps, where).toBeGreaterThanOrEqual(preset.minVideoKbps);
    expect(p.sizeBytes).toBeLessThanOrEqual(preset.maxFileBytes);
    if (preset.gopSeconds !== null) expect(longestGop(p.pictTypes), where).toBeLessThanOrEqual(Math.round(fps * preset.gopSeconds));
    if (preset.maxBFrames !== null) expect(longestRun(p.pictTypes, 'B'), where).toBeLessThanOrEqual(preset.maxBFrames);
    if (withAudio) expect(p.audio, where).toEqual({ codec: 'aac', profile: 'LC', sampleRate: 48_000, channels: 2 });
    else expect(p.audio).toBeNull();
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-bounds-'));
  store = new MediaStore(join(dir, 'media'));
  queue = new CutQueue({ store, workDir: join(dir, 'cuts'), concurrency: 1, x264Preset: 'ultrafast' });
  // One picture held for five seconds, with quiet sound: almost nothing for the encoder to spend bits on.
  make('-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=1:duration=1', '-frames:v', '1', join(dir, 'still.png'));
  make('-loop', '1', '-framerate', '25', '-i', join(dir, 'still.png'), '-f', 'lavfi', '-i', 'sine=frequency=220:duration=5',
    '-t', '5', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', join(dir, 'still.mp4'));
  // Noise in every frame at 3840×2160 and 60 fps: as many bits as the encoder can be given.
  make('-f', 'lavfi', '-i', 'testsrc2=size=3840x2160:rate=60:duration=2,noise=alls=40:allf=t+u', '-f', 'lavfi', '-i', 'anoisesrc=d=2:c=pink:a=0.3',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '30', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', join(dir, 'noisy 4k60.mp4'));
  make('-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30000/1001:duration=5', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=5',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', join(dir, 'ntsc.mp4'));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cuts inside each platform’s published bounds', () => {
  it('pads a still picture up to TikTok’s 516 kbit/s floor, and keeps every preset inside its bounds', async () => {
    const { job, presets, refused } = await cutToEveryPreset('still.mp4', 5);
    expect(refused).toEqual([]);
    expectInsideBounds(job, presets, '25/1', true);
    const tiktok = job.outputs.find((o) => o.presetId === 'tiktok')!;
    expect(tiktok.checks.find((c) => c.startsWith('video '))).toMatch(/^video \d{3},?\d* kbit\/s$/);
  }, 240_000);

  it('keeps a noisy 4K60 clip under every ceiling on average, even over two seconds', async () => {
    const { job, presets, refused } = await cutToEveryPreset('noisy 4k60.mp4', 2);
    // Two seconds is shorter than Reels (3 s) and TikTok ads (5 s) take: the plan refuses those before cutting.
    expect(refused.map((p) => p.id)).toEqual(['instagram-reels', 'tiktok-spark-ad']);
    expectInsideBounds(job, presets, '60/1', true);
    // YouTube allows 12 Mbps at 60 fps, and noise uses much of it.
    const youtube = probe(store.pathOf(job.outputs.find((o) => o.presetId === 'landscape-16x9')!.file!.sha256));
    expect(youtube.videoKbps).toBeGreaterThan(8_000);
  }, 300_000);

  it('keeps 29.97 fps exact (30000/1001) in every cut', async () => {
    const { job, presets } = await cutToEveryPreset('ntsc.mp4', 5);
    expectInsideBounds(job, presets, '30000/1001', true);
    expect(job.outputs[0].checks).toContain('30000/1001 fps');
  }, 240_000);
});

describe('reading the GOP from packets', () => {
  it('tells B-frames, key-frame distance and open GOPs apart', () => {
    // Decoding order I P B B P B B I P B B, shown 0..10: closed, 2 B-frames in a row, key frames 7 apart.
    const pts = [0, 3, 1, 2, 6, 4, 5, 7, 10, 8, 9];
    const closed = analysePackets(pts.map((p, i) => ({ pts: p, size: 10, key: i === 0 || i === 7 })));
    expect(closed).toEqual({ closedGop: true, maxConsecutiveBFrames: 2, maxKeyframeGap: 7 });
    // An open GOP: B-frames decoded after the second key frame are shown before it.
    const open = [0, 3, 1, 2, 6, 4, 5, 9, 7, 8];
    expect(analysePackets(open.map((p, i) => ({ pts: p, size: 10, key: i === 0 || i === 7 }))).closedGop).toBe(false);
  });
});
