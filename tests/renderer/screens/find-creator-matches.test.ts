import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { batchesFor } from '../../../src/shared/data/batches';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { observeRecords } from '../../../src/shared/data/ydoc';
import { Projection } from '../../../src/renderer/src/data/projection';
import { findCreatorMatches } from '../../../src/renderer/src/screens/find-creator-matches';

const open: Projection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});

async function connected() {
  const store = new WorkspaceStore(new Y.Doc(), { actorId: 'tester' });
  const projection = await Projection.create('matches');
  open.push(projection);
  observeRecords(store.doc, (changes) => void projection.applyBatches(batchesFor(store.doc, changes)));
  return { store, projection };
}

describe('finding the creator a hand-added one duplicates, over the projection', () => {
  it('finds a handle on the same platform and an email in any position, not the trash', async () => {
    const { store, projection } = await connected();
    const maya = store.create('creators', {
      name: 'Maya Johnson', accounts: [{ platform: 'tiktok', handle: 'maya.tok' }, { platform: 'instagram', handle: '@MayaMoves' }],
      emails: [{ address: 'maya@work.com', primary: true }, { address: 'Maya@Example.com', primary: false }],
    });
    const gone = store.create('creators', { name: 'Gone', accounts: [{ platform: 'instagram', handle: 'gone' }], emails: [{ address: 'gone@example.com', primary: true }] });
    store.softDelete('creators', [gone.id]);
    for (let i = 0; i < 50; i++) store.create('creators', { name: `Other ${i}`, accounts: [{ platform: 'instagram', handle: `other${i}` }] });
    await projection.settled();

    const byHandle = await findCreatorMatches(projection, { accounts: [{ platform: 'instagram', handle: 'https://instagram.com/mayamoves' }], emails: [] });
    expect(byHandle.map((m) => [m.id, m.by, m.shared])).toEqual([[maya.id, 'handle', ['@mayamoves on Instagram']]]);
    const byEmail = await findCreatorMatches(projection, { accounts: [{ platform: 'youtube', handle: 'mayamoves' }], emails: [{ address: 'MAYA@example.com' }] });
    expect(byEmail.map((m) => [m.id, m.by])).toEqual([[maya.id, 'email']]);
    expect(await findCreatorMatches(projection, { accounts: [{ platform: 'instagram', handle: 'gone' }], emails: [{ address: 'gone@example.com' }] })).toEqual([]);
    expect(await findCreatorMatches(projection, { accounts: [], emails: [] })).toEqual([]);
  });
});
