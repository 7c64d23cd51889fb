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
export function useRowWindow({ scroller, count, rowHeight, headerHeight, height, overscan }: Options): RowWindow {
  const [first, setFirst] = useState(0);
  const firstRef = useRef(first);
  firstRef.current = first;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => {
      const next = Math.floor(el.scrollTop / rowHeight);
      // Rendered within the scroll event, so the frame it belongs to paints the new rows, never a gap.
      if (next !== firstRef.current) flushSync(() => setFirst(next));
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [scroller, rowHeight]);

  const visible = Math.ceil(Math.max(0, height - headerHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first, count - visible) - overscan);
  const end = Math.min(count, Math.max(first, 0) + visible + overscan);

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
