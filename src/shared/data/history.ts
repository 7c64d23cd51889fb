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
 * How close together two people's writes of one field count as "at the same
 * time" when the second was written over the first. Online, a teammate's
 * value arrives within a second, so whoever saves next starts from it on
 * paper while their form or title box still shows what they began editing
 * from: their line's previous value is the teammate's, yet they never saw
 * it. Within this window the overwritten value is listed as a clash (one
 * click from coming back); later, the second writer is taken to have seen it.
 */
export const CLASH_WINDOW_MS = 30_000;

const msBetween = (a: FieldChange, b: FieldChange): number => Math.abs(Date.parse(a.at) - Date.parse(b.at));

/**
 * The history, newest first, with the changes whose value the record holds marked.
 * Two people's changes to one field are concurrent when each edited without
 * seeing the other (both started from the same previous value: offline, or
 * online with the writes crossing on the way), or when one wrote over the
 * other's value within CLASH_WINDOW_MS (online, the second was already
 * editing when the first arrived). A person's later edits of their own
 * clashing value clash too, so their last value is never the one left
 * without a way back.
 */
export function readHistory(doc: Y.Doc, collection: CollectionName, id: string, record: Record<string, unknown> | null): FieldChangeView[] {
  const entries = historyArray(doc, collection, id).toArray();
  const views = entries.map((change) => ({ ...change, current: false, concurrent: false }));
  const byField = new Map<string, FieldChangeView[]>();
  for (const view of views) byField.set(view.field, [...(byField.get(view.field) ?? []), view]);
  for (const [field, changes] of byField) {
    for (const change of changes) change.current = !!record && sameJson(change.value, record[field]);
    // Only people's competing edits can be concurrent; merge notes are context.
    const edits = changes.filter((change) => !change.note);
    for (const a of edits) {
      for (const b of edits) {
        if (a === b || a.by === b.by || sameJson(a.value, b.value)) continue;
        const crossed = sameJson(a.previous, b.previous) && !sameJson(a.previous, b.value) && !sameJson(b.previous, a.value);
        const overwroteAtOnce = sameJson(b.previous, a.value) && !sameJson(a.previous, b.value) && msBetween(a, b) <= CLASH_WINDOW_MS;
        if (crossed || overwroteAtOnce) a.concurrent = b.concurrent = true;
      }
    }
    // Follow each clash along its author's own next edits (x → a1 → a2 offline: a2 is what they meant to keep).
    for (let grew = true; grew;) {
      grew = false;
      for (const later of edits) {
        if (later.concurrent) continue;
        if (edits.some((earlier) => earlier.concurrent && earlier.by === later.by && earlier !== later && sameJson(later.previous, earlier.value) && earlier.at <= later.at)) {
          later.concurrent = grew = true;
        }
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
