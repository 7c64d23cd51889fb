import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { cleanupAll, connect, docOf, fetchMissing, rawConnect, sameBytes, startServer, synced, waitFor, updateMessage, type Client } from './helpers';
import { splitUpdate } from '../../src/shared/sync/split-update';
import { OUTGOING_PIECE_BYTES } from '../../sync-server/doc-state';
import { WorkspaceStore } from '../../src/shared/data/store';
import { generateDemoWorkspace } from '../../src/shared/demo/generate';
import { loadDemoRecords } from '../../src/shared/demo/load';

afterEach(cleanupAll);

// The app's hook, loaded at run time: it is renderer code, outside this test project's typecheck.
const hookModule = '../../src/renderer/src/data/engine/piecewise-sync';
let sendInPieces: (provider: WebsocketProvider, maxPieceBytes?: number) => void;
beforeAll(async () => {
  ({ sendInPieces } = (await import(/* @vite-ignore */ hookModule)) as { sendInPieces: typeof sendInPieces });
});

/** The server takes messages up to 1 MB; the workspaces below are several times that. */
const LIMIT = 1024 * 1024;
const PIECE = 256 * 1024;

/**
 * A workspace as a laptop has it after a few sessions: demo creators loaded
 * through the real commands by one session (one Yjs client), then edits and
 * deletions by a later one (another client) pointing into the first.
 */
function bigWorkspace(creators: number): Y.Doc {
  const first = new Y.Doc();
  const store = new WorkspaceStore(first);
  loadDemoRecords(store, generateDemoWorkspace({ creators, seed: 7 }));
  store.destroy();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(first));
  first.destroy();
  const later = doc.getMap<Y.Map<unknown>>('creators');
  let i = 0;
  doc.transact(() => {
    for (const [id, creator] of later) {
      if (i % 10 === 0) later.delete(id);
      else if (i % 3 === 0 && creator instanceof Y.Map) creator.set('notes', `Checked in session two (${i})`);
      i++;
    }
  });
  return doc;
}

/** Content and history of the whole document, comparable with toEqual. */
function stateOf(doc: Y.Doc) {
  return {
    stateVector: Y.decodeStateVector(Y.encodeStateVector(doc)),
    deletes: Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).ds.clients,
    content: Object.fromEntries([...doc.share.keys()].map((name) => [name, doc.getMap(name).toJSON()])),
  };
}

function closeCodes(client: Client): number[] {
  const codes: number[] = [];
  client.provider.on('connection-close', (event: { code: number } | null) => event && codes.push(event.code));
  return codes;
}

/** Connections the server ended or refused (clients closing on their own, 1000/1005, are not). */
function refusals(server: { logs: Array<{ event: string; code?: unknown }> }) {
  return server.logs.filter((e) => e.event === 'refused' || (e.event === 'disconnected' && e.code !== 1000 && e.code !== 1005));
}

async function converged(a: Client, b: Client): Promise<void> {
  await waitFor(() => sameBytes(Y.encodeStateVector(a.doc), Y.encodeStateVector(b.doc)), 60_000, 'the teammate to have everything');
  expect(b.doc.store.pendingStructs).toBeNull();
  expect(b.doc.store.pendingDs).toBeNull();
  expect(stateOf(b.doc)).toEqual(stateOf(a.doc));
}

