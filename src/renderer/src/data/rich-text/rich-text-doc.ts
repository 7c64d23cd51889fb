import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Invite } from '../../../../shared/sync/invite';
import { LocalStore } from '../local-store';
import { reportSaveState, forgetSaveState } from '../save-status';
import { TabSync } from '../tab-sync';
import { RoomWatch } from '../engine/room-watch';
import { forgetRoomStatus, reportRoomStatus, type RoomStatus } from './room-status';

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
  private readonly local: LocalStore;
  private tabs: TabSync | null = null;
  private readonly saveListeners = new Set<(saved: boolean) => void>();
  private readonly saveKey: string;
  private readonly watch: RoomWatch | null = null;
  private readonly teamListeners = new Set<(status: RoomStatus) => void>();
  /** Once a connection is lost, retries read "offline" rather than "connecting", until the next sync. */
  private lost = false;
  private readonly paused: boolean;
  private lastTeam: RoomStatus | null = null;

  constructor(readonly workspaceId: string, readonly docId: string, link: RichTextLink | null) {
    const name = richTextDatabasePrefix(workspaceId) + docId;
    this.saveKey = `rich-text:${name}`;
    this.local = new LocalStore(name, this.doc);
    this.local.onState((state) => {
      reportSaveState(this.saveKey, state, () => this.local.retryNow());
      this.saveListeners.forEach((l) => l(state.state === 'saved'));
    });
    this.loaded = this.local.loaded.then(() => {
      // Other tabs with this document open, kept in step once this one has what is stored.
      if (typeof BroadcastChannel === 'undefined') return;
      this.tabs = new TabSync(this.doc, name);
      this.tabs.join();
    });
    this.paused = !!link?.paused;
    this.provider = link
      ? new WebsocketProvider(link.invite.server, `${link.invite.workspaceId}/${docId}`, this.doc, {
        params: { token: link.invite.token },
        disableBc: true,
        maxBackoffTime: 30_000,
        connect: !link.paused,
      })
      : null;
    if (this.provider) {
      // Typing counts; what the local copy or another tab brings in only has to be sent.
      this.watch = new RoomWatch(this.provider, (origin) => !(origin instanceof LocalStore) && !(origin instanceof TabSync), () => this.reportTeam());
      this.provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected') this.lost = true;
        this.reportTeam();
      });
      this.provider.on('connection-close', () => {
        this.lost = true;
        this.reportTeam();
      });
      this.provider.on('sync', (synced: boolean) => {
        if (synced) this.lost = false;
        this.reportTeam();
      });
    }
    this.reportTeam();
  }

  /** Where this document stands with the team server: 'off' when the workspace has none. */
  get teamStatus(): RoomStatus {
    const provider = this.provider;
    if (!provider || !this.watch) return { state: 'off', waiting: 0, sent: true };
    const { waiting, sent } = this.watch.progress;
    const state: RoomStatus['state'] = this.paused || !provider.shouldConnect ? 'paused'
      : provider.wsconnected && provider.synced ? 'synced'
      : this.lost ? 'offline' : 'connecting';
    return { state, waiting, sent };
  }

  onTeamStatus(listener: (status: RoomStatus) => void): () => void {
    this.teamListeners.add(listener);
    return () => this.teamListeners.delete(listener);
  }

  private reportTeam(): void {
    const status = this.teamStatus;
    const last = this.lastTeam;
    // Every keystroke is a change; the header needs to hear only when something it shows moves.
    if (last && last.state === status.state && last.sent === status.sent && (last.waiting > 0) === (status.waiting > 0)) return;
    this.lastTeam = status;
    if (status.state !== 'off') reportRoomStatus(this.saveKey, status);
    this.teamListeners.forEach((l) => l(status));
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
    return this.local.state.state === 'saved';
  }

  onSaved(listener: (saved: boolean) => void): () => void {
    this.saveListeners.add(listener);
    return () => this.saveListeners.delete(listener);
  }

  isEmpty(): boolean {
    return this.fragment.length === 0;
  }

  /** Waits until everything typed is stored (retrying while the browser refuses), then lets go. */
  async destroy(): Promise<void> {
    this.watch?.destroy();
    this.provider?.destroy();
    forgetRoomStatus(this.saveKey);
    this.teamListeners.clear();
    await this.local.loaded.catch(() => undefined);
    await this.local.flush();
    this.tabs?.destroy();
    await this.local.destroy();
    forgetSaveState(this.saveKey);
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
