// The sync benchmarks themselves (run.mjs starts this in its own process with a
// larger heap: the bench holds two full 50k-creator clients at once, over a GB each).
//
// Team sync server benchmarks over loopback: a real server (sync-server/server.ts,
// in its own process) and the stock y-websocket client, with edits made through
// WorkspaceStore. The same workload then runs against the reference
// @y/websocket-server with LevelDB, when it can be installed.
import { fork, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

const here = resolve(import.meta.dirname);
const root = resolve(here, '../..');
const bundleDir = join(root, 'node_modules/.cache/bench-sync');
const refPrefix = join(root, 'node_modules/.cache/ref-server');
const REF_PACKAGE = '@y/websocket-server@0.1.1';

const BIG = Number(process.env.BENCH_SYNC_CREATORS ?? 50_000);
const SMALL = 1_000;
const CLIENTS = 20;
const EDITS = 200;
const OFFLINE_EDITS = Math.min(10_000, BIG);
const IDLE = 100;
const WARM_SYNCS = 3;
const BIG_EDITS = 50;

// A full GC in this process between phases, so one phase's garbage (a destroyed 50k doc
// is over a GB) is not collected in the middle of the next one's timings.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const n = (x) => x.toLocaleString('en-US');
const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
const msf = (ms) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const pct = (list, p) => { const s = [...list].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const median = (list) => pct(list, 50);
const creatorCount = (doc) => doc.getMap('creators').size;
const sameBytes = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);

// ── The app code, bundled for Node (TS → ESM; dependencies stay external, so yjs is one copy) ──
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
const { WorkspaceStore, generateDemoWorkspace, loadDemoRecords } = await import(pathToFileURL(join(bundleDir, 'client.mjs')).href);

// ── Servers: each in a child process (server-child.mjs), driven over IPC ──
const children = new Set();
async function startServer(kind, dataDir) {
  const child = fork(join(here, 'server-child.mjs'), [kind, dataDir, kind === 'ours' ? join(bundleDir, 'server.mjs') : refPrefix], {
    execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  children.add(child);
  const exited = new Promise((r) => child.once('exit', r));
  const ready = await new Promise((resolveReady, rejectReady) => {
    child.once('message', resolveReady);
    child.once('exit', (code) => rejectReady(new Error(`the ${kind} server exited with ${code} before it was ready`)));
  });
  const pending = new Map();
  let nextId = 0;
  child.on('message', (m) => {
    if (m.id == null) return;
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) p.reject(new Error(m.error)); else p.resolve(m.value);
  });
  const call = (cmd, arg) => new Promise((res, rej) => { const id = nextId++; pending.set(id, { resolve: res, reject: rej }); child.send({ id, cmd, arg }); });
  return {
    kind, url: ready.url, pid: ready.pid, call,
    async stop() {
      await Promise.race([call('stop'), sleep(30_000)]);
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      children.delete(child);
    },
  };
}

/**
 * A y-websocket connection without a Y.Doc: it claims `stateVector` (so the server sends it
 * next to nothing), and nextChange() resolves at the arrival of the next relayed update.
 */
function listenBare(server, ws, stateVector) {
  const socket = new WebSocket(`${server.url}/${ws.workspaceId}?token=${encodeURIComponent(ws.token)}`);
  socket.binaryType = 'arraybuffer';
  let waiting = [];
  let synced;
  const ready = new Promise((res, rej) => { synced = res; socket.once('error', rej); });
  socket.on('open', () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // sync
    encoding.writeVarUint(encoder, 0); // step 1
    encoding.writeVarUint8Array(encoder, stateVector);
    socket.send(encoding.toUint8Array(encoder));
  });
  socket.on('message', (data) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== 0) return; // presence
    const step = decoding.readVarUint(decoder);
    if (step === 1) synced();
    if (step !== 2) return;
    const at = performance.now();
    for (const resolveAt of waiting) resolveAt(at);
    waiting = [];
  });
  const listener = {
    nextChange: (timeoutMs) => new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error('timed out waiting for a relayed change')), timeoutMs);
      waiting.push((at) => { clearTimeout(timer); res(at); });
    }),
    close: () => socket.terminate(),
  };
  return ready.then(() => listener);
}

