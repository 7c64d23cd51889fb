import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseInvite } from '../../src/shared/sync/invite';
import { buildCli, runCli, serveCli, type ServerProcess } from './cli-process';
import { cleanupAll, connect, freePort, mapOf, startServer, synced, tempDir, waitFor } from './helpers';

afterEach(cleanupAll);

describe('sync server: persistence in process', () => {
  it('keeps every document across a restart, and clients carry on', async () => {
    const first = await startServer();
    const { workspaceId, token } = first.createWorkspace('Acme');
    const a = connect(first.url, workspaceId, token);
    const brief = connect(first.url, `${workspaceId}/brief1`, token);
    await Promise.all([synced(a), synced(brief)]);
    for (let i = 0; i < 100; i++) a.doc.getMap('items').set(`k${i}`, i);
    brief.doc.getText('body').insert(0, 'The brief');
    const b = connect(first.url, workspaceId, token);
    await waitFor(() => b.doc.getMap('items').size === 100);
    a.provider.destroy();
    b.provider.destroy();
    brief.provider.destroy();
    await first.close();

    const second = await startServer({ dataDir: first.dataDir });
    const c = connect(second.url, workspaceId, token);
    const cBrief = connect(second.url, `${workspaceId}/brief1`, token);
    await Promise.all([synced(c), synced(cBrief)]);
    expect(Object.keys(mapOf(c))).toHaveLength(100);
    expect(cBrief.doc.getText('body').toString()).toBe('The brief');
    // Tokens survive too; a revoked one stays revoked.
    second.revoke(token);
    const third = second.invite(workspaceId);
    expect(third.workspaceId).toBe(workspaceId);
  });
});

describe('sync server: the CLI as a process', () => {
  let cli: string;
  let remove: () => void;
  const running: ServerProcess[] = [];

  beforeAll(async () => {
    ({ cli, remove } = await buildCli());
  }, 60_000);
  afterAll(() => remove?.());
  afterEach(() => {
    for (const server of running.splice(0)) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  const serve = async (port: number, dataDir: string): Promise<ServerProcess> => {
    const server = await serveCli(cli, ['--port', String(port), '--data', dataDir]);
    running.push(server);
    return server;
  };

  it('create-workspace, invite and revoke print one line of JSON; mistakes are one sentence and exit 1', () => {
    const dataDir = tempDir();
    const created = runCli(cli, ['create-workspace', 'Acme Creators', '--data', dataDir, '--port', '4321']);
    expect(created.status).toBe(0);
    expect(created.stdout.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(created.stdout);
    expect(json).toMatchObject({ workspaceId: expect.any(String), token: expect.any(String), invite: expect.stringMatching(/^fanfare-invite:v1:/) });
    expect(parseInvite(json.invite)).toMatchObject({ ok: true, invite: { server: 'ws://127.0.0.1:4321', workspaceId: json.workspaceId, token: json.token } });

    const invited = JSON.parse(runCli(cli, ['invite', json.workspaceId, '--data', dataDir, '--public-url', 'wss://sync.example.com']).stdout);
    expect(invited.workspaceId).toBe(json.workspaceId);
    expect(parseInvite(invited.invite)).toMatchObject({ ok: true, invite: { server: 'wss://sync.example.com' } });
    const revoked = runCli(cli, ['revoke', invited.token.slice(0, 8), '--data', dataDir]);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ revoked: true, tokenId: invited.tokenId });

    for (const args of [['invite', 'nope', '--data', dataDir], ['revoke', 'zzzzzzzz', '--data', dataDir], ['frobnicate'], ['--port', 'x'], ['create-workspace']]) {
      const run = runCli(cli, args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('flushes and exits cleanly on SIGTERM; everything is there after a restart', async () => {
    const dataDir = tempDir();
    const { workspaceId, token } = JSON.parse(runCli(cli, ['create-workspace', 'Acme', '--data', dataDir]).stdout);
    const port = await freePort();
    const first = await serve(port, dataDir);
    const url = `ws://127.0.0.1:${port}`;
    const a = connect(url, workspaceId, token);
    await synced(a);
    for (let i = 0; i < 200; i++) a.doc.getMap('items').set(`k${i}`, i);
    const b = connect(url, workspaceId, token);
    await waitFor(() => b.doc.getMap('items').size === 200);
    a.provider.destroy();
    b.provider.destroy();
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(first.lines.at(-1)).toContain('"event":"stopped"');

    await serve(port, dataDir);
    const c = connect(url, workspaceId, token);
    await synced(c);
    expect(c.doc.getMap('items').size).toBe(200);
  });

  it('kill -9 in the middle of a stream of edits: nothing the server had shared is lost, and clients converge', async () => {
    const dataDir = tempDir();
    const { workspaceId, token } = JSON.parse(runCli(cli, ['create-workspace', 'Acme', '--data', dataDir]).stdout);
    const port = await freePort();
    const first = await serve(port, dataDir);
    const url = `ws://127.0.0.1:${port}`;
    const writer = connect(url, workspaceId, token);
    const watcher = connect(url, workspaceId, token);
    await Promise.all([synced(writer), synced(watcher)]);

    const TOTAL = 400;
    let written = 0;
    let killed = false;
    let seenBeforeKill: string[] = [];
    await new Promise<void>((done, fail) => {
      const tick = setInterval(() => {
        // A few edits every few milliseconds: a steady stream, as typing would be.
        for (let j = 0; j < 3 && written < TOTAL; j++) writer.doc.getMap('items').set(`e${written}`, written++);
        if (written >= 150 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
          first.exited.then(() => {
            // What the watcher received came from the server; the server must have it on disk.
            seenBeforeKill = Object.keys(mapOf(watcher));
            watcher.provider.destroy(); // it must not hand its copy back
            writer.provider.disconnect(); // keeps editing offline until asked to reconnect
          }, fail);
        }
        if (written >= TOTAL) {
          clearInterval(tick);
          done();
        }
      }, 3);
    });
    await first.exited;
    expect(seenBeforeKill.length).toBeGreaterThan(20);
    expect(seenBeforeKill.length).toBeLessThan(TOTAL);

    await serve(port, dataDir);
    const fresh = connect(url, workspaceId, token);
    await synced(fresh);
    const onDisk = mapOf(fresh);
    for (const key of seenBeforeKill) expect(onDisk, key).toHaveProperty(key);

    writer.provider.connect();
    await waitFor(() => fresh.doc.getMap('items').size === TOTAL, 15_000, 'all edits to reach the fresh client');
    expect(mapOf(fresh)).toEqual(mapOf(writer));
  });
});
