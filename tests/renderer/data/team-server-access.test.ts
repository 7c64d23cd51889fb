import { describe, expect, it } from 'vitest';
import type { HostApi } from '../../../src/shared/api/contract';
import { HostError } from '../../../src/shared/api/errors';
import { admitTeamServer, teamServerOriginOf } from '../../../src/renderer/src/data/team-server-access';

// The page's side only; the host's registry is tested with the real host in tests/main and tests/security.

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() { return items.size; },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

/** A host that knows one team server at start and remembers what it is told, refusing what the real one refuses. */
function hostKnowing(origins: string[]) {
  const known = new Set(origins);
  const remembered: string[] = [];
  const host: Pick<HostApi, 'team-server-list' | 'team-server-remember'> = {
    'team-server-list': async () => ({ origins: [...known] }),
    'team-server-remember': async ({ server, workspaceId }) => {
      if (server.includes(';')) throw new HostError('invalid-input', `“${server}” is not a team server address Fanfare can connect to.`);
      remembered.push(workspaceId);
      known.add(teamServerOriginOf(server)!);
      return { origins: [...known] };
    },
  };
  return { host, remembered };
}

const TOKEN = 'k'.repeat(32);

describe('connecting a workspace to a team server from the page', () => {
  it('tells the host, reloads once for a server the page could not reach, and never loops', async () => {
    const { host, remembered } = hostKnowing(['ws://127.0.0.1:4000']);
    const storage = memoryStorage();

    // Known when the page loaded: connect now.
    expect(await admitTeamServer(host, { server: 'ws://127.0.0.1:4000/', workspaceId: 'ws-other', token: TOKEN }, { storage })).toEqual({ ok: true, reload: false });

    // New to the page: the host remembers it and the page must reload to reach it.
    const fresh = { server: 'ws://127.0.0.1:5000', workspaceId: 'ws-new', token: TOKEN };
    expect(await admitTeamServer(host, fresh, { storage })).toEqual({ ok: true, reload: true });
    expect(remembered).toEqual(['ws-other', 'ws-new']);
    // Still not reachable after that reload (this page's list is from before): said, not reloaded again.
    expect(await admitTeamServer(host, fresh, { storage })).toMatchObject({ ok: false, message: expect.stringContaining('Close Fanfare and open it again') });

    // An address the host refuses comes back as the person's sentence.
    expect(await admitTeamServer(host, { server: 'ws://a;b', workspaceId: 'ws-x', token: TOKEN }, { storage }))
      .toEqual({ ok: false, message: '“ws://a;b” is not a team server address Fanfare can connect to.' });
    expect(teamServerOriginOf('wss://sync.example:8443/x')).toBe('wss://sync.example:8443');
  });
});
