import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cleanupAll, closed, connect, docOf, fetchMissing, mapOf, rawConnect, startServer, synced, updateMessage, waitFor } from './helpers';
import { CLOSE } from '../../sync-server/close-codes';

afterEach(cleanupAll);

/** One client's change: `items[key] = value`, as a whole-document update of its own. */
function change(client: number, key: string): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = client;
  doc.getMap('items').set(key, `from ${client}`);
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Two clients' changes in one update, the lower client first. Yjs always
 * writes the highest first, and Y.mergeUpdates (how the server merges what it
 * stores) drops structs of an update in another order: stored, it would be
 * lost at the next merge.
 */
function lowestFirst(): Uint8Array {
  const [low, high] = [change(5, 'low'), change(9, 'high')];
  // Each is: one client (1 byte), its section, no deletions (1 byte).
  const sections = [low.subarray(1, low.length - 1), high.subarray(1, high.length - 1)];
  return new Uint8Array([2, ...sections[0], ...sections[1], 0]);
}

describe('sync server: the order of clients in an update', () => {
  it('Yjs itself reads such an update (so a client would not notice)', () => {
    const doc = docOf([lowestFirst()]);
    expect(doc.getMap('items').toJSON()).toEqual({ low: 'from 5', high: 'from 9' });
  });

  for (const room of ['empty', 'with content'] as const) {
    it(`refuses an update with its clients out of Yjs' order, into a room ${room}, and stores nothing of it`, async () => {
      const server = await startServer();
      const { workspaceId, token } = server.createWorkspace('Acme');
      const [a, b] = [connect(server.url, workspaceId, token), connect(server.url, workspaceId, token)];
      await Promise.all([synced(a), synced(b)]);
      if (room === 'with content') {
        a.doc.getMap('items').set('kept', 1);
        await waitFor(() => mapOf(b).kept === 1);
      }
      const raw = await rawConnect(server.url, workspaceId, token);
      const ending = closed(raw.ws!);
      raw.ws!.send(updateMessage(lowestFirst()));
      expect((await ending).code).toBe(CLOSE.malformed);
      const stored = docOf((await fetchMissing(server.url, workspaceId, token)).updates);
      expect(stored.getMap('items').toJSON()).toEqual(room === 'with content' ? { kept: 1 } : {});
      expect(mapOf(b)).toEqual(room === 'with content' ? { kept: 1 } : {});
    });
  }
});
