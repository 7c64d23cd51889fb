import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataEngine } from '../../../../src/renderer/src/data/engine/engine';
import type { EngineEvent } from '../../../../src/renderer/src/data/engine/protocol';
import type { PeerPresence, PresenceState } from '../../../../src/shared/sync/presence';
import { parseInvite } from '../../../../src/shared/sync/invite';

/** The part of the sync server this test uses; imported at run time so the browser typecheck does not pull in server code. */
interface SyncServer {
  createWorkspace(name: string): { invite: string };
  close(): Promise<void>;
}
const serverModule = '../../../../sync-server/server';

// The stock y-websocket client needs a WebSocket; Node 20 has none built in.
beforeAll(async () => {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= (await import('ws')).WebSocket;
});

let server: SyncServer;
let dataDir: string;

beforeAll(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  dataDir = mkdtempSync(`${tmpdir()}/fanfare-presence-`);
  const { createSyncServer } = (await import(/* @vite-ignore */ serverModule)) as { createSyncServer(options: object): Promise<SyncServer> };
  server = await createSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: () => undefined });
});

afterAll(async () => {
  await server.close();
  (await import('node:fs')).rmSync(dataDir, { recursive: true, force: true });
});

function laptop(localId: string) {
  const events: EngineEvent[] = [];
  const waiters: (() => void)[] = [];
  const engine = new DataEngine((event) => {
    events.push(event);
    waiters.splice(0).forEach((w) => w());
  });
  const presence = () => [...events].reverse().find((e): e is Extract<EngineEvent, { event: 'presence' }> => e.event === 'presence')?.peers ?? [];
  const until = async (check: (peers: PeerPresence[]) => boolean) => {
    while (!check(presence())) await new Promise<void>((resolve) => waiters.push(resolve));
    return presence();
  };
  return { engine, localId, until };
}

const state = (id: string, name: string, recordId?: string): PresenceState => ({
  user: { id, name, color: '#1c7ed6' },
  at: recordId ? { screen: 'creator', recordId } : { screen: 'creators' },
  editing: recordId ? { recordId, field: 'notes' } : null,
});

describe('presence through the team server', () => {
  it('shows who is in the workspace and where, and forgets them when they leave', async () => {
    const issued = server.createWorkspace('Presence team');
    const parsed = parseInvite(issued.invite);
    if (!parsed.ok) throw new Error(parsed.message);
    const alex = laptop('ws-presence-alex');
    const sam = laptop('ws-presence-sam');
    await alex.engine.open(alex.localId, 'alex', null);
    await sam.engine.open(sam.localId, 'sam', null);

    alex.engine.setPresence(state('alex', 'Alex Morgan'));
    alex.engine.connect(parsed.invite);
    sam.engine.connect(parsed.invite);
    sam.engine.setPresence(state('sam', 'Sam Lee', 'creator-1'));

    const seenByAlex = await alex.until((peers) => peers.some((p) => p.user.id === 'sam' && p.editing?.recordId === 'creator-1'));
    expect(seenByAlex.find((p) => p.user.id === 'sam')).toMatchObject({ user: { name: 'Sam Lee' }, at: { screen: 'creator', recordId: 'creator-1' } });
    await sam.until((peers) => peers.some((p) => p.user.id === 'alex'));

    // Moving on is announced; so is leaving.
    sam.engine.setPresence(state('sam', 'Sam Lee'));
    await alex.until((peers) => peers.some((p) => p.user.id === 'sam' && !p.editing));
    sam.engine.disconnect();
    await alex.until((peers) => !peers.some((p) => p.user.id === 'sam'));

    await alex.engine.close();
    await sam.engine.close();
  });
});
