import { afterEach, describe, expect, it } from 'vitest';
import { AccessStore } from '../../sync-server/access-store';
import { parseInvite } from '../../src/shared/sync/invite';
import { cleanupAll, closed, connect, rawConnect, startServer, synced, waitFor } from './helpers';

afterEach(cleanupAll);

async function serverWithData() {
  const server = await startServer({ maxConnectionsPerToken: 3 });
  const issued = server.createWorkspace('Acme Creators');
  const writer = connect(server.url, issued.workspaceId, issued.token);
  await synced(writer);
  writer.doc.getMap('items').set('secret', 'TOP-SECRET-BRIEF');
  await waitFor(() => server.logs.some((l) => l.event === 'connected'));
  return { server, issued, writer };
}

describe('sync server: access', () => {
  it('issues invites the app accepts, pointing at the server', async () => {
    const server = await startServer();
    const issued = server.createWorkspace('Acme Creators');
    const parsed = parseInvite(issued.invite);
    expect(parsed).toEqual({ ok: true, invite: { server: server.url, workspaceId: issued.workspaceId, token: issued.token, name: 'Acme Creators' } });
    const again = server.invite(issued.workspaceId);
    expect(again.token).not.toBe(issued.token);
    expect(again.workspaceId).toBe(issued.workspaceId);
    expect(() => server.invite('nope')).toThrow(/no workspace "nope"/);
  });

  it('refuses a missing, wrong, revoked or other-workspace token with 401 before the upgrade', async () => {
    const { server, issued } = await serverWithData();
    const other = server.createWorkspace('Other team');
    const revoked = server.invite(issued.workspaceId);
    server.revoke(revoked.token);

    for (const token of [null, '', 'not-a-real-token-at-all-xxxxxxxxxxxxxxxxxxxx', revoked.token, other.token]) {
      const result = await rawConnect(server.url, issued.workspaceId, token);
      expect(result.status, `token ${token}`).toBe(401);
      expect(JSON.parse(result.body!).error).toMatch(/invite/);
    }
    // A bad room name is refused too, whatever the token.
    expect((await rawConnect(server.url, '..%2F..', issued.token)).status).toBe(404);
    // The stored token is hashed: the access file does not contain it.
    expect(new AccessStore(server.dataDir).tokens.some((t) => JSON.stringify(t).includes(issued.token))).toBe(false);
  });

  it('the stock client without a valid token never connects and receives no data', async () => {
    const { server, issued } = await serverWithData();
    const noToken = connect(server.url, issued.workspaceId, null);
    const wrong = connect(server.url, issued.workspaceId, 'x'.repeat(43));
    // Not a pause: each client is refused, retries and is refused again before anything is judged.
    const refused = () => server.logs.filter((l) => l.event === 'refused' && l.status === 401).length;
    await waitFor(() => refused() >= 4);
    for (const client of [noToken, wrong]) {
      expect(client.statuses).not.toContain('connected');
      expect(client.doc.getMap('items').size).toBe(0);
      expect(client.provider.synced).toBe(false);
    }
  });

  it('revoking a token closes its open connections at once, and it cannot reconnect', async () => {
    const { server, issued } = await serverWithData();
    const victim = server.invite(issued.workspaceId);
    const raw = await rawConnect(server.url, issued.workspaceId, victim.token);
    const ending = closed(raw.ws!);
    const stock = connect(server.url, issued.workspaceId, victim.token);
    await synced(stock);

    server.revoke(victim.tokenId);
    expect(await ending).toEqual({ code: 4401, reason: 'This invite was revoked. Ask for a new one.' });
    await waitFor(() => stock.statuses.includes('disconnected'));
    // Whatever the client does next, the token itself no longer opens a connection (checked directly, not by waiting).
    expect(stock.provider.wsconnected).toBe(false);
    expect((await rawConnect(server.url, issued.workspaceId, victim.token)).status).toBe(401);
    // Other tokens are untouched.
    expect((await rawConnect(server.url, issued.workspaceId, issued.token)).ws).toBeDefined();
  });

  it('a revocation written by the CLI (another process) takes effect without a restart', async () => {
    const { server, issued } = await serverWithData();
    const victim = server.invite(issued.workspaceId);
    const raw = await rawConnect(server.url, issued.workspaceId, victim.token);
    const ending = closed(raw.ws!);
    new AccessStore(server.dataDir).revoke(victim.tokenId);
    expect((await ending).code).toBe(4401);
    // And an invite made by the CLI works at once.
    const fresh = new AccessStore(server.dataDir).issueToken(issued.workspaceId);
    expect((await rawConnect(server.url, issued.workspaceId, fresh.token)).ws).toBeDefined();
  });

  it('refuses connections over the per-token limit with 429', async () => {
    const { server, issued } = await serverWithData(); // the writer holds one of three
    expect((await rawConnect(server.url, issued.workspaceId, issued.token)).ws).toBeDefined();
    expect((await rawConnect(server.url, `${issued.workspaceId}/doc1`, issued.token)).ws).toBeDefined();
    const refused = await rawConnect(server.url, issued.workspaceId, issued.token);
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body!).error).toMatch(/Too many connections/);
    const another = server.invite(issued.workspaceId);
    expect((await rawConnect(server.url, issued.workspaceId, another.token)).ws).toBeDefined();
  });

  it('answers /health without auth or data, and logs connections without contents or tokens', async () => {
    const { server, issued } = await serverWithData();
    const health = await fetch(`${server.url.replace('ws', 'http')}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    await rawConnect(server.url, issued.workspaceId, 'wrong-token-wrong-token-wrong');
    const text = JSON.stringify(server.logs);
    expect(text).not.toContain('TOP-SECRET-BRIEF');
    expect(text).not.toContain(issued.token);
    expect(server.logs).toContainEqual(expect.objectContaining({ event: 'connected', tokenId: issued.tokenId, workspaceId: issued.workspaceId, room: issued.workspaceId }));
    expect(server.logs).toContainEqual(expect.objectContaining({ event: 'refused', status: 401, reason: 'token unknown' }));
  });
});
