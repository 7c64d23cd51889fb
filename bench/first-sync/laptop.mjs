// One teammate's laptop in a process of its own (so its memory is its own), driven by run.mjs.
//   node laptop.mjs a <url> <room> <token> <client bundle> <creators>   builds the workspace, then uploads it on 'go'
//   node laptop.mjs b <url> <room> <token> <client bundle> <state vector, base64>   a new teammate: downloads it on 'go'
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';

const [role, url, room, token, bundle, arg] = process.argv.slice(2);
const { WorkspaceStore, generateDemoWorkspace, loadDemoRecords, splitUpdate, sendInPieces, MAX_PIECE_BYTES } = await import(pathToFileURL(bundle).href);

const status = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
/** Forgets the peak so far (Linux: "5" into clear_refs resets VmHWM), so the next peak is the sync's own. */
const resetPeak = () => { globalThis.gc?.(); writeFileSync('/proc/self/clear_refs', '5'); };
const sameBytes = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * A y-websocket socket a browser would open: no message size limit (Chromium has none; the
 * `ws` package's default of 100 MB would cut off a stored workspace bigger than that).
 */
class BrowserLikeWebSocket extends WebSocket {
  constructor(address, protocols) {
    super(address, protocols, { maxPayload: 0 });
  }
}

/** The server's state vector, as it says it to a newcomer (after everything queued before in the room). */
function serverState() {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url}/${room}?token=${encodeURIComponent(token)}`);
    const retry = () => { socket.terminate(); setTimeout(() => resolve(null), 500); };
    const timer = setTimeout(retry, 60_000);
    socket.on('message', (data) => {
      clearTimeout(timer);
      const d = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 0) return;
      resolve(decoding.readVarUint8Array(d));
      socket.terminate();
    });
    socket.on('error', () => { clearTimeout(timer); retry(); });
  });
}

const log = (what) => process.env.BENCH_VERBOSE && console.error(`[laptop ${role}] ${(performance.now() / 1000).toFixed(1)} s: ${what}`);

process.on('disconnect', () => process.exit(0));
const doc = new Y.Doc();
let provider = null;

if (role === 'a') {
  const t0 = performance.now();
  const store = new WorkspaceStore(doc);
  const records = loadDemoRecords(store, generateDemoWorkspace({ creators: Number(arg) }));
  const generateMs = performance.now() - t0;
  const update = Y.encodeStateAsUpdate(doc);
  const t1 = performance.now();
  const pieces = splitUpdate(update, MAX_PIECE_BYTES);
  const splitMs = performance.now() - t1;
  const stateVector = Y.encodeStateVector(doc);
  process.send({ ready: true, records, generateMs, splitMs, updateBytes: update.length, pieces: pieces.length, biggestPiece: Math.max(...pieces.map((p) => p.length)), stateVector: Buffer.from(stateVector).toString('base64') });
  process.once('message', async () => {
    resetPeak();
    const start = performance.now();
    provider = new WebsocketProvider(url, room, doc, { params: { token }, disableBc: true, WebSocketPolyfill: BrowserLikeWebSocket });
    sendInPieces(provider);
    const closes = [];
    provider.on('connection-close', (event) => { log(`closed ${event?.code ?? 'by the client'}`); closes.push(event?.code ?? 0); });
    provider.on('status', ({ status: s }) => log(s));
    await new Promise((resolve) => provider.once('sync', resolve));
    log('synced; waiting for the server to have everything');
    // Synced means A has the server's state; the upload is done when the server has all of A's.
    for (let theirs = await serverState(); !theirs || !sameBytes(theirs, stateVector); theirs = await serverState()) {
      log(`server has ${theirs ? JSON.stringify([...Y.decodeStateVector(theirs)]) : '(no answer)'}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    process.send({ ms: performance.now() - start, peakRss: status('VmHWM'), closes });
  });
} else {
  const want = new Uint8Array(Buffer.from(arg, 'base64'));
  process.send({ ready: true });
  process.once('message', async () => {
    resetPeak();
    const start = performance.now();
    provider = new WebsocketProvider(url, room, doc, { params: { token }, disableBc: true, WebSocketPolyfill: BrowserLikeWebSocket });
    sendInPieces(provider);
    const closes = [];
    provider.on('connection-close', (event) => closes.push(event?.code ?? 0));
    await new Promise((resolve) => {
      const check = () => provider.synced && sameBytes(Y.encodeStateVector(doc), want) && resolve();
      provider.on('sync', check);
      doc.on('update', check);
    });
    const ms = performance.now() - start;
    process.send({ ms, peakRss: status('VmHWM'), closes, creators: doc.getMap('creators').size, pending: doc.store.pendingStructs !== null });
  });
}
