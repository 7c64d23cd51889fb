// Server backup of a room holding a 50k-creator workspace while 20 clients edit:
// how long `sync-server backup` takes, how big the backup is, and edit propagation
// (p50/p95, client A's edit until client B receives it) without and during the backup.
//
// The server runs in its own process (bench/sync/server-child.mjs), the backup as
// the real CLI in another, as an admin's cron job would. The 20 clients speak the
// y-websocket protocol over bare sockets: each claims the workspace's state vector
// (so none holds a 1 GB Y.Doc) and edits from a small Y.Doc of its own.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'vite';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

const here = resolve(import.meta.dirname);
const root = resolve(here, '../..');
const bundleDir = join(root, 'node_modules/.cache/bench-server-backup');
const CREATORS = Number(process.env.BENCH_SYNC_CREATORS ?? 50_000);
const CLIENTS = 20;
const FAST_MS = 25; // client A's edit rate: the measured edits
const SLOW_MS = 250; // every other client's
const BASELINE_MS = 10_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (list, p) => { const s = [...list].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN; };
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const msf = (ms) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;

await build({
  root, configFile: false, logLevel: 'warn',
  build: {
    ssr: true, outDir: bundleDir, emptyOutDir: true, target: 'node20', minify: false,
    rollupOptions: {
      input: {
        server: join(root, 'sync-server/server.ts'),
        cli: join(root, 'sync-server/cli.ts'),
        persistence: join(root, 'sync-server/doc-persistence.ts'),
        access: join(root, 'sync-server/access-store.ts'),
        client: join(root, 'bench/sync/client-lib.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
const load = (name) => import(pathToFileURL(join(bundleDir, `${name}.mjs`)).href);
const { WorkspaceStore, generateDemoWorkspace, loadDemoRecords } = await load('client');
const { DocPersistence } = await load('persistence');
const { AccessStore } = await load('access');

// ── The workspace, generated through the app's commands, stored as the room's first update ──
const doc = new Y.Doc();
const store = new WorkspaceStore(doc);
loadDemoRecords(store, generateDemoWorkspace({ creators: CREATORS }));
const update = Y.encodeStateAsUpdate(doc);
store.destroy();
doc.destroy();
const stateVector = Y.encodeStateVectorFromUpdate(update);
const work = mkdtempSync(join(tmpdir(), 'fanfare-bench-backup-'));
const dataDir = join(work, 'data');
const { workspace, token } = new AccessStore(dataDir).createWorkspace('Bench');
const persistence = new DocPersistence(dataDir);
await persistence.open();
await persistence.append(workspace.id, 0, update);
await persistence.close();
console.log(`(setup) ${CREATORS.toLocaleString('en-US')} creators: ${mb(update.length)} as one update`);

// ── The server, in its own process (the sync bench's server child) ──
const serverChild = fork(join(root, 'bench/sync/server-child.mjs'), ['ours', dataDir, join(bundleDir, 'server.mjs')], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const ready = await new Promise((res, rej) => { serverChild.once('message', res); serverChild.once('exit', (c) => rej(new Error(`the server exited with ${c}`))); });
const url = ready.url;

// ── 20 clients over bare sockets ──
function bareClient(index) {
  const socket = new WebSocket(`${url}/${workspace.id}?token=${encodeURIComponent(token)}`);
  socket.binaryType = 'arraybuffer';
  const own = new Y.Doc();
  const client = { socket, own, onUpdate: null, n: 0 };
  const synced = new Promise((res, rej) => {
    socket.once('error', rej);
    socket.on('message', (data) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== 0) return;
      const step = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (step === 1) res();
      if (step === 2) client.onUpdate?.(payload, performance.now());
    });
  });
  socket.on('open', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, stateVector);
    socket.send(encoding.toUint8Array(e));
  });
  client.edit = () => {
    let made = null;
    const capture = (u) => { made = u; };
    own.on('update', capture);
    own.getMap(`edits-${index}`).set(`e${client.n++}`, `client ${index} edit ${client.n} at ${Date.now()}`);
    own.off('update', capture);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, made);
    socket.send(encoding.toUint8Array(e));
    return made;
  };
  client.ready = synced;
  return client;
}
const t0 = performance.now();
const clients = Array.from({ length: CLIENTS }, (_, i) => bareClient(i));
await Promise.all(clients.map((c) => c.ready));
console.log(`(setup) ${CLIENTS} clients connected, room loaded, in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const [A, B] = clients;
const sent = new Map();
let samples = [];
B.onUpdate = (payload, at) => {
  const key = Buffer.from(payload).toString('hex');
  const from = sent.get(key);
  if (from !== undefined) {
    samples.push(at - from);
    sent.delete(key);
  }
};
const timers = [setInterval(() => sent.set(Buffer.from(A.edit()).toString('hex'), performance.now()), FAST_MS)];
clients.slice(2).forEach((c, i) => setTimeout(() => timers.push(setInterval(() => c.edit(), SLOW_MS)), (i * SLOW_MS) / CLIENTS));
await sleep(2_000); // warm-up
samples = [];
await sleep(BASELINE_MS);
const without = samples;

samples = [];
const backupTo = join(work, 'backup');
const b0 = performance.now();
const backup = spawn(process.execPath, [join(bundleDir, 'cli.mjs'), 'backup', '--data', dataDir, '--to', backupTo], { stdio: ['ignore', 'pipe', 'inherit'] });
let backupOut = '';
backup.stdout.on('data', (c) => (backupOut += c));
const code = await new Promise((r) => backup.on('exit', r));
const backupMs = performance.now() - b0;
const during = samples;
for (const t of timers) clearInterval(t);
if (code !== 0) throw new Error(`the backup failed (${code}): ${backupOut}`);
let backupBytes = 0;
for (const e of readdirSync(backupTo, { recursive: true, withFileTypes: true })) if (e.isFile()) backupBytes += statSync(join(e.parentPath, e.name)).size;

for (const c of clients) c.socket.terminate();
serverChild.send({ id: 1, cmd: 'stop' });
await Promise.race([new Promise((r) => serverChild.once('exit', r)), sleep(20_000)]);
if (serverChild.exitCode === null) serverChild.kill('SIGKILL');
// The start check reads every room in full, like verify: its cost on this folder is what every server start now pays.
const v0 = performance.now();
const verify = spawn(process.execPath, [join(bundleDir, 'cli.mjs'), 'verify', '--data', backupTo], { stdio: ['ignore', 'pipe', 'inherit'] });
let verifyOut = '';
verify.stdout.on('data', (c) => (verifyOut += c));
const verifyCode = await new Promise((r) => verify.on('exit', r));
const verifyMs = performance.now() - v0;
if (verifyCode !== 0) throw new Error(`verify of the backup failed (${verifyCode}): ${verifyOut}`);
rmSync(work, { recursive: true, force: true });

const results = {
  creators: CREATORS,
  updateBytes: update.length,
  backupSeconds: backupMs / 1000,
  backupBytes,
  propagationWithout: { p50: pct(without, 50), p95: pct(without, 95), samples: without.length },
  propagationDuring: { p50: pct(during, 50), p95: pct(during, 95), samples: during.length },
  verifySeconds: verifyMs / 1000,
};
console.log(backupOut.trim());
console.log(`Server backup of a ${CREATORS.toLocaleString('en-US')}-creator room while ${CLIENTS} clients edit: ${results.backupSeconds.toFixed(2)} s, ${mb(backupBytes)}`);
console.log(`Edit propagation A→B without a backup: p50 ${msf(results.propagationWithout.p50)}, p95 ${msf(results.propagationWithout.p95)} (${without.length} edits)`);
console.log(`Edit propagation A→B during the backup: p50 ${msf(results.propagationDuring.p50)}, p95 ${msf(results.propagationDuring.p95)} (${during.length} edits)`);
console.log(`verify of the backed-up folder (every room read in full, as the start check does): ${results.verifySeconds.toFixed(2)} s`);
process.send({ results });
process.exit(0);
