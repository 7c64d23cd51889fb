import { isDeepStrictEqual } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanupAll, connect, mapOf, synced, waitFor, twoSyncedClients } from './helpers';

afterEach(cleanupAll);

describe('sync server: the stock y-websocket client converges through it', () => {
  it('two clients with concurrent edits converge to identical state', async () => {
    const { a, b } = await twoSyncedClients();

    // Edits made at the same moment, including the same key (one deterministic winner).
    const creatorA = new Y.Map<unknown>();
    a.doc.getMap('creators').set('c1', creatorA);
    creatorA.set('name', 'Ada');
    a.doc.getMap('items').set('shared', 'from A');
    b.doc.getMap('items').set('shared', 'from B');
    for (let i = 0; i < 50; i++) {
      a.doc.getMap('items').set(`a${i}`, i);
      b.doc.getMap('items').set(`b${i}`, i);
    }

    await waitFor(() => Object.keys(mapOf(a)).length === 101 && Object.keys(mapOf(b)).length === 101, 10_000, 'both edit sets');
    await waitFor(() => Y.encodeStateVector(a.doc).toString() === Y.encodeStateVector(b.doc).toString());
    expect(mapOf(a)).toEqual(mapOf(b));
    expect(b.doc.getMap('creators').toJSON()).toEqual({ c1: { name: 'Ada' } });
    expect(Buffer.from(Y.encodeStateAsUpdate(a.doc)).equals(Buffer.from(Y.encodeStateAsUpdate(b.doc)))).toBe(true);
  });

  it('three clients (one joining late) converge, and rich-text documents sync in their own rooms', async () => {
    const { server, workspaceId, token, a, b } = await twoSyncedClients();
    for (let i = 0; i < 30; i++) {
      a.doc.getMap('items').set(`k${i % 10}`, `a${i}`);
      b.doc.getMap('items').set(`k${i % 10}`, `b${i}`);
    }
    const c = connect(server.url, workspaceId, token);
    c.doc.getMap('items').set('offline-c', true);
    await synced(c);
    await waitFor(() => {
      const [ma, mb, mc] = [a, b, c].map((x) => mapOf(x));
      return isDeepStrictEqual(ma, mb) && isDeepStrictEqual(mb, mc) && 'offline-c' in ma;
    }, 10_000, 'three identical states');

    // A brief body: its own Y.Doc and room, `/<workspaceId>/<docId>`.
    const briefA = connect(server.url, `${workspaceId}/brief1`, token);
    const briefB = connect(server.url, `${workspaceId}/brief1`, token);
    await Promise.all([synced(briefA), synced(briefB)]);
    briefA.doc.getText('body').insert(0, 'Hello ');
    briefB.doc.getText('body').insert(0, 'World');
    await waitFor(() => briefA.doc.getText('body').toString() === briefB.doc.getText('body').toString() && briefA.doc.getText('body').length === 11);
    expect(a.doc.getText('body').toString()).toBe(''); // the workspace room did not get the brief's text
  });

  it('passes presence (awareness) between clients and drops it when one leaves', async () => {
    const { a, b } = await twoSyncedClients();
    a.provider.awareness.setLocalStateField('user', { name: 'Ada', color: '#f00' });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Ada');
    a.provider.disconnect();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 5_000, 'presence to be removed');
  });
});
