import { useEffect, useState } from 'react';
import { getEditingFocus, onEditingFocus } from '../data/editing-focus';
import { useMe } from '../hooks/use-me';
import type { Route } from './routes';
import { useWorkspace } from './workspace-context';

/** Keeps what this window tells teammates in step with the screen, the record and the field being edited. */
export function useAnnouncePresence(route: Route): void {
  const { session } = useWorkspace();
  const me = useMe();
  const [editing, setEditing] = useState(getEditingFocus);
  useEffect(() => onEditingFocus(setEditing), []);
  const recordId = 'id' in route ? route.id : undefined;
  useEffect(() => {
    session?.setPresence({
      user: { id: me.id, name: me.name, color: me.color },
      at: { screen: route.screen, ...(recordId ? { recordId } : {}) },
      editing,
    });
  }, [session, me.id, me.name, me.color, route.screen, recordId, editing]);
}
