import { columnIds, columnRules, normalizeColumns, type ColumnId } from './creator-columns';
import { emptyFilters, parseCreatorFilters, sameFilters, type CreatorFilters } from './creator-filters';

/**
 * A way of looking at the creator list: filters, columns and sort. Saved
 * views are `settings` records (kind "saved-view") whose `data` is this, so
 * they reach teammates through sync like any other record.
 */
export interface CreatorSort {
  column: ColumnId;
  desc: boolean;
}

export interface CreatorViewState {
  filters: CreatorFilters;
  columns: ColumnId[];
  sort: CreatorSort;
}

export const defaultSort: CreatorSort = { column: 'name', desc: false };

export function defaultViewState(): CreatorViewState {
  return { filters: emptyFilters, columns: normalizeColumns(undefined), sort: defaultSort };
}

function parseSort(value: unknown): CreatorSort {
  if (!value || typeof value !== 'object') return defaultSort;
  const { column, desc } = value as Record<string, unknown>;
  if (typeof column !== 'string' || !(columnIds as readonly string[]).includes(column)) return defaultSort;
  return { column: column as ColumnId, desc: desc === true };
}

/** Reads a view from a teammate's record or local storage; whatever is unknown falls back to the defaults. */
export function parseViewState(value: unknown): CreatorViewState {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return { filters: parseCreatorFilters(v.filters), columns: normalizeColumns(v.columns), sort: parseSort(v.sort) };
}

export function sameViewState(a: CreatorViewState, b: CreatorViewState): boolean {
  return sameFilters(a.filters, b.filters)
    && a.columns.join() === b.columns.join()
    && a.sort.column === b.sort.column && a.sort.desc === b.sort.desc;
}

/** Clicking a header sorts by it; clicking again flips it. Numbers and dates start with the biggest and newest. */
export function nextSort(current: CreatorSort, column: ColumnId): CreatorSort {
  if (current.column === column) return { column, desc: !current.desc };
  return { column, desc: columnRules[column].sort === 'number' };
}
