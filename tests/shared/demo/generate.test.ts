import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkspaceStore } from '../../../src/shared/data/store';
import { generateDemoWorkspace } from '../../../src/shared/demo/generate';
import { loadDemoRecords } from '../../../src/shared/demo/load';

describe('demo workspace', () => {
  it('is deterministic for a seed', () => {
    expect(generateDemoWorkspace({ seed: 7, creators: 50 })).toEqual(generateDemoWorkspace({ seed: 7, creators: 50 }));
    expect(generateDemoWorkspace({ seed: 7, creators: 50 })).not.toEqual(generateDemoWorkspace({ seed: 8, creators: 50 }));
  });

  it('is valid for the real commands, with two campaigns, posts with metrics, and creators across countries and platforms', () => {
    const store = new WorkspaceStore(new Y.Doc());
    const records = generateDemoWorkspace({ creators: 400 });
    loadDemoRecords(store, records);
    const creators = store.list('creators');
    expect(creators).toHaveLength(400);
    expect(store.list('campaigns').map((c) => c.name).sort()).toEqual(['Run Club ambassadors', 'Spring Glow seeding']);
    expect(new Set(creators.map((c) => c.location.country)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(creators.flatMap((c) => c.accounts.map((a) => a.platform))).size).toBeGreaterThanOrEqual(5);
    const posts = store.list('content').filter((c) => c.kind === 'post');
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((p) => p.metrics.length > 0 && p.metrics[0].reach! > 0)).toBe(true);
    // Demo data is not the user's edit: undo does not remove it.
    expect(store.undo()).toBe(false);
  });

  it('scales to 50,000 creators with unique ids', () => {
    const records = generateDemoWorkspace({ creators: 50_000 });
    const ids = new Set(records.creators!.map((c) => c.id));
    expect(ids.size).toBe(50_000);
  });
});
