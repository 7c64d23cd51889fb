import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectRecord } from '../../../src/shared/data/records';
import { collectionNames } from '../../../src/shared/data/schemas';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { observeRecords, readAll } from '../../../src/shared/data/ydoc';
import { batchesFor, diffBatches } from '../../../src/shared/data/batches';
import { Projection } from '../../../src/renderer/src/data/projection';

const open: Projection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});

async function connected() {
  const store = new WorkspaceStore(new Y.Doc(), { actorId: 'tester' });
  const projection = await Projection.create('test');
  open.push(projection);
  observeRecords(store.doc, (changes) => void projection.applyBatches(batchesFor(store.doc, changes)));
  return { store, projection };
}

function normalise(docs: Record<string, unknown>[]) {
  return docs.map((d) => JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(d).sort(([a], [b]) => a.localeCompare(b))))))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

async function expectProjectionEqualsDoc(store: WorkspaceStore, projection: Projection) {
  await projection.settled();
  const dump = await projection.dump();
  for (const collection of collectionNames) {
    const expected = readAll(store.doc, collection).map((r) => projectRecord(collection, r));
    expect(normalise(dump[collection] ?? []), collection).toEqual(normalise(expected));
  }
}

type Command =
  | { type: 'create'; name: string; followers: number }
  | { type: 'rename'; pick: number; name: string }
  | { type: 'followers'; pick: number; followers: number }
  | { type: 'delete'; pick: number }
  | { type: 'restore'; pick: number }
  | { type: 'campaign'; name: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'remote'; pick: number; notes: string };

const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('create' as const), name, followers: fc.nat(5_000_000) }),
  fc.record({ type: fc.constant('rename' as const), pick: fc.nat(), name }),
  fc.record({ type: fc.constant('followers' as const), pick: fc.nat(), followers: fc.nat(5_000_000) }),
  fc.record({ type: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ type: fc.constant('restore' as const), pick: fc.nat() }),
  fc.record({ type: fc.constant('campaign' as const), name }),
  fc.record({ type: fc.constant('undo' as const) }),
  fc.record({ type: fc.constant('redo' as const) }),
  fc.record({ type: fc.constant('remote' as const), pick: fc.nat(), notes: fc.string({ maxLength: 20 }) }),
);

describe('projection of the Y.Doc into RxDB', () => {
  it('equals the Y.Doc after any sequence of commands, undo/redo and remote edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 40 }), async (commands) => {
        const { store, projection } = await connected();
        const remote = new Y.Doc();
        for (const c of commands) {
          const ids = store.list('creators', { includeDeleted: true }).map((r) => r.id).sort();
          const target = 'pick' in c && ids.length ? ids[c.pick % ids.length] : null;
          switch (c.type) {
            case 'create': store.create('creators', { name: c.name, accounts: [{ platform: 'tiktok', handle: `h${c.followers}`, followers: c.followers }] }); break;
            case 'rename': if (target) store.update('creators', target, { name: c.name }); break;
            case 'followers': if (target) store.update('creators', target, { accounts: [{ platform: 'instagram', handle: 'x', followers: c.followers }] }); break;
            case 'delete': if (target) store.softDelete('creators', [target]); break;
            case 'restore': if (target) store.restore('creators', [target]); break;
            case 'campaign': store.create('campaigns', { name: c.name }); break;
            case 'undo': store.undo(); break;
            case 'redo': store.redo(); break;
            case 'remote':
              if (target) {
                // A teammate's edit arrives as a Yjs update, not through our commands.
                Y.applyUpdate(remote, Y.encodeStateAsUpdate(store.doc));
                new WorkspaceStore(remote).update('creators', target, { notes: c.notes });
                Y.applyUpdate(store.doc, Y.encodeStateAsUpdate(remote));
              }
              break;
          }
          store.stopCapturing();
        }
        await expectProjectionEqualsDoc(store, projection);
        // RxDB's free core allows 13 open collections per process: one projection at a time.
        await Promise.all(open.splice(0).map((p) => p.close()));
      }),
      { numRuns: 40 },
    );
  });

  it('derives query fields for creators (platforms, max followers, country)', async () => {
    const { store, projection } = await connected();
    store.create('creators', {
      name: 'Алёна',
      location: { country: 'UA', region: '', city: 'Київ' },
      accounts: [{ platform: 'instagram', handle: 'alena', followers: 12_000 }, { platform: 'tiktok', handle: 'alena.tt', followers: 90_000 }],
    });
    await projection.settled();
    const found = await projection.collections.creators.find({
      selector: { platforms: { $in: ['tiktok'] }, followersMax: { $gte: 50_000, $lte: 100_000 }, country: 'UA', deletedAt: null },
    }).exec();
    expect(found.map((d) => d.get('name'))).toEqual(['Алёна']);
  });

  it('reconciles a stale snapshot with the Y.Doc, touching only what differs', async () => {
    const { store, projection } = await connected();
    const [a, b] = store.createMany('creators', [{ name: 'A' }, { name: 'B' }]);
    await projection.settled();
    const snapshot = await projection.dump();
    await Promise.all(open.splice(0).map((p) => p.close()));

    store.update('creators', a.id, { name: 'A2' });
    store.softDelete('creators', [b.id]);
    store.create('creators', { name: 'C' });

    const fresh = await Projection.create('fresh');
    open.push(fresh);
    await fresh.load(snapshot);
    const batches = diffBatches(store.doc, snapshot);
    expect(batches.flatMap((b) => b.upserts.map((u) => u.name))).toEqual(['A2', 'B', 'C']);
    await fresh.applyBatches(batches);
    await expectProjectionEqualsDoc(store, fresh);
    expect(diffBatches(store.doc, await fresh.dump())).toEqual([]);
  });
});
