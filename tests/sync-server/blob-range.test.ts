import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupAll, startServer } from './helpers';

afterEach(cleanupAll);

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function setup() {
  const server = await startServer();
  const { token, workspaceId } = server.createWorkspace('Acme');
  const base = `${server.url.replace(/^ws/, 'http')}/blobs`;
  const auth = { Authorization: `Bearer ${token}` };
  /** A file put straight into the data folder (a restore): nothing is known about it yet. */
  const plant = (hash: string, bytes: Uint8Array) => {
    const dir = join(server.dataDir, 'blobs', workspaceId, hash.slice(0, 2));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, hash), bytes);
  };
  return { server, base, auth, plant };
}

describe('sync server: resuming a download (HTTP Range)', () => {
  it('serves the rest of a file from where a dropped download stopped, and says it can', async () => {
    const { base, auth } = await setup();
    const bytes = randomBytes(500_000);
    const hash = sha256(bytes);
    expect((await fetch(`${base}/${hash}`, { method: 'PUT', headers: auth, body: bytes })).status).toBe(201);

    const whole = await fetch(`${base}/${hash}`, { headers: auth });
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    await whole.arrayBuffer();

    const rest = await fetch(`${base}/${hash}`, { headers: { ...auth, Range: 'bytes=123456-' } });
    expect(rest.status).toBe(206);
    expect(rest.headers.get('content-range')).toBe(`bytes 123456-499999/500000`);
    expect(rest.headers.get('content-length')).toBe(String(500_000 - 123_456));
    expect(Buffer.from(await rest.arrayBuffer()).equals(bytes.subarray(123_456))).toBe(true);

    const middle = await fetch(`${base}/${hash}`, { headers: { ...auth, Range: 'bytes=10-19' } });
    expect(middle.status).toBe(206);
    expect(Buffer.from(await middle.arrayBuffer()).equals(bytes.subarray(10, 20))).toBe(true);

    const tail = await fetch(`${base}/${hash}`, { headers: { ...auth, Range: 'bytes=-100' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(-100))).toBe(true);

    // Past the end: nothing to send, and the real size so the client can start over.
    const beyond = await fetch(`${base}/${hash}`, { headers: { ...auth, Range: 'bytes=500000-' } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */500000');
    // A form it does not serve (several ranges): the whole file, as HTTP allows.
    const several = await fetch(`${base}/${hash}`, { headers: { ...auth, Range: 'bytes=0-1,5-6' } });
    expect(several.status).toBe(200);
    expect((await several.arrayBuffer()).byteLength).toBe(500_000);
  });

  it('checks a file it has not read yet before serving part of it, and sets a damaged one aside', async () => {
    const { server, base, auth, plant } = await setup();
    const good = randomBytes(200_000);
    const goodHash = sha256(good);
    plant(goodHash, good);
    const part = await fetch(`${base}/${goodHash}`, { headers: { ...auth, Range: 'bytes=100000-' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(good.subarray(100_000))).toBe(true);

    const claimed = sha256(randomBytes(32));
    plant(claimed, randomBytes(200_000));
    const damaged = await fetch(`${base}/${claimed}`, { headers: { ...auth, Range: 'bytes=100000-' } });
    expect(damaged.status).toBe(404);
    expect(((await damaged.json()) as { error: string }).error).toMatch(/damaged, so it was set aside/);
    expect(server.logs.some((e) => e.event === 'blob-damaged')).toBe(true);
  });
});
