import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../../src/main/handlers';
import { createWebHost, MAX_BODY_BYTES, type WebHost } from '../../src/main/web-host/server';
import { bundleWebHostCli, INDEX_HTML, memoryOf, resetPeak, send, signIn, startHostProcess, type HostProcess } from './web-host-process';

// Clean refusals: a malformed request is a 400 that says why; an oversized one is a 413 "too-large"
// decided before its body is held in memory; and no request grows the host by more than a small
// multiple of the limit.

const MB = 1024 * 1024;
let dir: string;
let host: WebHost;
let cookie: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fanfare-limits-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), INDEX_HTML);
  host = await createWebHost({ port: 0, rendererDir: join(dir, 'renderer'), handlers: createHostHandlers() });
  cookie = await signIn(host.port, host.openUrl);
});

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

const callHeaders = () => ({ cookie, 'content-type': 'application/json', 'x-fanfare-call-id': 'call-1' });

/** A JSON body of `bytes` bytes, as a call would carry a file. */
function jsonBody(bytes: number): Buffer {
  const body = Buffer.alloc(bytes, 0x41);
  body.write('{"fileName":"","base64":"', 0, 'latin1');
  body.write('"}', bytes - 2, 'latin1');
  return body;
}

function pieces(body: Buffer, size = MB): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) out.push(body.subarray(i, i + size));
  return out;
}

describe('malformed requests', () => {
  it('a broken % escape in the call name is a 400 that says so, not a 500', async () => {
    for (const name of ['app-info%', 'app%E0%A4%A', '%ZZ']) {
      const res = await send(host.port, 'POST', `/api/call/${name}`, callHeaders(), '{}');
      expect(res.status).toBe(400);
      const error = JSON.parse(res.body).error;
      expect(error.code).toBe('invalid-input');
      expect(error.message).toContain('broken % escape');
    }
  });

  it('a body that is not JSON is a 400 that says so', async () => {
    const res = await send(host.port, 'POST', '/api/call/app-info', callHeaders(), '{not json');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('not valid JSON') });
  });
});

describe('oversized bodies', () => {
  it('a Content-Length over the limit is refused at once, as too-large, without waiting for the body', async () => {
    // Only the headers are sent: an answer proves the host did not wait to read (or hold) the body.
    const res = await send(host.port, 'POST', '/api/call/documents-store-file', { ...callHeaders(), 'content-length': String(MAX_BODY_BYTES + 1) });
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringContaining('too large') } });
  });

  it('without a session the answer is 401, also without reading the body', async () => {
    const res = await send(host.port, 'POST', '/api/call/documents-store-file', { 'content-type': 'application/json', 'x-fanfare-call-id': 'c', 'content-length': String(200 * MB) });
    expect(res.status).toBe(401);
  });

  it('a chunked body that grows past the limit is refused as too-large', async () => {
    const res = await send(host.port, 'POST', '/api/call/documents-store-file', { ...callHeaders(), 'transfer-encoding': 'chunked' }, pieces(jsonBody(MAX_BODY_BYTES + MB)));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('too-large');
  });

  it('a body at the limit is still read (refused here by the call’s own rules, not by size)', async () => {
    const res = await send(host.port, 'POST', '/api/call/documents-store-file', callHeaders(), jsonBody(MAX_BODY_BYTES));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('invalid-input');
  });

  it('the limit holds the largest real call (a 30 MB file as base64) with room to spare', () => {
    const largest = JSON.stringify({ fileName: 'signed contract.pdf', base64: 'A'.repeat(40_000_000) }).length;
    expect(largest).toBeLessThan(MAX_BODY_BYTES * 0.85);
  });
});

describe.skipIf(process.platform !== 'linux')('memory of a running host (Linux /proc)', () => {
  let cli: Awaited<ReturnType<typeof bundleWebHostCli>>;
  let started: HostProcess;
  let session: string;

  beforeAll(async () => {
    cli = await bundleWebHostCli();
    started = await startHostProcess(cli.file);
    session = await signIn(started.port, started.openUrl);
  });

  afterAll(() => {
    started?.stop();
    cli?.remove();
  });

  /** How far one request pushed the host's resident memory above where it was, in MB. */
  async function growth(request: () => Promise<{ status: number }>, expected: number): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 200));
    resetPeak(started.pid);
    const before = memoryOf(started.pid).rssMb;
    const res = await request();
    expect(res.status).toBe(expected);
    return memoryOf(started.pid).peakMb - before;
  }

  const post = (headers: Record<string, string>, body?: Buffer | Buffer[]) =>
    send(started.port, 'POST', '/api/call/documents-store-file', { cookie: session, 'content-type': 'application/json', 'x-fanfare-call-id': 'm', ...headers }, body);
  const limitMb = MAX_BODY_BYTES / MB;

  it('an over-limit body with its length declared costs next to nothing', async () => {
    const body = jsonBody(MAX_BODY_BYTES + 16 * MB);
    const grew = await growth(() => post({ 'content-length': String(body.length) }, body), 413);
    expect(grew).toBeLessThan(0.25 * limitMb);
  });

  it('an over-limit chunked body costs at most about the limit', async () => {
    const grew = await growth(() => post({ 'transfer-encoding': 'chunked' }, pieces(jsonBody(MAX_BODY_BYTES + 16 * MB))), 413);
    expect(grew).toBeLessThan(1.5 * limitMb);
  });

  it('the largest legal body costs under 3.75× the limit to read and parse (the bytes, their text, the parsed value)', async () => {
    const body = jsonBody(MAX_BODY_BYTES);
    const grew = await growth(() => post({ 'content-length': String(body.length) }, body), 400);
    expect(grew).toBeLessThan(3.75 * limitMb);
  });
});
