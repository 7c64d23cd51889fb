import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LeveldbPersistence } from 'y-leveldb';
import { AccessStore } from '../../sync-server/access-store';
import { DocPersistence } from '../../sync-server/doc-persistence';
import { MAX_TAIL_UPDATES } from '../../sync-server/compaction-policy';
import { cleanupAll, connect, docOf, fetchMissing, mapOf, sameBytes, startServer, synced, tempDir, twoSyncedClients, waitFor, type Client } from './helpers';

afterEach(cleanupAll);

/** The stored updates of a room, read with the server stopped (LevelDB allows one process). */
async function storedRows(dataDir: string, room: string) {
  const persistence = new DocPersistence(dataDir);
  await persistence.open();
  try {
    return await persistence.read(room);
  } finally {
    await persistence.close();
  }
}

async function withYLeveldb<T>(dataDir: string, use: (db: LeveldbPersistence) => Promise<T>): Promise<T> {
  const db = new LeveldbPersistence(join(dataDir, 'docs'));
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}

const stateOf = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(doc);

/** Separate edits, each its own update (and so its own stored row): the writer waits for the watcher each time. */
async function editOneByOne(writer: Client, watcher: Client, count: number, prefix: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    writer.doc.getMap('items').set(`${prefix}${i % 50}`, `${prefix} ${i}`);
    if (i % 25 === 24 || i === count - 1) await waitFor(() => mapOf(watcher)[`${prefix}${i % 50}`] === `${prefix} ${i}`);
  }
}

