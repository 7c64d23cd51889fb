import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupAll, startServer } from './helpers';

afterEach(cleanupAll);

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function setup(maxBlobBytes?: number) {
  const server = await startServer(maxBlobBytes ? { maxBlobBytes } : {});
  const { token, workspaceId } = server.createWorkspace('Acme');
  const base = `${server.url.replace(/^ws/, 'http')}/blobs`;
  const auth = { Authorization: `Bearer ${token}` };
  return { server, token, workspaceId, base, auth };
}

describe('sync server: blob store', () => {
  it('stores an upload under its hash, idempotently, and serves it with GET and HEAD', async () => {
    const { base, auth, token } = await setup();
    const bytes = randomBytes(300_000);
    const hash = sha256(bytes);

    expect((await fetch(`${base}/${hash}`, { method: 'HEAD', headers: auth })).status).toBe(404);
    const put = await fetch(`${base}/${hash}`, { method: 'PUT', headers: auth, body: bytes });
    expect(put.status).toBe(201);
    expect(await put.json()).toEqual({ sha256: hash, stored: true });
    const again = await fetch(`${base}/${hash}`, { method: 'PUT', headers: auth, body: bytes });
    expect(again.status).toBe(200);

    const head = await fetch(`${base}/${hash}`, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
    // The token may also travel as a query parameter (for <img src> and the like).
    const get = await fetch(`${base}/${hash}?token=${encodeURIComponent(token)}`);
    expect(get.status).toBe(200);
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('refuses bytes that do not match their hash, and keeps nothing', async () => {
    const { base, auth } = await setup();
    const bytes = randomBytes(10_000);
    const claimed = sha256(randomBytes(16));
    const put = await fetch(`${base}/${claimed}`, { method: 'PUT', headers: auth, body: bytes });
    expect(put.status).toBe(422);
    expect(((await put.json()) as { error: string }).error).toMatch(/does not match/);
    expect((await fetch(`${base}/${claimed}`, { method: 'HEAD', headers: auth })).status).toBe(404);
    expect((await fetch(`${base}/not-a-hash`, { method: 'PUT', headers: auth, body: bytes })).status).toBe(400);
  });

  it('refuses requests without a valid token, and files from another workspace', async () => {
    const { server, base, auth } = await setup();
    const bytes = randomBytes(1000);
    const hash = sha256(bytes);
    expect((await fetch(`${base}/${hash}`, { method: 'PUT', body: bytes })).status).toBe(401);
    expect((await fetch(`${base}/${hash}`, { method: 'PUT', headers: { Authorization: 'Bearer nope' }, body: bytes })).status).toBe(401);
    expect((await fetch(`${base}/${hash}`, { method: 'PUT', headers: auth, body: bytes })).status).toBe(201);
    expect((await fetch(`${base}/${hash}`)).status).toBe(401);
    const other = server.createWorkspace('Other team');
    expect((await fetch(`${base}/${hash}`, { headers: { Authorization: `Bearer ${other.token}` } })).status).toBe(404);
  });

  it('refuses files over the size limit with 413', async () => {
    const { base, auth } = await setup(50_000);
    const bytes = randomBytes(60_000);
    const put = await fetch(`${base}/${sha256(bytes)}`, { method: 'PUT', headers: auth, body: bytes });
    expect(put.status).toBe(413);
    expect(((await put.json()) as { error: string }).error).toMatch(/larger than this server allows \(48\.8 KB\)/);
    // Streamed without a declared length, the limit still holds.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 6; i++) controller.enqueue(bytes.subarray(i * 10_000, (i + 1) * 10_000));
        controller.close();
      },
    });
    const chunked = await fetch(`${base}/${sha256(bytes)}`, { method: 'PUT', headers: auth, body: stream, duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await fetch(`${base}/${sha256(bytes)}`, { method: 'HEAD', headers: auth })).status).toBe(404);
  });
});
