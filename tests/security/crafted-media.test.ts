import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncServer, type SyncServer } from '../../sync-server/server';
import { createHostHandlers, createInProcessHost } from '../../src/main/handlers';
import { isStillImage } from '../../src/main/services/cut-jobs/still-image';
import { probeDetails } from '../../src/main/services/cut-jobs/probe-details';
import { whyUnreadable } from '../../src/main/services/cut-jobs/readable-check';
import { FfmpegRunError, runFfmpeg } from '../../src/main/services/cut-jobs/run-ffmpeg';
import { grabFrame } from '../../src/main/services/library/media-frames';
import { INPUT_DEMUXERS, openImage, sniffIndirection, withInputAllowLists } from '../../src/main/services/media-input';
import { probeMedia } from '../../src/main/services/media-probe';
import { MediaStore } from '../../src/main/services/media-store/media-store';
import { downloadMedia, uploadMedia } from '../../src/main/services/media-store/transfer-media';
import { resolveTool } from '../../src/main/services/media-tools';
import type { HostApi, MediaFile } from '../../src/shared/api/contract';
import type { CutJobView } from '../../src/shared/media/library-contract';
import { channelPresetFields } from '../../src/shared/media/channel-presets';

/**
 * A "video" that is really an HLS playlist (or an ffmpeg concat list) makes
 * ffmpeg open the files it names: a private video elsewhere on the disk, or
 * another file in the media store. The secret here is solid magenta, so a
 * leak shows as magenta pixels in a thumbnail, a frame or a cut.
 */

const ffmpeg = resolveTool('ffmpeg', { ffmpegStaticPath: null }).path!;
const run = (...args: string[]) => execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const PLAYLIST_MESSAGE = /is a playlist that points at other files, not a video or photo\. Fanfare only opens video, sound and photo files\./;

let dir: string;
let secretVideo: string;
let playlist: Buffer;
const cleanups: (() => unknown)[] = [];

/** Share of pixels that are the secret's magenta. */
async function magentaShare(image: Buffer | string): Promise<number> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let hits = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i] > 200 && data[i + 1] < 70 && data[i + 2] > 200) hits++;
  return hits / (info.width * info.height);
}
const fromDataUrl = (url: string) => Buffer.from(url.split(',')[1], 'base64');

