import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../app/workspace-context';

const EVENT = 'fanfare:store-codes';

/**
 * The codes the user pasted from their store, remembered on this computer per
 * workspace: every later generation and reissue avoids them too, not only the
 * one they were pasted for. Every open screen that reads them hears of a change.
 */
export function useStoreCodes(): [string, (text: string) => void, string[]] {
  const session = useSession();
  const key = `fanfare:store-codes:${session.id}`;
  const [text, setText] = useState(() => localStorage.getItem(key) ?? '');
  useEffect(() => {
    const reread = () => setText(localStorage.getItem(key) ?? '');
    reread();
    window.addEventListener(EVENT, reread);
    return () => window.removeEventListener(EVENT, reread);
  }, [key]);
  const update = useCallback((next: string) => {
    localStorage.setItem(key, next);
    window.dispatchEvent(new Event(EVENT));
  }, [key]);
  return [text, update, text.split(/[\s,;]+/).map((c) => c.trim()).filter(Boolean)];
}
