import type { z } from 'zod';
import { sameJson } from './ydoc';

/**
 * Bounds tighten as the app learns what a value can be (exclusivity was once
 * any number of days; a territory any two letters). A record written before
 * holds its value as it was: nothing rewrites it behind the person's back,
 * and an edit of another field is not refused for it. A value the edit
 * itself brings must meet today's rule; one it carries over unchanged (at
 * the same place in the record) is the record's past, not the edit's fault.
 */
export function isCarriedOver(path: readonly PropertyKey[], next: Record<string, unknown>, stored: Record<string, unknown>): boolean {
  if (path.length === 0) return false;
  const before = valueAt(stored, path);
  return before !== undefined && sameJson(valueAt(next, path), before);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (at == null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/**
 * The record as the schema reads it, when its only failures are carried-over
 * values: those are set aside (the schema fills its default there), the rest
 * is parsed as usual (trimmed, normalised), and they are put back exactly as
 * they were. Where setting a value aside is not enough (a required field),
 * the patch's fields are parsed one by one and a field that still fails is
 * written as given: it holds nothing the edit made invalid.
 */
export function parseKeepingCarriedOver(schema: z.ZodObject, next: Record<string, unknown>, issues: readonly { path: readonly PropertyKey[] }[], patch: Record<string, unknown>): Record<string, unknown> {
  const set = JSON.parse(JSON.stringify(next)) as Record<string, unknown>;
  for (const { path } of issues) removeAt(set, path);
  const second = schema.safeParse(set);
  if (second.success) {
    const data = second.data as Record<string, unknown>;
    for (const { path } of issues) putAt(data, path, valueAt(next, path));
    return data;
  }
  const parsed: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) {
    const field = schema.shape[key] as z.ZodType | undefined;
    if (!field) continue;
    const result = field.safeParse(patch[key]);
    parsed[key] = result.success ? result.data : patch[key];
  }
  return parsed;
}

function removeAt(root: Record<string, unknown>, path: readonly PropertyKey[]): void {
  const parent = valueAt(root, path.slice(0, -1));
  if (parent && typeof parent === 'object') delete (parent as Record<PropertyKey, unknown>)[path[path.length - 1]];
}

function putAt(root: Record<string, unknown>, path: readonly PropertyKey[], value: unknown): void {
  const parent = valueAt(root, path.slice(0, -1));
  if (parent && typeof parent === 'object') (parent as Record<PropertyKey, unknown>)[path[path.length - 1]] = value;
}
