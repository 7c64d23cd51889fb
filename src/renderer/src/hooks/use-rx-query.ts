import type { MangoQuery } from 'rxdb';
import { useEffect, useState } from 'react';
import type { CollectionName } from '../../../shared/data/schemas';
import { useSession } from '../app/workspace-context';

/**
 * A live query over the projection: re-renders when matching records change,
 * whoever changed them (this window, undo, or a teammate through sync).
 * `key` must change when the query does (pass JSON of its inputs).
 */
export function useRxQuery<T = Record<string, unknown>>(collection: CollectionName, query: MangoQuery<Record<string, unknown>>, key: string): T[] | null {
  const session = useSession();
  const [rows, setRows] = useState<T[] | null>(null);
  useEffect(() => {
    // RxDB documents are immutable and reused while unchanged, so each is turned into a row once:
    // when 2,000 of 50,000 creators change, the other 48,000 are not copied again.
    const json = new WeakMap<object, T>();
    const rowOf = (d: { _data: object }) => {
      let row = json.get(d);
      if (!row) {
        row = plainRow(d._data) as T;
        json.set(d, row);
      }
      return row;
    };
    const subscription = session.projection.collections[collection].find(query).$.subscribe((docs) => {
      setRows(docs.map(rowOf));
    });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, collection, key]);
  return rows;
}

/**
 * A stored document without RxDB's own fields (`_rev`, `_meta`…). Built in
 * one go by `Object.fromEntries`, which gives V8 a fixed-shape object; adding
 * or deleting keys one by one (as `toJSON` does) can leave a hash-table object
 * that is larger and slower to read in every filter, sort and cell.
 */
export function plainRow(data: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith('_')));
}

export function useRxCount(collection: CollectionName, query: MangoQuery<Record<string, unknown>>, key: string): number | null {
  const session = useSession();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const subscription = session.projection.collections[collection].count(query).$.subscribe(setCount);
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, collection, key]);
  return count;
}
