import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { cleanupAll, closed, connect, docOf, fetchMissing, mapOf, rawConnect, sameBytes, startServer, synced, waitFor, twoSyncedClients, updateMessage } from './helpers';
import { itemUpdate } from './crafted-updates';
import { CLOSE, CLOSE_REASON } from '../../sync-server/close-codes';

afterEach(cleanupAll);

function syncUpdateMessage(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, 2); // update
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe('sync server: limits and bad input', () => {
  it('closes only the connection that sends an oversized message, and keeps serving others', async () => {
    const server = await startServer({ maxMessageBytes: 64 * 1024 });
    const { workspaceId, token } = server.createWorkspace('Acme');
    const a = connect(server.url, workspaceId, token);
    const b = connect(server.url, workspaceId, token);
    await Promise.all([synced(a), synced(b)]);
    a.doc.getMap('items').set('before', 1);
    await waitFor(() => mapOf(b).before === 1);

    const raw = await rawConnect(server.url, workspaceId, token);
    const ending = closed(raw.ws!);
    raw.ws!.send(syncUpdateMessage(randomBytes(100 * 1024)));
    expect((await ending).code).toBe(1009);
    expect(server.logs).toContainEqual(expect.objectContaining({ event: 'disconnected', code: 1009, reason: 'A message was larger than the server allows.' }));

    a.doc.getMap('items').set('after', 2);
    await waitFor(() => mapOf(b).after === 2);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it('garbage closes only that connection, the server keeps serving, and the stored document stays intact', async () => {
    const { server: first, workspaceId, token, a, b } = await twoSyncedClients();
    a.doc.getMap('items').set('good', 'kept');
    await waitFor(() => mapOf(b).good === 'kept');

    const attacks: Array<Uint8Array | string> = [
      randomBytes(300), // noise
      syncUpdateMessage(randomBytes(200)), // a well-framed update full of noise
      Uint8Array.of(0, 2, 50, 1, 2, 3), // an update shorter than it says
      Uint8Array.of(0, 9), // an unknown sync step
      Uint8Array.of(42), // an unknown message type
      Uint8Array.of(1, 5, 1, 2, 3, 4, 5), // broken presence
      'hello', // text instead of binary
    ];
    for (const attack of attacks) {
      const raw = await rawConnect(first.url, workspaceId, token);
      const ending = closed(raw.ws!);
      raw.ws!.send(attack);
      const { code, reason } = await ending;
      expect(code, `attack ${String(attack).slice(0, 20)}`).toBe(CLOSE.malformed);
      expect(reason).toBe(CLOSE_REASON.malformed);
    }

    // The good clients never noticed.
    b.doc.getMap('items').set('still', 'syncing');
    await waitFor(() => mapOf(a).still === 'syncing');
    expect(a.statuses.filter((s) => s === 'disconnected')).toEqual([]);
    expect(first.logs.filter((l) => l.event === 'room-reloaded')).toEqual([]);

    // And after a restart, the stored document holds exactly the good edits.
    a.provider.destroy();
    b.provider.destroy();
    await first.close();
    const second = await startServer({ dataDir: first.dataDir });
    const c = connect(second.url, workspaceId, token);
    await synced(c);
    expect(mapOf(c)).toEqual({ good: 'kept', still: 'syncing' });
  });

  it('refuses an update that reads fine alone but would break the stored document, and stores none of it', async () => {
    const { server, workspaceId, token, a, b } = await twoSyncedClients();
    a.doc.getMap('items').set('good', 'kept');
    await waitFor(() => mapOf(b).good === 'kept');
    const stored = { client: a.doc.clientID, clock: 0 };
    const poison = [
      // Right of a stored item, and left of its own client's future: Yjs throws integrating it.
      itemUpdate({ client: 4242, clock: 0, origin: stored, rightOrigin: { client: 4242, clock: 5 } }),
      // The same, but waiting for a client nobody has yet (it would throw on every client later).
      itemUpdate({ client: 4343, clock: 0, origin: { client: 999, clock: 3 }, rightOrigin: { client: 4343, clock: 5 } }),
    ];
    for (const update of poison) {
      const raw = await rawConnect(server.url, workspaceId, token);
      const ending = closed(raw.ws!);
      raw.ws!.send(updateMessage(update));
      expect((await ending).code).toBe(CLOSE.malformed);
    }
    b.doc.getMap('items').set('still', 'syncing');
    await waitFor(() => mapOf(a).still === 'syncing');
    const served = docOf((await fetchMissing(server.url, workspaceId, token)).updates);
    expect(sameBytes(Y.encodeStateAsUpdate(served), Y.encodeStateAsUpdate(a.doc))).toBe(true);
  });

  it('keeps a change that arrives before the one it builds on, across a restart, without claiming it early', async () => {
    const first = await startServer();
    const { workspaceId, token } = first.createWorkspace('Acme');
    const laptop = new Y.Doc();
    const updates: Uint8Array[] = [];
    laptop.on('update', (u: Uint8Array) => updates.push(u));
    laptop.getMap('items').set('one', 1);
    laptop.getMap('items').set('two', 2);
    const [u1, u2] = updates;

    // u2 alone: stored and passed on, but the server's state vector does not claim it (else no one would send u1).
    const early = await fetchMissing(first.url, workspaceId, token, undefined, [updateMessage(u2)]);
    expect(docOf(early.updates).store.pendingStructs).not.toBeNull();
    expect((await fetchMissing(first.url, workspaceId, token)).stateVector.get(laptop.clientID)).toBeUndefined();
    await first.close();

    const second = await startServer({ dataDir: first.dataDir });
    let served = docOf((await fetchMissing(second.url, workspaceId, token, undefined, [updateMessage(u1)])).updates);
    expect(served.getMap('items').toJSON()).toEqual({ one: 1, two: 2 });
    // A big change after that: enough to merge everything, which counts the once-waiting change again.
    laptop.getText('notes').insert(0, 'n'.repeat(80_000));
    served = docOf((await fetchMissing(second.url, workspaceId, token, undefined, [updateMessage(updates[2])])).updates);
    expect(sameBytes(Y.encodeStateAsUpdate(served), Y.encodeStateAsUpdate(laptop))).toBe(true);
    const upToDate = await fetchMissing(second.url, workspaceId, token, Y.encodeStateVector(laptop));
    expect(upToDate.updates.reduce((n, u) => n + u.length, 0)).toBeLessThan(50);
    expect(upToDate.stateVector).toEqual(Y.decodeStateVector(Y.encodeStateVector(laptop)));
    await second.close();

    const third = await startServer({ dataDir: first.dataDir });
    served = docOf((await fetchMissing(third.url, workspaceId, token)).updates);
    expect(sameBytes(Y.encodeStateAsUpdate(served), Y.encodeStateAsUpdate(laptop))).toBe(true);
  });
});
