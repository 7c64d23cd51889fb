// Runs inside Chromium: the real renderer data layer (RxDB memory projection,
// y-indexeddb, snapshots, search) over real IndexedDB, driven by run.mjs.
import * as Y from 'yjs';
import { WorkspaceStore } from '../../src/shared/data/store';
import { generateDemoWorkspace } from '../../src/shared/demo/generate';
import { deleteSnapshot } from '../../src/renderer/src/data/snapshot-store';
import { WorkspaceSession } from '../../src/renderer/src/data/workspace-session';

const WS = 'bench';
let session: WorkspaceSession | null = null;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1], runs: samples.length };
}

async function firstQuery(s: WorkspaceSession) {
  return s.projection.collections.creators.find({ selector: { deletedAt: null }, sort: [{ name: 'asc' }], limit: 50 }).exec();
}

const api = {
  /** Writes a workspace of n demo creators through the real commands, persisted like the app does. */
  async seed(n: number) {
    await WorkspaceSession.destroy(WS);
    const s = await WorkspaceSession.open(WS);
    const started = performance.now();
    await s.commands.loadDemo({ creators: n });
    await s.projection.settled();
    const seedMs = performance.now() - started;
    await s.close();
    return { seedMs };
  },

  /** Cold open as the app does it: snapshot first, Y.Doc behind it. */
  async open(options: { withoutSnapshot?: boolean } = {}) {
    if (options.withoutSnapshot) await deleteSnapshot(WS);
    const started = performance.now();
    session = await WorkspaceSession.open(WS);
    const opened = performance.now();
    const rows = await firstQuery(session);
    const queryMs = performance.now() - opened;
    const firstQueryMs = performance.now() - started;
    await session.caughtUp;
    const caughtUpMs = performance.now() - started;
    await session.searchReady;
    const searchReadyMs = performance.now() - started;
    return { engine: session.timings.engine, firstQueryMs, queryMs, caughtUpMs, searchReadyMs, rows: rows.length, fromSnapshot: session.timings.fromSnapshot, reconciled: session.timings.reconciled, ydocLoadMs: session.timings.ydocLoadMs, reconcileMs: session.timings.reconcileMs, snapshotReadMs: session.timings.snapshotReadMs, snapshotLoadMs: session.timings.snapshotLoadMs };
  },

  async filterQueries(runs: number) {
    const s = session!;
    const platforms = ['instagram', 'tiktok', 'youtube'];
    const countries = ['US', 'PL', 'DE', 'GB', 'FR', 'BR'];
    const samples: number[] = [];
    let matched = 0;
    for (let i = 0; i < runs; i++) {
      // Every query differs, so RxDB's query cache cannot answer from memory.
      const min = [1_000, 10_000, 50_000, 100_000][i % 4] + i * 7;
      const t = performance.now();
      const rows = await s.projection.collections.creators.find({
        selector: { deletedAt: null, country: countries[i % countries.length], followersMax: { $gte: min, $lte: min * 10 }, platforms: { $in: [platforms[i % 3]] } },
        sort: [{ followersMax: 'desc' }],
        limit: 200,
      }).exec();
      samples.push(performance.now() - t);
      matched += rows.length;
    }
    return { ...stats(samples), avgMatched: matched / runs };
  },

  async searchQueries(runs: number) {
    const s = session!;
    const creators = await s.projection.collections.creators.find({ limit: runs }).exec();
    const terms = creators.map((d, i) => {
      const name = String(d.get('name')).split(' ');
      const handle = (d.get('handles') as string[])[0] ?? name[0];
      // Mix names, handles with "@", emails, and typos.
      switch (i % 4) {
        case 0: return name[name.length - 1];
        case 1: return `@${handle}`;
        case 2: return String(d.get('primaryEmail') || name[0]).split('@')[0];
        default: return name[0].length > 4 ? name[0].slice(0, 2) + name[0].slice(3) : name[0];
      }
    });
    const samples: number[] = [];
    let hits = 0;
    for (const term of terms) {
      const t = performance.now();
      const ids = s.search.search(term, 50);
      samples.push(performance.now() - t);
      if (ids.length) hits++;
    }
    // The alternative: RxDB's $regex scan over names (no typo tolerance).
    const regexSamples: number[] = [];
    for (const term of terms.slice(0, 50)) {
      const t = performance.now();
      await s.projection.collections.creators.find({ selector: { name: { $regex: term.replace(/[^\p{L}\p{N}]/gu, ''), $options: 'i' } }, limit: 50 }).exec();
      regexSamples.push(performance.now() - t);
    }
    return { miniSearch: { ...stats(samples), hitRate: hits / terms.length }, rxdbRegexScan: stats(regexSamples) };
  },

  async singleFieldEdits(n: number) {
    const s = session!;
    const ids = (await s.projection.collections.creators.find({ limit: n }).exec()).map((d) => d.primary);
    const started = performance.now();
    // One at a time, each awaited, as a person editing would: every edit is a round trip to the data worker.
    for (let i = 0; i < n; i++) await s.commands.update('creators', ids[i % ids.length], { notes: `Edit ${i}` });
    const commandsMs = performance.now() - started;
    await s.projection.settled();
    const totalMs = performance.now() - started;
    return { edits: n, commandsMs, totalMs, perSecond: n / (totalMs / 1000) };
  },

  async bulkCreate(n: number) {
    const s = session!;
    const records = generateDemoWorkspace({ creators: n, seed: 99 }).creators!.map((c) => c.input);
    const started = performance.now();
    await s.commands.createMany('creators', records);
    const commandsMs = performance.now() - started;
    await s.projection.settled();
    const totalMs = performance.now() - started;
    return { records: n, commandsMs, totalMs, perSecond: n / (totalMs / 1000) };
  },

  /** The same write paths without RxDB: the Y.Doc alone, for the ratio. */
  rawYjs(n: number) {
    const store = new WorkspaceStore(new Y.Doc());
    const records = generateDemoWorkspace({ creators: n, seed: 99 }).creators!.map((c) => c.input);
    const started = performance.now();
    store.createMany('creators', records);
    return { records: n, totalMs: performance.now() - started };
  },

  async close() {
    await session?.close();
    session = null;
  },
};

(window as unknown as { fanfareBench: typeof api }).fanfareBench = api;
document.title = 'ready';
