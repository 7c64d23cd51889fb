import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DataEngine } from '../../../src/renderer/src/data/engine/engine';
import type { EngineEvent } from '../../../src/renderer/src/data/engine/protocol';
import { TabSync } from '../../../src/renderer/src/data/tab-sync';

// Node's own BroadcastChannel, as tabs of one browser profile have.

describe('tab sync', () => {
  it('a tab that joins gets what another holds only in memory, and gives what it has', async () => {
    const a = new Y.Doc();
    a.getMap('m').set('only in a', 1);
    const b = new Y.Doc();
    b.getMap('m').set('only in b', 2);
    const tabA = new TabSync(a, 'ts-join');
    const tabB = new TabSync(b, 'ts-join');
    tabB.join();
    await expect.poll(() => a.getMap('m').toJSON()).toEqual({ 'only in a': 1, 'only in b': 2 });
    await expect.poll(() => b.getMap('m').toJSON()).toEqual({ 'only in a': 1, 'only in b': 2 });
    // A deletion held only in memory travels too, though it leaves the state vector as it was.
    const c = new Y.Doc();
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a));
    a.getMap('m').delete('only in a');
    const tabC = new TabSync(c, 'ts-join');
    tabC.join();
    await expect.poll(() => c.getMap('m').toJSON()).toEqual({ 'only in b': 2 });
    [tabA, tabB, tabC].forEach((t) => t.destroy());
  });

  it('changes from another tab are not sent back out', async () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const tabA = new TabSync(a, 'ts-echo');
    const tabB = new TabSync(b, 'ts-echo');
    const sentByB: unknown[] = [];
    const spy = new BroadcastChannel('ts-echo');
    spy.onmessage = (e) => sentByB.push(e.data);
    a.getMap('m').set('x', 1);
    await expect.poll(() => b.getMap('m').get('x')).toBe(1);
    // B's own next change: one sender's messages arrive in order, so an echo of A's update
    // would reach the spy before it. Waiting for it replaces a sleep that only hoped.
    b.getMap('m').set('y', 2);
    await expect.poll(() => sentByB.length >= 2).toBe(true);
    // The spy sees A's one update and B's own; B, having applied A's, posted nothing for it.
    expect(sentByB).toHaveLength(2);
    spy.close();
    tabA.destroy();
    tabB.destroy();
  });
});

describe('two engines on one workspace (two tabs)', () => {
  function engine() {
    const events: EngineEvent[] = [];
    return { engine: new DataEngine((e) => events.push(e)), events };
  }
  const changedNames = (events: EngineEvent[]) => events.flatMap((e) => (e.event === 'changes' ? e.batches.flatMap((b) => b.upserts.map((u) => u.name)) : []));

  it('an edit in one reaches the other as a batch, and undo in one leaves the other\'s edit alone', async () => {
    const a = engine();
    const b = engine();
    await a.engine.open('ws-tabs', 'me', null);
    await b.engine.open('ws-tabs', 'me', null);
    a.engine.joinTabs();
    b.engine.joinTabs();
    const fromA = a.engine.create('creators', { name: 'Made in tab A' });
    await expect.poll(() => changedNames(b.events)).toContain('Made in tab A');
    b.engine.update('creators', String(fromA.id), { name: 'Renamed in tab B' });
    await expect.poll(() => changedNames(a.events)).toContain('Renamed in tab B');
    // B's rename is not A's to undo: Ctrl+Z in A takes back A's own create only.
    expect(b.engine.undo()).toBe(true);
    await expect.poll(() => changedNames(a.events).at(-1)).toBe('Made in tab A');
    expect(a.engine.undo()).toBe(true);
    expect(a.engine.undo()).toBe(false);
    await a.engine.flush();
    await b.engine.flush();
    await a.engine.close();
    await b.engine.close();
  });
});
