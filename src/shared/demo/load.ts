import type { WorkspaceStore } from '../data/store';
import { SYSTEM_ORIGIN } from '../data/ydoc';
import { collectionNames } from '../data/schemas';
import type { DemoRecords } from './generate';

/** Writes generated records through the real commands, as system changes the user cannot undo by accident. */
export function loadDemoRecords(store: WorkspaceStore, records: DemoRecords): number {
  let count = 0;
  for (const collection of collectionNames) {
    const list = records[collection];
    if (!list?.length) continue;
    store.createMany(collection, list.map((r) => r.input) as never[], list.map((r) => ({ id: r.id, origin: SYSTEM_ORIGIN })));
    count += list.length;
  }
  return count;
}