function files(under: string): string[] {
  try {
    return readdirSync(under, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/** A laptop: its own media store and the host API as the page calls it. */
function laptop() {
  const root = mkdtempSync(join(tmpdir(), 'fanfare-crafted-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const store = new MediaStore(join(root, 'media'));
  const handlers = createHostHandlers({ mediaStore: store });
  return { root, store, host: createInProcessHost(handlers), library: join(root, 'library') };
}

async function upload(host: HostApi, fileName: string, bytes: Buffer): Promise<MediaFile> {
  const uploadId = `up${Math.random().toString(36).slice(2, 12)}`;
  await host['library-upload-chunk']({ uploadId, offset: 0, data: bytes.toString('base64') });
  return host['library-upload-finish']({ uploadId, fileName, sizeBytes: bytes.length });
}

const preset = channelPresetFields.parse({ id: 'tall', name: 'tall', channel: 'tall', width: 90, height: 160, maxDurationSeconds: 60, maxVideoKbps: 1000, maxFileBytes: 50e6 });

async function cut(host: HostApi, sha256: string, fileName: string): Promise<CutJobView> {
  const started = await host['cut-jobs-start']({
    workspaceId: 'ws-crafted', sourceSha256: sha256, sourceFileName: fileName, sourceAssetId: 'asset-1', inSeconds: 0, outSeconds: null,
    outputs: [{ preset, fit: 'crop', focusX: 0.5, focusY: 0.5, keepAudio: false }],
  });
  let afterVersion = -1;
  for (let i = 0; i < 200; i++) {
    const { version, jobs } = await host['cut-jobs-list']({ workspaceId: 'ws-crafted', afterVersion, waitMs: 1000 });
    afterVersion = version;
    const job = jobs.find((j) => j.id === started.id)!;
    if (job.status !== 'queued' && job.status !== 'running') return job;
  }
  throw new Error('The cut did not finish');
}

/** Every way the Library reads a file, each refusing with the message and leaving no picture behind. */
async function expectEveryToolRefuses(laptopUnderTest: ReturnType<typeof laptop>, sha256: string, fileName: string, message: RegExp) {
  const { host, library } = laptopUnderTest;
  await expect(host['library-thumbnail']({ sha256, size: 'large' })).rejects.toThrow(message);
  await expect(host['library-frames']({ sha256, count: 4 })).rejects.toThrow(message);
  await expect(host['library-suggest-focus']({ sha256, atSeconds: [] })).rejects.toThrow(message);
  const job = await cut(host, sha256, fileName);
  expect(job.status).toBe('failed');
  expect(job.error).toMatch(message);
  expect(job.error).toContain(`“${fileName}”`);
  expect(job.outputs.every((o) => o.file === null)).toBe(true);
  // Nothing was made from it: no thumbnail, no frames, no cut.
  const made = files(library).filter((f) => /\.(jpg|json|mp4)$/.test(f) && !f.endsWith('cut-jobs.json'));
  for (const f of made.filter((m) => m.endsWith('.jpg'))) expect(await magentaShare(f)).toBeLessThan(0.01);
  expect(made.filter((f) => f.includes(sha256))).toEqual([]);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-secret-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  // Somebody's private video, elsewhere on this computer.
  secretVideo = join(dir, 'private', 'secret.mp4');
  mkdirSync(join(dir, 'private'));
  run('-f', 'lavfi', '-i', 'color=c=0xff00ff:s=320x240:r=25:d=3', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', secretVideo);
  // 122 bytes or so: all it takes.
  playlist = Buffer.from(`#EXTM3U\n#EXT-X-TARGETDURATION:3\n#EXTINF:3,\n${secretVideo}\n#EXT-X-ENDLIST\n`);
  run('-f', 'lavfi', '-i', 'color=c=0xff00ff:s=64x64', '-frames:v', '1', join(dir, 'private', 'secret.png'));
});

afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('the tools themselves read no file a crafted input names (the allow-lists, below any sniffing)', () => {
  it('ffprobe, ffmpeg’s frame grab and the cutter refuse an HLS playlist, and no secret pixel comes out', async () => {
    const path = join(dir, 'holiday.mp4');
    writeFileSync(path, playlist);
    await expect(probeDetails(path, { fileName: 'holiday.mp4' })).rejects.toThrow(PLAYLIST_MESSAGE);
    const frame = await grabFrame(ffmpeg, path, 1, 120).catch((e: Error) => e);
    if (Buffer.isBuffer(frame)) expect(await magentaShare(frame), 'the secret video’s picture came out').toBe(0);
    expect(frame).toBeInstanceOf(Error);
    expect((frame as Error).message).toMatch(/playlist that points at other files/);
    const out = join(dir, 'cut-out.mp4');
    const cutError = await runFfmpeg(ffmpeg, ['-hide_banner', '-nostdin', '-y', '-i', path, '-frames:v', '5', '-c:v', 'libx264', '-preset', 'ultrafast', out]).catch((e: unknown) => e);
    expect(cutError).toBeInstanceOf(FfmpegRunError);
    expect((cutError as FfmpegRunError).stderr).toMatch(/not on whitelist/);
    expect(files(dir).filter((f) => f === out)).toEqual([]);
  });

  it('refuses an ffconcat list that joins another file of the media store (its name ground to share the folder)', async () => {
    const { store } = laptop();
    const secret = await store.write(createReadStream(secretVideo));
    // The store files a blob under the first two hex digits of its hash; a list made to land beside it names it by its bare hash.
    let list = Buffer.alloc(0);
    for (let n = 0; n < 100_000; n++) {
      list = Buffer.from(`ffconcat version 1.0\n# ${n}\nfile '${secret.sha256}'\n`);
      if (sha256Of(list).slice(0, 2) === secret.sha256.slice(0, 2)) break;
    }
    const listSha = sha256Of(list);
    const placed = join(store.root, listSha.slice(0, 2), listSha);
    writeFileSync(placed, list);
    await expect(probeDetails(placed, { fileName: 'clip.mp4' })).rejects.toThrow(/“clip\.mp4” is a list of other files to join, not a video or photo/);
    const frame = await grabFrame(ffmpeg, placed, 0.5, 120).catch((e: Error) => e);
    if (Buffer.isBuffer(frame)) expect(await magentaShare(frame), 'the other store file’s picture came out').toBe(0);
    expect(frame).toBeInstanceOf(Error);
    expect(await whyUnreadable(placed)).toMatch(/^it is a list of other files to join, not a video or photo/);
  });

  it('puts both allow-lists before every input, and names only demuxers this ffmpeg has', () => {
    const args = withInputAllowLists(['-y', '-i', 'a.mp4', '-i', 'b.wav', 'out.mp4']);
    expect(args.filter((a) => a === '-protocol_whitelist')).toHaveLength(2);
    expect(args.indexOf('-format_whitelist')).toBeLessThan(args.indexOf('a.mp4'));
    expect(args[args.indexOf('-protocol_whitelist') + 1]).toBe('file,pipe');
    expect(args.slice(-1)).toEqual(['out.mp4']);
    // A misspelt name would refuse real media without a word; each must be a demuxer ffmpeg lists.
    const listed = execFileSync(ffmpeg, ['-hide_banner', '-demuxers'], { encoding: 'utf8' });
    const names = new Set(listed.split('\n').flatMap((line) => /^\s*D\S*\s+(\S+)/.exec(line)?.[1].split(',') ?? []));
    for (const name of INPUT_DEMUXERS) expect(names.has(name), name).toBe(true);
    for (const name of ['hls', 'concat', 'image2', 'sdp', 'rtp', 'lavfi', 'svg_pipe', 'dash', 'tee', 'data']) expect(INPUT_DEMUXERS as readonly string[]).not.toContain(name);
  });

  it('probing a playlist for the Library names what it is, whichever way it is asked', async () => {
    const path = join(dir, 'probe-me.mp4');
    writeFileSync(path, playlist);
    await expect(probeMedia(path)).rejects.toThrow(PLAYLIST_MESSAGE);
    expect(await whyUnreadable(path)).toMatch(/^it is a playlist that points at other files/);
    expect(sniffIndirection(Buffer.from('\ufeff  #EXTM3U\n'))).toMatch(/playlist/);
    expect(sniffIndirection(Buffer.from('v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\n'))).toMatch(/network stream/);
    expect(sniffIndirection(readFileSync(secretVideo))).toBeNull();
  });
});

describe('a crafted "video" added to the Library (as the page adds files: uploaded bytes)', () => {
  it('is flagged with the reason when it is added, and the thumbnail, frames, focus and a cut each refuse it', async () => {
    const me = laptop();
    const added = await upload(me.host, 'holiday.mp4', playlist);
    expect(added.unreadable).toMatch(/^it is a playlist that points at other files, not a video or photo\. Fanfare only opens video, sound and photo files$/);
    expect(added.width).toBeNull();
    await expectEveryToolRefuses(me, added.sha256, 'holiday.mp4', PLAYLIST_MESSAGE);
  });
});

describe('a crafted "video" that arrives from a teammate (media store download from the team server)', () => {
  let server: SyncServer;
  beforeAll(async () => {
    const data = mkdtempSync(join(tmpdir(), 'fanfare-crafted-sync-'));
    cleanups.push(() => rmSync(data, { recursive: true, force: true }));
    server = await createSyncServer({ port: 0, dataDir: data, log: () => undefined });
    cleanups.push(() => server.close());
  });

  it('downloads the bytes as they are, then the thumbnail, frames, focus and a cut refuse them with the same message', async () => {
    const issued = server.createWorkspace('Acme');
    const remote = { server: issued.server, workspaceId: issued.workspaceId, token: issued.token };
    // The teammate's laptop puts the playlist in its store and uploads it, as a synced asset would be.
    const sender = laptop();
    const path = join(dir, 'to-send.mp4');
    writeFileSync(path, playlist);
    const written = await sender.store.write(createReadStream(path));
    await uploadMedia(sender.store, remote, written.sha256, { fileName: 'holiday.mp4' });

    const me = laptop();
    const got = await downloadMedia(me.store, remote, written.sha256, { fileName: 'holiday.mp4' });
    expect(got).toMatchObject({ sha256: written.sha256, transferred: true });
    expect(readFileSync(me.store.pathOf(written.sha256)).equals(playlist)).toBe(true);
    await expectEveryToolRefuses(me, written.sha256, 'holiday.mp4', PLAYLIST_MESSAGE);
  });
});

describe('sharp opens only the photo formats the Library accepts', () => {
  it('an SVG that draws a local picture is not opened from its file, and says what it is', async () => {
    const me = laptop();
    const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="64">`
      + `<image href="file://${join(dir, 'private', 'secret.png')}" width="64" height="32"/><image xlink:href="secret.png" y="32" width="64" height="32"/></svg>`);
    const svgPath = join(dir, 'private', 'logo.svg');
    writeFileSync(svgPath, svg);
    // librsvg would draw both pictures from a file in the same folder; the file loader is blocked process-wide.
    await expect(sharp(svgPath).png().toBuffer()).rejects.toThrow(/unsupported image format/);
    expect(await openImage(svgPath)).toBeNull();
    expect(await isStillImage(svgPath)).toBe(false);
    // The app's own drawings (charts) are handed over as bytes, with no folder to read from: still drawn, nothing fetched.
    expect(await magentaShare(await sharp(svg).flatten({ background: '#fff' }).png().toBuffer())).toBe(0);

    const added = await upload(me.host, 'logo.svg', svg);
    expect(added.unreadable).toMatch(/^it is a drawing \(SVG\)/);
    const thumb = await me.host['library-thumbnail']({ sha256: added.sha256 }).catch((e: Error) => e);
    if (!(thumb instanceof Error) && thumb.dataUrl) expect(await magentaShare(fromDataUrl(thumb.dataUrl))).toBe(0);
    const job = await cut(me.host, added.sha256, 'logo.svg');
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/“logo\.svg” is a drawing \(SVG\)/);
  });
});

describe('real media still opens behind the allow-lists', () => {
  const videos: [string, string[]][] = [
    ['clip.mp4', ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p']],
    ['clip.mov', ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p']],
    ['clip.webm', ['-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8']],
    ['clip.mkv', ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p']],
  ];
  it.each(videos)('%s: probed, thumbnail, frames and a cut', async (name, codec) => {
    const me = laptop();
    const path = join(dir, name);
    run('-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25:duration=2', ...codec, path);
    const added = await upload(me.host, name, readFileSync(path));
    expect(added).toMatchObject({ kind: 'video', width: 160, height: 120, unreadable: null });
    const { dataUrl } = await me.host['library-thumbnail']({ sha256: added.sha256 });
    expect((await sharp(fromDataUrl(dataUrl!)).metadata()).width).toBe(160);
    expect((await me.host['library-frames']({ sha256: added.sha256, count: 2 })).frames).toHaveLength(2);
    const job = await cut(me.host, added.sha256, name);
    expect(job.status).toBe('done');
  });

  const photos: [string, (s: Sharp) => Sharp][] = [
    ['photo.jpg', (s) => s.jpeg()], ['photo.png', (s) => s.png()], ['photo.webp', (s) => s.webp()],
    ['photo.avif', (s) => s.avif()], ['photo.tif', (s) => s.tiff()], ['photo.gif', (s) => s.gif()],
  ];
  it.each(photos)('%s: size read, thumbnail made, a cut made', async (name, encode) => {
    const me = laptop();
    const bytes = await encode(sharp({ create: { width: 200, height: 100, channels: 3, background: '#3366aa' } })).toBuffer();
    const added = await upload(me.host, name, bytes);
    expect(added).toMatchObject({ kind: 'image', width: 200, height: 100, unreadable: null });
    const { dataUrl } = await me.host['library-thumbnail']({ sha256: added.sha256 });
    expect((await sharp(fromDataUrl(dataUrl!)).metadata()).width).toBe(200);
    expect((await cut(me.host, added.sha256, name)).status).toBe('done');
  });

  it('reads a photo’s format from its first bytes, not its name', async () => {
    const path = join(dir, 'really-a-png.jpg');
    writeFileSync(path, await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).png().toBuffer());
    expect(await (await openImage(path))!.metadata()).toMatchObject({ format: 'png' });
    writeFileSync(path, 'not a picture at all');
    expect(await openImage(path)).toBeNull();
  });
});
