import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { cleanupAll, connect, mapOf, rawConnect, startServer, synced, updateMessage, waitFor } from './helpers';

afterEach(cleanupAll);

const BURST = 5_000;

describe('sync server: joining during a burst', () => {
  it('a client that joins while 5,000 changes are queued gets the stored document before they are written, and ends with all of them', async () => {
    const server = await startServer();
    const { workspaceId, token } = server.createWorkspace('Acme');
    const observer = connect(server.url, workspaceId, token);
    await synced(observer);

    const source = new Y.Doc();
    source.getMap('items').set('before', true);
    const first = Y.encodeStateAsUpdate(source);
    const burst: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => burst.push(update));
    for (let i = 0; i < BURST; i++) source.getMap('items').set(`k${i}`, i);
    source.destroy();

    const writer = (await rawConnect(server.url, workspaceId, token)).ws!;
    writer.send(updateMessage(first));
    await waitFor(() => mapOf(observer).before === true, 10_000, 'the stored document');
    for (const update of burst) writer.send(updateMessage(update));
    // The server has started on the burst: the rest of it is in its queue (it writes each change before relaying it).
    await waitFor(() => Object.keys(mapOf(observer)).length > 1, 10_000, 'the first change of the burst');

    // The joiner, listening from the start, asks with an empty state vector.
    const joiner = new WebSocket(`${server.url}/${workspaceId}?token=${encodeURIComponent(token)}`);
    const doc = new Y.Doc();
    let step2At = -1;
    let relayed = 0;
    let relayedAfterStep2 = 0;
    joiner.on('open', () => joiner.send(Uint8Array.of(0, 0, 1, 0)));
    joiner.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (decoding.readVarUint(decoder) !== 0) return; // presence
      const step = decoding.readVarUint(decoder);
      if (step === 0) return; // the server's own step 1
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
      if (step === 1) step2At = relayed;
      else if (step2At >= 0) relayedAfterStep2++;
      else relayed++;
    });
    await waitFor(() => step2At >= 0, 30_000, 'sync step 2');
    // Ordering, not time: at least a thousand of the burst's changes were still to be written when the joiner got
    // the stored document (before, its question waited behind all of them: ~8 s at 5,000 edits).
    const stored = doc.getMap('items').toJSON() as Record<string, unknown>;
    expect(stored.before).toBe(true);
    expect(Object.keys(stored).length).toBeLessThan(BURST - 1_000);
    await waitFor(() => Object.keys(doc.getMap('items').toJSON()).length === BURST + 1, 60_000, 'the whole burst at the joiner');
    expect(relayedAfterStep2).toBeGreaterThan(1_000);
    console.log(`joiner got sync step 2 with ${Object.keys(stored).length - 1} of ${BURST} changes written; ${relayedAfterStep2} came by relay after it`);

    // Converged: the joiner has exactly what the observer (synced all along) has, and what a fresh client gets.
    await waitFor(() => Object.keys(mapOf(observer)).length === BURST + 1, 60_000, 'the burst at the observer');
    expect(doc.getMap('items').toJSON()).toEqual(mapOf(observer));
    const late = connect(server.url, workspaceId, token);
    await synced(late);
    expect(mapOf(late)).toEqual(mapOf(observer));
    joiner.close();
    writer.close();
    doc.destroy();
  }, 120_000);

  it('answers a writer\'s "who is here?" only after every change it sent before the question is stored (the heartbeat takes it as proof)', async () => {
    const server = await startServer();
    const { workspaceId, token } = server.createWorkspace('Acme');
    const source = new Y.Doc();
    const burst: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => burst.push(update));
    for (let i = 0; i < 2_000; i++) source.getMap('items').set(`k${i}`, i);
    source.destroy();

    const writer = (await rawConnect(server.url, workspaceId, token)).ws!;
    let answered = false;
    writer.on('message', (data: Buffer) => {
      if (data[0] === 1) answered = true; // the awareness answer
    });
    for (const update of burst) writer.send(updateMessage(update));
    writer.send(Uint8Array.of(3)); // query awareness, right behind the burst
    await waitFor(() => answered, 60_000, 'the answer to the question');
    // A client joining now is answered from what is stored: it must hold the whole burst.
    const late = connect(server.url, workspaceId, token);
    await synced(late);
    expect(Object.keys(mapOf(late)).length).toBe(2_000);
    writer.close();
  }, 120_000);
});