describe('a workspace bigger than the server accepts as one message', { timeout: 120_000 }, () => {
  it('cannot make its first upload with the stock client: the server closes it with 1009, again and again', async () => {
    const server = await startServer({ maxMessageBytes: LIMIT });
    const { workspaceId, token } = server.createWorkspace('Big brand');
    const doc = bigWorkspace(3000);
    expect(Y.encodeStateAsUpdate(doc).length).toBeGreaterThan(3 * LIMIT);
    const a = connect(server.url, workspaceId, token, doc);
    const codes = closeCodes(a);
    await waitFor(() => codes.length >= 2, 20_000, 'the server to refuse the upload twice');
    expect(codes.slice(0, 2)).toEqual([1009, 1009]);
  });

  it('goes up in pieces below the limit on its first sync, and a new teammate receives all of it', async () => {
    const server = await startServer({ maxMessageBytes: LIMIT });
    const { workspaceId, token } = server.createWorkspace('Big brand');
    const doc = bigWorkspace(3000);
    const a = connect(server.url, workspaceId, token, doc);
    sendInPieces(a.provider, PIECE);
    const aCodes = closeCodes(a);
    await synced(a);
    // All of it reaches the server: asked as a new teammate would ask, it answers with everything A has.
    const served = async () => docOf((await fetchMissing(server.url, workspaceId, token)).updates);
    const deadline = Date.now() + 60_000;
    let copy = await served();
    while (!sameBytes(Y.encodeStateVector(copy), Y.encodeStateVector(doc)) && Date.now() < deadline) copy = await served();
    expect(stateOf(copy)).toEqual(stateOf(doc));

    const b = connect(server.url, workspaceId, token);
    sendInPieces(b.provider, PIECE);
    await converged(a, b);
    expect(aCodes).toEqual([]);
    expect(refusals(server)).toEqual([]);
    expect(a.statuses.filter((s) => s === 'connected')).toHaveLength(1);
  });

  it('reaches a teammate who is connected while it goes up', async () => {
    const server = await startServer({ maxMessageBytes: LIMIT });
    const { workspaceId, token } = server.createWorkspace('Big brand');
    const b = connect(server.url, workspaceId, token);
    sendInPieces(b.provider, PIECE);
    await synced(b);
    const a = connect(server.url, workspaceId, token, bigWorkspace(3000));
    sendInPieces(a.provider, PIECE);
    await converged(a, b);
    expect(refusals(server)).toEqual([]);
  });

  it('sends one huge local change (an import) in pieces while connected', async () => {
    const server = await startServer({ maxMessageBytes: LIMIT });
    const { workspaceId, token } = server.createWorkspace('Big brand');
    const a = connect(server.url, workspaceId, token);
    const b = connect(server.url, workspaceId, token);
    sendInPieces(a.provider, PIECE);
    sendInPieces(b.provider, PIECE);
    await Promise.all([synced(a), synced(b)]);
    const aCodes = closeCodes(a);
    let biggest = 0;
    a.doc.on('update', (update: Uint8Array) => (biggest = Math.max(biggest, update.length)));
    const store = new WorkspaceStore(a.doc);
    loadDemoRecords(store, generateDemoWorkspace({ creators: 3000, seed: 3 }));
    store.destroy();
    expect(biggest).toBeGreaterThan(3 * LIMIT); // one transaction, one update
    await converged(a, b);
    expect(aCodes).toEqual([]);
    expect(a.statuses.filter((s) => s === 'connected')).toHaveLength(1);
  });

  it('stores and relays pieces that arrive before the ones they depend on, and a teammate ends converged', async () => {
    const server = await startServer({ maxMessageBytes: LIMIT });
    const { workspaceId, token } = server.createWorkspace('Big brand');
    const doc = bigWorkspace(1500);
    const b = connect(server.url, workspaceId, token);
    await synced(b);
    // Backwards: every piece but the last waits for pieces still to come.
    const pieces = splitUpdate(Y.encodeStateAsUpdate(doc), PIECE).reverse();
    expect(pieces.length).toBeGreaterThan(3);
    const raw = await rawConnect(server.url, workspaceId, token);
    for (const piece of pieces) raw.ws!.send(updateMessage(piece));
    await waitFor(() => sameBytes(Y.encodeStateVector(b.doc), Y.encodeStateVector(doc)), 60_000, 'the teammate to have everything');
    expect(b.doc.store.pendingStructs).toBeNull();
    expect(stateOf(b.doc)).toEqual(stateOf(doc));
    // A new teammate gets the same from what the server stored.
    const stored = await fetchMissing(server.url, workspaceId, token);
    expect(stateOf(docOf(stored.updates))).toEqual(stateOf(doc));
    expect(refusals(server)).toEqual([]);
  });

  it('comes down to a new teammate in messages no bigger than the server sends (8 MB), however big the stored workspace', async () => {
    const server = await startServer();
    const { workspaceId, token } = server.createWorkspace('Big brand');
    const doc = bigWorkspace(8000);
    const update = Y.encodeStateAsUpdate(doc);
    expect(update.length).toBeGreaterThan(OUTGOING_PIECE_BYTES);
    const raw = await rawConnect(server.url, workspaceId, token);
    for (const piece of splitUpdate(update, 2 * 1024 * 1024)) raw.ws!.send(updateMessage(piece));
    const deadline = Date.now() + 90_000;
    let answer = await fetchMissing(server.url, workspaceId, token);
    while (!sameBytes(Y.encodeStateVector(docOf(answer.updates)), Y.encodeStateVector(doc)) && Date.now() < deadline) answer = await fetchMissing(server.url, workspaceId, token);
    expect(answer.updates.length).toBeGreaterThan(1);
    for (const part of answer.updates) expect(part.length).toBeLessThanOrEqual(OUTGOING_PIECE_BYTES);
    expect(stateOf(docOf(answer.updates))).toEqual(stateOf(doc));
  }, 240_000);
});
