import { createReadStream } from 'node:fs';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CutQueue, type CutJobInput } from '../../../../src/main/services/cut-jobs/cut-queue';
import { isFastStart, probeDetails } from '../../../../src/main/services/cut-jobs/probe-details';
import { MediaStore } from '../../../../src/main/services/media-store/media-store';
import { builtInPresets, channelPresetFields, type ChannelPreset } from '../../../../src/shared/media/channel-presets';
import { makeFixtures } from './fixtures';

let fx: Awaited<ReturnType<typeof makeFixtures>>;
let root: string;
let store: MediaStore;
let queue: CutQueue;

// Small custom presets keep the encode quick; one test uses a real built-in preset at full size.
const small = (id: string, width: number, height: number, extra: Partial<ChannelPreset> = {}) =>
  channelPresetFields.parse({ id, name: id, channel: id, width, height, maxDurationSeconds: 60, maxVideoKbps: 1000, maxFileBytes: 50e6, ...extra });
const tall = small('tall', 90, 160);
const square = small('square', 120, 120);
const wide = small('wide', 160, 90);

async function add(name: string): Promise<string> {
  return (await store.write(createReadStream(fx.file(name)))).sha256;
}

function job(sha: string, fileName: string, outputs: Partial<CutJobInput['outputs'][number]>[], range: Partial<CutJobInput> = {}): CutJobInput {
  return {
    workspaceId: 'ws-a', sourceSha256: sha, sourceFileName: fileName, sourceAssetId: 'asset-1', inSeconds: 0, outSeconds: null,
    outputs: outputs.map((o) => ({ preset: tall, fit: 'crop', focusX: 0.5, focusY: 0.5, keepAudio: true, ...o })), ...range,
  };
}

async function finished(id: string) {
  await queue.whenIdle();
  return queue.snapshot().jobs.find((j) => j.id === id)!;
}

beforeAll(async () => {
  fx = await makeFixtures();
  root = mkdtempSync(join(tmpdir(), 'fanfare-queue-'));
  store = new MediaStore(join(root, 'media'));
  queue = new CutQueue({ store, workDir: join(root, 'cuts'), concurrency: 2, x264Preset: 'superfast' });
});

afterAll(() => {
  fx.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('cutting one source to many channels', () => {
  it('makes every output, checks it with ffprobe and keeps it in the media store', async () => {
    const name = 'landscape clip "quoted" 夏.mp4';
    const sha = await add(name);
    const started = queue.start(job(sha, name, [
      { preset: tall, fit: 'crop', focusX: 0.8 },
      { preset: square, fit: 'blur', keepAudio: false },
      { preset: wide },
    ], { inSeconds: 0.4, outSeconds: 1.6 }));
    expect(['queued', 'running']).toContain(started.status);
    const done = await finished(started.id);
    expect(done.error).toBeNull();
    expect(done.status).toBe('done');
    expect(done.percent).toBe(100);
    expect(done.outputs.map((o) => o.status)).toEqual(['done', 'done', 'done']);
    expect(done.outputs[0].file).toMatchObject({ fileName: 'landscape clip "quoted" 夏_tall.mp4', kind: 'video', width: 90, height: 160, videoCodec: 'h264', audioCodec: 'aac' });
    expect(done.outputs[0].checks).toEqual(expect.arrayContaining(['90×160', 'H.264 High', 'yuv420p', expect.stringMatching(/^AAC-LC 48 kHz stereo/), 'fast start']));
    expect(done.outputs[1].checks).toContain('no sound');

    // Read back independently of the queue's own check.
    for (const [i, out] of done.outputs.entries()) {
      const path = store.pathOf(out.file!.sha256);
      const d = await probeDetails(path);
      expect(d.video).toMatchObject({ codec: 'h264', profile: 'High', pixelFormat: 'yuv420p', width: [90, 120, 160][i], height: [160, 120, 90][i] });
      expect(Math.abs((d.video!.durationSeconds ?? 0) - 1.2)).toBeLessThanOrEqual(1 / 25 + 0.002);
      expect(await isFastStart(path)).toBe(true);
      expect(d.audio === null).toBe(i === 1);
      if (d.audio) expect(d.audio).toMatchObject({ codec: 'aac', sampleRate: 48000 });
    }
    // Nothing is left in the work folder.
    expect(readdirSync(join(root, 'cuts'))).toEqual([]);
  });

  it('cuts a portrait source without sound, and a variable-frame-rate one, to constant frame rate', async () => {
    const portrait = queue.start(job(await add('portrait-silent.mp4'), 'portrait-silent.mp4', [{ preset: wide, fit: 'blur' }, { preset: tall }]));
    const vfr = queue.start(job(await add('vfr.mp4'), 'vfr.mp4', [{ preset: square }]));
    const [p, v] = [await finished(portrait.id), await finished(vfr.id)];
    expect(p.outputs.map((o) => o.problem ?? p.error)).toEqual([null, null]);
    expect(p.status).toBe('done');
    expect(p.outputs.every((o) => o.status === 'done' && o.file?.audioCodec === '')).toBe(true);
    expect(v.error).toBeNull();
    expect(v.status).toBe('done');
  });

  it('uses the real Instagram Stories preset at 1080×1920', async () => {
    const sha = await add('landscape clip "quoted" 夏.mp4');
    const reels = builtInPresets.find((p) => p.id === 'instagram-stories')!;
    const done = await finished(queue.start(job(sha, 'clip.mp4', [{ preset: reels }], { inSeconds: 0, outSeconds: 0.5 })).id);
    expect(done.outputs[0].problem ?? done.error).toBeNull();
    expect(done.status).toBe('done');
    expect(done.outputs[0].checks).toEqual(expect.arrayContaining(['1080×1920', 'H.264 High', 'yuv420p', expect.stringMatching(/^AAC-LC 48 kHz stereo/), 'fast start']));
  });

  it('crops photos with sharp for the same presets', async () => {
    const sha = await add('photo Ünïcode.jpg');
    const done = await finished(queue.start(job(sha, 'photo Ünïcode.jpg', [{ preset: tall, focusX: 0.9, focusY: 0.2 }, { preset: wide, fit: 'blur' }])).id);
    expect(done.kind).toBe('image');
    expect(done.status).toBe('done');
    expect(done.outputs[0].file).toMatchObject({ fileName: 'photo Ünïcode_tall.jpg', width: 90, height: 160, mimeType: 'image/jpeg' });
    const meta = await sharp(store.pathOf(done.outputs[1].file!.sha256)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 160, 90]);
    // The crop followed the focal point: the red square (top right of the photo) is in the tall crop.
    const { data, info } = await sharp(store.pathOf(done.outputs[0].file!.sha256)).raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < data.length; i += info.channels) if (data[i] > 200 && data[i + 2] < 80) red++;
    expect(red).toBeGreaterThan(50);
  });
});

