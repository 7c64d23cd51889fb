// Blob store: what checking stored bytes against their name costs a real
// server, on a 100 MB file put straight into its data folder (as after a
// restart or a restore: nothing known about it yet).
//   1. First HEAD: the file is read and hashed before the answer.
//   2. HEAD again: one open + fstat (the verdict is remembered) — median of 50.
//   3. First GET of another such file: time to first byte (hashed first) and in all.
//   4. GET again: in all, for comparison with 3.
//   5. Plain SHA-256 of the same 100 MB in this process, for scale.
// The machine is shared with other agents: figures move with their load.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');
const MB = Number(process.env.BENCH_BLOB_MB ?? 100);
const bundleDir = join(root, 'out', 'bench-blob-check');
await build({
  root, configFile: false, logLevel: 'warn',
  build: {
    ssr: true, outDir: bundleDir, emptyOutDir: true, target: 'node20', minify: false,
    rollupOptions: { input: { server: join(root, 'sync-server/server.ts') }, output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' } },
  },
});
const { createSyncServer } = await import(pathToFileURL(join(bundleDir, 'server.mjs')).href);

const dataDir = mkdtempSync(join(tmpdir(), 'fanfare-bench-blob-'));
const server = await createSyncServer({ port: 0, dataDir, log: () => {} });
const { token, workspaceId } = server.createWorkspace('Bench');
const base = `http://127.0.0.1:${server.port}/blobs`;

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const plant = () => {
  const bytes = randomBytes(MB * 1024 * 1024);
  const hash = sha256(bytes);
  const dir = join(dataDir, 'blobs', workspaceId, hash.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, hash), bytes);
  return hash;
};
/** One request: ms to the status line, ms to the last byte, bytes received. */
const ask = (method, hash) => new Promise((done, fail) => {
  const started = performance.now();
  const req = request(`${base}/${hash}`, { method, headers: { Authorization: `Bearer ${token}` } }, (res) => {
    const firstByte = performance.now() - started;
    let bytes = 0;
    res.on('data', (chunk) => (bytes += chunk.length));
    res.on('end', () => done({ status: res.statusCode, firstByte, total: performance.now() - started, bytes }));
  });
  req.on('error', fail);
  req.end();
});
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ms = (n) => Math.round(n * 10) / 10;

const a = plant();
const headFirst = await ask('HEAD', a);
const again = [];
for (let i = 0; i < 50; i++) again.push((await ask('HEAD', a)).total);

const b = plant();
const getFirst = await ask('GET', b);
const getAgain = await ask('GET', b);
if ([headFirst, getFirst, getAgain].some((r) => r.status !== 200) || getFirst.bytes !== MB * 2 ** 20) throw new Error('the server did not serve the planted files');

const bytes = readFileSync(join(dataDir, 'blobs', workspaceId, b.slice(0, 2), b));
const hashStarted = performance.now();
sha256(bytes);
const plainHash = performance.now() - hashStarted;

await server.close();
rmSync(dataDir, { recursive: true, force: true });

const results = {
  fileMB: MB,
  headFirstMs: ms(headFirst.total),
  headAgainMedianMs: ms(median(again)),
  getFirstTimeToFirstByteMs: ms(getFirst.firstByte),
  getFirstTotalMs: ms(getFirst.total),
  getAgainTimeToFirstByteMs: ms(getAgain.firstByte),
  getAgainTotalMs: ms(getAgain.total),
  plainSha256InMemoryMs: ms(plainHash),
};
console.log(`${MB} MB file put straight into the data folder:`);
console.log(`  first HEAD (read + hash):              ${results.headFirstMs} ms`);
console.log(`  HEAD again (verdict remembered):       ${results.headAgainMedianMs} ms (median of 50)`);
console.log(`  first GET, time to first byte:         ${results.getFirstTimeToFirstByteMs} ms (in all ${results.getFirstTotalMs} ms)`);
console.log(`  GET again, time to first byte:         ${results.getAgainTimeToFirstByteMs} ms (in all ${results.getAgainTotalMs} ms)`);
console.log(`  plain SHA-256 of ${MB} MB in memory:     ${results.plainSha256InMemoryMs} ms`);
export default results;