describe('sync server: what it stores and answers (no Y.Doc on the server)', () => {
  it('answers a new client with exactly the document the clients built, before and after a restart', async () => {
    const { server, workspaceId, token, a, b } = await twoSyncedClients();
    const creators = a.doc.getMap('creators');
    for (let i = 0; i < 20; i++) {
      const creator = new Y.Map<unknown>();
      creators.set(`c${i}`, creator);
      creator.set('name', `Creator ${i}`);
    }
    await waitFor(() => b.doc.getMap('creators').size === 20);
    const earlier = stateOf(b.doc);
    a.doc.getText('notes').insert(0, 'Hello brave world');
    await waitFor(() => b.doc.getText('notes').length === 17);
    b.doc.getText('notes').delete(6, 6); // deletions travel as a delete set
    b.doc.getMap('items').set('shared', 1);
    creators.delete('c3');
    await waitFor(() => sameBytes(stateOf(a.doc), stateOf(b.doc)), 10_000, 'the clients to converge');

    const fresh = docOf((await fetchMissing(server.url, workspaceId, token)).updates);
    expect(sameBytes(stateOf(fresh), stateOf(a.doc))).toBe(true);
    // A client that has everything is sent (almost) nothing; one that has part is sent the rest.
    const upToDate = await fetchMissing(server.url, workspaceId, token, Y.encodeStateVector(a.doc));
    expect(upToDate.updates.reduce((n, u) => n + u.length, 0)).toBeLessThan(200);
    const rest = await fetchMissing(server.url, workspaceId, token, Y.encodeStateVector(docOf([earlier])));
    expect(sameBytes(stateOf(docOf([earlier, ...rest.updates])), stateOf(a.doc))).toBe(true);
    // A client with only changes of its own is sent everything, and ends with both.
    const own = new Y.Doc();
    own.getMap('items').set('mine', true);
    const everything = await fetchMissing(server.url, workspaceId, token, Y.encodeStateVector(own));
    const mine = docOf([stateOf(own), ...everything.updates]);
    expect(mine.getMap('items').get('mine')).toBe(true);
    expect(sameBytes(stateOf(docOf([stateOf(a.doc), stateOf(own)])), stateOf(mine))).toBe(true);

    a.provider.destroy();
    b.provider.destroy();
    await server.close();
    const again = await startServer({ dataDir: server.dataDir });
    const cold = docOf((await fetchMissing(again.url, workspaceId, token)).updates);
    expect(sameBytes(stateOf(cold), stateOf(a.doc))).toBe(true);
  });

  it('keeps y-leveldb\'s layout: y-leveldb reads the folder, and the server reads what y-leveldb wrote', async () => {
    const { server, workspaceId, token, a, b } = await twoSyncedClients();
    const brief = connect(server.url, `${workspaceId}/brief1`, token);
    await synced(brief);
    for (let i = 0; i < 30; i++) a.doc.getMap('items').set(`k${i}`, i);
    brief.doc.getText('body').insert(0, 'The brief');
    await waitFor(() => Object.keys(mapOf(b)).length === 30);
    const expected = stateOf(a.doc);
    a.provider.destroy();
    b.provider.destroy();
    brief.provider.destroy();
    await server.close();

    await withYLeveldb(server.dataDir, async (db) => {
      expect(sameBytes(stateOf(await db.getYDoc(workspaceId)), expected)).toBe(true);
      expect((await db.getYDoc(`${workspaceId}/brief1`)).getText('body').toString()).toBe('The brief');
      expect((await db.getAllDocNames()).sort()).toEqual([workspaceId, `${workspaceId}/brief1`].sort());
      expect(sameBytes(await db.getStateVector(workspaceId), Y.encodeStateVector(a.doc))).toBe(true);
      // The reference server stores a change the same way.
      const other = docOf([expected]);
      const before = Y.encodeStateVector(other);
      other.getMap('items').set('from-y-leveldb', true);
      await db.storeUpdate(workspaceId, Y.encodeStateAsUpdate(other, before));
    });

    const again = await startServer({ dataDir: server.dataDir });
    const c = connect(again.url, workspaceId, token);
    await synced(c);
    expect(mapOf(c)).toMatchObject({ k29: 29, 'from-y-leveldb': true });
    c.doc.getMap('items').set('after', 'restart');
    const d = connect(again.url, workspaceId, token);
    await waitFor(() => mapOf(d).after === 'restart');
  });

  it('numbers stored updates on from where it left off, after a restart and after merging', async () => {
    const first = await startServer();
    const { workspaceId, token } = first.createWorkspace('Acme');
    let a = connect(first.url, workspaceId, token);
    let b = connect(first.url, workspaceId, token);
    await Promise.all([synced(a), synced(b)]);
    await editOneByOne(a, b, 40, 'first');
    a.provider.destroy();
    b.provider.destroy();
    await first.close();
    const afterFirst = await storedRows(first.dataDir, workspaceId);
    expect(afterFirst.updates.length).toBeGreaterThan(10);
    expect(afterFirst.base).not.toBeNull();

    // A restart, then enough separate changes to be merged into one update.
    const second = await startServer({ dataDir: first.dataDir });
    a = connect(second.url, workspaceId, token, a.doc);
    b = connect(second.url, workspaceId, token, b.doc);
    await Promise.all([synced(a), synced(b)]);
    await editOneByOne(a, b, MAX_TAIL_UPDATES + 20, 'second');
    const expected = stateOf(a.doc);
    a.provider.destroy();
    b.provider.destroy();
    await second.close();
    const afterSecond = await storedRows(first.dataDir, workspaceId);
    const clocks = afterSecond.updates.map((u) => u.clock);
    expect(clocks.length).toBeLessThan(MAX_TAIL_UPDATES);
    expect(clocks[0]).toBeGreaterThan(afterFirst.updates.at(-1)!.clock); // everything was merged into a later update
    expect([...clocks].sort((x, y) => x - y)).toEqual(clocks);
    expect(new Set(clocks).size).toBe(clocks.length);
    expect(afterSecond.base?.clock).toBe(clocks[0]);

    // And after the merge, new changes are numbered past it: y-leveldb sees every change.
    const third = await startServer({ dataDir: first.dataDir });
    const c = connect(third.url, workspaceId, token);
    await synced(c);
    expect(sameBytes(stateOf(c.doc), expected)).toBe(true);
    c.doc.getMap('items').set('third', 3);
    const d = connect(third.url, workspaceId, token);
    await waitFor(() => mapOf(d).third === 3);
    const final = stateOf(c.doc);
    c.provider.destroy();
    d.provider.destroy();
    await third.close();
    expect((await storedRows(first.dataDir, workspaceId)).updates.at(-1)!.clock).toBeGreaterThan(clocks.at(-1)!);
    await withYLeveldb(first.dataDir, async (db) => expect(sameBytes(stateOf(await db.getYDoc(workspaceId)), final)).toBe(true));
  });

  it('stores nothing for what a reconnecting client re-sends and the server already has', async () => {
    const { server, workspaceId, token, a, b } = await twoSyncedClients();
    for (let i = 0; i < 10; i++) a.doc.getMap('items').set('same-key', i); // each overwrite deletes the previous value
    a.doc.getText('t').insert(0, 'abcdef');
    a.doc.getText('t').delete(1, 3);
    await waitFor(() => sameBytes(stateOf(a.doc), stateOf(b.doc)));
    a.provider.destroy();
    b.provider.destroy();
    await server.close();
    const before = (await storedRows(server.dataDir, workspaceId)).updates.length;

    const again = await startServer({ dataDir: server.dataDir });
    const watcher = connect(again.url, workspaceId, token);
    for (let i = 0; i < 3; i++) {
      // Its sync step 2 carries every deletion it knows of, all of them already stored;
      // the edit after it (its only new change) arrives once the room has handled that.
      const back = connect(again.url, workspaceId, token, a.doc);
      await synced(back);
      back.doc.getMap('items').set(`visit${i}`, true);
      await waitFor(() => mapOf(watcher)[`visit${i}`] === true);
      back.provider.destroy();
    }
    watcher.provider.destroy();
    await again.close();
    expect((await storedRows(server.dataDir, workspaceId)).updates.length).toBe(before + 3);
  });

  it('reads a folder written by y-leveldb alone (an older server), and carries on from it', async () => {
    const dataDir = tempDir();
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) writer.getMap('items').set(`old${i}`, i);
    writer.getMap('items').delete('old0');
    await withYLeveldb(dataDir, async (db) => {
      for (const u of updates) await db.storeUpdate('ws-old', u);
    });

    // The admin creates the workspace first (the CLI works with the server stopped): a folder with
    // documents but no access file is refused at start, since no one could connect to them.
    const { token } = new AccessStore(dataDir).createWorkspace('Old', 'ws-old');
    const server = await startServer({ dataDir });
    const c = connect(server.url, 'ws-old', token);
    await synced(c);
    expect(mapOf(c)).toEqual({ old1: 1, old2: 2, old3: 3, old4: 4 });
    c.doc.getMap('items').set('new', true);
    const d = connect(server.url, 'ws-old', token);
    await waitFor(() => mapOf(d).new === true);
    c.provider.destroy();
    d.provider.destroy();
    await server.close();
    // It saved its description of the first stored update, so the next start does not re-read it.
    expect((await storedRows(dataDir, 'ws-old')).base).not.toBeNull();
    await withYLeveldb(dataDir, async (db) => expect((await db.getYDoc('ws-old')).getMap('items').toJSON()).toEqual({ old1: 1, old2: 2, old3: 3, old4: 4, new: true }));
  });
});
