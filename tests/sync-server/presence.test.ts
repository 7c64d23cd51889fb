import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { cleanupAll, closed, connect, rawConnect, startServer, synced, waitFor } from './helpers';

afterEach(cleanupAll);

type Entry = { id: number; clock: number; state: unknown };

/** A y-websocket awareness message, as any client (or an impostor) can write one. */
function presenceMessage(entries: Entry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const { id, clock, state } of entries) {
    encoding.writeVarUint(update, id);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1); // awareness
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

/** The presence entries in an awareness message from the server (null for any other message). */
function readPresence(data: Buffer): Entry[] | null {
  const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  if (decoding.readVarUint(decoder) !== 1) return null;
  const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
  const entries: Entry[] = [];
  for (let n = decoding.readVarUint(update); n > 0; n--) {
    entries.push({ id: decoding.readVarUint(update), clock: decoding.readVarUint(update), state: JSON.parse(decoding.readVarString(update)) });
  }
  return entries;
}

/** A bare socket that sends one sync step 1 and records what it gets: presence bytes and entries, until its sync step 2. */
async function joinAndCount(url: string, room: string, token: string): Promise<{ presenceBytes: number; ids: Set<number>; ws: WebSocket }> {
  // Listening from the start: the greeting can come in the same packet as the upgrade.
  const ws = new WebSocket(`${url}/${room}?token=${encodeURIComponent(token)}`);
  let presenceBytes = 0;
  const ids = new Set<number>();
  return new Promise((resolve) => {
    ws.on('open', () => ws.send(Uint8Array.of(0, 0, 1, 0))); // sync step 1 with an empty state vector
    ws.on('message', (data: Buffer) => {
      const entries = readPresence(data);
      if (entries) {
        presenceBytes += data.byteLength;
        for (const entry of entries) if (entry.state !== null) ids.add(entry.id);
        return;
      }
      if (data[0] === 0 && data[1] === 1) resolve({ presenceBytes, ids, ws }); // its sync step 2: the greeting is over
    });
  });
}

