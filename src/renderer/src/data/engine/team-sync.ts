import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Invite } from '../../../../shared/sync/invite';
import { readPresence, type PeerPresence, type PresenceState } from '../../../../shared/sync/presence';
import { blobUrlOf } from '../../../../shared/sync/server-url';
import { LOCAL_ORIGIN } from '../../../../shared/data/ydoc';
import { sendInPieces } from './piecewise-sync';
import type { SyncStatus } from './protocol';
import { RoomWatch } from './room-watch';

/**
 * What the team server's close codes mean here (sync-server/close-codes.ts;
 * docs/sync-server.md lists them all). 4400–4499: the invite is no longer
 * good, so retrying cannot help and sync stops until the person acts. Every
 * other code is transient: the provider retries with backoff and the person
 * is told what is going on.
 */
const isRefusal = (code: number): boolean => code >= 4400 && code < 4500;

const TRANSIENT_NOTICES: Record<number, string> = {
  1001: 'The team server is restarting. Keep working: your changes are kept on this laptop and sent when it is back.',
  1009: 'A change was larger than the team server accepts. Keep working; ask whoever runs the server to raise its message limit.',
  4500: 'The team server could not read a change from this app; reconnecting.',
  4503: 'The team server cannot save right now; your changes are kept on this laptop and will be sent when it can.',
  4509: 'The team server is reloading this workspace; reconnecting.',
  4513: 'The team server is busy receiving other changes from this invite; your changes are kept on this laptop and sent again shortly.',
};

/** How often, at most, a connection refused before it opened leads to asking the server about the invite. */
const INVITE_PROBE_MS = 30_000;
const NO_FILE = '0'.repeat(64);
const INVITE_REFUSED = 'The team server does not accept this invite any more: it is wrong or was revoked. Ask your teammate for a new one.';

/** The words for a transient close: the server's own reason when it gave one, else ours; null when there is nothing to say. */
export function transientNotice(code: number, reason: string): string | null {
  if (code === 1000 || code === 1005 || code === 1006) return null; // closed without a word: plain "Offline"
  if (code >= 4500 && code < 4600) return reason || TRANSIENT_NOTICES[code] || 'The team server asked this app to come back later; reconnecting.';
  return TRANSIENT_NOTICES[code] ?? (reason || null);
}

/** The one place the workspace room's provider is made. */
function openProvider(invite: Invite, doc: Y.Doc): WebsocketProvider {
  const provider = new WebsocketProvider(invite.server, invite.workspaceId, doc, {
    params: { token: invite.token },
    // Tabs share IndexedDB already; cross-tab broadcast would only echo.
    disableBc: true,
    maxBackoffTime: 30_000,
  });
  // A first upload or an import bigger than the server's message limit goes in pieces.
  sendInPieces(provider);
  return provider;
}

/**
 * The link between a workspace's Y.Doc and the team's sync server (the
 * stock y-websocket client; it reconnects with backoff by itself). A
 * heartbeat (RoomWatch) tells a dead connection within 3 s, and counts the
 * person's edits until the server confirms it has them, so the UI can say
 * how many changes are waiting to be sent.
 */
export class TeamSync {
  private readonly provider: WebsocketProvider;
  private readonly watch: RoomWatch;
  private paused = false;
  private refused: string | null = null;
  /** Why the server last closed the connection, while it is not back to synced. */
  private notice: string | null = null;
  /** Once a connection is lost, retries say "Offline" rather than flicker through "Connecting". */
  private lost = false;
  private lastProbe = 0;
  private destroyed = false;

  constructor(
    doc: Y.Doc,
    invite: Invite,
    private readonly emit: (status: SyncStatus) => void,
    private readonly emitPresence: (peers: PeerPresence[]) => void = () => undefined,
  ) {
    this.provider = openProvider(invite, doc);
    // A person's edit is one transaction of the store (one save, one undo or redo); app bookkeeping is not counted, only sent.
    this.watch = new RoomWatch(this.provider, (origin) => origin === LOCAL_ORIGIN || origin instanceof Y.UndoManager, () => this.report());
    this.provider.on('status', (event: { status: string }) => {
      if (event.status === 'disconnected') this.lost = true;
      this.report();
    });
    this.provider.on('sync', (synced: boolean) => {
      if (synced) {
        this.lost = false;
        this.notice = null;
      }
      this.report();
    });
    // Only a 44xx code (the invite was revoked) stops sync; the provider retries everything else with backoff.
    this.provider.on('connection-close', (event: CloseEvent | null) => {
      // Also when the server was never reached: retries then read "Offline".
      this.lost = true;
      if (!event) return this.report();
      if (!isRefusal(event.code)) {
        this.notice = transientNotice(event.code, event.reason);
        if (event.code === 1006) void this.probeInvite(invite);
        return this.report();
      }
      this.refused = event.reason || 'The team server no longer accepts this invite.';
      this.provider.disconnect();
      this.report();
    });
    this.provider.awareness.on('change', this.onPresence);
    this.report();
  }

  /** Presence rides on the workspace room's awareness: no extra connection, gone when the window closes. */
  setPresence(state: PresenceState | null): void {
    this.provider.awareness.setLocalState(state);
  }

  pause(): void {
    this.paused = true;
    this.provider.disconnect();
    this.report();
  }

  resume(): void {
    this.paused = false;
    this.refused = null;
    this.notice = null;
    this.provider.connect();
    this.report();
  }

  destroy(): void {
    this.destroyed = true;
    this.watch.destroy();
    this.provider.awareness.off('change', this.onPresence);
    this.emitPresence([]);
    this.provider.destroy();
  }

  /**
   * A token revoked while this laptop was away is refused before the
   * WebSocket opens (HTTP 401), which a browser reports only as 1006, the same
   * as an unreachable server. So now and then the server is asked about the
   * invite over HTTP (a file lookup needs the same token); only a clear "no"
   * stops sync.
   */
  private async probeInvite(invite: Invite): Promise<void> {
    if (Date.now() - this.lastProbe < INVITE_PROBE_MS) return;
    this.lastProbe = Date.now();
    let status: number;
    try {
      status = (await fetch(`${blobUrlOf(invite.server, NO_FILE)}?token=${encodeURIComponent(invite.token)}`, { method: 'HEAD', cache: 'no-store' })).status;
    } catch {
      return; // Unreachable: the retries go on.
    }
    if ((status !== 401 && status !== 403) || this.destroyed || this.paused || this.refused) return;
    this.refused = INVITE_REFUSED;
    this.provider.disconnect();
    this.report();
  }

  private onPresence = () => {
    const peers: PeerPresence[] = [];
    for (const [clientId, state] of this.provider.awareness.getStates()) {
      const peer = readPresence(clientId, state);
      if (peer) peers.push(peer);
    }
    this.emitPresence(peers);
  };

  private report(): void {
    const state: SyncStatus['state'] = this.refused ? 'refused'
      : this.paused ? 'paused'
      : this.provider.wsconnected && this.provider.synced ? 'synced'
      : !this.lost && (this.provider.wsconnecting || this.provider.wsconnected) ? 'connecting'
      : 'offline';
    const message = state === 'refused' ? this.refused : state === 'offline' || state === 'connecting' ? this.notice : null;
    const { waiting, sent } = this.watch.progress;
    this.emit({ state, waiting, message, unsent: !sent });
  }
}
