import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostHandlers, createInProcessHost } from '../../../../src/main/handlers';
import { MediaStore } from '../../../../src/main/services/media-store/media-store';
import type { HostApi } from '../../../../src/shared/api/contract';
import { makeFixtures } from '../cut-jobs/fixtures';

let fx: Awaited<ReturnType<typeof makeFixtures>>;
let root: string;
let host: HostApi;

async function upload(fileName: string, bytes: Buffer, chunk = 64 * 1024) {
  const uploadId = `up${Math.random().toString(36).slice(2, 12)}`;
  for (let offset = 0; offset < bytes.length; offset += chunk) {
    await host['library-upload-chunk']({ uploadId, offset, data: bytes.subarray(offset, offset + chunk).toString('base64') });
  }
  return host['library-upload-finish']({ uploadId, fileName, sizeBytes: bytes.length });
}

/** The desktop app adds files as bytes too: no call takes a path from the page. */
const uploadFixture = (name: string) => upload(name, readFileSync(fx.file(name)));

beforeAll(async () => {
  fx = await makeFixtures();
  root = mkdtempSync(join(tmpdir(), 'fanfare-library-'));
  host = createInProcessHost(createHostHandlers({ mediaStore: new MediaStore(join(root, 'media')) }));
});

afterAll(() => {
  fx.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('importing into the library', () => {
  it('takes a browser upload in pieces, keeps the original name, and reads its details', async () => {
    const name = 'landscape clip "quoted" 夏.mp4';
    const file = await upload(name, readFileSync(fx.file(name)));
    expect(file).toMatchObject({ fileName: name, kind: 'video', width: 320, height: 180, videoCodec: 'h264', audioCodec: 'aac' });
    expect(file.durationSeconds).toBeCloseTo(2, 0);
    // The same bytes under another name are the same file in the store.
    const again = await upload('renamed.mp4', readFileSync(fx.file(name)));
    expect(again.sha256).toBe(file.sha256);
  });

  it('refuses pieces out of order and an upload that did not all arrive', async () => {
    await host['library-upload-chunk']({ uploadId: 'partial-upload-1', offset: 0, data: Buffer.from('abc').toString('base64') });
    await expect(host['library-upload-chunk']({ uploadId: 'partial-upload-1', offset: 10, data: 'AAAA' })).rejects.toThrow(/out of order/);
    await expect(host['library-upload-finish']({ uploadId: 'partial-upload-1', fileName: 'x.mp4', sizeBytes: 99 })).rejects.toThrow(/Only part of “x.mp4” arrived/);
    await expect(host['library-upload-finish']({ uploadId: 'partial-upload-2', fileName: '../evil.mp4', sizeBytes: 1 })).rejects.toThrow(/cannot contain/);
  });

  it('adds a photo, with its size as people see it, and makes a thumbnail', async () => {
    const photo = await uploadFixture('photo Ünïcode.jpg');
    expect(photo).toMatchObject({ fileName: 'photo Ünïcode.jpg', kind: 'image', width: 400, height: 300, mimeType: 'image/jpeg' });
    const { dataUrl } = await host['library-thumbnail']({ sha256: photo.sha256 });
    const thumb = await sharp(Buffer.from(dataUrl!.split(',')[1], 'base64')).metadata();
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['jpeg', 360, 270]);
  });
});

describe('pictures of videos', () => {
  it('makes a poster frame, timeline frames and a focal-point suggestion', async () => {
    const video = await uploadFixture('landscape clip "quoted" 夏.mp4');
    const poster = await host['library-thumbnail']({ sha256: video.sha256, size: 'small' });
    expect((await sharp(Buffer.from(poster.dataUrl!.split(',')[1], 'base64')).metadata()).width).toBe(320);
    const { frames } = await host['library-frames']({ sha256: video.sha256, count: 4 });
    expect(frames.map((f) => f.atSeconds)).toEqual([0.25, 0.75, 1.25, 1.75]);
    // Frames are kept on disk: the second ask is answered from the cache.
    expect((await host['library-frames']({ sha256: video.sha256, count: 4 })).frames).toEqual(frames);
    const focus = await host['library-suggest-focus']({ sha256: video.sha256 });
    expect(focus.focusX).toBeGreaterThanOrEqual(0);
    expect(focus.focusX).toBeLessThanOrEqual(1);
  });

  it('suggests the focal point where the interesting part of a photo is', async () => {
    const photo = await uploadFixture('photo Ünïcode.jpg');
    const focus = await host['library-suggest-focus']({ sha256: photo.sha256 });
    // The red square sits at (350, 70) of 400×300.
    expect(focus.focusX).toBeGreaterThan(0.6);
  });

  it('has no thumbnail for a file that is not a picture, and no timeline for a photo', async () => {
    const text = await uploadFixture('notes.mp4');
    expect((await host['library-thumbnail']({ sha256: text.sha256 })).dataUrl).toBeNull();
    const photo = await uploadFixture('photo Ünïcode.jpg');
    await expect(host['library-frames']({ sha256: photo.sha256 })).rejects.toThrow(/not a video/);
  });
});

describe('export packs', () => {
  it('zips the chosen files under their export names, readable by unzip', async () => {
    const video = await uploadFixture('portrait-silent.mp4');
    const photo = await uploadFixture('photo Ünïcode.jpg');
    const names = ['Spring-launch_Zoë-Kim_TikTok_9x16.mp4', '夏_Анна_Feed_4x5.jpg'];
    const progress: string[] = [];
    const pack = await host['library-export']({ packName: 'Spring launch “final”', items: [{ sha256: video.sha256, name: names[0] }, { sha256: photo.sha256, name: names[1] }] },
      { onProgress: (p) => progress.push(p.message) });
    expect(pack).toMatchObject({ fileName: 'Spring launch “final”.zip', fileCount: 2 });
    expect(progress.at(-1)).toBe('Packing 2 of 2 files…');
    const parts: Buffer[] = [];
    for (let offset = 0; offset < pack.totalBytes;) {
      const piece = Buffer.from((await host['library-export-read']({ exportId: pack.exportId, offset, length: 100_000 })).data, 'base64');
      parts.push(piece);
      offset += piece.length;
    }
    const zip = join(root, 'pack.zip');
    writeFileSync(zip, Buffer.concat(parts));
    // unzip -t checks every CRC; Python's zipfile reads the names as UTF-8 only when the zip says they are.
    expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toContain('No errors detected');
    const listed = execFileSync('python3', ['-c', 'import json,sys,zipfile; print(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))', zip], { encoding: 'utf8' });
    expect(JSON.parse(listed)).toEqual(names);
    const first = execFileSync('python3', ['-c', 'import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))', zip, names[0]]);
    expect(first.equals(readFileSync(fx.file('portrait-silent.mp4')))).toBe(true);
  });

  it('says which file is not on this computer yet', async () => {
    await expect(host['library-export']({ packName: 'p', items: [{ sha256: 'f'.repeat(64), name: 'missing.mp4' }] })).rejects.toThrow(/“missing.mp4” is not on this computer yet/);
  });
});

describe('leftovers', () => {
  it('removes half uploads and half cuts older than a day, and keeps younger ones', async () => {
    const { sweepOlderThan } = await import('../../../../src/main/services/library/sweep');
    const { mkdirSync, utimesSync, existsSync } = await import('node:fs');
    const dir = join(root, 'sweep');
    mkdirSync(join(dir, 'old'), { recursive: true });
    mkdirSync(join(dir, 'new'), { recursive: true });
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    utimesSync(join(dir, 'old'), twoDaysAgo, twoDaysAgo);
    expect(await sweepOlderThan(dir, 86_400_000)).toBe(1);
    expect([existsSync(join(dir, 'old')), existsSync(join(dir, 'new'))]).toEqual([false, true]);
  });
});
