import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColumnId } from '../../../../shared/domain/creator-columns';
import type { CreatorFilters } from '../../../../shared/domain/creator-filters';
import { defaultViewState, parseViewState, type CreatorSort, type CreatorViewState } from '../../../../shared/domain/creator-views';

/**
 * How this person is looking at the creator list right now: the saved view
 * they opened (if any) and their filters, columns and sort, including
 * changes not saved into the view. Kept per workspace on this computer, so
 * a reload or a trip to a profile comes back to the same list.
 */
export interface TableState {
  viewId: string | null;
  view: CreatorViewState;
}

const key = (workspaceId: string) => `fanfare.creators.list.v1.${workspaceId}`;

function read(workspaceId: string): TableState {
  try {
    const stored = JSON.parse(localStorage.getItem(key(workspaceId)) ?? 'null') as { viewId?: unknown; view?: unknown } | null;
    if (stored) return { viewId: typeof stored.viewId === 'string' ? stored.viewId : null, view: parseViewState(stored.view) };
  } catch {
    // A damaged entry only loses the last filters; the list opens plain.
  }
  return { viewId: null, view: defaultViewState() };
}

export function useTableState(workspaceId: string) {
  const [state, setState] = useState<TableState>(() => read(workspaceId));
  useEffect(() => {
    localStorage.setItem(key(workspaceId), JSON.stringify(state));
  }, [workspaceId, state]);

  const patch = useCallback((change: Partial<CreatorViewState>) => setState((s) => ({ ...s, view: { ...s.view, ...change } })), []);
  // Stable functions, so memoised controls that receive them do not re-render on every change.
  const actions = useMemo(() => ({
    setFilters: (filters: CreatorFilters) => patch({ filters }),
    updateFilters: (update: (filters: CreatorFilters) => CreatorFilters) => setState((s) => ({ ...s, view: { ...s.view, filters: update(s.view.filters) } })),
    setColumns: (columns: ColumnId[]) => patch({ columns }),
    setSort: (sort: CreatorSort) => patch({ sort }),
    /** Opens a saved view (or, with null, the plain list). */
    open: (viewId: string | null, view: CreatorViewState) => setState({ viewId, view }),
    /** After saving: the view on screen is now that saved view. */
    attach: (viewId: string | null) => setState((s) => ({ ...s, viewId })),
  }), [patch]);
  return { ...state, ...actions };
}

export type TableStateApi = ReturnType<typeof useTableState>;
