import { useEffect, useState, type RefObject } from 'react';

/**
 * The list fills the window below whatever sits above it (toolbar, filters),
 * so the page itself never scrolls and the header stays in view. Also says
 * where the list starts, so the bulk bar can line up with it.
 */
export function useFillHeight(above: RefObject<HTMLElement | null>, reserve: number): { height: number; left: number } {
  const [size, setSize] = useState({ height: 480, left: 0 });
  useEffect(() => {
    const element = above.current;
    if (!element) return;
    const measure = () => {
      const rect = element.getBoundingClientRect();
      const height = Math.max(320, Math.floor(window.innerHeight - rect.bottom - reserve));
      const left = Math.round(rect.left);
      setSize((s) => (s.height === height && s.left === left ? s : { height, left }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [above, reserve]);
  return size;
}
