import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostError } from '../../src/shared/api/errors';
import { checkMediaTools, resolveTool } from '../../src/main/services/media-tools';
import { probeMedia } from '../../src/main/services/media-probe';

// Real ffmpeg from the system (Debian's /usr/bin), found the way the app finds it.
const systemFfmpeg = resolveTool('ffmpeg', { ffmpegStaticPath: null, env: { PATH: process.env.PATH } });
const ffmpeg = systemFfmpeg.path!;
const ffprobe = resolveTool('ffprobe', { ffmpegStaticPath: null, env: { PATH: process.env.PATH } }).path!;

let dir: string;
const file = (name: string) => join(dir, name);
const make = (...args: string[]) => execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args]);

beforeAll(() => {
  expect(ffmpeg, 'these tests need ffmpeg installed (apt-get install ffmpeg)').toBeTruthy();
  expect(ffprobe, 'these tests need ffprobe installed (apt-get install ffmpeg)').toBeTruthy();
  dir = mkdtempSync(join(tmpdir(), 'fanfare-media-'));
  make('-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1',
    '-t', '1', '-pix_fmt', 'yuv420p', '-shortest', file('clip.mp4'));
  // How phones store portrait video: landscape pixels plus a rotation flag.
  make('-i', file('clip.mp4'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90', file('portrait.mp4'));
  make('-f', 'lavfi', '-i', 'color=c=red:size=64x48', '-frames:v', '1', file('still.png'));
  make('-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', file('tone.m4a'));
  writeFileSync(file('notes.txt'), 'Campaign brief: summer launch, 3 creators, 2 reels each.\n');
  writeFileSync(file('empty.mp4'), '');
  mkdirSync(file('folder'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('finding ffmpeg', () => {
  it('prefers FFMPEG_PATH, and finds ffprobe next to it', () => {
    const env = { FFMPEG_PATH: ffmpeg, PATH: '' };
    expect(resolveTool('ffmpeg', { env, ffmpegStaticPath: null })).toMatchObject({ path: ffmpeg, source: 'FFMPEG_PATH', problem: null });
    expect(resolveTool('ffprobe', { env, ffmpegStaticPath: null })).toMatchObject({ source: 'FFMPEG_PATH', problem: null });
  });

  it('uses ffmpeg-static before PATH when its binary exists', () => {
    const staticDir = join(dir, 'static');
    mkdirSync(staticDir, { recursive: true });
    copyFileSync(ffmpeg, join(staticDir, 'ffmpeg'));
    const found = resolveTool('ffmpeg', { env: { PATH: process.env.PATH }, ffmpegStaticPath: join(staticDir, 'ffmpeg') });
    expect(found).toMatchObject({ path: join(staticDir, 'ffmpeg'), source: 'ffmpeg-static' });
  });

  it('falls back to PATH when ffmpeg-static is installed without its binary (offline install)', () => {
    const found = resolveTool('ffmpeg', { env: { PATH: process.env.PATH }, ffmpegStaticPath: join(dir, 'missing', 'ffmpeg') });
    expect(found).toMatchObject({ path: ffmpeg, source: 'PATH' });
  });

  it('explains a wrong FFMPEG_PATH instead of silently using another ffmpeg', async () => {
    const env = { FFMPEG_PATH: '/nowhere/ffmpeg', PATH: process.env.PATH };
    const found = resolveTool('ffmpeg', { env, ffmpegStaticPath: null });
    expect(found.path).toBeNull();
    expect(found.problem).toContain('FFMPEG_PATH');
    expect(found.problem).toContain('/nowhere/ffmpeg');
    const report = await checkMediaTools({ env, ffmpegStaticPath: null });
    expect(report.tools[0]).toMatchObject({ name: 'ffmpeg', available: false, source: 'FFMPEG_PATH' });
  });

  it('says plainly when ffmpeg is not installed at all', () => {
    const found = resolveTool('ffmpeg', { env: { PATH: join(dir, 'folder') }, ffmpegStaticPath: null });
    expect(found).toMatchObject({ path: null, source: null });
    expect(found.problem).toMatch(/not installed/);
  });

  it('checks both tools for real and reports their versions, with progress', async () => {
    const messages: string[] = [];
    const report = await checkMediaTools({ env: { PATH: process.env.PATH }, ffmpegStaticPath: null, onProgress: (p) => messages.push(p.message) });
    for (const tool of report.tools) {
      expect(tool).toMatchObject({ available: true, source: 'PATH', problem: null });
      expect(tool.version).toBeTruthy();
    }
    expect(messages.slice(0, 2)).toEqual(['Checking ffmpeg…', 'Checking ffprobe…']);
  });
});

describe('probing media', () => {
  const tools = { env: { PATH: process.env.PATH }, ffmpegStaticPath: null };

  it('reads a real video', async () => {
    const result = await probeMedia(file('clip.mp4'), tools);
    expect(result).toMatchObject({ kind: 'video', width: 320, height: 240, videoCodec: 'h264', audioCodec: 'aac' });
    expect(result.durationSeconds).toBeCloseTo(1, 1);
    expect(result.sizeBytes).toBeGreaterThan(0);
  });

  it('reports portrait phone video as people see it', async () => {
    expect(await probeMedia(file('portrait.mp4'), tools)).toMatchObject({ width: 240, height: 320 });
  });

  it('reads an image and an audio file', async () => {
    expect(await probeMedia(file('still.png'), tools)).toMatchObject({ kind: 'image', width: 64, height: 48, durationSeconds: null });
    expect(await probeMedia(file('tone.m4a'), tools)).toMatchObject({ kind: 'audio', width: null, videoCodec: null });
  });

  it('works with ffmpeg alone when ffprobe is missing (as in packaged builds)', async () => {
    const onlyFfmpeg = join(dir, 'only-ffmpeg');
    mkdirSync(onlyFfmpeg, { recursive: true });
    symlinkSync(ffmpeg, join(onlyFfmpeg, 'ffmpeg'));
    const env = { PATH: onlyFfmpeg };
    expect(resolveTool('ffprobe', { env, ffmpegStaticPath: null }).path).toBeNull();
    const video = await probeMedia(file('portrait.mp4'), { env, ffmpegStaticPath: null });
    expect(video).toMatchObject({ kind: 'video', width: 240, height: 320, videoCodec: 'h264', audioCodec: 'aac' });
    expect(video.durationSeconds).toBeCloseTo(1, 1);
    expect(await probeMedia(file('still.png'), { env, ffmpegStaticPath: null })).toMatchObject({ kind: 'image', width: 64, height: 48 });
    await expect(probeMedia(file('notes.txt'), { env, ffmpegStaticPath: null })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it.each([
    ['a text file', 'notes.txt', /not a video or image/],
    ['an empty file', 'empty.mp4', /not a video or image/],
    ['a folder', 'folder', /folder/],
    ['a missing file', 'gone.mp4', /cannot find this file/],
  ])('gives a readable error for %s', async (_label, name, message) => {
    const error = await probeMedia(file(name), tools).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('invalid-input');
    expect((error as HostError).message).toMatch(message);
    expect((error as HostError).fields?.path).toMatch(message);
  });

  it('says ffmpeg is missing rather than blaming the file', async () => {
    const error = await probeMedia(file('clip.mp4'), { env: { PATH: '' }, ffmpegStaticPath: null }).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'not-available' });
    expect((error as HostError).message).toMatch(/ffmpeg is not installed/);
  });
});
