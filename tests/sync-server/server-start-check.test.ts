import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncServer } from '../../sync-server/server';
import { cleanupAll, connect, mapOf, startServer, synced, tempDir, waitFor } from './helpers';

afterEach(cleanupAll);

describe('sync server: the data folder is checked before it is opened', () => {
  it('starts on a brand-new folder, and refuses one missing docs/CURRENT instead of serving it empty', async () => {
    const dataDir = join(tempDir(), 'new');
    const first = await startServer({ dataDir });
    const { workspaceId, token } = first.createWorkspace('Acme');
    const a = connect(first.url, workspaceId, token);
    await synced(a);
    a.doc.getMap('items').set('kept', 'yes');
    const b = connect(first.url, workspaceId, token);
    await waitFor(() => mapOf(b).kept === 'yes');
    a.provider.destroy();
    b.provider.destroy();
    await first.close();

    // As after a partial restore: LevelDB alone would open this as a new, empty database.
    rmSync(join(dataDir, 'docs', 'CURRENT'));
    const tables = readdirSync(join(dataDir, 'docs')).sort();
    const refused = await createSyncServer({ port: 0, dataDir, log: () => undefined }).then(
      async (server) => {
        await server.close();
        return null;
      },
      (error: Error) => error,
    );
    expect(refused?.name).toBe('SyncServerError');
    expect(refused?.message).toMatch(/CURRENT is missing/);
    expect(readdirSync(join(dataDir, 'docs')).sort()).toEqual(tables);
    expect(existsSync(join(dataDir, 'docs', 'CURRENT'))).toBe(false);
  });
});
