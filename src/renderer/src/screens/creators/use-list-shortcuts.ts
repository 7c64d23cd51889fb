import { useEffect, useEffectEvent } from 'react';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Nothing fires while a dialog or menu has the keyboard. */
function inOverlay(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.('[role="dialog"], [role="menu"], [role="listbox"]');
}

interface Handlers {
  focusSearch(): void;
  toggleFilters(): void;
  selectAll(): void;
  clearSelection(): boolean;
  trashSelected(): void;
}

/** "/" search, F filters, Ctrl+A select all, Delete to trash, Esc to clear the selection. */
export function useListShortcuts(handlers: Handlers): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || isTyping(event.target) || inOverlay(event.target) || event.altKey) return;
    const mod = event.ctrlKey || event.metaKey;
    if (!mod && event.key === '/') handlers.focusSearch();
    else if (!mod && (event.key === 'f' || event.key === 'F')) handlers.toggleFilters();
    else if (mod && event.key.toLowerCase() === 'a') handlers.selectAll();
    else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) handlers.trashSelected();
    else if (event.key === 'Escape') {
      if (!handlers.clearSelection()) return;
    } else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
