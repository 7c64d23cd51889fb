import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Invite } from '../../../../shared/sync/invite';

/** The fragment TipTap edits inside each rich-text Y.Doc. */
export const RICH_TEXT_FIELD = 'body';

export const richTextDatabasePrefix = (workspaceId: string) => `fanfare-rt-${workspaceId}-`;

export interface RichTextLink {
  invite: Invite;
  paused: boolean;
}

/**
 * One rich-text document (a brief's body, a creator's notes): its own Y.Doc,
 * its own IndexedDB database and its own room on the team server
 * (`<workspaceId>/<docId>`), so a 50,000-creator workspace never carries
 * every note, and a note is only downloaded when someone opens it.
 */
export class RichTextDoc {
  readonly doc = new Y.Doc();
  readonly fragment = this.doc.getXmlFragment(RICH_TEXT_FIELD);
  readonly provider: WebsocketProvider | null;
  /** Resolves once what this computer already had is loaded. */
  readonly loaded: Promise<void>;
  private readonly local: IndexeddbPersistence;
  private unsaved = 0;
  private readonly saveListeners = new Set<(saved: boolean) => void>();

  constructor(readonly workspaceId: string, readonly docId: string, link: RichTextLink | null) {
    this.local = new IndexeddbPersistence(richTextDatabasePrefix(workspaceId) + docId, this.doc);
    this.loaded = this.local.whenSynced.then(() => undefined);
    this.doc.on('update', this.onUpdate);
    this.provider = link
      ? new WebsocketProvider(link.invite.server, `${link.invite.workspaceId}/${docId}`, this.doc, {
        params: { token: link.invite.token },
        disableBc: true,
        maxBackoffTime: 30_000,
        connect: !link.paused,
      })
      : null;
  }

  /** Resolves when the server has everything (or at once, when there is no server). */
  whenServerSynced(): Promise<void> {
    const provider = this.provider;
    if (!provider || provider.synced) return Promise.resolve();
    return new Promise((resolve) => {
      const onSync = (synced: boolean) => {
        if (!synced) return;
        provider.off('sync', onSync);
        resolve();
      };
      provider.on('sync', onSync);
    });
  }

  /** True when every change made so far is in IndexedDB (a window closed now loses nothing). */
  get saved(): boolean {
    return this.unsaved === 0;
  }

  onSaved(listener: (saved: boolean) => void): () => void {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  }

  /**
   * y-indexeddb queues one write per change and says nothing when it lands.
   * An empty write queued after them completes only once they have, since
   * IndexedDB runs write transactions on one store in order.
   */
  private onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this.local) return;
    const db = this.local.db;
    if (!db) return;
    if (this.unsaved++ === 0) this.saveListeners.forEach((l) => l(false));
    const settle = () => {
      if (--this.unsaved === 0) this.saveListeners.forEach((l) => l(true));
    };
    queueMicrotask(() => {
      try {
        const tx = db.transaction(['updates'], 'readwrite');
        tx.oncomplete = tx.onerror = tx.onabort = settle;
      } catch {
        settle(); // The database closed: the doc is being destroyed.
      }
    });
  };

  isEmpty(): boolean {
    return this.fragment.length === 0;
  }

  async destroy(): Promise<void> {
    this.doc.off('update', this.onUpdate);
    this.provider?.destroy();
    await this.local.destroy();
    this.doc.destroy();
  }
}

/** Deletes every rich-text document of a workspace from this computer. */
export async function deleteRichTextDatabases(workspaceId: string): Promise<void> {
  if (typeof indexedDB.databases !== 'function') return;
  const prefix = richTextDatabasePrefix(workspaceId);
  const names = (await indexedDB.databases()).map((d) => d.name).filter((n): n is string => !!n && n.startsWith(prefix));
  await Promise.all(names.map((name) => new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  })));
}
