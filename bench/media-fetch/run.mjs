// Media follows the team: what fetching a teammate's files costs, over loopback from a real sync server.
//   a. A new teammate ("all media") fetches 100 photos and 5 one-minute 1080p videos by itself:
//      seconds until all are on this computer (hashed), and bytes that crossed the wire ÷ the
//      files' total size (counted by a relay in front of the server: HTTP headers, HEADs and any
//      bytes sent twice included).
//   b. A new teammate opens a 1,000-photo library and previews the first photo: ms until the large
//      preview exists (fetched from the server + made by the host), while the background queue
//      is fetching the rest. Measured at the API level (the renderer's media queue and the real
//      host in-process), not through Chromium.
// The bytes are random (incompressible, like real media) at realistic sizes: a one-minute 1080p
// phone video ≈ 10 Mbit/s ≈ 75 MB, a phone photo ≈ 3 MB. The photos of (b) are real JPEGs (sharp).
// The machine is shared with other agents: figures move with their load.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const PHOTOS = Number(process.env.BENCH_MEDIA_PHOTOS ?? 100);
const PHOTO_MB = 3;
const VIDEOS = Number(process.env.BENCH_MEDIA_VIDEOS ?? 5);
const VIDEO_MB = Number(process.env.BENCH_MEDIA_VIDEO_MB ?? 75);
const LIBRARY = Number(process.env.BENCH_MEDIA_LIBRARY ?? 1000);

const bundleDir = join(root, 'out', 'bench-media-fetch');
await build({
  root, configFile: false, logLevel: 'warn',
  build: {
    ssr: true, outDir: bundleDir, emptyOutDir: true, target: 'node20', minify: false,
    rollupOptions: {
      input: { entry: join(root, 'bench/media-fetch/entry.ts') },
      external: [/^[^./]/],
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
const { createSyncServer, createHostHandlers, createInProcessHost, MediaStore, MediaSync } = await import(pathToFileURL(join(bundleDir, 'entry.mjs')).href);

const temps = [];
const tempDir = (prefix) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** A relay in front of the server that counts every byte the server sends to the laptop. */
async function countingRelay(port) {
  let fromServer = 0;
  const sockets = new Set();
  const relay = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    upstream.on('data', (chunk) => (fromServer += chunk.length));
    client.pipe(upstream);
    upstream.pipe(client);
    for (const [a, b] of [[client, upstream], [upstream, client]]) a.on('error', () => b.destroy()).on('close', () => b.destroy());
  });
  await new Promise((done) => relay.listen(0, '127.0.0.1', done));
  return {
    url: `ws://127.0.0.1:${relay.address().port}`,
    bytes: () => fromServer,
    close: () => new Promise((done) => { for (const s of sockets) s.destroy(); relay.close(done); }),
  };
}

async function put(base, token, bytes) {
  const hash = sha256(bytes);
  const res = await fetch(`${base}/blobs/${hash}`, { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body: bytes });
  if (res.status !== 201 && res.status !== 200) throw new Error(`upload refused: ${res.status}`);
  return hash;
}

function until(sync, check) {
  if (check(sync.status)) return Promise.resolve();
  return new Promise((done) => {
    const stop = sync.onStatus((status) => {
      if (check(status)) {
        stop();
        done();
      }
    });
  });
}

const server = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir: tempDir('fanfare-bench-media-server-'), log: () => {} });
const httpBase = `http://127.0.0.1:${server.port}`;

