import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostHandlers, createInProcessHost } from '../../../src/main/handlers';
import { TeamServers, teamServerOrigin } from '../../../src/main/services/team-servers';
import { cleanupAll, startServer } from './media-store/helpers';

const dirs: string[] = [];
afterEach(async () => {
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  await cleanupAll();
});
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fanfare-team-servers-'));
  dirs.push(dir);
  return dir;
}

const TOKEN = 't'.repeat(32);

describe('team servers this computer syncs with', () => {
  it('remembers a workspace’s server and token across restarts, in a file only this user can read', async () => {
    const file = join(dataDir(), 'team-servers.json');
    const servers = new TeamServers(file);
    await servers.remember('ws-acme', 'ws://127.0.0.1:1234', TOKEN);
    await servers.remember('ws-field', 'wss://sync.acme.example/team', `${TOKEN}2`);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const again = new TeamServers(file);
    expect(again.get('ws-acme')).toEqual({ server: 'ws://127.0.0.1:1234', token: TOKEN });
    expect(again.get('ws-field')).toEqual({ server: 'wss://sync.acme.example/team', token: `${TOKEN}2` });
    expect(again.get('ws-other')).toBeNull();
    expect(again.origins()).toEqual(['ws://127.0.0.1:1234', 'wss://sync.acme.example']);
  });

  it('replaces the file whole: no temporary files left, the last change wins, forget removes', async () => {
    const dir = dataDir();
    const file = join(dir, 'team-servers.json');
    const servers = new TeamServers(file);
    // Changes made at once are written one after another, in order.
    await Promise.all([
      servers.remember('ws-acme', 'ws://127.0.0.1:1', TOKEN),
      servers.remember('ws-acme', 'ws://127.0.0.1:2', TOKEN),
      servers.remember('ws-acme', 'ws://127.0.0.1:3', TOKEN),
    ]);
    expect(readdirSync(dir)).toEqual(['team-servers.json']);
    expect(new TeamServers(file).get('ws-acme')?.server).toBe('ws://127.0.0.1:3');
    await servers.forget('ws-acme');
    expect(new TeamServers(file).origins()).toEqual([]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, servers: {} });
  });

  it('keeps a damaged file aside instead of overwriting it, and starts with none', async () => {
    const dir = dataDir();
    const file = join(dir, 'team-servers.json');
    writeFileSync(file, '{"version":1,"servers":{"ws-a');
    const servers = new TeamServers(file);
    expect(servers.origins()).toEqual([]);
    const kept = readdirSync(dir).filter((n) => n.startsWith('team-servers.json.damaged-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]), 'utf8')).toBe('{"version":1,"servers":{"ws-a');
    await servers.remember('ws-acme', 'ws://127.0.0.1:1234', TOKEN);
    expect(new TeamServers(file).get('ws-acme')).not.toBeNull();
  });

  it('refuses an address a content security policy could not name safely', async () => {
    const servers = new TeamServers();
    for (const bad of ["ws://evil.example;script-src 'unsafe-inline'", 'http://127.0.0.1:1234', 'ws://*.example', 'not a url']) {
      await expect(servers.remember('ws-acme', bad, TOKEN), bad).rejects.toMatchObject({ code: 'invalid-input' });
    }
    expect(servers.origins()).toEqual([]);
    expect(teamServerOrigin('wss://sync.example:8443/path?x=1')).toBe('wss://sync.example:8443');
  });

  it('in memory, without a file, for hosts that keep no data', async () => {
    const servers = new TeamServers();
    await servers.remember('ws-acme', 'ws://localhost:1234', TOKEN);
    expect(servers.origins()).toEqual(['ws://localhost:1234']);
  });

  it('asks the team server first when told to: a refused or unreachable invite is said plainly and not kept', async () => {
    const team = await startServer();
    const teamServers = new TeamServers();
    const host = createInProcessHost(createHostHandlers({ teamServers }));
    await expect(host['team-server-remember']({ ...team.remote, token: 'w'.repeat(32), check: true })).rejects.toMatchObject({
      code: 'unauthorized', message: 'The team server does not accept this invite: it is wrong or was revoked. Ask your teammate for a new one.',
    });
    await team.server.close();
    await expect(host['team-server-remember']({ ...team.remote, check: true })).rejects.toMatchObject({
      code: 'unreachable', message: expect.stringContaining(`Fanfare cannot reach the team server at ${team.remote.server}`),
    });
    expect(teamServers.origins()).toEqual([]);
    // Opening a workspace whose invite is kept does not ask: it works offline.
    expect(await host['team-server-remember'](team.remote)).toEqual({ origins: [teamServerOrigin(team.remote.server)] });
  });
});
