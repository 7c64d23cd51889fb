import type { z } from 'zod';
import type { CollectionName, RecordBase } from './schemas';
import { collections } from './schemas';

type Def<C extends CollectionName> = (typeof collections)[C];
export type RecordFields<C extends CollectionName> = z.output<Def<C>['fields']>;
export type RecordInput<C extends CollectionName> = z.input<Def<C>['fields']>;
export type RecordOf<C extends CollectionName> = RecordFields<C> & RecordBase;
/** What the projection holds: the record plus its derived, read-only fields. */
export type ProjectedRecord<C extends CollectionName> = RecordOf<C> & Record<string, unknown>;

export function projectRecord<C extends CollectionName>(collection: C, record: RecordOf<C>): ProjectedRecord<C> {
  const def = collections[collection] as { derive?: (r: RecordOf<C>) => Record<string, unknown> };
  return (def.derive ? { ...record, ...def.derive(record) } : record) as ProjectedRecord<C>;
}

export function recordTitle<C extends CollectionName>(collection: C, record: RecordOf<C>): string {
  return (collections[collection].title as unknown as (r: RecordOf<C>) => string)(record);
}
