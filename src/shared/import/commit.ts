import type { StoreOperation, WorkspaceStore } from '../data/store';
import type { ImportPlan } from './plan';

/** The plan as store operations: every create and update, each labelled with its row for error messages. */
export function importOperations(plan: ImportPlan): StoreOperation[] {
  return [
    ...plan.creates.map((c): StoreOperation => ({ kind: 'create', collection: 'creators', id: c.id, input: c.fields as unknown as Record<string, unknown>, label: `row ${c.row}` })),
    ...plan.updates.map((u): StoreOperation => ({ kind: 'update', collection: 'creators', id: u.id, patch: u.patch as Record<string, unknown>, label: `row ${u.rows.join(', ')}` })),
  ];
}

/**
 * Writes a whole import as one change: the store checks every record before
 * it writes any, and writes them in one Y.Doc transaction. So a failure
 * leaves the workspace exactly as it was, and one Ctrl+Z takes it all back.
 */
export function commitImport(store: WorkspaceStore, plan: ImportPlan): void {
  store.applyAll(importOperations(plan));
}