/** A server process started on `dataDir`, its code paths warmed on the small room, which then unloads again. */
async function startFresh(kind, dataDir, smallWs) {
  const server = await startServer(kind, dataDir);
  const warmup = connect(server, smallWs.workspaceId, smallWs.token);
  await waitFor(warmup, synced(warmup, SMALL), 'the warm-up sync');
  warmup.close();
  await sleep(500);
  return server;
}

/** One new client in its own process (first-sync-client.mjs): how long until it has all `creators`; it stays connected until leave(). */
async function syncInChild(server, ws, creators) {
  const child = fork(join(here, 'first-sync-client.mjs'), [server.url, ws.workspaceId, ws.token, String(creators)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.add(child);
  const exited = new Promise((r) => child.once('exit', r));
  const next = () => new Promise((res, rej) => {
    child.once('message', res);
    child.once('exit', (code) => rej(new Error(`the first-sync client exited with ${code}`)));
  });
  await next(); // ready: Node and the libraries are loaded, which is not part of syncing
  child.send('go');
  const result = await Promise.race([next(), sleep(180_000).then(() => { throw new Error('timed out waiting for the first sync in a child process'); })]);
  return {
    ...result,
    async leave() {
      child.send('leave');
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      children.delete(child);
    },
  };
}

// ── Clients: stock y-websocket provider; the socket counts the bytes it carries ──
const clients = new Set();
function connect(server, room, token, { doc = new Y.Doc(), autoConnect = true } = {}) {
  const stats = { bytesIn: 0, bytesOut: 0 };
  class CountingWebSocket extends WebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      this.on('message', (data) => { stats.bytesIn += data.byteLength ?? 0; });
    }
    send(data, ...rest) {
      stats.bytesOut += data.byteLength ?? 0;
      return super.send(data, ...rest);
    }
  }
  const provider = new WebsocketProvider(server.url, room, doc, {
    params: { token }, disableBc: true, WebSocketPolyfill: CountingWebSocket, connect: autoConnect,
  });
  const client = {
    doc, provider, stats,
    close() { provider.destroy(); doc.destroy(); clients.delete(client); },
  };
  clients.add(client);
  return client;
}

/** Resolves with performance.now() at the first moment cond() holds, checked on every doc update and sync change. */
function waitFor(client, cond, what, timeoutMs = 180_000) {
  return new Promise((res, rej) => {
    const check = () => { if (cond()) { const at = performance.now(); cleanup(); res(at); } };
    const timer = setTimeout(() => { cleanup(); rej(new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)); }, timeoutMs);
    const cleanup = () => { clearTimeout(timer); client.provider.off('sync', check); client.doc.off('update', check); };
    client.provider.on('sync', check);
    client.doc.on('update', check);
    check();
  });
}
const synced = (client, creators) => () => client.provider.synced && creatorCount(client.doc) === creators;

/**
 * Uploads a workspace the way a first teammate would: connect with the full doc. A bare
 * protocol probe (no Y.Doc, so the bench never holds a third copy of a big workspace)
 * confirms the server has it: it asks for everything and waits for an update whose
 * state vector is the whole workspace's.
 */
async function seed(server, ws, update, creators) {
  const t0 = performance.now();
  const seeder = connect(server, ws.workspaceId, ws.token, { autoConnect: false });
  Y.applyUpdate(seeder.doc, update);
  if (creatorCount(seeder.doc) !== creators) throw new Error('the seeding doc lacks creators');
  seeder.provider.connect();
  await waitFor(seeder, () => seeder.provider.synced, 'the seeding client to sync');
  const t1 = await probeForState(server, ws, Y.encodeStateVectorFromUpdate(update));
  seeder.close();
  return { ms: t1 - t0 };
}

function probeForState(server, ws, target, timeoutMs = 180_000) {
  return new Promise((res, rej) => {
    const socket = new WebSocket(`${server.url}/${ws.workspaceId}?token=${encodeURIComponent(ws.token)}`);
    socket.binaryType = 'arraybuffer';
    const timer = setTimeout(() => { socket.terminate(); rej(new Error('timed out waiting for the server to hold the seeded workspace')); }, timeoutMs);
    socket.on('error', (error) => { clearTimeout(timer); rej(error); });
    socket.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0); // sync
      encoding.writeVarUint(encoder, 0); // step 1
      encoding.writeVarUint8Array(encoder, new Uint8Array([0])); // an empty state vector: send me everything
      socket.send(encoding.toUint8Array(encoder));
    });
    socket.on('message', (data) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return;
      if (decoding.readVarUint(decoder) === 0) return; // the server's own step 1
      const at = performance.now();
      if (!sameBytes(Y.encodeStateVectorFromUpdate(decoding.readVarUint8Array(decoder)), target)) return;
      clearTimeout(timer);
      socket.close();
      res(at);
    });
  });
}

