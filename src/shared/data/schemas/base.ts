import { z } from 'zod';

/** Fields every record carries, whatever its collection. */
export interface RecordBase {
  id: string;
  schemaVersion: number;
  /** Fractional ordering, so moving a record rewrites one number. */
  position: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  /** Soft delete: trash and undo, and an edit racing a delete is not lost. */
  deletedAt: string | null;
}

export const baseFieldNames = ['id', 'schemaVersion', 'position', 'createdAt', 'updatedAt', 'createdBy', 'deletedAt'] as const;

/** `id`: a reference to another record, indexed in 64 characters rather than 200 (index keys are padded to the maximum). */
export type IndexedFieldType = 'string' | 'id' | 'number' | 'boolean';

export interface CollectionDef<S extends z.ZodObject = z.ZodObject> {
  /** Current schema version of records in this collection (see migrations). */
  version: number;
  /** The user-editable fields, validated on every command. */
  fields: S;
  /** Fields the projection may index for fast queries, with their type. */
  indexed: Record<string, IndexedFieldType>;
  indexes: string[][];
  /** Read-only fields computed at projection time (never stored in the Y.Doc). */
  derive?: (record: z.output<S> & RecordBase) => Record<string, unknown>;
  /** Singular noun a marketer would use in a message: "creator", "campaign". */
  noun: string;
}

export function defineCollection<S extends z.ZodObject>(def: CollectionDef<S>): CollectionDef<S> {
  return def;
}

export const idRef = z.string().min(1).max(64);
export const optionalRef = idRef.nullable().default(null);
export const shortText = (max = 200) => z.string().trim().max(max, `Keep this under ${max} characters`);
export const requiredText = (what: string, max = 200) =>
  z.string().trim().min(1, `${what} is required`).max(max, `Keep this under ${max} characters`);
export const tagList = z.array(z.string().trim().min(1).max(60)).max(100).default([]);
export const count = z.number().int('Use a whole number').min(0, 'This cannot be negative');
