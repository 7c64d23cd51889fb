import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostHandlers, createInProcessHost } from '../../src/main/handlers';
import { TeamServers } from '../../src/main/services/team-servers';
import { createWebHost } from '../../src/main/web-host/server';
import { cleanupAll, laptop, randomFile, startServer, tempDir, webSession } from '../main/services/media-store/helpers';

/**
 * Bytes go only to the team's server (issue 22): page script names a
 * workspace, never an address. A second server on 127.0.0.1 stands for the
 * attacker's and records everything that reaches it.
 */

afterEach(cleanupAll);

interface Heard { method: string; url: string; bytes: number; authorization: string | undefined }

async function attackerServer(): Promise<{ url: string; ws: string; heard: Heard[]; close(): Promise<void> }> {
  const heard: Heard[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => void (bytes += chunk.length));
    req.on('end', () => {
      heard.push({ method: req.method ?? '', url: req.url ?? '', bytes, authorization: req.headers.authorization });
      // Says "not here" to a HEAD, so a host that did ask would go on to send the file.
      res.writeHead(req.method === 'HEAD' ? 404 : 201).end();
    });
  });
  server.on('checkContinue', (req, res) => {
    res.writeContinue();
    server.emit('request', req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}`, heard, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('files go only to the team server this computer connected to', () => {
  it('refuses a workspace this computer never connected, an address in the call, and sends to the team server only', async () => {
    const team = await startServer();
    const attacker = await attackerServer();
    try {
      const a = laptop();
      const source = randomFile(tempDir(), 'contract.pdf', 200_000);
      await a.add(source.path);

      // A workspace this computer does not sync: refused in plain words, nothing leaves.
      await expect(a.host['media-upload']({ sha256: source.sha256, workspaceId: 'ws-attacker' })).rejects.toMatchObject({
        code: 'not-available',
        message: expect.stringContaining('This workspace is not connected to a team server on this computer'),
      });
      await expect(a.host['media-remote-status']({ sha256s: [source.sha256], workspaceId: 'ws-attacker' })).rejects.toMatchObject({ code: 'not-available' });
      await expect(a.host['media-download']({ sha256: source.sha256, workspaceId: 'ws-attacker' })).rejects.toMatchObject({ code: 'not-available' });

      // An address and token in the call, as the old contract took them: refused by validation, before anything runs.
      const smuggled = { sha256: source.sha256, workspaceId: team.remote.workspaceId, server: attacker.ws, token: 'x'.repeat(32) };
      for (const method of ['media-upload', 'media-download'] as const) {
        await expect(a.host[method](smuggled as never)).rejects.toMatchObject({ code: 'invalid-input' });
      }
      await expect(a.host['media-remote-status']({ sha256s: [source.sha256], workspaceId: team.remote.workspaceId, server: attacker.ws } as never))
        .rejects.toMatchObject({ code: 'invalid-input' });
      expect(attacker.heard).toEqual([]);

      // Connected with the invite: the bytes arrive at the team server, and only there.
      await a.host['team-server-remember'](team.remote);
      expect(await a.host['media-upload']({ sha256: source.sha256, workspaceId: team.remote.workspaceId })).toMatchObject({ transferred: true, sizeBytes: 200_000 });
      expect(team.logs.filter((l) => l.event === 'blob-stored')).toHaveLength(1);
      const head = await fetch(`${team.remote.server.replace('ws', 'http')}/blobs/${source.sha256}`, { method: 'HEAD', headers: { Authorization: `Bearer ${team.remote.token}` } });
      expect(head.status).toBe(200);
      expect(attacker.heard).toEqual([]);

      // Disconnected: the host forgets the invite, and the workspace's files go nowhere again.
      expect((await a.host['team-server-forget']({ workspaceId: team.remote.workspaceId })).origins).toEqual([]);
      await expect(a.host['media-upload']({ sha256: source.sha256, workspaceId: team.remote.workspaceId })).rejects.toMatchObject({ code: 'not-available' });
    } finally {
      await attacker.close();
    }
  });

  it('sends to the attacker only once someone registered it for that workspace (so the check above could fail)', async () => {
    const attacker = await attackerServer();
    try {
      const a = laptop();
      const source = randomFile(tempDir(), 'contract.pdf', 50_000);
      await a.add(source.path);
      await a.host['team-server-remember']({ server: attacker.ws, workspaceId: 'ws-x', token: 'x'.repeat(32) });
      await a.host['media-upload']({ sha256: source.sha256, workspaceId: 'ws-x' });
      expect(attacker.heard.map((h) => [h.method, h.bytes])).toEqual([['HEAD', 0], ['PUT', 50_000]]);
    } finally {
      await attacker.close();
    }
  });
});

describe('a new team server needs the person, not the page (desktop)', () => {
  it('asks once per new server; a "Cancel" keeps it out, so nothing can be sent there', async () => {
    const attacker = await attackerServer();
    try {
      const dataDir = tempDir('fanfare-confirm-');
      const asked: string[] = [];
      let answer = false;
      const a = laptop();
      const host = createInProcessHost(createHostHandlers({
        mediaStore: a.store, teamServers: new TeamServers(join(dataDir, 'team-servers.json')),
        confirmNewTeamServer: async (origin) => {
          asked.push(origin);
          return answer;
        },
      }));
      const source = randomFile(tempDir(), 'contract.pdf', 20_000);
      await a.add(source.path);
      const remote = { server: attacker.ws, workspaceId: 'ws-x', token: 'x'.repeat(32) };

      await expect(host['team-server-remember'](remote)).rejects.toMatchObject({ code: 'cancelled', message: expect.stringContaining(attacker.ws) });
      expect((await host['team-server-list']({})).origins).toEqual([]);
      await expect(host['media-upload']({ sha256: source.sha256, workspaceId: 'ws-x' })).rejects.toMatchObject({ code: 'not-available' });
      expect(attacker.heard).toEqual([]);

      answer = true;
      await host['team-server-remember'](remote);
      await host['team-server-remember']({ ...remote, workspaceId: 'ws-y' });
      expect(asked).toEqual([attacker.ws, attacker.ws]);
      expect((await host['team-server-list']({})).origins).toContain(attacker.ws);
    } finally {
      await attacker.close();
    }
  });
});

describe('the web transport has no path-taking calls', () => {
  it('answers 404 unknown-method to library-add-path, media-add and media-probe, with a session', async () => {
    const rendererDir = tempDir();
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fanfare</title>');
    const a = laptop();
    const web = await createWebHost({ port: 0, rendererDir, handlers: createHostHandlers({ mediaStore: a.store, teamServers: a.teamServers }) });
    try {
      const cookie = await webSession(web);
      for (const method of ['library-add-path', 'media-add', 'media-probe']) {
        const res = await fetch(`${web.url}api/call/${method}`, {
          method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-fanfare-call-id': 'call-1' }, body: JSON.stringify({ path: '/etc/passwd' }),
        });
        expect(res.status, method).toBe(404);
        expect(await res.json(), method).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
      }
      // The session works: a real call answers.
      const info = await fetch(`${web.url}api/call/app-info`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-fanfare-call-id': 'call-1' }, body: '{}' });
      expect(info.status).toBe(200);
      expect(await a.store.status([])).toEqual({ present: [], missing: [] });
    } finally {
      await web.close();
    }
  });
});
