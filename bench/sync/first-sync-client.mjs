// One new client in a process of its own, as a teammate's laptop is: started by
// driver.mjs, it connects when told to, reports how long until it has the whole
// workspace, then stays connected (keeping the room loaded) until told to leave.
//   node first-sync-client.mjs <url> <room> <token> <creators>
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';

const [url, room, token, creatorsArg] = process.argv.slice(2);
const creators = Number(creatorsArg);
const stats = { bytesIn: 0, bytesOut: 0 };
let t0 = 0;
/** When the biggest message (the workspace) had fully arrived: what is left after it is the client's own work. */
let biggest = { bytes: 0, atMs: 0 };

class CountingWebSocket extends WebSocket {
  constructor(address, protocols) {
    super(address, protocols);
    // Registered before y-websocket's handler, so it sees each message before it is applied.
    this.on('message', (data) => {
      const bytes = data.byteLength ?? 0;
      stats.bytesIn += bytes;
      if (bytes > biggest.bytes) biggest = { bytes, atMs: performance.now() - t0 };
    });
  }
  send(data, ...rest) {
    stats.bytesOut += data.byteLength ?? 0;
    return super.send(data, ...rest);
  }
}

let provider = null;
process.on('disconnect', () => process.exit(0));
process.on('message', (m) => {
  if (m === 'go') void sync();
  else if (m === 'leave') { provider?.destroy(); process.disconnect(); }
});
process.send({ ready: true });

async function sync() {
  const doc = new Y.Doc();
  t0 = performance.now();
  provider = new WebsocketProvider(url, room, doc, { params: { token }, disableBc: true, WebSocketPolyfill: CountingWebSocket });
  const t1 = await new Promise((resolve) => {
    const check = () => {
      if (!provider.synced || doc.getMap('creators').size !== creators) return;
      const at = performance.now();
      provider.off('sync', check);
      doc.off('update', check);
      resolve(at);
    };
    provider.on('sync', check);
    doc.on('update', check);
  });
  const update = Y.encodeStateAsUpdate(doc);
  process.send({ ms: t1 - t0, receivedMs: biggest.atMs, ...stats, updateBytes: update.length, sha256: createHash('sha256').update(update).digest('hex') });
}
