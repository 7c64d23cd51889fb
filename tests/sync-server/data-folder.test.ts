import { existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Level } from 'level';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDataFolder } from '../../sync-server/data-folder-check';
import { updateKey } from '../../sync-server/leveldb-layout';
import { cleanupAll, connect, mapOf, startServer, synced, tempDir } from './helpers';
import { copyOf, filesIn, fingerprint, writeFixture, type Fixture } from './data-folder-fixture';

let fixture: Fixture;

beforeAll(async () => {
  fixture = await writeFixture();
}, 120_000);

afterAll(cleanupAll);

/** Damages a copy of the fixture, checks it, and proves the check changed no file. */
async function checkDamaged(damage: (docs: string, dataDir: string) => void): Promise<{ error: Error | null; folder: Fixture }> {
  const folder = copyOf(fixture);
  damage(join(folder.dataDir, 'docs'), folder.dataDir);
  const before = fingerprint(folder.dataDir);
  const error = await checkDataFolder(folder.dataDir).then(() => null, (e: Error) => e);
  expect(fingerprint(folder.dataDir)).toEqual(before);
  return { error, folder };
}

function expectRefusal(error: Error | null, file: RegExp, problem: RegExp): void {
  expect(error?.name).toBe('SyncServerError');
  expect(error?.message).toMatch(/did not start/);
  expect(error?.message).toMatch(file);
  expect(error?.message).toMatch(problem);
  expect(error?.message).toMatch(/Nothing in the folder was changed/);
}

describe('checkDataFolder', () => {
  it('accepts a brand-new folder and creates nothing', async () => {
    const missing = join(tempDir(), 'not-yet');
    await checkDataFolder(missing);
    expect(existsSync(missing)).toBe(false);
    const empty = tempDir();
    await checkDataFolder(empty);
    expect(fingerprint(empty)).toEqual({});
  });

  it('accepts a healthy folder with rooms, tables and a log, and changes none of its files', async () => {
    expect(filesIn(join(fixture.dataDir, 'docs'), /\.ldb$/).length).toBeGreaterThan(0);
    expect(filesIn(join(fixture.dataDir, 'docs'), /\.log$/).length).toBeGreaterThan(0);
    const { error } = await checkDamaged(() => {});
    expect(error).toBeNull();
  });

  it('refuses a folder whose docs/CURRENT is missing (a partial restore), naming it and the fix', async () => {
    const { error } = await checkDamaged((docs) => rmSync(join(docs, 'CURRENT')));
    expectRefusal(error, /docs[\\/]CURRENT is missing/, /sync-server repair --data .* --to NEWDIR/);
  });

  it('refuses a truncated MANIFEST', async () => {
    const { error } = await checkDamaged((docs) => truncateSync(join(docs, filesIn(docs, /^MANIFEST-/)[0]), 20));
    expectRefusal(error, /MANIFEST-\d+ is damaged/, /list of files/);
  });

  it('refuses a missing table file, naming it', async () => {
    let table = '';
    const { error } = await checkDamaged((docs) => {
      table = filesIn(docs, /\.ldb$/)[0];
      rmSync(join(docs, table));
    });
    expectRefusal(error, new RegExp(`${table.replace('.', '\\.')} is missing`), /lists it/);
  });

  it('refuses a truncated table file, naming it', async () => {
    let table = '';
    const { error } = await checkDamaged((docs) => {
      table = filesIn(docs, /\.ldb$/)[0];
      const path = join(docs, table);
      truncateSync(path, Math.floor(readFileSync(path).length / 2));
    });
    expectRefusal(error, new RegExp(`${table.replace('.', '\\.')} cannot be read`), /truncated or damaged/);
  });

  it('recovers by itself from a torn last log record: the check passes and the server serves everything before it', async () => {
    const { error, folder } = await checkDamaged((docs) => {
      const log = join(docs, filesIn(docs, /\.log$/).at(-1)!);
      truncateSync(log, readFileSync(log).length - 7);
    });
    expect(error).toBeNull();
    const server = await startServer({ dataDir: folder.dataDir });
    const client = connect(server.url, folder.workspaceId, folder.token);
    await synced(client);
    const served = mapOf(client);
    // The last record (the last change) was torn off; every earlier one is served.
    const expected = Object.keys(fixture.items).filter((k) => k !== 'late-19');
    for (const key of expected) expect(served[key], key).toEqual(fixture.items[key]);
  });

  it('refuses a log damaged in the middle (LevelDB would silently skip the changes after it)', async () => {
    const { error } = await checkDamaged((docs) => {
      const log = join(docs, filesIn(docs, /\.log$/).at(-1)!);
      const bytes = readFileSync(log);
      bytes.fill(0x55, 100, 140);
      writeFileSync(log, bytes);
    });
    expectRefusal(error, /\.log is damaged in the middle/, /cannot be read/);
  });

  it('refuses a room with a stored change that is not a Yjs update', async () => {
    const folder = copyOf(fixture);
    const db = new Level<Buffer, Uint8Array>(join(folder.dataDir, 'docs'), { keyEncoding: 'buffer', valueEncoding: 'view' });
    await db.open();
    await db.put(updateKey(folder.workspaceId, 99_999), new Uint8Array([5, 200, 1, 2, 3]));
    await db.close();
    const error = await checkDataFolder(folder.dataDir).then(() => null, (e: Error) => e);
    expectRefusal(error, new RegExp(`damaged change of the document "${folder.workspaceId}" \\(numbers 99999\\)`), /cannot be read/);
  });

  it('refuses a damaged or missing access file, naming it', async () => {
    const { error: bad } = await checkDamaged((_docs, dataDir) => writeFileSync(join(dataDir, 'access.json'), '{"version":1,"workspaces":[{"id":"a"'));
    expectRefusal(bad, /access\.json is damaged: it is not readable JSON/, /Put back .*access\.json from the same backup/);
    const { error: shape } = await checkDamaged((_docs, dataDir) => writeFileSync(join(dataDir, 'access.json'), '{"version":1,"workspaces":[]}'));
    expectRefusal(shape, /access\.json is damaged: its list of invites/, /Put back/);
    const { error: gone } = await checkDamaged((_docs, dataDir) => rmSync(join(dataDir, 'access.json')));
    expectRefusal(gone, /access\.json is missing, while the folder holds 1 document/, /Put back/);
  });

  it('refuses a folder with media files but no documents database', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'blobs', 'ws1', 'ab'), { recursive: true });
    writeFileSync(join(folder, 'blobs', 'ws1', 'ab', 'ab'.padEnd(64, '0')), 'x');
    const error = await checkDataFolder(folder).then(() => null, (e: Error) => e);
    expectRefusal(error, /docs is missing or empty, yet blobs\/ holds 1 media file/, /restore/);
  });
});
