import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostError } from '../../../src/shared/api/errors';
import { createHostHandlers, createInProcessHost } from '../../../src/main/handlers';
import { fetchLinkPreview, isPrivateAddress } from '../../../src/main/services/link-preview';

let server: Server;
let base: string;
let port: number;
let png: Buffer;

const html = (res: ServerResponse, body: string, type = 'text/html; charset=utf-8') => { res.writeHead(200, { 'content-type': type }); res.end(body); };

beforeAll(async () => {
  // A real 1200×630 picture, the size social cards use.
  png = await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#e85d75' } })
    .composite([{ input: Buffer.from('<svg width="1200" height="630"><circle cx="600" cy="315" r="200" fill="#2b2d42"/></svg>') }]).png().toBuffer();
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/ad') {
      return html(res, `<!doctype html><html><head><title>Fallback</title>
        <meta content="Glow &amp; Go: summer balm" property="og:title">
        <meta property='og:description' content='Three creators, one take.'>
        <meta property="og:image" content="/card.png"></head><body>hi</body></html>`);
    }
    if (path === '/plain') return html(res, '<html><head><title>  Rare &#38; Beautiful \n story </title><meta name="twitter:image" content="/not-a-picture"></head></html>');
    if (path === '/card.png') { res.writeHead(200, { 'content-type': 'image/png' }); return res.end(png); }
    if (path === '/not-a-picture') return html(res, '<html></html>');
    if (path === '/vector') return html(res, '<meta property="og:image" content="/v.svg"><title>Vector</title>');
    if (path === '/v.svg') { res.writeHead(200, { 'content-type': 'image/svg+xml' }); return res.end('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'); }
    if (path === '/huge') return html(res, '<meta property="og:image" content="/huge.jpg"><title>Huge</title>');
    if (path === '/huge.jpg') { res.writeHead(200, { 'content-type': 'image/jpeg' }); return res.end(Buffer.alloc(6 * 1024 * 1024, 0xff)); }
    if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      res.writeHead(302, { location: n === 0 ? '/ad' : `/hop/${n - 1}` });
      return res.end();
    }
    if (path === '/to-loopback') { res.writeHead(301, { location: `http://127.0.0.1:${port}/ad` }); return res.end(); }
    if (path === '/slow') return; // never answers
    if (path === '/pdf') { res.writeHead(200, { 'content-type': 'application/pdf' }); return res.end('%PDF-1.4'); }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => { server.closeAllConnections(); server.close(); });

const local = { allowPrivateAddresses: true };

async function refusal(run: Promise<unknown>): Promise<HostError> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(HostError);
    return error as HostError;
  }
  throw new Error('expected a refusal');
}

describe('fetchLinkPreview', () => {
  it('reads og: tags and makes a small JPEG thumbnail of the page’s picture', async () => {
    const preview = await fetchLinkPreview(`${base}/ad`, local);
    expect(preview).toMatchObject({ url: `${base}/ad`, title: 'Glow & Go: summer balm', description: 'Three creators, one take.', imageProblem: null });
    expect(preview.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    const jpeg = Buffer.from(preview.thumbnail.split(',')[1], 'base64');
    expect(jpeg.length).toBeLessThanOrEqual(30 * 1024);
    const meta = await sharp(jpeg).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 320, height: 168 });
  });

  it('falls back to <title>, and says why a picture that is not a photo was left out', async () => {
    const preview = await fetchLinkPreview(`${base}/plain`, local);
    expect(preview.title).toBe('Rare & Beautiful story');
    expect(preview.thumbnail).toBe('');
    expect(preview.imageProblem).toMatch(/not a photo \(it is text\/html\)/);
    expect((await fetchLinkPreview(`${base}/vector`, local)).imageProblem).toMatch(/image\/svg\+xml/);
    expect((await fetchLinkPreview(`${base}/huge`, local)).imageProblem).toMatch(/larger than 5 MB/);
  });

  it('follows three redirects and refuses a fourth', async () => {
    expect((await fetchLinkPreview(`${base}/hop/2`, local)).url).toBe(`${base}/ad`);
    expect((await refusal(fetchLinkPreview(`${base}/hop/3`, local))).message).toMatch(/redirects more than 3 times/);
  });

  it('refuses this computer and private networks, before connecting and after every redirect', async () => {
    const loop = await refusal(fetchLinkPreview(`${base}/ad`));
    expect(loop.code).toBe('forbidden');
    expect(loop.message).toMatch(/does not open links to this computer or a private network \(127\.0\.0\.1 is 127\.0\.0\.1\)/);
    expect((await refusal(fetchLinkPreview('http://10.20.30.40/admin'))).message).toMatch(/private network \(10\.20\.30\.40/);
    expect((await refusal(fetchLinkPreview('http://[::1]:80/'))).code).toBe('forbidden');
    // A public-looking name that resolves to a private address.
    const rebinding = await refusal(fetchLinkPreview('https://brand.example/', { resolve: async () => [{ address: '192.168.1.1', family: 4 }] }));
    expect(rebinding.message).toMatch(/brand\.example is 192\.168\.1\.1/);
    // Allowed host, then a redirect to a private address: refused at the redirect.
    const viaRedirect = await refusal(fetchLinkPreview(`http://page.test:${port}/to-loopback`, {
      resolve: async () => [{ address: '127.0.0.1', family: 4 }], allowPrivateAddresses: (hostname) => hostname === 'page.test',
    }));
    expect(viaRedirect.message).toMatch(/127\.0\.0\.1 is 127\.0\.0\.1/);
  });

  it('knows which addresses are private', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.20.1.1', '192.168.0.10', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1']) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '172.32.0.1']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('gives up on a page that does not answer in time, and refuses what is not a page', async () => {
    expect((await refusal(fetchLinkPreview(`${base}/slow`, { ...local, timeoutMs: 300 }))).message).toMatch(/did not answer in time/);
    expect((await refusal(fetchLinkPreview(`${base}/pdf`, local))).message).toMatch(/not a web page \(it is application\/pdf\)/);
    expect((await refusal(fetchLinkPreview(`${base}/missing`, local))).message).toMatch(/answered “404”/);
  });
});

describe('swipe-fetch-link handler', () => {
  it('refuses loopback unless the host was made for tests, and refuses non-web links at the contract', async () => {
    const saved = process.env.FANFARE_TEST_ALLOW_LOOPBACK_LINKS;
    delete process.env.FANFARE_TEST_ALLOW_LOOPBACK_LINKS;
    try {
      const host = createInProcessHost(createHostHandlers());
      expect((await refusal(host['swipe-fetch-link']({ url: `${base}/ad` }))).code).toBe('forbidden');
      const notWeb = await refusal(host['swipe-fetch-link']({ url: 'file:///etc/passwd' }));
      expect(notWeb.code).toBe('invalid-input');
      expect(notWeb.fields?.url).toMatch(/Only web links/);
      const testHost = createInProcessHost(createHostHandlers({ linkPreview: local }));
      expect((await testHost['swipe-fetch-link']({ url: `${base}/ad` })).title).toBe('Glow & Go: summer balm');
    } finally {
      if (saved !== undefined) process.env.FANFARE_TEST_ALLOW_LOOPBACK_LINKS = saved;
    }
  });
});
