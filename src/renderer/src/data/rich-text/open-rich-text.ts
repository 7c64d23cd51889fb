import { RichTextDoc, type RichTextLink } from './rich-text-doc';

interface Entry {
  doc: RichTextDoc;
  users: number;
  closing: ReturnType<typeof setTimeout> | null;
  /** Stops waiting for the team server to confirm the text before closing. */
  stopWaiting: (() => void) | null;
}

const open = new Map<string, Entry>();

/** Kept open a moment after the last user lets go: a remount (or StrictMode) should not reconnect. */
const LINGER_MS = 2_000;

/**
 * Shares one RichTextDoc between every editor showing it in this window;
 * the last `release` closes it.
 */
export function acquireRichText(workspaceId: string, docId: string, link: RichTextLink | null): { doc: RichTextDoc; release: () => void } {
  const key = `${workspaceId}/${docId}/${link ? `${link.invite.server}|${link.invite.token}|${link.paused}` : 'local'}`;
  let entry = open.get(key);
  if (!entry) {
    entry = { doc: new RichTextDoc(workspaceId, docId, link), users: 0, closing: null, stopWaiting: null };
    open.set(key, entry);
  }
  const held = entry;
  if (held.closing) clearTimeout(held.closing);
  held.closing = null;
  held.stopWaiting?.();
  held.stopWaiting = null;
  held.users += 1;
  let released = false;
  return {
    doc: held.doc,
    release: () => {
      if (released) return;
      released = true;
      held.users -= 1;
      if (held.users > 0) return;
      held.closing = setTimeout(() => {
        held.closing = null;
        const close = () => {
          held.stopWaiting?.();
          held.stopWaiting = null;
          open.delete(key);
          void held.doc.destroy();
        };
        // Text typed just before leaving the page still goes to the team (and the header keeps counting it) before the link closes.
        const waits = (s: RichTextDoc['teamStatus']) => s.waiting > 0 && !s.sent && s.state !== 'paused';
        if (!waits(held.doc.teamStatus)) return close();
        held.stopWaiting = held.doc.onTeamStatus((status) => {
          if (!waits(status)) close();
        });
      }, LINGER_MS);
    },
  };
}

/** Resolves when every open rich-text document has written what was typed: before the window closes. */
export function allRichTextSaved(): Promise<void> {
  return Promise.all([...open.values()].map(({ doc }) => (doc.saved ? undefined : new Promise<void>((resolve) => {
    const stop = doc.onSaved((saved) => {
      if (!saved) return;
      stop();
      resolve();
    });
  })))).then(() => undefined);
}
