import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

interface Options {
  scroller: RefObject<HTMLElement | null>;
  count: number;
  rowHeight: number;
  /** Height of the sticky header above the rows, inside the scroller. */
  headerHeight: number;
  /** The scroller's height. */
  height: number;
  /** Rows rendered beyond each edge, so a fast scroll does not show blank space first. */
  overscan: number;
  /** The rows' identity (a new search or filter): the rows beyond the edges follow it once the browser is idle. */
  view: unknown;
}

export interface RowWindow {
  /** First and one-past-last row rendered. */
  start: number;
  end: number;
  /** Space above and below the rendered rows, so the scrollbar spans every row. */
  padTop: number;
  padBottom: number;
  /** Scrolls just enough to show a row below the header (keyboard moves). */
  reveal(row: number): void;
  /** Back to the first row, and renders from there in the same update. */
  toTop(): void;
}

/**
 * The rows of a list of same-height rows that are on screen. A row's place is
 * its number times the row height, so nothing is measured or kept per row:
 * a new search over 50,000 creators costs the rows on screen, not 50,000
 * layout entries (a general-purpose virtualizer rebuilds one per row
 * whenever the number of rows changes, on every keystroke).
 */
export function useRowWindow({ scroller, count, rowHeight, headerHeight, height, overscan, view }: Options): RowWindow {
  const [first, setFirst] = useState(0);
  const firstRef = useRef(first);
  firstRef.current = first;
  // A key press pays only for the rows on screen; the ones past the edges are added when the browser is idle
  // (or at once when the list scrolls), so scrolling right after typing still finds them drawn.
  const [settled, setSettled] = useState<unknown>(null);
  const viewRef = useRef(view);
  viewRef.current = view;
  useEffect(() => {
    const handle = requestIdleCallback(() => setSettled(view), { timeout: 250 });
    return () => cancelIdleCallback(handle);
  }, [view]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      const next = Math.floor(el.scrollTop / rowHeight);
      // Rendered within the scroll event, so the frame it belongs to paints the new rows, never a gap.
      if (next !== firstRef.current) flushSync(() => {
        setFirst(next);
        setSettled(viewRef.current);
      });
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [scroller, rowHeight]);

  const visible = Math.ceil(Math.max(0, height - headerHeight) / rowHeight) + 1;
  const extra = settled === view ? overscan : 0;
  const start = Math.max(0, Math.min(first, count - visible) - extra);
  const end = Math.min(count, Math.max(first, 0) + visible + extra);

  const reveal = useCallback((row: number) => {
    const el = scroller.current;
    if (!el) return;
    const top = row * rowHeight;
    const view = el.clientHeight - headerHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + view) el.scrollTop = top + rowHeight - view;
  }, [scroller, rowHeight, headerHeight]);

  const toTop = useCallback(() => {
    const el = scroller.current;
    // Only when scrolled: setting it would force a layout in the middle of the update.
    if (!el || el.scrollTop === 0) return;
    el.scrollTop = 0;
    setFirst(0);
  }, [scroller]);

  return { start, end, padTop: start * rowHeight, padBottom: Math.max(0, count - end) * rowHeight, reveal, toTop };
}
