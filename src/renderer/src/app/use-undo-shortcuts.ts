import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { reportError } from '../components/report-error';
import { useWorkspace } from './workspace-context';

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) undo and redo the user's own edits, outside text fields. */
export function useUndoShortcuts(): void {
  const { session } = useWorkspace();
  useEffect(() => {
    if (!session) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const redo = (key === 'z' && event.shiftKey) || key === 'y';
      if (key !== 'z' && !redo) return;
      event.preventDefault();
      if (!session.isCaughtUp) return;
      void (redo ? session.commands.redo() : session.commands.undo()).then((done) => notifications.show({
        id: 'undo', autoClose: 2000,
        message: done ? (redo ? 'Redone' : 'Undone') : (redo ? 'Nothing to redo' : 'Nothing to undo'),
      }), reportError(redo ? 'Could not redo' : 'Could not undo'));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [session]);
}
