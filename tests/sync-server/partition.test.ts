import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../src/shared/data/store';
import { cleanupAll, twoSyncedClients, waitFor } from './helpers';

afterEach(cleanupAll);

const sameState = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

describe('partition: two laptops work offline, then meet again through the server', () => {
  it('keeps all 500 + 500 edits made apart, through the real commands, and ends identical', async () => {
    const { a, b } = await twoSyncedClients();
    const alex = new WorkspaceStore(a.doc, { actorId: 'alex' });
    const sam = new WorkspaceStore(b.doc, { actorId: 'sam' });
    const shared = alex.createMany('creators', Array.from({ length: 100 }, (_, i) => ({ name: `Creator ${i}` })));
    await waitFor(() => sam.list('creators').length === 100, 10_000, 'the shared creators');

    a.provider.disconnect();
    b.provider.disconnect();
    for (let i = 0; i < 250; i++) {
      alex.create('creators', { name: `Alex's find ${i}` });
      alex.update('creators', shared[i % 100].id, { notes: `Alex note ${i}` });
      sam.create('creators', { name: `Sam's find ${i}` });
      sam.update('creators', shared[i % 100].id, { tags: [`sam-${i}`] });
    }

    a.provider.connect();
    b.provider.connect();
    await waitFor(() => sameState(a.doc, b.doc) && alex.list('creators').length === 600, 20_000, 'the laptops to converge');
    const names = alex.list('creators').map((c) => c.name);
    expect(names.filter((n) => n.startsWith("Alex's find"))).toHaveLength(250);
    expect(names.filter((n) => n.startsWith("Sam's find"))).toHaveLength(250);
    // Different fields of the same records: both laptops' last edits survive.
    expect(alex.get('creators', shared[99].id)).toMatchObject({ notes: 'Alex note 199', tags: ['sam-199'] });
    const byId = (store: WorkspaceStore) => store.list('creators', { includeDeleted: true }).sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(alex)).toEqual(byId(sam));
  });
});
