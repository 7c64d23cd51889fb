import * as Y from 'yjs';
import { collectionNames, type CollectionName } from './schemas';

/**
 * The Y.Doc layout of a workspace: one Y.Map per collection, each record a
 * nested Y.Map of its fields, so concurrent edits to different fields of one
 * record both survive a merge. Field values are plain JSON, replaced whole.
 */
export type RecordMap = Y.Map<unknown>;
export type CollectionMap = Y.Map<RecordMap>;

/** Who made a change; the undo manager tracks only the user's own edits. */
export const LOCAL_ORIGIN = 'fanfare:local';
export const SYSTEM_ORIGIN = 'fanfare:system';
export const MIGRATION_ORIGIN = 'fanfare:migration';

export function collectionMap(doc: Y.Doc, collection: CollectionName): CollectionMap {
  return doc.getMap(collection) as CollectionMap;
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

export function readRecord(doc: Y.Doc, collection: CollectionName, id: string): Record<string, unknown> | null {
  const map = collectionMap(doc, collection).get(id);
  return map ? (map.toJSON() as Record<string, unknown>) : null;
}

export function readAll(doc: Y.Doc, collection: CollectionName): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  collectionMap(doc, collection).forEach((map) => out.push(map.toJSON() as Record<string, unknown>));
  return out;
}

/** Write fields into a record map, creating it if needed; unchanged values are skipped so merges stay minimal. */
export function writeFields(doc: Y.Doc, collection: CollectionName, id: string, fields: Record<string, unknown>): void {
  const records = collectionMap(doc, collection);
  let map = records.get(id);
  if (!map) {
    map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) map.set(key, value);
    records.set(id, map);
    return;
  }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (!sameJson(map.get(key), value)) map.set(key, value);
  }
}

/** Field values are plain JSON; equal when they serialise the same. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export type ChangeSet = Map<CollectionName, Set<string>>;

/**
 * One observer for local and remote changes alike: reports which records of
 * which collections changed, once per transaction.
 */
export function observeRecords(doc: Y.Doc, onChange: (changes: ChangeSet, origin: unknown) => void): () => void {
  const unsubscribers = collectionNames.map((collection) => {
    const records = collectionMap(doc, collection);
    const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      const ids = new Set<string>();
      for (const event of events) {
        if (event.target === records) {
          for (const key of (event as Y.YMapEvent<unknown>).keysChanged) ids.add(key);
        } else if (event.path.length > 0) {
          ids.add(String(event.path[0]));
        }
      }
      if (ids.size) onChange(new Map([[collection, ids]]), transaction.origin);
    };
    records.observeDeep(handler);
    return () => records.unobserveDeep(handler);
  });
  return () => unsubscribers.forEach((u) => u());
}