describe('bad input fails the job, never the app', () => {
  it('says a text file renamed .mp4 is not a video', async () => {
    const done = await finished(queue.start(job(await add('notes.mp4'), 'notes.mp4', [{ preset: tall }])).id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/not a video/);
    expect(done.outputs[0]).toMatchObject({ status: 'failed', file: null });
  });

  it('says a truncated file is damaged or not readable', async () => {
    const done = await finished(queue.start(job(await add('truncated.mp4'), 'truncated.mp4', [{ preset: tall }])).id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/not a video|damaged/);
  });

  it('fails a copy that was cut off after its index: it opens, but the cut comes out short', async () => {
    const done = await finished(queue.start(job(await add('truncated-faststart.mp4'), 'truncated-faststart.mp4', [{ preset: tall }])).id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/damaged/);
    expect(done.outputs[0].file).toBeNull();
  });

  it('refuses a cut longer than the channel allows, in words', async () => {
    const short = small('short', 90, 160, { maxDurationSeconds: 1 });
    const done = await finished(queue.start(job(await add('landscape clip "quoted" 夏.mp4'), 'a.mp4', [{ preset: short }])).id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/takes videos up to 1 seconds/);
  });
});

/** Bytes in every file below `dir` (0 when it does not exist yet). */
function bytesUnder(dir: string): number {
  let total = 0;
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
    }
  } catch {
    return 0;
  }
  return total;
}

