import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './cli-process';
import { cleanupAll, connect, mapOf, sleep, startServer, synced, tempDir, waitFor } from './helpers';
import { copyOf, filesIn, fingerprint, writeFixture, type Fixture } from './data-folder-fixture';

/**
 * verify, repair, backup and restore through the real CLI, as child
 * processes, on folders written by the real server, while it runs.
 */
let cli: { cli: string; remove: () => void };
let fixture: Fixture;

beforeAll(async () => {
  [cli, fixture] = await Promise.all([buildCli(), writeFixture()]);
}, 180_000);

afterAll(async () => {
  await cleanupAll();
  cli?.remove();
});

/** Runs the CLI without blocking this process (a server in it keeps serving meanwhile). */
async function run(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli.cli, ...args], { encoding: 'utf8', timeout: 120_000 });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string; killed?: boolean; signal?: string };
    if (typeof e.code !== 'number') throw new Error(`sync-server ${args.join(' ')} did not finish: ${e.signal ?? ''} ${e.stderr ?? ''}`, { cause: error });
    return { status: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function putBlob(url: string, token: string, bytes: Buffer): Promise<string> {
  const sha = createHash('sha256').update(bytes).digest('hex');
  const res = await fetch(`${url.replace(/^ws/, 'http')}/blobs/${sha}`, { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body: bytes });
  expect(res.status).toBe(201);
  return sha;
}

async function servedItems(dataDir: string, workspaceId: string, token: string): Promise<Record<string, unknown>> {
  const server = await startServer({ dataDir });
  const client = connect(server.url, workspaceId, token);
  await synced(client);
  const items = mapOf(client);
  client.provider.destroy();
  await server.close();
  return items;
}

describe('sync-server verify', () => {
  it('reports a healthy folder (exit 0) and a media file whose bytes do not match its name (exit 1)', async () => {
    const folder = copyOf(fixture);
    const server = await startServer({ dataDir: folder.dataDir });
    const sha = await putBlob(server.url, folder.token, Buffer.from('a creator photo, pretend'));
    await server.close();

    const good = await run('verify', '--data', folder.dataDir);
    expect(good.stdout).toMatch(/Documents: 1 /);
    expect(good.stdout).toMatch(/Media files: 1 .*every one matches its name/);
    expect(good.stdout).toMatch(/All is well\./);
    expect(good.status).toBe(0);

    const blob = join(folder.dataDir, 'blobs', folder.workspaceId, sha.slice(0, 2), sha);
    writeFileSync(blob, 'a creator photo, prete');
    const before = fingerprint(folder.dataDir);
    const bad = await run('verify', '--data', folder.dataDir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`${blob} does not hold what its name says`);
    expect(bad.stdout).toMatch(/1 DAMAGED/);
    expect(fingerprint(folder.dataDir)).toEqual(before);
  });

  it('reports a damaged documents folder (exit 1)', async () => {
    const folder = copyOf(fixture);
    rmSync(join(folder.dataDir, 'docs', 'CURRENT'));
    const result = await run('verify', '--data', folder.dataDir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/docs[\\/]CURRENT is missing/);
    expect(result.stdout).toMatch(/sync-server repair --data/);
  });
});

describe('sync-server repair', () => {
  it('recovers every change of a folder missing docs/CURRENT into a new folder, leaving the original byte-identical', async () => {
    const folder = copyOf(fixture);
    rmSync(join(folder.dataDir, 'docs', 'CURRENT'));
    const before = fingerprint(folder.dataDir);
    const to = join(tempDir(), 'repaired');
    const result = await run('repair', '--data', folder.dataDir, '--to', to);
    expect(result.stdout).toMatch(/Documents: 1 recovered/);
    expect(result.stdout).toMatch(/Access file: copied/);
    expect(result.status).toBe(0);
    expect(fingerprint(folder.dataDir)).toEqual(before);
    expect((await run('verify', '--data', to)).status).toBe(0);
    expect(await servedItems(to, folder.workspaceId, folder.token)).toEqual(fixture.items);
  });

  it('keeps what can be read of a truncated table file and says what it could not recover', async () => {
    const folder = copyOf(fixture);
    const docs = join(folder.dataDir, 'docs');
    const table = join(docs, filesIn(docs, /\.ldb$/)[0]);
    truncateSync(table, Math.floor(readFileSync(table).length / 2));
    const before = fingerprint(folder.dataDir);
    const to = join(tempDir(), 'repaired');
    const result = await run('repair', '--data', folder.dataDir, '--to', to);
    expect(fingerprint(folder.dataDir)).toEqual(before);
    expect(result.stdout).toMatch(/Repairing/);
    // The later changes (in the log) survive whatever the table lost; the new folder starts.
    const served = await servedItems(to, folder.workspaceId, folder.token);
    expect(Object.keys(served).filter((k) => k.startsWith('late-')).length).toBeGreaterThan(0);
    expect((await run('verify', '--data', to)).status).toBe(0);
  });
});

describe('sync-server backup and restore', () => {
  it('backs up while clients edit, and the restored folder verifies and serves everything stored before the backup began', async () => {
    const folder = copyOf(fixture);
    const server = await startServer({ dataDir: folder.dataDir });
    const sha = await putBlob(server.url, folder.token, Buffer.from('the brief, as a PDF'));
    const writer = connect(server.url, folder.workspaceId, folder.token);
    const reader = connect(server.url, folder.workspaceId, folder.token);
    await Promise.all([synced(writer), synced(reader)]);

    let n = 0;
    let editing = true;
    const edits = (async () => {
      while (editing) {
        writer.doc.getMap('items').set(`during-${n++}`, { text: `edit ${n} `.repeat(30) });
        await sleep(2);
      }
    })();
    await waitFor(() => reader.doc.getMap('items').has('during-20'), 20_000, 'edits to flow');
    // What the reader has, the server stored before relaying it.
    const stored = mapOf(reader);
    const backupDir = join(tempDir(), 'nightly');
    const backup = await run('backup', '--data', folder.dataDir, '--to', backupDir);
    const editedDuring = n;
    editing = false;
    await edits;
    expect(backup.stderr).toBe('');
    expect(backup.stdout).toMatch(/Backup written to .*: 1 document, 1 media file/);
    expect(backup.status).toBe(0);
    expect(editedDuring).toBeGreaterThan(21);

    const dataDir = join(tempDir(), 'restored');
    const restored = await run('restore', '--from', backupDir, '--data', dataDir);
    expect(restored.stdout).toMatch(/Restored 1 document/);
    expect(restored.status).toBe(0);
    const verified = await run('verify', '--data', dataDir);
    expect(verified.stdout).toMatch(/All is well/);
    expect(verified.status).toBe(0);
    expect(readFileSync(join(dataDir, 'blobs', folder.workspaceId, sha.slice(0, 2), sha), 'utf8')).toBe('the brief, as a PDF');

    writer.provider.destroy();
    reader.provider.destroy();
    const final = mapOf(writer);
    await server.close();
    const served = await servedItems(dataDir, folder.workspaceId, folder.token);
    for (const [key, value] of Object.entries(stored)) expect(served[key], key).toEqual(value);
    // Nothing appears that was never written; everything served is as the writer made it.
    for (const [key, value] of Object.entries(served)) expect(final[key], key).toEqual(value);
  }, 120_000);

  it('restores a .tar backup exactly, and refuses a non-empty folder and a damaged backup', async () => {
    const file = join(tempDir(), 'sync.tar');
    const made = await run('backup', '--data', fixture.dataDir, '--to', file);
    expect(made.status).toBe(0);
    expect(existsSync(file)).toBe(true);

    const occupied = tempDir();
    writeFileSync(join(occupied, 'notes.txt'), 'keep me');
    const refused = await run('restore', '--from', file, '--data', occupied);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is not empty\. Restore only goes into a new or empty folder/);
    expect(readFileSync(join(occupied, 'notes.txt'), 'utf8')).toBe('keep me');

    const dataDir = join(tempDir(), 'from-tar');
    mkdirSync(dataDir);
    expect((await run('restore', '--from', file, '--data', dataDir)).status).toBe(0);
    expect(await servedItems(dataDir, fixture.workspaceId, fixture.token)).toEqual(fixture.items);

    const cut = join(tempDir(), 'cut.tar');
    writeFileSync(cut, readFileSync(file).subarray(0, 3000));
    const damaged = await run('restore', '--from', cut, '--data', join(tempDir(), 'never'));
    expect(damaged.status).toBe(1);
    expect(damaged.stderr).toMatch(/cannot be restored: .*Nothing was restored/);
  }, 120_000);

  it('refuses to back up a damaged folder, or over an earlier backup', async () => {
    const folder = copyOf(fixture);
    rmSync(join(folder.dataDir, 'docs', 'CURRENT'));
    const result = await run('backup', '--data', folder.dataDir, '--to', join(tempDir(), 'b'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/No backup was made.*\n.*CURRENT is missing/);
    const earlier = tempDir();
    writeFileSync(join(earlier, 'x'), '1');
    const over = await run('backup', '--data', fixture.dataDir, '--to', earlier);
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/already exists and is not empty/);
  });
});