// ── a. 100 photos + 5 one-minute 1080p videos, fetched by themselves ──
const teamA = server.createWorkspace('Bench fetch');
const assetsA = [];
let totalBytes = 0;
for (let i = 0; i < PHOTOS + VIDEOS; i++) {
  const video = i >= PHOTOS;
  const bytes = randomBytes((video ? VIDEO_MB : PHOTO_MB) * 1024 * 1024);
  const hash = await put(httpBase, teamA.token, bytes);
  assetsA.push({ sha256: hash, fileName: video ? `reel-${i - PHOTOS + 1}.mp4` : `photo-${i + 1}.jpg`, sizeBytes: bytes.length });
  totalBytes += bytes.length;
}
// The server has hashed what it stored; nothing is left to check on the first GET.
const relayA = await countingRelay(server.port);
const storeA = new MediaStore(join(tempDir('fanfare-bench-media-b-'), 'media'));
const hostA = createInProcessHost(createHostHandlers({ mediaStore: storeA }));
const syncA = new MediaSync(hostA, { downloadMode: 'all' });
const startedA = performance.now();
syncA.setAssets(assetsA);
syncA.setRemote({ ...teamA, server: relayA.url });
await until(syncA, (s) => s.incoming?.here === assetsA.length);
const fetchSeconds = (performance.now() - startedA) / 1000;
syncA.close();
const wireBytes = relayA.bytes();
await relayA.close();

// ── b. first preview in a 1,000-photo library, for a new teammate ──
const teamB = server.createWorkspace('Bench library');
const library = [];
for (let i = 0; i < LIBRARY; i++) {
  const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, noise: { type: 'gaussian', mean: 120 + (i % 60), sigma: 40 } } }).jpeg({ quality: 80 }).toBuffer();
  const hash = await put(httpBase, teamB.token, jpeg);
  library.push({ sha256: hash, fileName: `photo-${i + 1}.jpg`, sizeBytes: jpeg.length });
}
const libraryBytes = library.reduce((n, a) => n + a.sizeBytes, 0);
const firstPreview = {};
for (const mode of ['all', 'open']) {
  const store = new MediaStore(join(tempDir('fanfare-bench-media-new-'), 'media'));
  const host = createInProcessHost(createHostHandlers({ mediaStore: store }));
  const sync = new MediaSync(host, { downloadMode: mode });
  const started = performance.now();
  sync.setRemote({ ...teamB });
  sync.setAssets(library);
  // What the Library's preview does on opening the first file: fetch it, then ask the host for the large picture.
  await sync.ensureLocal(library[0].sha256, { fileName: library[0].fileName });
  const { dataUrl } = await host['library-thumbnail']({ sha256: library[0].sha256, size: 'large' });
  if (!dataUrl) throw new Error('no preview was made');
  firstPreview[mode] = performance.now() - started;
  sync.close();
}

await server.close();
for (const dir of temps) rmSync(dir, { recursive: true, force: true });

const results = {
  fetchAll: {
    photos: PHOTOS, videos: VIDEOS, photoMB: PHOTO_MB, videoMB: VIDEO_MB,
    totalMB: Math.round(totalBytes / 2 ** 20),
    seconds: Math.round(fetchSeconds * 100) / 100,
    mbPerSecond: Math.round(totalBytes / 2 ** 20 / fetchSeconds),
    wireBytesOverFileBytes: Math.round((wireBytes / totalBytes) * 10000) / 10000,
  },
  firstPreview: {
    libraryPhotos: LIBRARY, libraryMB: Math.round(libraryBytes / 2 ** 20),
    allMediaMs: Math.round(firstPreview.all),
    onlyWhatIOpenMs: Math.round(firstPreview.open),
    measuredAt: 'API level (renderer media queue + real host in-process), not Chromium',
  },
};
console.log(`a. A teammate fetches ${PHOTOS} photos (${PHOTO_MB} MB) and ${VIDEOS} one-minute 1080p videos (${VIDEO_MB} MB), ${results.fetchAll.totalMB} MB, over loopback:`);
console.log(`   ${results.fetchAll.seconds} s (${results.fetchAll.mbPerSecond} MB/s), bytes on the wire ÷ file bytes = ${results.fetchAll.wireBytesOverFileBytes}`);
console.log(`b. A new teammate's first preview in a ${LIBRARY}-photo library (${results.firstPreview.libraryMB} MB), API level:`);
console.log(`   "all media": ${results.firstPreview.allMediaMs} ms · "only what I open": ${results.firstPreview.onlyWhatIOpenMs} ms`);
export default results;
