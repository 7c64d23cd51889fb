import type { z } from 'zod';
import type { CollectionName, RecordBase } from './schemas';
import { collections } from './schemas';

type Def<C extends CollectionName> = (typeof collections)[C];
export type RecordFields<C extends CollectionName> = z.output<Def<C>['fields']>;
export type RecordInput<C extends CollectionName> = z.input<Def<C>['fields']>;
export type RecordOf<C extends CollectionName> = RecordFields<C> & RecordBase;
/** Records come from the Y.Doc as plain JSON; the projection adds the derived, read-only fields. */
export function projectRecord(collection: CollectionName, record: Record<string, unknown>): Record<string, unknown> {
  const def = collections[collection] as unknown as { derive?: (r: Record<string, unknown>) => Record<string, unknown> };
  return def.derive ? { ...record, ...def.derive(record) } : record;
}
