// Seeds a big workspace into this browser profile exactly as the app stores
// one (Y.Doc in IndexedDB, projection snapshot, workspace registry), so the
// real built app then opens, backs up and restores it like any other. Served
// by run.mjs on the web host's own origin: IndexedDB is per origin.
import { addWorkspace, rememberWorkspace } from '../../src/renderer/src/data/workspace-registry';
import { WorkspaceSession } from '../../src/renderer/src/data/workspace-session';

const api = {
  async seed(creators: number) {
    const entry = addWorkspace(`Bench ${creators.toLocaleString('en-US')}`, false, 'bench-workspace-backup');
    const started = performance.now();
    const session = await WorkspaceSession.open(entry.id);
    await session.commands.loadDemo({ creators, seed: 2026 });
    await session.projection.settled();
    // Closing writes the snapshot the app opens from.
    await session.close();
    rememberWorkspace(entry.id);
    return { seedMs: performance.now() - started, name: entry.name };
  },
};

(window as unknown as { fanfareBench: typeof api }).fanfareBench = api;
document.title = 'ready';
