import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DocPersistence } from '../../sync-server/doc-persistence';
import { connect, startServer, synced, tempDir, waitFor, type Client } from './helpers';

/**
 * A real data folder written by the real server and client: a workspace whose
 * first changes sit in a LevelDB table file (.ldb) and whose later ones are
 * still in the log, so every kind of damage has a real file to land on.
 */
export interface Fixture {
  dataDir: string;
  workspaceId: string;
  token: string;
  /** What the document holds (items map), as the last client saw it. */
  items: Record<string, unknown>;
}

export async function writeFixture(early = 40, late = 20): Promise<Fixture> {
  const dataDir = tempDir();
  const first = await startServer({ dataDir });
  const { workspaceId, token } = first.createWorkspace('Acme');
  await edit(first.url, workspaceId, token, 'early', early);
  await first.close();
  // Opening the database again moves the log into a table file (.ldb).
  const reopen = new DocPersistence(dataDir);
  await reopen.open();
  await reopen.close();
  const second = await startServer({ dataDir });
  const items = await edit(second.url, workspaceId, token, 'late', late);
  await second.close();
  return { dataDir, workspaceId, token, items };
}

/** Makes `count` edits through one client and waits until a second client has them all (so the server stored them). */
async function edit(url: string, room: string, token: string, prefix: string, count: number): Promise<Record<string, unknown>> {
  const writer = connect(url, room, token);
  const reader = connect(url, room, token);
  await Promise.all([synced(writer), synced(reader)]);
  for (let i = 0; i < count; i++) writer.doc.getMap('items').set(`${prefix}-${i}`, { n: i, text: `${prefix} change ${i} `.repeat(20) });
  await waitFor(() => reader.doc.getMap('items').has(`${prefix}-${count - 1}`), 20_000, 'the reader to see every edit');
  const items = reader.doc.getMap('items').toJSON();
  stop(writer);
  stop(reader);
  return items;
}

function stop(client: Client): void {
  client.provider.destroy();
}

/** A fresh copy of a fixture folder, to damage. */
export function copyOf(fixture: Fixture): Fixture {
  const dataDir = tempDir();
  cpSync(fixture.dataDir, dataDir, { recursive: true });
  return { ...fixture, dataDir };
}

/** Every file's path, size and SHA-256 (LOCK excluded: it is empty either way): to prove nothing was touched. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = `${statSync(path).size}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
  }
  return out;
}

export function filesIn(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).filter((name) => pattern.test(name)).sort();
}
