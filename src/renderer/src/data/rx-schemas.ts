import type { RxJsonSchema } from 'rxdb';
import { collections, type CollectionName } from '../../../shared/data/schemas';

/**
 * RxDB schemas for the projection. The projection is rebuilt from the Y.Doc
 * (the durable copy), so these stay at version 0: durable migrations happen
 * in the Y.Doc (shared/data/migrations). Only fields that are indexed are
 * declared precisely; other fields pass through as stored.
 */
export function rxSchemaFor(collection: CollectionName): RxJsonSchema<Record<string, unknown>> {
  const def = collections[collection];
  const properties: Record<string, unknown> = {
    id: { type: 'string', maxLength: 64 },
    position: { type: 'number' },
    deletedAt: { type: ['string', 'null'] },
  };
  for (const [field, type] of Object.entries(def.indexed)) {
    properties[field] = type === 'number'
      ? { type: 'number', minimum: 0, maximum: 1e13, multipleOf: 1 }
      : type === 'string' ? { type: 'string', maxLength: 200 } : type === 'id' ? { type: 'string', maxLength: 64 } : { type: 'boolean' };
  }
  return {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties,
    required: ['id', ...Object.keys(def.indexed)],
    indexes: def.indexes,
  } as RxJsonSchema<Record<string, unknown>>;
}
