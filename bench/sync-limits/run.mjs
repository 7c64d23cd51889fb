// Issue [10] items 6 and 7, before and after, each server in its own process:
//  - memory: 20 connections of one invite each send one 60 MB message at once; the server's peak RSS
//    (VmHWM) over its RSS before, and how the connections ended;
//  - fair joins: while 5,000 small changes from one client are queued, a new client asks for the
//    document (sync step 1): how long until its sync step 2, and how many changes were still queued;
//  - presence flood: one connection announces 5,000 presences of 1 KB; what a new client then downloads.
// Both servers are built from git (`git archive` of sync-server/ and src/shared/, bundled with vite).
//   BENCH_SYNC_LIMITS_BEFORE (default: the commit before items 6 and 7), BENCH_SYNC_LIMITS_AFTER (default: HEAD)
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { bundleServerAt, serverChild } from '../lib/server-at-commit.mjs';

const here = resolve(import.meta.dirname);
const root = resolve(here, '../..');
const BEFORE = process.env.BENCH_SYNC_LIMITS_BEFORE ?? 'fca7c39';
const AFTER = process.env.BENCH_SYNC_LIMITS_AFTER ?? 'HEAD';
const MB = 1024 * 1024;
const FLOOD_CONNECTIONS = 20;
const BURST = 5_000;

const temps = [];
const tempDir = (label) => {
  const dir = mkdtempSync(join(tmpdir(), `fanfare-sync-limits-${label}-`));
  temps.push(dir);
  return dir;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const bundleAt = (commit, label) => bundleServerAt(root, commit, tempDir(label), label);

async function startServer(bundle) {
  const child = fork(serverChild, [bundle, tempDir('data')], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const next = () => new Promise((res, rej) => {
    child.once('message', res);
    child.once('exit', (code) => rej(new Error(`the server exited with ${code}`)));
  });
  const { url, pid } = await next();
  return {
    url, pid,
    async workspace() {
      child.send({ cmd: 'workspace', arg: 'bench' });
      return next();
    },
    async stop() {
      child.send({ cmd: 'stop' });
      await Promise.race([next().catch(() => undefined), sleep(10_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)[1]) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

function open(url, room, token, options) {
  const socket = new WebSocket(`${url}/${room}?token=${encodeURIComponent(token)}`, options);
  return new Promise((res, rej) => {
    socket.once('open', () => res(socket));
    socket.once('error', rej);
  });
}

function syncMessage(step, payload) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

async function memoryFlood(server) {
  const { workspaceId, token } = await server.workspace();
  const sockets = await Promise.all(Array.from({ length: FLOOD_CONNECTIONS }, () => open(server.url, workspaceId, token, { generateMask: (m) => m.fill(0) })));
  await sleep(300);
  const before = memoryOf(server.pid);
  const payload = Buffer.alloc(60 * MB, 7);
  const header = encoding.createEncoder();
  encoding.writeVarUint(header, 0);
  encoding.writeVarUint(header, 2);
  encoding.writeVarUint(header, payload.length);
  const endings = sockets.map((ws) => new Promise((res) => {
    ws.on('close', (code) => res(code));
    ws.on('error', () => undefined);
  }));
  for (const ws of sockets) {
    ws.send(encoding.toUint8Array(header), { binary: true, fin: false });
    ws.send(payload, { binary: true, fin: true });
  }
  const codes = await Promise.all(endings);
  const after = memoryOf(server.pid);
  const counts = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return { rssBeforeMB: Math.round(before.rss / MB), peakMB: Math.round(after.peak / MB), grewMB: Math.round((after.peak - before.rss) / MB), closes: counts };
}

async function joinDuringBurst(server) {
  const { workspaceId, token } = await server.workspace();
  const source = new Y.Doc();
  const burst = [];
  source.on('update', (u) => burst.push(syncMessage(2, u)));
  for (let i = 0; i < BURST; i++) source.getMap('items').set(`k${i}`, i);
  const watcher = await open(server.url, workspaceId, token);
  let relayed = 0;
  watcher.on('message', (data) => {
    if (data[0] === 0 && data[1] === 2) relayed++;
  });
  const writer = await open(server.url, workspaceId, token);
  for (const message of burst) writer.send(message);
  while (relayed === 0) await sleep(1);
  const joiner = new WebSocket(`${server.url}/${workspaceId}?token=${encodeURIComponent(token)}`);
  const asked = await new Promise((res) => joiner.on('open', () => {
    joiner.send(Uint8Array.of(0, 0, 1, 0));
    res(performance.now());
  }));
  const answer = await new Promise((res) => joiner.on('message', (data) => {
    if (data[0] === 0 && data[1] === 1) res({ at: performance.now(), written: relayed });
  }));
  while (relayed < BURST) await sleep(5);
  for (const ws of [watcher, writer, joiner]) ws.terminate();
  return { joinWaitMs: Math.round(answer.at - asked), writtenWhenAnswered: answer.written, stillQueued: BURST - answer.written };
}

async function presenceFlood(server) {
  const { workspaceId, token, second } = await server.workspace();
  const flooder = await open(server.url, workspaceId, second);
  const state = JSON.stringify({ user: 'x'.repeat(1_000) });
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 5_000);
  for (let i = 0; i < 5_000; i++) {
    encoding.writeVarUint(update, 10_000 + i);
    encoding.writeVarUint(update, 1);
    encoding.writeVarString(update, state);
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  flooder.send(encoding.toUint8Array(message));
  await sleep(1_000);
  const joiner = new WebSocket(`${server.url}/${workspaceId}?token=${encodeURIComponent(token)}`);
  let bytes = 0;
  await new Promise((res) => {
    joiner.on('open', () => joiner.send(Uint8Array.of(0, 0, 1, 0)));
    joiner.on('message', (data) => {
      if (data[0] === 1) bytes += data.byteLength;
      if (data[0] === 0 && data[1] === 1) res();
    });
  });
  flooder.terminate();
  joiner.terminate();
  return { presenceBytesForNewJoiner: bytes };
}

const results = { before: null, after: null };
try {
  const builds = [await bundleAt(BEFORE, 'before'), await bundleAt(AFTER, 'after')];
  for (const built of builds) {
    const figures = { sha: built.sha };
    for (const [name, run] of [['memory', memoryFlood], ['join', joinDuringBurst], ['presence', presenceFlood]]) {
      const server = await startServer(built.bundle);
      try {
        figures[name] = await run(server);
      } finally {
        await server.stop();
      }
    }
    results[built.label] = figures;
    const { memory, join: joined, presence } = figures;
    console.log(`${built.label} (${built.sha}):`);
    console.log(`  ${FLOOD_CONNECTIONS} × 60 MB on one invite: server RSS ${memory.rssBeforeMB} MB → peak ${memory.peakMB} MB (+${memory.grewMB} MB); closes ${JSON.stringify(memory.closes)}`);
    console.log(`  joining during a ${BURST}-change burst: sync step 2 after ${joined.joinWaitMs} ms, with ${joined.stillQueued} changes still queued`);
    console.log(`  after a 5,000-presence flood a new client downloads ${presence.presenceBytesForNewJoiner.toLocaleString('en-US')} bytes of presence`);
  }
} finally {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
}

export default results;
