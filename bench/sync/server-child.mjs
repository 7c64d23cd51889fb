// One sync server in its own process (as in a real deployment, and so its
// memory can be read on its own), driven by run.mjs over the IPC channel.
//   node --expose-gc server-child.mjs ours <dataDir> <bundled server.mjs>
//   node --expose-gc server-child.mjs ref  <dataDir> <ref-server install prefix>
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [kind, dataDir, where] = process.argv.slice(2);

let server;
if (kind === 'ours') {
  const { createSyncServer } = await import(pathToFileURL(where).href);
  const sync = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: () => undefined });
  server = {
    url: sync.url,
    createWorkspace: (name) => { const i = sync.createWorkspace(name); return { workspaceId: i.workspaceId, token: i.token }; },
    invite: (workspaceId) => ({ token: sync.invite(workspaceId).token }),
    close: () => sync.close(),
  };
} else if (kind === 'ref') {
  // The reference server's own server.js, with port 0 and 127.0.0.1 (it reads
  // YPERSISTENCE when utils.js is imported, so LevelDB is on).
  process.env.YPERSISTENCE = join(dataDir, 'leveldb');
  const pkg = join(where, 'node_modules/@y/websocket-server');
  const { setupWSConnection, getPersistence, docs } = await import(pathToFileURL(join(pkg, 'src/utils.js')).href);
  const { default: WebSocket } = await import(pathToFileURL(join(where, 'node_modules/ws/index.js')).href);
  const wss = new WebSocket.Server({ noServer: true });
  const http = createServer((_req, res) => { res.writeHead(200, { 'Content-Type': 'text/plain' }); res.end('okay'); });
  wss.on('connection', setupWSConnection);
  http.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));
  await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
  server = {
    url: `ws://127.0.0.1:${http.address().port}`,
    // No access control in the reference server: any room name, any token.
    createWorkspace: () => ({ workspaceId: `ref-${randomBytes(6).toString('hex')}`, token: 'unused' }),
    invite: () => ({ token: 'unused' }),
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise((resolve) => http.close(resolve));
      // Unloading rooms and pending LevelDB writes (y-leveldb queues them; destroy waits).
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const doc of docs.values()) doc.destroy();
      await getPersistence().provider.destroy();
    },
  };
} else {
  throw new Error(`unknown server kind ${kind}`);
}

const status = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))[1]) * 1024;
const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function memory() {
  // Let queued writes and socket buffers finish, then collect until RSS settles.
  await settle(300);
  let rss = status('VmRSS');
  for (let round = 0; round < 10; round++) {
    globalThis.gc?.();
    await settle(200);
    const now = status('VmRSS');
    const stable = Math.abs(now - rss) < 256 * 1024;
    rss = now;
    if (stable) break;
  }
  const m = process.memoryUsage();
  return { rss, peakRss: status('VmHWM'), heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

// Never outlive the benchmark (if it dies, its IPC channel closes).
let stopping = false;
process.on('disconnect', () => { if (!stopping) process.exit(1); });

process.on('message', async ({ id, cmd, arg }) => {
  try {
    let value;
    if (cmd === 'createWorkspace') value = server.createWorkspace(arg);
    else if (cmd === 'invite') value = server.invite(arg);
    else if (cmd === 'memory') value = await memory();
    else if (cmd === 'stop') value = await server.close();
    else throw new Error(`unknown command ${cmd}`);
    process.send({ id, value });
    if (cmd === 'stop') { stopping = true; process.disconnect(); }
  } catch (error) {
    process.send({ id, error: error.stack ?? String(error) });
  }
});
process.send({ ready: true, url: server.url, pid: process.pid });
