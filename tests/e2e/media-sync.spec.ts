import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { createSyncServer } from '../../sync-server/server';
import type { MediaFile } from '../../src/shared/api/contract';
import { CHUNK_BYTES } from '../../src/shared/media/library-contract';
import { WorkspaceStore } from '../../src/shared/data/store';
import { connectTeam, ownWorkspace } from './laptops';

// A real sync server on 127.0.0.1 and the app in Chromium over the web host (its real media store).
let server: Awaited<ReturnType<typeof createSyncServer>>;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'fanfare-media-e2e-'));
  server = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: () => undefined });
});

test.afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** What the page does when a file is dropped on it: sends the bytes in pieces over its host API (no call takes a path). */
async function addToMediaStore(page: Page, fileName: string, bytes: Buffer): Promise<MediaFile> {
  const call = async <T>(method: string, data: unknown): Promise<T> => {
    // The page's session cookie goes with page.request; the call id marks a call from Fanfare's own page.
    const res = await page.request.post(`/api/call/${method}`, { headers: { 'x-fanfare-call-id': `e2e-${method}` }, data });
    const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value;
  };
  const uploadId = `e2e${randomBytes(6).toString('hex')}`;
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    await call('library-upload-chunk', { uploadId, offset, data: bytes.subarray(offset, offset + CHUNK_BYTES).toString('base64') });
  }
  return call<MediaFile>('library-upload-finish', { uploadId, fileName, sizeBytes: bytes.length });
}

/** Writes asset records into the workspace the way another laptop's edits arrive: through the server. */
async function recordAssets(workspaceId: string, token: string, assets: MediaFile[]): Promise<() => void> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url, workspaceId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, params: { token }, disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  const store = new WorkspaceStore(doc);
  for (const asset of assets) store.create('assets', asset);
  return () => {
    provider.destroy();
    doc.destroy();
  };
}

test('a media file on this laptop is uploaded to the team server, and Settings says so', async ({ browser }) => {
  const { invite, token, workspaceId } = server.createWorkspace('Acme media');
  const alex = await ownWorkspace(browser, 'Acme media');
  await connectTeam(alex, invite);
  const line = alex.getByTestId('media-sync-headline');
  await expect(line).toHaveText('No media files yet');

  // The bytes are on Alex's computer; the record arrives as the library screen (a later issue) will write it.
  const bytes = randomBytes(3 * 1024 * 1024);
  const file = await addToMediaStore(alex, 'summer-reel.mp4', bytes);
  expect(file).toMatchObject({ fileName: 'summer-reel.mp4', kind: 'video', sizeBytes: bytes.length });
  // A teammate's file whose bytes are only on their laptop: not Alex's to send.
  const teammates = { ...file, sha256: 'ab'.repeat(32), fileName: 'from-sam.mov' };
  const leave = await recordAssets(workspaceId, token, [file, teammates]);

  await expect(line).toHaveText('All media uploaded');
  leave();
  const head = await fetch(`${server.url.replace('ws', 'http')}/blobs/${file.sha256}`, { method: 'HEAD', headers: { Authorization: `Bearer ${token}` } });
  expect(head.status).toBe(200);
  expect(head.headers.get('content-length')).toBe(String(bytes.length));
});
