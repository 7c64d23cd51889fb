import * as Y from 'yjs';
import { sameJson } from './ydoc';
import type { CollectionName } from './schemas';

const PREFIX = 'history:';

/**
 * Every edit a person makes to a record's fields, kept beside the record:
 * who, when, which field, and the value they set. When two teammates change
 * the same field at the same time, the record shows one value (the same on
 * every laptop) and this history shows both, so the other is never silently lost.
 */
export interface FieldChange {
  field: string;
  value: unknown;
  /** The value the editor saw before their change. */
  previous: unknown;
  by: string | null;
  byName: string | null;
  at: string;
  /** Set when the line is not an edit of this record: e.g. a value a merged duplicate had, not kept. */
  note?: string;
}

export interface FieldChangeView extends FieldChange {
  /** The record holds this change's value now (for one side of a conflict: it was kept). */
  current: boolean;
  /** Another change to the same field was made without its author having seen this one (or the reverse). */
  concurrent: boolean;
}

/**
 * One top-level Y.Array per record. Top-level types are found by name, so
 * two laptops that start the same record's history offline append to one
 * list when they meet; a nested list created twice would keep only one.
 */
export function historyArray(doc: Y.Doc, collection: CollectionName, id: string): Y.Array<FieldChange> {
  return doc.getArray<FieldChange>(`${PREFIX}${collection}:${id}`);
}

/** Appends the changes; call inside the transaction that makes them. */
export function appendHistory(doc: Y.Doc, collection: CollectionName, id: string, changes: FieldChange[]): void {
  if (changes.length > 0) historyArray(doc, collection, id).push(changes);
}

/**
 * The history, newest first, with the changes whose value the record holds marked.
 * Two changes to one field are concurrent when neither author's previous
 * value was the other's result: each edited without seeing the other.
 */
export function readHistory(doc: Y.Doc, collection: CollectionName, id: string, record: Record<string, unknown> | null): FieldChangeView[] {
  const entries = historyArray(doc, collection, id).toArray();
  const views = entries.map((change) => ({ ...change, current: false, concurrent: false }));
  const byField = new Map<string, FieldChangeView[]>();
  for (const view of views) byField.set(view.field, [...(byField.get(view.field) ?? []), view]);
  for (const [field, changes] of byField) {
    for (const change of changes) change.current = !!record && sameJson(change.value, record[field]);
    // Only people's competing edits can be concurrent; merge notes are context.
    for (const a of changes) {
      for (const b of changes) {
        if (a === b || a.by === b.by || a.note || b.note) continue;
        const sawEachOther = sameJson(a.previous, b.value) || sameJson(b.previous, a.value);
        if (!sawEachOther && sameJson(a.previous, b.previous) && !sameJson(a.value, b.value)) a.concurrent = b.concurrent = true;
      }
    }
  }
  return views.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}


/**
 * Calls back with the records whose history changed in a transaction, local
 * or from a teammate. A history list that arrives from a teammate has no
 * handle on this side yet, so root names are looked up in the doc when an
 * unknown one changes (rarely: once per newly edited record).
 */
export function observeHistory(doc: Y.Doc, onChange: (records: { collection: CollectionName; id: string }[]) => void): () => void {
  let names = new Map<unknown, string>();
  const nameOf = (type: unknown): string | undefined => {
    if (!names.has(type)) names = new Map([...doc.share].map(([name, t]) => [t, name]));
    return names.get(type);
  };
  const onTransaction = (transaction: Y.Transaction) => {
    const records: { collection: CollectionName; id: string }[] = [];
    for (const type of transaction.changed.keys()) {
      // A root first seen in a teammate's update is a plain AbstractType until someone asks for it as an array.
      if (type._item !== null) continue;
      const name = nameOf(type);
      if (!name?.startsWith(PREFIX)) continue;
      const [collection, ...id] = name.slice(PREFIX.length).split(':');
      records.push({ collection: collection as CollectionName, id: id.join(':') });
    }
    if (records.length > 0) onChange(records);
  };
  doc.on('afterTransaction', onTransaction);
  return () => doc.off('afterTransaction', onTransaction);
}
