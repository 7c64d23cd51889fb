import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { resolveTool } from '../../../../src/main/services/media-tools';

export const ffmpeg = resolveTool('ffmpeg', { ffmpegStaticPath: null }).path!;

/** Small media made at test time: low resolution, a second or two, so the suite stays quick on two cores. */
export async function makeFixtures() {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-cuts-'));
  const file = (name: string) => join(dir, name);
  const make = (...args: string[]) => execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
  const x264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
  make('-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=2', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2:sample_rate=44100',
    ...x264, '-c:a', 'aac', '-shortest', file('landscape clip "quoted" 夏.mp4'));
  make('-f', 'lavfi', '-i', 'testsrc2=size=180x320:rate=30:duration=1.5', ...x264, file('portrait-silent.mp4'));
  // Variable frame rate: frames dropped unevenly, timestamps kept.
  make('-f', 'lavfi', '-i', 'testsrc2=size=240x160:rate=30:duration=2', '-vf', "select='lt(mod(n\\,7)\\,4)'", '-fps_mode', 'vfr', ...x264, file('vfr.mp4'));
  const whole = readFileSync(file('landscape clip "quoted" 夏.mp4'));
  // Cut off while copying: the index (at the end, without fast start) never arrived.
  writeFileSync(file('truncated.mp4'), whole.subarray(0, Math.floor(whole.length / 2)));
  // Fast start puts the index first, so a cut-off copy still opens: it just ends early.
  make('-i', file('landscape clip "quoted" 夏.mp4'), '-c', 'copy', '-movflags', '+faststart', file('faststart.mp4'));
  const fast = readFileSync(file('faststart.mp4'));
  writeFileSync(file('truncated-faststart.mp4'), fast.subarray(0, Math.floor(fast.length * 0.6)));
  writeFileSync(file('notes.mp4'), 'This is the campaign brief, not a video.\n');
  await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3366aa' } })
    .composite([{ input: await sharp({ create: { width: 60, height: 60, channels: 3, background: '#ff3300' } }).png().toBuffer(), left: 320, top: 40 }])
    .jpeg().toFile(file('photo Ünïcode.jpg'));
  return { dir, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