describe('sync server: presence', () => {
  it('drops presence sent for another invite\'s window, and logs it once', async () => {
    const server = await startServer();
    const { workspaceId, token: aliceToken } = server.createWorkspace('Acme');
    const { token: malloryToken } = server.invite(workspaceId);
    const alice = connect(server.url, workspaceId, aliceToken);
    const observer = connect(server.url, workspaceId, aliceToken);
    await Promise.all([synced(alice), synced(observer)]);
    alice.provider.awareness.setLocalState({ user: 'Alice' });
    const aliceId = alice.doc.clientID;
    const seen = () => observer.provider.awareness.getStates();
    await waitFor(() => (seen().get(aliceId) as { user?: string } | undefined)?.user === 'Alice', 10_000, 'Alice at the observer');

    const mallory = (await rawConnect(server.url, workspaceId, malloryToken)).ws!;
    // Posing as Alice with a clock far ahead, then removing her; then her own window, which proves the server got this far.
    mallory.send(presenceMessage([{ id: aliceId, clock: 1_000, state: { user: 'Mallory' } }]));
    mallory.send(presenceMessage([{ id: aliceId, clock: 2_000, state: null }]));
    for (let i = 0; i < 50; i++) mallory.send(presenceMessage([{ id: aliceId, clock: 3_000 + i, state: { user: 'Mallory' } }]));
    mallory.send(presenceMessage([{ id: 4242, clock: 1, state: { user: 'Mallory' } }]));
    await waitFor(() => seen().has(4242), 10_000, 'Mallory\'s own window at the observer');

    expect(seen().get(aliceId)).toEqual({ user: 'Alice' });
    // Alice can still change her own presence.
    alice.provider.awareness.setLocalState({ user: 'Alice', on: 'briefs' });
    await waitFor(() => (seen().get(aliceId) as { on?: string } | undefined)?.on === 'briefs', 10_000, 'Alice\'s change');

    const refusals = server.logs.filter((l) => l.event === 'presence-refused');
    expect(refusals).toHaveLength(1); // 52 attempts, one log line: the rest are counted into the next one
    expect(refusals[0]).toMatchObject({ tokenId: malloryToken.slice(0, 8), workspaceId, room: workspaceId, spoofed: 1, clientIds: [aliceId] });
    expect(String(refusals[0].message)).toContain('another invite');

    // When Mallory leaves, what was dropped meanwhile is logged, and only her own window goes.
    const gone = closed(mallory);
    mallory.close();
    await gone;
    await waitFor(() => !seen().has(4242), 10_000, 'Mallory\'s window to go');
    await waitFor(() => server.logs.filter((l) => l.event === 'presence-refused').length === 2);
    expect(server.logs.filter((l) => l.event === 'presence-refused')[1]).toMatchObject({ spoofed: 51 });
    expect(seen().get(aliceId)).toEqual({ user: 'Alice', on: 'briefs' });
  });

  it('lets a reconnecting window take its id over from its own invite\'s old connection', async () => {
    const server = await startServer();
    const { workspaceId, token } = server.createWorkspace('Acme');
    const observer = connect(server.url, workspaceId, token);
    await synced(observer);
    const seen = () => observer.provider.awareness.getStates();
    const old = (await rawConnect(server.url, workspaceId, token)).ws!;
    old.send(presenceMessage([{ id: 777, clock: 1, state: { user: 'Bo', where: 'old' } }]));
    await waitFor(() => seen().has(777));
    // The old socket is still open as far as the server knows (a laptop that slept, say).
    const fresh = (await rawConnect(server.url, workspaceId, token)).ws!;
    fresh.send(presenceMessage([{ id: 777, clock: 2, state: { user: 'Bo', where: 'new' } }]));
    await waitFor(() => (seen().get(777) as { where?: string } | undefined)?.where === 'new');
    // When the old one finally goes, it takes nothing with it.
    const gone = closed(old);
    old.close();
    await gone;
    fresh.send(presenceMessage([{ id: 778, clock: 1, state: { marker: true } }]));
    await waitFor(() => seen().has(778));
    expect(seen().get(777)).toEqual({ user: 'Bo', where: 'new' });
    expect(server.logs.filter((l) => l.event === 'presence-refused')).toEqual([]);
  });

  it('keeps at most 4 windows and 16 KB per window from one connection: a flood of 5,000 does not reach a new teammate', async () => {
    const server = await startServer();
    const { workspaceId, token } = server.createWorkspace('Acme');
    const { token: floodToken } = server.invite(workspaceId);
    const observer = connect(server.url, workspaceId, token);
    await synced(observer);
    const flooder = (await rawConnect(server.url, workspaceId, floodToken)).ws!;
    const state = { user: 'x'.repeat(1_000) };
    const flood = Array.from({ length: 5_000 }, (_, i) => ({ id: 10_000 + i, clock: 1, state }));
    flooder.send(presenceMessage(flood));
    // One of its windows grows past 16 KB: that change is dropped, its last good state stays.
    flooder.send(presenceMessage([{ id: 10_000, clock: 2, state: { user: 'y'.repeat(20_000) } }]));
    // Removing and re-adding does not get around the limit either: a removed id frees its slot, no more.
    flooder.send(presenceMessage([{ id: 10_001, clock: 2, state: null }, { id: 20_000, clock: 1, state: { user: 'late' } }, { id: 20_001, clock: 1, state: { user: 'later' } }]));
    const seen = observer.provider.awareness.getStates();
    await waitFor(() => seen.has(20_000) && !seen.has(10_001), 10_000, 'the flood to be handled');

    const joiner = await joinAndCount(server.url, workspaceId, token);
    expect([...joiner.ids].filter((id) => id >= 10_000).sort()).toEqual([10_000, 10_002, 10_003, 20_000]);
    // Three windows of ~1 KB and a small one: what a new teammate downloads for presence (it was 5 MB).
    expect(joiner.presenceBytes).toBeGreaterThan(3_000);
    expect(joiner.presenceBytes).toBeLessThan(4_500);
    joiner.ws.close();
    console.log(`presence sent to a new joiner after a 5,000-id flood: ${joiner.presenceBytes} bytes`);

    const refusals = server.logs.filter((l) => l.event === 'presence-refused');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ tokenId: floodToken.slice(0, 8), overLimit: 4_996 });
    // The drops made after that first line are counted, and logged when the connection ends.
    const gone = closed(flooder);
    flooder.close();
    await gone;
    await waitFor(() => server.logs.filter((l) => l.event === 'presence-refused').length === 2);
    expect(server.logs.filter((l) => l.event === 'presence-refused')[1]).toMatchObject({ tooLarge: 1, overLimit: 1 });
  });

  it('closes a connection whose presence cannot be read, as any unreadable message', async () => {
    const server = await startServer();
    const { workspaceId, token } = server.createWorkspace('Acme');
    const { ws } = await rawConnect(server.url, workspaceId, token);
    const ending = closed(ws!);
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, 5);
    encoding.writeVarUint(update, 1);
    encoding.writeVarString(update, '{not json');
    const message = encoding.createEncoder();
    encoding.writeVarUint(message, 1);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
    ws!.send(encoding.toUint8Array(message));
    expect((await ending).code).toBe(4500);
  });
});
