import { useCallback, useEffect, useRef } from 'react';
import { useWorkspace } from '../app/workspace-context';

/**
 * Whether the person has moved between screens since the app loaded. On the
 * first screen the browser's own start (top of the page, skip link first)
 * is right; after a move, focus left on the old screen's link would be lost.
 */
let moved = false;
if (typeof window !== 'undefined') window.addEventListener('hashchange', () => { moved = true; });

/**
 * The one place a screen announces itself: the tab's title names the screen
 * and the workspace (two tabs on two brands stay apart), and after a move the
 * screen's heading takes focus so a keyboard or screen reader starts there.
 * Returns a ref for the screen's h1 (give it tabIndex={-1}); a heading that
 * appears only once its record has loaded still gets focus then.
 */
export function useScreenHeading(title: string) {
  const { current } = useWorkspace();
  const workspace = current?.name;
  useEffect(() => {
    if (title) document.title = [title, workspace, 'Fanfare'].filter(Boolean).join(' · ');
  }, [title, workspace]);

  const heading = useRef<HTMLHeadingElement | null>(null);
  const owed = useRef(false);
  const settle = useRef((tries = 20) => {
    if (!owed.current || !heading.current) return;
    // The palette that made the move is still closing with focus in it: wait for it to let go (a second at most;
    // a dialog still open after that belongs to the new screen and keeps focus).
    if (document.activeElement?.closest('[role="dialog"]')) {
      if (tries > 0) window.setTimeout(() => settle.current(tries - 1), 50);
      return;
    }
    owed.current = false;
    heading.current.focus({ preventScroll: true });
  });
  const place = typeof window === 'undefined' ? '' : window.location.hash;
  useEffect(() => {
    if (!moved) return;
    owed.current = true;
    settle.current();
  }, [place]);
  return useCallback((node: HTMLHeadingElement | null) => {
    heading.current = node;
    settle.current();
  }, []);
}
