import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupAll, connect, mapOf, startServer, synced, waitFor } from './helpers';

afterEach(cleanupAll);

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** Every file and folder under docs/, with its permission bits. */
function docsModes(dataDir: string): Record<string, string> {
  const docs = join(dataDir, 'docs');
  const modes: Record<string, string> = { '.': mode(dataDir), 'docs': mode(docs) };
  for (const name of readdirSync(docs)) modes[`docs/${name}`] = mode(join(docs, name));
  return modes;
}

const onlyOwner = (modes: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.keys(modes).map((name) => [name, name === '.' || name === 'docs' ? '700' : '600']));

describe('sync server: the data folder is for the server alone', () => {
  it('keeps stored documents 0600 in 0700 folders, also files LevelDB creates later and folders that were open before', async () => {
    const first = await startServer();
    const { workspaceId, token } = first.createWorkspace('Acme');
    const a = connect(first.url, workspaceId, token);
    const b = connect(first.url, workspaceId, token);
    await Promise.all([synced(a), synced(b)]);
    // Over LevelDB's 4 MB write buffer, so it writes new table and log files while the server runs.
    for (let i = 0; i < 6; i++) {
      a.doc.getMap('items').set(`k${i}`, 'x'.repeat(1024 * 1024));
      await waitFor(() => Object.keys(mapOf(b)).length === i + 1);
    }
    a.provider.destroy();
    b.provider.destroy();
    await first.close();
    const modes = docsModes(first.dataDir);
    expect(Object.keys(modes).length).toBeGreaterThan(4);
    expect(modes).toEqual(onlyOwner(modes));

    // A folder from before (or copied back from a backup) with open permissions is tightened at start.
    chmodSync(first.dataDir, 0o755);
    chmodSync(join(first.dataDir, 'docs'), 0o755);
    for (const name of readdirSync(join(first.dataDir, 'docs'))) chmodSync(join(first.dataDir, 'docs', name), 0o644);
    const second = await startServer({ dataDir: first.dataDir });
    const again = docsModes(second.dataDir);
    expect(again).toEqual(onlyOwner(again));
  });
});
