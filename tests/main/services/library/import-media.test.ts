import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMedia } from '../../../../src/main/services/library/import-media';
import { createLibraryHandlers } from '../../../../src/main/services/library/library-handlers';
import { MediaStore } from '../../../../src/main/services/media-store/media-store';
import { assetFields } from '../../../../src/shared/data/schemas/assets';
import { CHUNK_BYTES } from '../../../../src/shared/media/library-contract';
import { makeFixtures } from '../cut-jobs/fixtures';

let fx: Awaited<ReturnType<typeof makeFixtures>>;
let root: string;
let store: MediaStore;

beforeAll(async () => {
  fx = await makeFixtures();
  root = mkdtempSync(join(tmpdir(), 'fanfare-import-'));
  store = new MediaStore(join(root, 'media'));
});

afterAll(() => {
  fx.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('a file that cannot be read is flagged when it is added, with the reason', () => {
  it('says a file with a video’s name but other contents is not a video', async () => {
    const file = await importMedia(store, fx.file('notes.mp4'));
    expect(file.unreadable).toMatch(/^its contents are not a video or picture/);
    // Kept all the same: it may be the only copy, and the Library shows why it cannot be used.
    expect(file.sha256).toMatch(/^[a-f0-9]{64}$/);
  });

  it('says a copy cut off before its index arrived is incomplete', async () => {
    expect((await importMedia(store, fx.file('truncated.mp4'))).unreadable).toMatch(/incomplete: its index never arrived/);
  });

  it('reads a fast-start copy to its end, so one cut off after its index is caught too', async () => {
    expect((await importMedia(store, fx.file('truncated-faststart.mp4'))).unreadable).toMatch(/ends early|damaged/);
  });

  it('leaves a whole video and a photo unflagged', async () => {
    const video = await importMedia(store, fx.file('landscape clip "quoted" 夏.mp4'));
    expect(video).toMatchObject({ kind: 'video', width: 320, height: 180, unreadable: null });
    expect((await importMedia(store, fx.file('photo Ünïcode.jpg'))).unreadable).toBeNull();
  });

  it('hands the reason to the Library through the host, and the asset record keeps it', async () => {
    const handlers = createLibraryHandlers({ store });
    const ctx = { transport: 'in-process', progress: () => undefined, signal: new AbortController().signal } as never;
    const bytes = readFileSync(fx.file('truncated.mp4'));
    for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
      await handlers['library-upload-chunk']({ uploadId: 'truncated-upload', offset, data: bytes.subarray(offset, offset + CHUNK_BYTES).toString('base64') }, ctx);
    }
    const added = await handlers['library-upload-finish']({ uploadId: 'truncated-upload', fileName: 'truncated.mp4', sizeBytes: bytes.length }, ctx);
    const reason = (added as typeof added & { unreadable: string | null }).unreadable;
    expect(reason).toMatch(/cut off/);
    const record = assetFields.parse({ ...added, unreadable: reason });
    expect(record.unreadable).toBe(reason);
    // Records from before the check have no reason and stay valid.
    expect(assetFields.parse({ sha256: added.sha256, fileName: 'old.mp4', kind: 'video', sizeBytes: 1 }).unreadable).toBeNull();
  });
});