describe('the queue', () => {
  it('cancels a running job: ffmpeg is killed and its half-written files removed', async () => {
    const slow = small('slow', 1080, 1920);
    const sha = await add('landscape clip "quoted" 夏.mp4');
    const slowQueue = new CutQueue({ store, workDir: join(root, 'cuts-cancel'), concurrency: 1, x264Preset: 'veryslow' });
    const started = slowQueue.start(job(sha, 'a.mp4', [{ preset: slow }, { preset: slow, fit: 'blur' }]));
    const queued = slowQueue.start(job(sha, 'b.mp4', [{ preset: tall }]));
    // Wait until ffmpeg is really writing.
    for (let v = -1; slowQueue.snapshot().jobs[0].status !== 'running';) v = (await slowQueue.list({ afterVersion: v, waitMs: 2000 })).version;
    // Its first bytes on disk say so, where a fixed sleep only hoped.
    await expect.poll(() => bytesUnder(join(root, 'cuts-cancel')), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(slowQueue.cancel(queued.id)?.status).toBe('cancelled');
    slowQueue.cancel(started.id);
    await slowQueue.whenIdle();
    const [a, b] = slowQueue.snapshot().jobs;
    expect(a.status).toBe('cancelled');
    expect(b.status).toBe('cancelled');
    // A cancelled output did not fail: it reads "Cancelled", running or still waiting when it was stopped.
    for (const out of [...a.outputs, ...b.outputs]) expect(out).toMatchObject({ status: 'cancelled', problem: 'Cancelled.', file: null });
    expect(readdirSync(join(root, 'cuts-cancel'))).toEqual([]);
  });

  it('tells a waiting reader about changes as they happen, and clears finished jobs', async () => {
    const before = queue.snapshot().version;
    const waiting = queue.list({ afterVersion: before, waitMs: 5000 });
    queue.start(job(await add('portrait-silent.mp4'), 'p.mp4', [{ preset: square }]));
    expect((await waiting).version).toBeGreaterThan(before);
    await queue.whenIdle();
    expect(queue.clear().jobs).toEqual([]);
  });
});

describe('each workspace has its own queue', () => {
  it('lists, wakes, cancels and clears only the jobs of the workspace that asks', async () => {
    const sha = await add('portrait-silent.mp4');
    const rooms = new CutQueue({ store, workDir: join(root, 'cuts-rooms'), concurrency: 1, x264Preset: 'superfast' });
    const b0 = rooms.snapshot('ws-b').version;
    // B waits for news; A's whole job, start to finish, must not wake it.
    const bWaiting = rooms.list({ workspaceId: 'ws-b', afterVersion: b0, waitMs: 60_000 });
    let bWoke = false;
    void bWaiting.then(() => (bWoke = true));
    const a = rooms.start(job(sha, 'a.mp4', [{ preset: square }]));
    expect(a.workspaceId).toBe('ws-a');
    await rooms.whenIdle();
    await new Promise((r) => setImmediate(r));
    expect(bWoke).toBe(false);
    expect(rooms.snapshot('ws-b')).toEqual({ version: b0, jobs: [] });
    expect(rooms.snapshot('ws-a').jobs.map((j) => [j.id, j.status, j.workspaceId])).toEqual([[a.id, 'done', 'ws-a']]);

    // B's own job wakes B, and B sees only that one.
    const b = rooms.start({ ...job(sha, 'b.mp4', [{ preset: square }]), workspaceId: 'ws-b' });
    const woke = await bWaiting;
    expect(woke.jobs.map((j) => j.id)).toEqual([b.id]);
    // B cannot cancel or clear A's job.
    expect(rooms.cancel(a.id, 'ws-b')).toBeNull();
    await rooms.whenIdle();
    expect(rooms.clear('ws-b').jobs).toEqual([]);
    expect(rooms.snapshot('ws-a').jobs.map((j) => j.id)).toEqual([a.id]);
    expect(rooms.snapshot().jobs).toHaveLength(1);
  });

  it('keeps finished jobs across a restart until their workspace clears them, so their outputs can still be filed', async () => {
    const journal = join(root, 'journal', 'cut-jobs.json');
    const first = new CutQueue({ store, workDir: join(root, 'cuts-journal'), journal, concurrency: 1, x264Preset: 'superfast' });
    const sha = await add('portrait-silent.mp4');
    const a = first.start(job(sha, 'a.mp4', [{ preset: square }]));
    first.start({ ...job(await add('notes.mp4'), 'notes.mp4', [{ preset: square }]), workspaceId: 'ws-b' });
    await first.whenIdle();
    await first.whenSaved();
    const done = first.snapshot('ws-a').jobs[0];
    expect(done.outputs[0].file).not.toBeNull();

    // The app restarts: A's finished job is there with its output; B's failed one is not kept.
    const second = new CutQueue({ store, workDir: join(root, 'cuts-journal'), journal, concurrency: 1 });
    expect(second.snapshot('ws-a').jobs).toEqual([done]);
    expect(second.snapshot('ws-b').jobs).toEqual([]);
    expect(second.cancel(a.id, 'ws-b')).toBeNull();
    // Filed by A (not by B), and still marked filed after another restart.
    expect(second.markFiled(a.id, 'ws-b')).toBeNull();
    expect(second.markFiled(a.id, 'ws-a')?.filed).toBe(true);
    await second.whenSaved();
    const third = new CutQueue({ store, workDir: join(root, 'cuts-journal'), journal, concurrency: 1 });
    expect(third.snapshot('ws-a').jobs.map((j) => j.filed)).toEqual([true]);
    second.clear('ws-a');
    await second.whenSaved();
    expect(new CutQueue({ store, workDir: join(root, 'cuts-journal'), journal }).snapshot().jobs).toEqual([]);
  });
});
