import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostHandlers, createInProcessHost } from '../../../../src/main/handlers';
import { HostError } from '../../../../src/shared/api/errors';
import { cleanupAll, filesUnder, laptop, randomFile, recorder, sha256Of, tempDir } from './helpers';

afterEach(cleanupAll);

describe('media store (adding a file, media-status)', () => {
  it('copies a file under media/<ab>/<sha256>, leaves the original alone and describes it like an asset record', async () => {
    const { mediaDir, add } = laptop();
    const source = randomFile(tempDir(), 'Zoë brief deck.pdf', 300_000);
    const progress = recorder();

    const added = await add(source.path, progress);

    expect(added).toEqual({
      sha256: source.sha256, sizeBytes: 300_000, fileName: 'Zoë brief deck.pdf', mimeType: 'application/pdf', kind: 'document',
      width: null, height: null, durationSeconds: null, videoCodec: '', audioCodec: '',
    });
    const stored = join(mediaDir, source.sha256.slice(0, 2), source.sha256);
    expect(sha256Of(readFileSync(stored))).toBe(source.sha256);
    expect(readFileSync(source.path).equals(source.bytes)).toBe(true);
    expect(filesUnder(mediaDir)).toEqual([`${source.sha256.slice(0, 2)}/${source.sha256}`]);
    expect(progress.events.at(-1)).toEqual({ fraction: 1, message: 'Adding Zoë brief deck.pdf · 293 of 293 KB' });
  });

  it('keeps one copy of the same bytes added twice under different names', async () => {
    const { mediaDir, add } = laptop();
    const dir = tempDir();
    const a = randomFile(dir, 'clip.bin', 10_000);
    writeFileSync(join(dir, 'clip (copy).bin'), a.bytes);
    const first = await add(a.path);
    const second = await add(join(dir, 'clip (copy).bin'));
    expect(second.sha256).toBe(first.sha256);
    expect(second.fileName).toBe('clip (copy).bin');
    expect(filesUnder(mediaDir)).toEqual([`${a.sha256.slice(0, 2)}/${a.sha256}`]);
  });

  it('reads dimensions and length of real video and images with ffprobe', async () => {
    const { add } = laptop();
    const dir = tempDir();
    const ffmpeg = (...args: string[]) => execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
    ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-t', '1', '-pix_fmt', 'yuv420p', join(dir, 'clip.mp4'));
    ffmpeg('-f', 'lavfi', '-i', 'color=c=red:size=64x48', '-frames:v', '1', join(dir, 'still.png'));

    expect(await add(join(dir, 'clip.mp4'))).toMatchObject({
      kind: 'video', mimeType: 'video/mp4', width: 320, height: 240, durationSeconds: expect.closeTo(1, 1), videoCodec: 'h264',
    });
    expect(await add(join(dir, 'still.png'))).toMatchObject({ kind: 'image', mimeType: 'image/png', width: 64, height: 48 });
  });

  it('still adds a picture ffmpeg cannot read, without dimensions', async () => {
    const { add } = laptop();
    const file = randomFile(tempDir(), 'screenshot.heic', 2_000);
    expect(await add(file.path)).toMatchObject({ kind: 'image', mimeType: 'image/heic', width: null, height: null });
  });

  it('says which files are on this computer', async () => {
    const { host, add } = laptop();
    const here = randomFile(tempDir(), 'here.jpg', 1_000);
    await add(here.path);
    const elsewhere = sha256Of(Buffer.from('on a teammate’s laptop'));
    expect(await host['media-status']({ sha256s: [here.sha256, elsewhere, here.sha256] })).toEqual({ present: [here.sha256], missing: [elsewhere] });
    await expect(host['media-status']({ sha256s: ['nope'] })).rejects.toMatchObject({ code: 'invalid-input', fields: { 'sha256s.0': 'Not a file fingerprint (SHA-256)' } });
  });

  it('explains a missing file or a folder in plain words', async () => {
    const { add } = laptop();
    const dir = tempDir();
    await expect(add(join(dir, 'gone.mp4'))).rejects.toThrow('Fanfare cannot find this file. It may have been moved, renamed or deleted.');
    mkdirSync(join(dir, 'Summer shoot'));
    await expect(add(join(dir, 'Summer shoot'))).rejects.toThrow('This is a folder. Choose a file inside it.');
  });

  it('says so where the app keeps no media files', async () => {
    const host = createInProcessHost(createHostHandlers());
    await expect(host['media-status']({ sha256s: [] })).rejects.toThrow('Keeping media files is not available in this version of Fanfare.');
  });

  it('stops a cancelled copy and leaves no part file', async () => {
    const { mediaDir, add } = laptop();
    const big = randomFile(tempDir(), 'long take.mov', 24 * 1024 * 1024);
    const controller = new AbortController();
    const added = add(big.path, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(added).rejects.toMatchObject({ code: 'cancelled' });
    expect(filesUnder(mediaDir)).toEqual([]);
  });

  it('keeps only bytes that match the expected hash, and never a half file under a final name', async () => {
    const { store, mediaDir } = laptop();
    const bytes = Buffer.from('the real clip');
    const expected = sha256Of(Buffer.from('a different clip'));
    const write = store.write(Readable.from([bytes]), { expected });
    await expect(write).rejects.toBeInstanceOf(HostError);
    await expect(write).rejects.toMatchObject({ code: 'damaged', message: 'The file arrived damaged; try again.' });
    expect(filesUnder(mediaDir)).toEqual([]);

    // A source that fails halfway (a dropped connection) leaves nothing either.
    const failing = Readable.from((async function* () {
      yield Buffer.alloc(1000, 1);
      throw new Error('connection reset');
    })());
    await expect(store.write(failing)).rejects.toThrow('connection reset');
    expect(filesUnder(mediaDir)).toEqual([]);
  });

  it('clears part files a crash left behind a day ago, and only those', async () => {
    const { store, mediaDir } = laptop();
    mkdirSync(join(mediaDir, '.incoming'), { recursive: true });
    const old = join(mediaDir, '.incoming', 'from-a-crash');
    const recent = join(mediaDir, '.incoming', 'another-window-busy');
    writeFileSync(old, 'half');
    writeFileSync(recent, 'half');
    const dayAgo = (Date.now() - 25 * 60 * 60 * 1000) / 1000;
    utimesSync(old, dayAgo, dayAgo);
    await store.write(Readable.from([Buffer.from('new')]));
    expect(() => statSync(old)).toThrow();
    expect(statSync(recent).isFile()).toBe(true);
  });
});
