import { useEffect, useRef, useState } from 'react';
import { HostError } from '../../../../shared/api/errors';
import { SYSTEM_ORIGIN } from '../../../../shared/data/ydoc';
import { useSession } from '../../app/workspace-context';
import { reportError } from '../../components/report-error';
import { host } from '../../host';
import type { SwipeRow } from './swipe-rows';

/** A link waits for its page to be read: saved offline, or just now. */
export const isWaiting = (s: SwipeRow) => s.kind === 'link' && s.fetchedAt === null && s.fetchProblem === null;

/**
 * Reads each waiting link's page through the host while this computer is
 * online: saved offline, a link is kept at once and filled in when the
 * connection returns. The fill-in is the app's own bookkeeping, so Ctrl+Z
 * takes back the person's save, not the title that arrived.
 */
export function useLinkPreviews(items: SwipeRow[] | null): { online: boolean } {
  const session = useSession();
  const [online, setOnline] = useState(() => navigator.onLine);
  const inFlight = useRef(new Set<string>());
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => { window.removeEventListener('online', on); window.removeEventListener('offline', off); };
  }, []);
  useEffect(() => {
    if (!online || !items) return;
    for (const s of items.filter(isWaiting)) {
      if (inFlight.current.has(s.id)) continue;
      inFlight.current.add(s.id);
      void host['swipe-fetch-link']({ url: s.url }).then(
        (page) => session.commands.update('swipes', s.id, {
          title: s.title || page.title.slice(0, 300), description: page.description.slice(0, 1000), thumbnail: page.thumbnail,
          fetchedAt: new Date().toISOString(), fetchProblem: page.imageProblem ? `Saved without a picture: ${page.imageProblem}`.slice(0, 500) : null,
        }, { origin: SYSTEM_ORIGIN }),
        (error: unknown) => {
          // Gone offline meanwhile: it stays waiting and is read when the connection returns.
          if (!navigator.onLine) return;
          const message = error instanceof HostError || error instanceof Error ? error.message : String(error);
          return session.commands.update('swipes', s.id, { fetchProblem: message.slice(0, 500) }, { origin: SYSTEM_ORIGIN });
        },
      ).catch(reportError('A saved link’s title could not be kept')).finally(() => inFlight.current.delete(s.id));
    }
  }, [items, online, session]);
  return { online };
}