// ── The workspaces: generated once through the real commands, then shipped as Yjs updates ──
function workspaceUpdate(creators) {
  const doc = new Y.Doc();
  const store = new WorkspaceStore(doc);
  const t0 = performance.now();
  const records = loadDemoRecords(store, generateDemoWorkspace({ creators }));
  const update = Y.encodeStateAsUpdate(doc);
  const ms = performance.now() - t0;
  store.destroy();
  doc.destroy();
  return { update, records, ms };
}
const small = workspaceUpdate(SMALL);
const big = workspaceUpdate(BIG);
console.log(`(setup) demo workspaces generated through WorkspaceStore: ${n(BIG)} creators = ${n(big.records)} records, ${mb(big.update.length)} update, in ${sec(big.ms)}; ${n(SMALL)} creators = ${n(small.records)} records, ${mb(small.update.length)}`);

// The raw tool: Y.applyUpdate of the whole workspace in this process, before any client holds a copy.
// Then the same with an 'update' listener, as every synced Y.Doc has (the provider's, y-indexeddb's):
// Yjs then also encodes what the transaction added, which for a first sync is the whole workspace.
function timeApply(listen) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    collect();
    const doc = new Y.Doc();
    if (listen) doc.on('update', () => undefined);
    const s = performance.now();
    Y.applyUpdate(doc, big.update);
    runs.push(performance.now() - s);
    if (creatorCount(doc) !== BIG) throw new Error('the raw apply lost creators');
    doc.destroy();
  }
  return { ms: median(runs), runs };
}
const rawApply = timeApply(false);
rawApply.withUpdateListener = timeApply(true);

// y-websocket registers one process 'exit' listener per provider; 100+ providers is expected here.
const maxListeners = process.getMaxListeners();
process.setMaxListeners(Math.max(maxListeners, IDLE + CLIENTS + 20));

