import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RecordBatch } from '../../../src/shared/data/batches';
import { CommandError } from '../../../src/shared/data/command-error';
import { DataEngine } from '../../../src/renderer/src/data/engine/engine';
import type { EngineEvent } from '../../../src/renderer/src/data/engine/protocol';
import { loadSnapshot } from '../../../src/renderer/src/data/snapshot-store';

// The data engine over real IndexedDB semantics (fake-indexeddb): small data only.
function engine() {
  const events: EngineEvent[] = [];
  return { engine: new DataEngine((e) => events.push(e)), events };
}

const names = (batches: RecordBatch[], collection = 'creators') =>
  batches.filter((b) => b.collection === collection).flatMap((b) => b.upserts.map((u) => u.name)).sort();

describe('data engine', () => {
  it('persists commands in IndexedDB and hands the whole projection over on a first open', async () => {
    const first = engine();
    const opened = await first.engine.open('ws-a', 'me', null);
    expect(opened).toMatchObject({ replace: true, batches: expect.any(Array) });
    first.engine.create('creators', { name: 'Nguyễn Thị Hương', accounts: [{ platform: 'tiktok', handle: '@huongcooks', followers: 42_000 }] });
    const change = first.events.find((e) => e.event === 'changes');
    expect(change && change.event === 'changes' && change.batches[0].upserts[0]).toMatchObject({ name: 'Nguyễn Thị Hương', followersMax: 42_000, platforms: ['tiktok'] });
    await first.engine.flush();
    await first.engine.close();

    const snapshot = await loadSnapshot('ws-a');
    expect(snapshot?.docs.creators?.map((c) => c.name)).toEqual(['Nguyễn Thị Hương']);
    const second = engine();
    const reopened = await second.engine.open('ws-a', 'me', snapshot!.docVersion);
    // The snapshot written by flush() matches the Y.Doc: nothing to reconcile.
    expect(reopened).toMatchObject({ replace: false, reconciled: 0, batches: [] });
    await second.engine.close();
  });

  it('sends only what changed since a stale snapshot', async () => {
    const first = engine();
    await first.engine.open('ws-b', null, null);
    const kept = first.engine.create('creators', { name: 'Kept' });
    await first.engine.flush();
    first.engine.create('creators', { name: 'Added after the snapshot' });
    first.engine.update('creators', String(kept.id), { notes: 'changed too' });
    await first.engine.close(); // closed before the snapshot timer fired: the snapshot is stale.

    const basis = (await loadSnapshot('ws-b'))!.docVersion;
    const second = engine();
    const reopened = await second.engine.open('ws-b', null, basis);
    expect(reopened.replace).toBe(false);
    expect(names(reopened.batches)).toEqual(['Added after the snapshot', 'Kept']);
    await second.engine.close();
  });

  it('notices a stale snapshot when the only change since is a deletion (an undone create)', async () => {
    const first = engine();
    await first.engine.open('ws-d', null, null);
    const created = first.engine.create('creators', { name: 'Undone later' });
    await first.engine.flush();
    expect(first.engine.undo()).toBe(true);
    await first.engine.close();

    const basis = (await loadSnapshot('ws-d'))!.docVersion;
    const second = engine();
    const reopened = await second.engine.open('ws-d', null, basis);
    expect(reopened.replace).toBe(false);
    expect(reopened.batches.find((b) => b.collection === 'creators')?.removals).toEqual([created.id]);
    await second.engine.close();
  });

  it('replaces what the UI shows when it cannot match the UI’s snapshot', async () => {
    const first = engine();
    await first.engine.open('ws-e', null, null);
    first.engine.create('creators', { name: 'Only record' });
    await first.engine.close();
    const second = engine();
    const reopened = await second.engine.open('ws-e', null, new Uint8Array([1, 2, 3]));
    expect(reopened.replace).toBe(true);
    expect(names(reopened.batches)).toEqual(['Only record']);
    await second.engine.close();
  });

  it('returns command errors with their field messages, and undoes the user’s edits', async () => {
    const { engine: e } = engine();
    await e.open('ws-c', null, null);
    const response = await e.handle({ callId: 1, method: 'create', args: ['creators', { name: '' }] });
    expect(response).toMatchObject({ ok: false, error: { name: 'CommandError', fields: { name: 'Name is required' } } });
    const created = e.create('campaigns', { name: 'Spring' });
    expect(e.undo()).toBe(true);
    expect(() => e.update('campaigns', String(created.id), { name: 'x' })).toThrow(CommandError);
    expect(e.loadDemo({ creators: 5 })).toBeGreaterThan(5);
    expect(e.loadDemo({ creators: 5 })).toBe(0);
    await e.close();
  });
});
