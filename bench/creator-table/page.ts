// Seeds a big workspace into this browser profile exactly as the app stores
// one (Y.Doc in IndexedDB, projection snapshot, workspace registry), so the
// real built app then opens it like any other. Served by run.mjs on the web
// host's own origin: IndexedDB and localStorage are per origin.
import { generateDemoWorkspace } from '../../src/shared/demo/generate';
import { addWorkspace, rememberWorkspace } from '../../src/renderer/src/data/workspace-registry';
import { WorkspaceSession } from '../../src/renderer/src/data/workspace-session';

const SEED = 2026;

/** What people type: surnames, "@handles", profile links, email names and names with a typo. */
function searchTerms(creators: number, count: number): string[] {
  const list = generateDemoWorkspace({ creators, seed: SEED }).creators!;
  const terms: string[] = [];
  for (let k = 0; k < count; k++) {
    const { input } = list[Math.floor(((k + 0.5) / count) * list.length)];
    const [first, ...rest] = String(input.name).split(' ');
    const last = rest.join(' ') || first;
    const handle = input.accounts?.[0]?.handle ?? first;
    const email = input.emails?.[0]?.address.split('@')[0] ?? last;
    switch (k % 5) {
      case 0: terms.push(last); break;
      case 1: terms.push(`@${handle}`); break;
      case 2: terms.push(input.accounts?.[0]?.url || `https://www.instagram.com/${handle}`); break;
      case 3: terms.push(email); break;
      default: terms.push(first.length > 4 ? `${first.slice(0, 2)}${first[3]}${first[2]}${first.slice(4)} ${last}` : `${first} ${last}`);
    }
  }
  return terms;
}

const api = {
  async seed(creators: number) {
    const entry = addWorkspace(`Bench ${creators.toLocaleString('en-US')}`, false, 'bench-creator-table');
    const started = performance.now();
    const session = await WorkspaceSession.open(entry.id);
    await session.commands.loadDemo({ creators, seed: SEED });
    await session.projection.settled();
    // Closing writes the snapshot the app opens from.
    await session.close();
    rememberWorkspace(entry.id);
    return { seedMs: performance.now() - started, terms: searchTerms(creators, 30) };
  },
};

(window as unknown as { fanfareBench: typeof api }).fanfareBench = api;
document.title = 'ready';
