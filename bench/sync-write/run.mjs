// The cost of "acknowledged means durable" (issue [9] item 1) on the write path:
// server throughput of small updates, before and after, as a ratio.
//
// Both servers are built from git (`git archive` of sync-server/ and src/shared/,
// bundled with vite; node_modules is shared), each runs in its own process with a
// fresh data folder on the real disk, and the same pre-encoded updates are sent
// over loopback by bare y-websocket sockets as fast as the server takes them. One
// more socket per room counts the updates relayed to it: the server relays an
// update only after it is stored, so relayed = stored. Rounds alternate between
// the two servers; the median of each is reported.
//   BENCH_SYNC_WRITE_BEFORE (default: the commit before item 1), BENCH_SYNC_WRITE_AFTER (default: HEAD)
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { bundleServerAt, serverChild } from '../lib/server-at-commit.mjs';

const here = resolve(import.meta.dirname);
const root = resolve(here, '../..');
const BEFORE = process.env.BENCH_SYNC_WRITE_BEFORE ?? '1b3995b72b51233d2d4ca81a9a221c5e81de9380';
const AFTER = process.env.BENCH_SYNC_WRITE_AFTER ?? 'HEAD';
const ROUNDS = Number(process.env.BENCH_SYNC_WRITE_ROUNDS ?? 3);
// Two shapes: one busy room (its writes are in order anyway), and many rooms at once
// (where writes from different rooms now wait for one another).
const SCENARIOS = [
  { name: 'one room, 4 writers', rooms: 1, writersPerRoom: 4, updatesPerWriter: 2_500 },
  { name: '8 rooms, 1 writer each', rooms: 8, writersPerRoom: 1, updatesPerWriter: 1_250 },
];

const temps = [];
const tempDir = (label) => {
  const dir = mkdtempSync(join(tmpdir(), `fanfare-sync-write-${label}-`));
  temps.push(dir);
  return dir;
};
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const n = (x) => Math.round(x).toLocaleString('en-US');

const bundleAt = (commit, label) => bundleServerAt(root, commit, tempDir(label), label);

async function startServer(bundle) {
  const child = fork(serverChild, [bundle, tempDir('data')], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const next = () => new Promise((res, rej) => {
    child.once('message', res);
    child.once('exit', (code) => rej(new Error(`the server exited with ${code}`)));
  });
  const { url } = await next();
  return {
    url,
    async workspace() {
      child.send({ cmd: 'workspace', arg: 'bench' });
      return next();
    },
    async stop() {
      child.send({ cmd: 'stop' });
      await next().catch(() => undefined);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Small updates as a client makes them: one map entry each, all from one Y.Doc in order. */
function updateMessages(count) {
  const doc = new Y.Doc();
  const messages = [];
  doc.on('update', (update) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // sync
    encoding.writeVarUint(encoder, 2); // update
    encoding.writeVarUint8Array(encoder, update);
    messages.push(encoding.toUint8Array(encoder));
  });
  const items = doc.getMap('items');
  for (let i = 0; i < count; i++) items.set(`k${i % 100}`, i);
  doc.destroy();
  return messages;
}

function open(url, room, token) {
  const socket = new WebSocket(`${url}/${room}?token=${encodeURIComponent(token)}`);
  return new Promise((res, rej) => {
    socket.once('open', () => res(socket));
    socket.once('error', rej);
  });
}

/** Counts the updates relayed to a socket; resolves when `expected` have arrived. */
function countRelayed(socket, expected) {
  let seen = 0;
  return new Promise((res) => {
    socket.on('message', (data) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 2) return;
      if (++seen === expected) res();
    });
  });
}

async function measure(server, scenario, messages) {
  const sockets = [];
  const arrivals = [];
  const writers = [];
  for (let r = 0; r < scenario.rooms; r++) {
    const { workspaceId, token } = await server.workspace();
    const watcher = await open(server.url, workspaceId, token);
    sockets.push(watcher);
    arrivals.push(countRelayed(watcher, scenario.writersPerRoom * scenario.updatesPerWriter));
    for (let w = 0; w < scenario.writersPerRoom; w++) {
      const socket = await open(server.url, workspaceId, token);
      sockets.push(socket);
      writers.push({ socket, messages: messages[writers.length] });
    }
  }
  const started = performance.now();
  for (const { socket, messages: list } of writers) for (const message of list) socket.send(message);
  await Promise.all(arrivals);
  const seconds = (performance.now() - started) / 1000;
  for (const socket of sockets) socket.terminate();
  return (scenario.rooms * scenario.writersPerRoom * scenario.updatesPerWriter) / seconds;
}

const results = { before: null, after: null, scenarios: {} };
try {
  const builds = [await bundleAt(BEFORE, 'before'), await bundleAt(AFTER, 'after')];
  results.before = builds[0].sha;
  results.after = builds[1].sha;
  for (const scenario of SCENARIOS) {
    const writerCount = scenario.rooms * scenario.writersPerRoom;
    const messages = Array.from({ length: writerCount }, () => updateMessages(scenario.updatesPerWriter));
    const rates = { before: [], after: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const built of round % 2 === 0 ? builds : [...builds].reverse()) {
        const server = await startServer(built.bundle);
        try {
          rates[built.label].push(await measure(server, scenario, messages));
        } finally {
          await server.stop();
        }
      }
    }
    const before = median(rates.before);
    const after = median(rates.after);
    results.scenarios[scenario.name] = { updates: writerCount * scenario.updatesPerWriter, beforePerSecond: Math.round(before), afterPerSecond: Math.round(after), ratio: Number((after / before).toFixed(3)), rounds: rates };
    console.log(`${scenario.name}: before (${results.before}) ${n(before)} updates/s, after (${results.after}) ${n(after)} updates/s, ratio after/before ${(after / before).toFixed(2)}`);
  }
} finally {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
}

export default results;
