// First sync of a big workspace through the team server, over loopback:
// laptop A (its own process) builds a 100,000-creator workspace through the real
// commands and makes its first upload (in pieces, sendInPieces, under the server's
// default 64 MB message limit); then a new teammate B (a fresh process) downloads it.
// Figures: seconds for each, peak RSS (VmHWM) of the server process and of each
// laptop process during its sync. BENCH_FIRST_SYNC_CREATORS changes the size.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const here = resolve(import.meta.dirname);
const root = resolve(here, '../..');
const bundleDir = join(root, 'node_modules/.cache/bench-first-sync');
const CREATORS = Number(process.env.BENCH_FIRST_SYNC_CREATORS ?? 100_000);
const n = (x) => x.toLocaleString('en-US');
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

await build({
  root, configFile: false, logLevel: 'warn',
  build: {
    ssr: true, outDir: bundleDir, emptyOutDir: true, target: 'node20', minify: false,
    rollupOptions: {
      input: { server: join(root, 'sync-server/server.ts'), client: join(here, 'client-lib.ts') },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});

const children = new Set();
const dataDir = mkdtempSync(join(tmpdir(), 'fanfare-first-sync-'));
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Messages from a child, one at a time. */
function inbox(child, what) {
  const queue = [];
  const waiting = [];
  child.on('message', (m) => (waiting.length ? waiting.shift()(m) : queue.push(m)));
  child.on('exit', (code, signal) => { for (const w of waiting.splice(0)) w(new Error(`${what} ended (${signal ?? code})`)); });
  return () => new Promise((res, rej) => {
    const take = (m) => (m instanceof Error ? rej(m) : res(m));
    if (queue.length) take(queue.shift()); else waiting.push(take);
  });
}

// The sync server in its own process, as deployed (bench/sync's server child, Node's default heap).
const serverChild = fork(join(root, 'bench/sync/server-child.mjs'), ['ours', dataDir, join(bundleDir, 'server.mjs')], { execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
children.add(serverChild);
const fromServer = inbox(serverChild, 'the sync server');
const ready = await fromServer();
let nextId = 0;
const call = async (cmd, arg) => { const id = nextId++; serverChild.send({ id, cmd, arg }); const m = await fromServer(); if (m.error) throw new Error(m.error); return m.value; };
const { workspaceId, token } = await call('createWorkspace', 'First sync');

function laptop(role, arg) {
  const child = fork(join(here, 'laptop.mjs'), [role, ready.url, workspaceId, token, join(bundleDir, 'client.mjs'), arg], {
    execArgv: ['--max-old-space-size=12288', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  return { child, next: inbox(child, `laptop ${role}`) };
}

const a = laptop('a', String(CREATORS));
const built = await a.next();
console.log(`(setup) laptop A: ${n(CREATORS)} creators = ${n(built.records)} records through WorkspaceStore in ${sec(built.generateMs)}; ${mb(built.updateBytes)} as one update → ${built.pieces} pieces of at most ${mb(built.biggestPiece)} (split in ${built.splitMs.toFixed(0)} ms)`);
a.child.send('go');
const upload = await a.next();
const serverAfterUpload = await call('memory');
// The next peak is B's download alone.
writeFileSync(`/proc/${ready.pid}/clear_refs`, '5');

const b = laptop('b', built.stateVector);
await b.next();
b.child.send('go');
const download = await b.next();
const serverAfterDownload = await call('memory');
a.child.kill();
b.child.kill();
await call('stop').catch(() => undefined);

if (download.pending || download.creators !== CREATORS) throw new Error('the new teammate did not end with the whole workspace');

const results = {
  creators: CREATORS,
  updateMB: +(built.updateBytes / 2 ** 20).toFixed(1),
  pieces: built.pieces,
  uploadSeconds: +(upload.ms / 1000).toFixed(2),
  downloadSeconds: +(download.ms / 1000).toFixed(2),
  serverPeakRssMBUpload: Math.round(serverAfterUpload.peakRss / 2 ** 20),
  serverPeakRssMBDownload: Math.round(serverAfterDownload.peakRss / 2 ** 20),
  serverRssMBAfter: Math.round(serverAfterDownload.rss / 2 ** 20),
  laptopAPeakRssMB: Math.round(upload.peakRss / 2 ** 20),
  laptopBPeakRssMB: Math.round(download.peakRss / 2 ** 20),
  // Connections lost on the way (the client's own 30 s silence watchdog counts as 0): each costs a new start from what the server has.
  uploadReconnects: upload.closes.length,
  downloadReconnects: download.closes.length,
};
console.log(`first upload, A → server (${n(CREATORS)} creators, ${mb(built.updateBytes)} in ${built.pieces} pieces): ${sec(upload.ms)}; server peak RSS ${mb(serverAfterUpload.peakRss)}; laptop A peak RSS during the sync ${mb(upload.peakRss)}`);
console.log(`first download, server → new teammate B: ${sec(download.ms)} (${n(download.creators)} creators); server peak RSS ${mb(serverAfterDownload.peakRss)}; laptop B peak RSS ${mb(download.peakRss)}`);
console.log(`server RSS once idle: ${mb(serverAfterDownload.rss)}; connections lost and started again: A ${upload.closes.length ? upload.closes.join(', ') : 'none'}, B ${download.closes.length ? download.closes.join(', ') : 'none'}`);

export default results;
