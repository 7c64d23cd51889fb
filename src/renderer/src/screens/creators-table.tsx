import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode, type Ref, type RefObject } from 'react';
import { columnRules, type ColumnId } from '../../../shared/domain/creator-columns';
import type { CreatorIndex } from '../../../shared/domain/creator-index';
import type { CreatorSort } from '../../../shared/domain/creator-views';
import { navigate } from '../app/routes';
import { CreatorTableRow } from './creators/creator-table-row';
import classes from './creators/creators-table.module.css';
import { useRowWindow } from './creators/use-row-window';
import { useStableCallback } from './creators/use-stable-callback';

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 36;
const CHECK_WIDTH = 40;

export interface CreatorsTableHandle {
  focus(): void;
  /** A new search, filter or sort starts at the top, like any list people know. */
  scrollToTop(): void;
}

interface Props {
  index: CreatorIndex;
  /** Row numbers in `index.rows`, in display order. */
  order: Int32Array;
  columns: readonly ColumnId[];
  /** null while search results are shown best match first. */
  sort: CreatorSort | null;
  onSort(column: ColumnId): void;
  selected: ReadonlySet<string>;
  /** How many of the rows shown are selected. */
  selectedShown: number;
  onSelect(ids: string[], selected: boolean): void;
  /** The last row checked, for Shift-click ranges. */
  anchor: RefObject<string | null>;
  focused: number;
  onFocusChange(position: number): void;
  height: number;
  /** Changes whenever what is shown does (search, filters, sort); benchmarks wait for it to be painted. */
  viewKey: string;
  empty: ReactNode;
  ref?: Ref<CreatorsTableHandle>;
}

/**
 * The creator list. Only the rows on screen are rendered (useRowWindow),
 * rows are memoised, and the creator column stays pinned when scrolling
 * sideways, so 50,000 creators scroll like 50.
 */
export function CreatorsTable({ index, order, columns, sort, onSort, selected, selectedShown, onSelect, anchor, focused, onFocusChange, height, viewKey, empty, ref }: Props) {
  const parent = useRef<HTMLDivElement>(null);
  const headerCheck = useRef<HTMLInputElement>(null);
  const rows = useRowWindow({ scroller: parent, count: order.length, rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, height, overscan: 2, view: order });
  const { padTop, padBottom } = rows;
  const width = CHECK_WIDTH + columns.reduce((sum, c) => sum + columnRules[c].width, 0);
  const viewWidth = useWidth(parent);

  useImperativeHandle(ref, () => ({
    focus: () => parent.current?.focus(),
    scrollToTop: rows.toTop,
  }), [rows.toTop]);

  const idAt = useCallback((position: number) => index.rows[order[position]]?.id, [index, order]);

  // Stable for the rows' sake: a new search changes `order`, and a row whose creator stayed in
  // place must not re-render just because its click handlers were made again.
  const check = useStableCallback((id: string, position: number, range: boolean) => {
    const from = range && anchor.current ? positionOf(order, index, anchor.current) : -1;
    if (from >= 0) {
      const [a, b] = from < position ? [from, position] : [position, from];
      const ids: string[] = [];
      for (let p = a; p <= b; p++) ids.push(index.rows[order[p]].id);
      onSelect(ids, true);
    } else onSelect([id], !selected.has(id));
    anchor.current = id;
    onFocusChange(position);
  });

  const open = useStableCallback((id: string, position: number, event: MouseEvent) => {
    if (event.shiftKey || event.metaKey || event.ctrlKey) check(id, position, event.shiftKey);
    else navigate({ screen: 'creator', id });
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== parent.current || !order.length) return;
    const move = (to: number) => {
      const next = Math.max(0, Math.min(order.length - 1, to));
      onFocusChange(next);
      rows.reveal(next);
      event.preventDefault();
    };
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 2);
    const current = Math.min(focused, order.length - 1);
    switch (event.key) {
      case 'ArrowDown': case 'j': return move(focused < 0 ? 0 : current + 1);
      case 'ArrowUp': case 'k': return move(current - 1);
      case 'PageDown': return move(current + page);
      case 'PageUp': return move(current - page);
      case 'Home': return move(0);
      case 'End': return move(order.length - 1);
      case 'Enter': if (current >= 0) navigate({ screen: 'creator', id: idAt(current) }); return event.preventDefault();
      case ' ': case 'x': if (current >= 0) check(idAt(current), current, event.shiftKey); return event.preventDefault();
    }
  };

  const all = selectedShown > 0 && selectedShown === order.length;
  useEffect(() => {
    if (headerCheck.current) headerCheck.current.indeterminate = selectedShown > 0 && !all;
  }, [selectedShown, all]);

  return (
    <div ref={parent} className={classes.scroller} style={{ height }} tabIndex={0} onKeyDown={onKeyDown} data-view={viewKey}
      aria-label="Creator list: arrow keys move, Space selects, Enter opens">
      <table className={classes.table} style={{ width: '100%', minWidth: width }} data-pinned={viewWidth < width || undefined} aria-label="Creators" aria-rowcount={order.length}>
        <colgroup>
          <col style={{ width: CHECK_WIDTH }} />
          {columns.map((c) => <col key={c} style={{ width: columnRules[c].width }} />)}
        </colgroup>
        <thead className={classes.head}>
          <tr>
            <th className={`${classes.th} ${classes.pinCheck}`}>
              <input ref={headerCheck} type="checkbox" className={classes.check} aria-label={all ? 'Clear selection' : 'Select all creators shown'} checked={all}
                disabled={!order.length} onChange={() => onSelect(all ? [...selected] : Array.from(order, (i) => index.rows[i].id), !all)} />
            </th>
            {columns.map((c) => {
              const rule = columnRules[c];
              const sorted = sort?.column === c ? (sort.desc ? 'descending' : 'ascending') : undefined;
              return (
                <th key={c} className={c === 'name' ? `${classes.th} ${classes.pinName}` : classes.th} aria-sort={sorted} data-align={rule.align}>
                  <button type="button" className={classes.sortButton} onClick={() => onSort(c)} title={`Sort by ${rule.label.toLowerCase()}`}>
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{rule.label}</span>
                    {sorted === 'ascending' && <IconArrowUp size={13} aria-hidden />}
                    {sorted === 'descending' && <IconArrowDown size={13} aria-hidden />}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden style={{ height: padTop }} />}
          {positions(rows.start, rows.end).map((position) => {
            const row = index.rows[order[position]];
            // Keyed by place, not by creator: a new search or filter then rewrites the text of the rows
            // on screen instead of tearing them down and building new ones, a third of a keystroke's cost.
            return (
              <CreatorTableRow key={position} row={row} position={position} columns={columns} ctx={index.context}
                selected={selected.has(row.id)} focused={focused === position} onOpen={open} onCheck={check} />
            );
          })}
          {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }} />}
        </tbody>
      </table>
      {order.length === 0 && <div className={classes.empty}>{empty}</div>}
    </div>
  );
}

/** The element's inner width, kept up to date as the window or the columns change. */
function useWidth(element: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(Infinity);
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

function positions(start: number, end: number): number[] {
  const out: number[] = [];
  for (let p = start; p < end; p++) out.push(p);
  return out;
}

function positionOf(order: Int32Array, index: CreatorIndex, id: string): number {
  const row = index.rowOf(id);
  return row === undefined ? -1 : order.indexOf(row);
}
