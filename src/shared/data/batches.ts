import type * as Y from 'yjs';
import { projectRecord } from './records';
import { collectionNames, type CollectionName } from './schemas';
import { readAll, readRecord, sameJson, type ChangeSet } from './ydoc';

/**
 * What the projection needs to change: records to upsert (already projected,
 * with derived fields) and ids to remove, per collection. Plain data, so it
 * can cross from the data worker to the UI thread.
 */
export interface RecordBatch {
  collection: CollectionName;
  upserts: Record<string, unknown>[];
  removals: string[];
}

export type ProjectedDocs = Partial<Record<CollectionName, Record<string, unknown>[]>>;

/** Reads the records a transaction touched, now, so the batch reflects exactly that transaction. */
export function batchesFor(doc: Y.Doc, changes: ChangeSet): RecordBatch[] {
  return [...changes].map(([collection, ids]) => {
    const upserts: Record<string, unknown>[] = [];
    const removals: string[] = [];
    for (const id of ids) {
      const record = readRecord(doc, collection, id);
      if (record) upserts.push(projectRecord(collection, record));
      else removals.push(id);
    }
    return { collection, upserts, removals };
  });
}

export function projectAll(doc: Y.Doc): ProjectedDocs {
  const out: ProjectedDocs = {};
  for (const collection of collectionNames) out[collection] = readAll(doc, collection).map((r) => projectRecord(collection, r));
  return out;
}

/**
 * The batches that turn `previous` (a snapshot of the projection) into the
 * projection of `doc`, touching only records that differ.
 */
export function diffBatches(doc: Y.Doc, previous: ProjectedDocs): RecordBatch[] {
  const batches: RecordBatch[] = [];
  for (const collection of collectionNames) {
    const before = new Map((previous[collection] ?? []).map((d) => [String(d.id), d]));
    const upserts: Record<string, unknown>[] = [];
    for (const record of readAll(doc, collection)) {
      const projected = projectRecord(collection, record);
      const id = String(projected.id);
      const old = before.get(id);
      before.delete(id);
      if (!old || !sameDoc(old, projected)) upserts.push(projected);
    }
    const removals = [...before.keys()];
    if (upserts.length || removals.length) batches.push({ collection, upserts, removals });
  }
  return batches;
}

/** Key order differs between sources, so compare field by field. */
function sameDoc(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameJson(a[key], b[key])) return false;
  return true;
}

export function batchSize(batches: RecordBatch[]): number {
  return batches.reduce((n, b) => n + b.upserts.length + b.removals.length, 0);
}