async function suite(kind, { full }) {
  const r = { kind };
  const dataDir = mkdtempSync(join(tmpdir(), `fanfare-bench-sync-${kind}-`));
  let server;
  try {
    // 1. Seed both rooms, then stop: the measured server starts fresh on the same data folder.
    server = await startServer(kind, dataDir);
    const bigWs = await server.call('createWorkspace', 'Bench big');
    const smallWs = await server.call('createWorkspace', 'Bench small');
    r.seed = { bigUploadMs: (await seed(server, bigWs, big.update, BIG)).ms, smallUploadMs: (await seed(server, smallWs, small.update, SMALL)).ms };
    await server.stop();

    // ── First sync of the big workspace to a new client in a process of its own, as a
    // teammate's laptop is (the fresh server loads the room for it: cold; then warm) ──
    server = await startFresh(kind, dataDir, smallWs);
    const memIdle = await server.call('memory');
    const cold = await syncInChild(server, bigWs, BIG);
    const memLoaded = await server.call('memory'); // the cold client stays connected, so the room stays loaded
    const warmChildRuns = [];
    const warmReceivedMs = [];
    for (let i = 0; i < WARM_SYNCS; i++) {
      const warm = await syncInChild(server, bigWs, BIG);
      warmChildRuns.push(warm.ms);
      warmReceivedMs.push(warm.receivedMs);
      await warm.leave();
    }
    await cold.leave();
    r.firstSync = {
      creators: BIG, coldMs: cold.ms, warmMs: median(warmChildRuns), warmRuns: warmChildRuns, updateBytes: cold.updateBytes,
      // Until the workspace had fully arrived at the client: the server's share (and the wire's); the rest is the client applying it.
      coldReceivedMs: cold.receivedMs, warmReceivedMs: median(warmReceivedMs),
      wireBytesIn: cold.bytesIn, wireBytesOut: cold.bytesOut, sameBytesAsGenerated: cold.sha256 === createHash('sha256').update(big.update).digest('hex'),
    };
    r.memoryWorkspace = {
      creators: BIG, before: memIdle, after: memLoaded,
      rssDelta: memLoaded.rss - memIdle.rss, heapUsedDelta: memLoaded.heapUsed - memIdle.heapUsed,
      externalDelta: memLoaded.external - memIdle.external,
    };

    // ── The same in this process (how the first runs of this bench measured it): the warm
    // clients sync next to another full copy of the workspace, whose GC cost they pay ──
    await server.stop();
    server = await startFresh(kind, dataDir, smallWs);
    collect();
    let t0 = performance.now();
    let c1 = connect(server, bigWs.workspaceId, bigWs.token);
    const coldMs = (await waitFor(c1, synced(c1, BIG), 'the first sync (cold)')) - t0;
    const warmRuns = [];
    let c2 = null;
    for (let i = 0; i < WARM_SYNCS; i++) {
      c2?.close();
      c2 = null; // so the collection below can free its doc
      collect();
      t0 = performance.now();
      c2 = connect(server, bigWs.workspaceId, bigWs.token);
      warmRuns.push((await waitFor(c2, synced(c2, BIG), 'the first sync (warm)')) - t0);
    }
    r.firstSync.inBenchProcess = { coldMs, warmMs: median(warmRuns), warmRuns };
    // The same measurement in the big workspace itself (A = c1, B = c2).
    collect();
    // The other 18 of 20 clients: bare connections that say they have the whole workspace (two
    // more full copies would not fit in memory); each change reaching them is one relayed message.
    const listeners = await Promise.all(Array.from({ length: CLIENTS - 2 }, () => listenBare(server, bigWs, Y.encodeStateVector(c1.doc))));
    r.propagationBig = await measurePropagation(c1, c2, listeners, BIG_EDITS, 5, `${kind}-big`);
    r.propagationBig.creators = BIG;
    r.propagationBig.bareListeners = listeners.length;
    for (const listener of listeners) listener.close();
    // ── 10k edits made offline (A = c1, B = c2), ours only ──
    if (full) {
      const storeA = new WorkspaceStore(c1.doc);
      const ids = [...c1.doc.getMap('creators').keys()].sort();
      const step = Math.max(1, Math.floor(ids.length / OFFLINE_EDITS));
      const targets = Array.from({ length: OFFLINE_EDITS }, (_, i) => ids[(i * step) % ids.length]);
      c1.provider.disconnect();
      collect();
      const e0 = performance.now();
      targets.forEach((id, i) => storeA.update('creators', id, { notes: `offline edit ${i}` }));
      const editMs = performance.now() - e0;
      const want = Y.encodeStateVector(c1.doc);
      const pendingBytes = Y.encodeStateAsUpdate(c1.doc, Y.encodeStateVector(c2.doc)).length;
      const inBefore = c2.stats.bytesIn;
      const r0 = performance.now();
      c1.provider.connect();
      const r1 = await waitFor(c2, () => sameBytes(Y.encodeStateVector(c2.doc), want), 'B to receive the offline edits');
      await waitFor(c1, () => c1.provider.synced, 'A to finish its sync');
      const creatorsB = c2.doc.getMap('creators');
      const missing = targets.filter((id, i) => creatorsB.get(id)?.get('notes') !== `offline edit ${i}`).length;
      r.offline = {
        edits: OFFLINE_EDITS, editMs, convergeMs: r1 - r0, pendingUpdateBytes: pendingBytes, bytesToB: c2.stats.bytesIn - inBefore,
        stateVectorsEqual: sameBytes(Y.encodeStateVector(c1.doc), Y.encodeStateVector(c2.doc)), missingOnB: missing,
      };
      // The same room once it has been written to (y-leveldb keeps the result of its last
      // transaction, the document it read at load, until the next write replaces it).
      r.memoryWorkspace.afterFirstWrites = await server.call('memory');
      storeA.destroy();
    }
    c1.close();
    c2.close();
    c1 = c2 = null;

    // ── Edit propagation A→B with 20 clients in the small room ──
    collect();
    const group = Array.from({ length: CLIENTS }, () => connect(server, smallWs.workspaceId, smallWs.token));
    await Promise.all(group.map((c) => waitFor(c, synced(c, SMALL), 'the 20 clients to sync')));
    const [A, B, ...others] = group;
    r.propagation = await measurePropagation(A, B, others, EDITS, 20, kind);
    r.propagation.creators = SMALL;

    A.close();
    for (const c of [B, ...others]) c.close();
    await server.stop();

    // ── 100 idle connections: a data folder of its own holding only a small room (the one
    // above also holds the big workspace, and LevelDB's start-up compaction of its 58 MB
    // value moves RSS by tens of MB), on a freshly started server process ──
    if (full) {
      const idleDir = mkdtempSync(join(tmpdir(), `fanfare-bench-sync-${kind}-idle-`));
      try {
        server = await startServer(kind, idleDir);
        const idleWs = await server.call('createWorkspace', 'Bench idle');
        await seed(server, idleWs, small.update, SMALL);
        const tokens = [];
        for (let i = 0; i < Math.ceil(IDLE / 25); i++) tokens.push((await server.call('invite', idleWs.workspaceId)).token);
        await server.stop();
        server = await startServer(kind, idleDir);
        const holder = connect(server, idleWs.workspaceId, idleWs.token);
        await waitFor(holder, synced(holder, SMALL), 'the first client of the small room to sync');
        await sleep(1_000);
        // Two rounds: the first also pays one-off costs (code, buffer pools, V8 returning
        // pages from the room's load later); the second is the steady cost.
        const rounds = [];
        for (let round = 0; round < 2; round++) {
          const memBefore = await server.call('memory');
          const idle = Array.from({ length: IDLE }, (_, i) => connect(server, idleWs.workspaceId, tokens[Math.floor(i / 25)]));
          await Promise.all(idle.map((c) => waitFor(c, synced(c, SMALL), 'the idle clients to sync')));
          await sleep(1_000);
          const memAfter = await server.call('memory');
          rounds.push({ before: memBefore, after: memAfter, rssDelta: memAfter.rss - memBefore.rss, heapUsedDelta: memAfter.heapUsed - memBefore.heapUsed });
          for (const c of idle) c.close();
          await sleep(1_000);
        }
        r.memoryIdle = { connections: IDLE, creators: SMALL, rounds, rssDelta: rounds[1].rssDelta, heapUsedDelta: rounds[1].heapUsedDelta };
        holder.close();
        await server.stop();
      } finally {
        rmSync(idleDir, { recursive: true, force: true });
      }
    }
    return r;
  } finally {
    for (const c of [...clients]) c.close();
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    children.clear();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A makes single-field edits through its store, one at a time; how long until B (and every other client) has each. */
async function measurePropagation(A, B, others, edits, warmup, tag) {
  const storeA = new WorkspaceStore(A.doc);
  const ids = [...A.doc.getMap('creators').keys()].sort();
  const toB = [];
  const toAll = [];
  const commandMs = [];
  for (let i = -warmup; i < edits; i++) {
    const id = ids[((i + warmup) * 7) % ids.length];
    const value = `edit ${tag} ${i}`;
    const seen = (c) => (c.nextChange ? c.nextChange(30_000) : waitFor(c, () => c.doc.getMap('creators').get(id)?.get('notes') === value, `edit ${i} to arrive`, 30_000));
    const atB = seen(B);
    const atOthers = Promise.all(others.map(seen));
    const s = performance.now();
    storeA.update('creators', id, { notes: value });
    const c = performance.now() - s;
    const tB = await atB;
    const tAll = Math.max(tB, ...(await atOthers));
    if (i >= 0) { toB.push(tB - s); toAll.push(tAll - s); commandMs.push(c); }
    await sleep(5);
  }
  storeA.destroy();
  return {
    clients: 2 + others.length, edits,
    p50: pct(toB, 50), p95: pct(toB, 95), max: Math.max(...toB),
    allReceivers: { p50: pct(toAll, 50), p95: pct(toAll, 95) },
    storeUpdateMs: { p50: pct(commandMs, 50), p95: pct(commandMs, 95) },
  };
}

/** Installs the reference server outside the project (never its package.json); returns why not, or null. */
function installReference() {
  if (existsSync(join(refPrefix, 'node_modules/@y/websocket-server/package.json'))) return null;
  mkdirSync(refPrefix, { recursive: true });
  if (!existsSync(join(refPrefix, 'package.json'))) writeFileSync(join(refPrefix, 'package.json'), '{"name":"ref-server","private":true}\n');
  const res = spawnSync('npm', ['install', '--prefix', refPrefix, '--no-audit', '--no-fund', REF_PACKAGE, 'y-leveldb'], {
    cwd: refPrefix, encoding: 'utf8', timeout: 180_000, env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (res.status === 0 && existsSync(join(refPrefix, 'node_modules/@y/websocket-server/package.json'))) return null;
  const why = (res.error?.message ?? `${res.stderr}`.split('\n').filter((l) => /err/i.test(l)).slice(0, 2).join(' ')) || `npm exited with ${res.status}`;
  return why.trim();
}

const results = {};
try {
  const ours = await suite('ours', { full: true });
  Object.assign(results, ours, { rawApply });
  const fs = ours.firstSync;
  console.log(`seeding (setup): first upload of the ${n(BIG)}-creator workspace by one client until a second client has it: ${sec(ours.seed.bigUploadMs)}`);
  const fsp = fs.inBenchProcess;
  const listened = rawApply.withUpdateListener.ms;
  console.log(`1. first sync of a ${n(BIG)}-creator workspace to a new client (its own process) over loopback: ${sec(fs.coldMs)} with the room loaded from disk (cold), ${sec(fs.warmMs)} with it already in memory (warm; median of ${fs.warmRuns.map(sec).join(', ')}); ${mb(fs.updateBytes)} as a Yjs update (${n(fs.updateBytes)} bytes; ${mb(fs.wireBytesIn)} received on the wire)${fs.sameBytesAsGenerated ? '' : ' (NOT byte-identical to the generated one)'}; all of it had arrived after ${sec(fs.coldReceivedMs)} cold, ${sec(fs.warmReceivedMs)} warm (the server's and the wire's share; the rest is the client applying it) | raw Y.applyUpdate of the same update in-process ${sec(rawApply.ms)} (median of ${rawApply.runs.map(sec).join(', ')}), ${sec(listened)} with an 'update' listener as a synced doc has: sync takes ${(fs.coldMs / rawApply.ms).toFixed(1)}× / ${(fs.coldMs / listened).toFixed(1)}× (cold) and ${(fs.warmMs / rawApply.ms).toFixed(1)}× / ${(fs.warmMs / listened).toFixed(1)}× (warm) the raw tool without / with the listener | in the bench process (as first measured; the warm clients sync next to another full copy): ${sec(fsp.coldMs)} cold, ${sec(fsp.warmMs)} warm (${fsp.warmRuns.map(sec).join(', ')}) | target ≤ 5 s: ${fs.coldMs <= 5000 && fs.warmMs <= 5000 ? 'met' : 'MISSED'}`);
  const p = ours.propagation;
  console.log(`2. edit propagation A→B, ${p.clients} clients in a ${n(p.creators)}-creator room, ${p.edits} single-field edits (store.update): p50 ${msf(p.p50)}, p95 ${msf(p.p95)}, max ${msf(p.max)} (until all ${p.clients - 1} others have it: p50 ${msf(p.allReceivers.p50)}, p95 ${msf(p.allReceivers.p95)}; store.update itself p50 ${msf(p.storeUpdateMs.p50)}) | target p95 ≤ 100 ms: ${p.p95 <= 100 ? 'met' : 'MISSED'}`);
  const pb = ours.propagationBig;
  console.log(`2b. edit propagation A→B inside the ${n(BIG)}-creator workspace itself (${pb.clients} clients: A, B and ${pb.bareListeners} bare connections; ${pb.edits} edits): p50 ${msf(pb.p50)}, p95 ${msf(pb.p95)}, max ${msf(pb.max)} (until all ${pb.clients - 1} others have it: p50 ${msf(pb.allReceivers.p50)}, p95 ${msf(pb.allReceivers.p95)}) | target p95 ≤ 100 ms: ${pb.p95 <= 100 ? 'met' : 'MISSED'}`);
  const o = ours.offline;
  console.log(`3. ${n(o.edits)} single-field edits made offline (${msf(o.editMs)} to make through the store), then reconnect: B had all of them and the state vectors were equal after ${msf(o.convergeMs)} (pending update ${(o.pendingUpdateBytes / 1024).toFixed(0)} KB; ${(o.bytesToB / 1024).toFixed(0)} KB reached B; missing on B ${o.missingOnB}; state vectors equal: ${o.stateVectorsEqual})`);
  const mw = ours.memoryWorkspace;
  console.log(`4a. server memory for one loaded ${n(BIG)}-creator workspace (separate server process, after GC): RSS +${mb(mw.rssDelta)} (${mb(mw.before.rss)} → ${mb(mw.after.rss)}), heapUsed +${mb(mw.heapUsedDelta)}, external +${mb(mw.externalDelta)}; peak RSS of the process while loading it ${mb(mw.after.peakRss)} | after the room's first writes (the ${n(OFFLINE_EDITS)} offline edits, 2 clients connected): RSS ${mb(mw.afterFirstWrites.rss)}, heapUsed +${mb(mw.afterFirstWrites.heapUsed - mw.before.heapUsed)}`);
  const mi = ours.memoryIdle;
  const [r1] = mi.rounds;
  console.log(`4b. server memory for ${mi.connections} idle connections to a ${n(SMALL)}-creator room (fresh server, room already loaded by one client; second of two rounds): RSS +${mb(mi.rssDelta)} (${(mi.rssDelta / mi.connections / 1024).toFixed(0)} KB each), heapUsed +${mb(mi.heapUsedDelta)} (${(mi.heapUsedDelta / mi.connections / 1024).toFixed(0)} KB each) | first round: RSS +${mb(r1.rssDelta)}, heapUsed +${mb(r1.heapUsedDelta)}`);

  const why = installReference();
  if (why) {
    results.reference = { skipped: why };
    console.log(`5. reference ${REF_PACKAGE}: skipped, it could not be installed: ${why}`);
  } else {
    try {
      const ref = await suite('ref', { full: false });
      const rf = ref.firstSync;
      const rp = ref.propagation;
      results.reference = {
        package: REF_PACKAGE, persistence: 'LevelDB (YPERSISTENCE, its own y-leveldb)', ...ref,
        ratios: {
          firstSyncCold: fs.coldMs / rf.coldMs, firstSyncWarm: fs.warmMs / rf.warmMs,
          firstSyncInBenchProcessCold: fsp.coldMs / rf.inBenchProcess.coldMs, firstSyncInBenchProcessWarm: fsp.warmMs / rf.inBenchProcess.warmMs,
          propagationP50: p.p50 / rp.p50, propagationP95: p.p95 / rp.p95,
          propagationBigP50: pb.p50 / ref.propagationBig.p50, propagationBigP95: pb.p95 / ref.propagationBig.p95,
          workspaceRss: mw.rssDelta / ref.memoryWorkspace.rssDelta,
          workspaceHeapUsed: mw.heapUsedDelta / ref.memoryWorkspace.heapUsedDelta,
        },
      };
      const q = results.reference.ratios;
      console.log(`5. reference ${REF_PACKAGE} + LevelDB, same workload: first sync ${sec(rf.coldMs)} cold / ${sec(rf.warmMs)} warm (${mb(rf.updateBytes)}; in the bench process ${sec(rf.inBenchProcess.coldMs)} / ${sec(rf.inBenchProcess.warmMs)}), edit propagation p50 ${msf(rp.p50)} / p95 ${msf(rp.p95)} (in the big workspace ${msf(ref.propagationBig.p50)} / ${msf(ref.propagationBig.p95)}), loaded workspace RSS +${mb(ref.memoryWorkspace.rssDelta)} / heapUsed +${mb(ref.memoryWorkspace.heapUsedDelta)} (peak RSS ${mb(ref.memoryWorkspace.after.peakRss)}) | ours as a ratio of it: first sync cold ${q.firstSyncCold.toFixed(2)}×, warm ${q.firstSyncWarm.toFixed(2)}× (in the bench process ${q.firstSyncInBenchProcessCold.toFixed(2)}×, ${q.firstSyncInBenchProcessWarm.toFixed(2)}×); propagation p50 ${q.propagationP50.toFixed(2)}×, p95 ${q.propagationP95.toFixed(2)}× (in the big workspace ${q.propagationBigP50.toFixed(2)}×, ${q.propagationBigP95.toFixed(2)}×); workspace RSS ${q.workspaceRss.toFixed(2)}×, heapUsed ${q.workspaceHeapUsed.toFixed(2)}× (below 1 = ours is faster/smaller)`);
    } catch (error) {
      results.reference = { skipped: `it was installed but did not run: ${error.message}` };
      console.log(`5. reference ${REF_PACKAGE}: skipped, it was installed but did not run: ${error.message}`);
    }
  }
} finally {
  for (const c of [...clients]) c.close();
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  process.setMaxListeners(maxListeners);
}

// Started by run.mjs: hand the results back over IPC.
if (process.send) {
  process.send({ results });
  process.disconnect();
}
export default results;
