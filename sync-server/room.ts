import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { DocPersistence } from './doc-persistence';
import { DocState } from './doc-state';
import { CLOSE, CLOSE_REASON } from './close-codes';
import type { Logger } from './logger';
import { PRESENCE_DEFAULTS, PresenceOwners, type PresenceDrops, type PresenceLimits } from './presence-owners';
import { readPresenceUpdate, writePresenceUpdate } from './presence-update';

/** y-websocket's message types (the first varint of every message). */
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;

/** One connected client, as a room sees it: somewhere to send bytes, and a way to end it. */
export interface Peer {
  readonly tokenId: string;
  readonly tokenHash: string;
  /** Sends one message; when given in pieces, as fragments of one message (nothing is copied). */
  send(message: Uint8Array | Uint8Array[]): void;
  close(code: number, reason: string): void;
}

class MalformedMessage extends Error {}

export interface RoomOptions {
  presence?: PresenceLimits;
  log?: Logger;
}

/** What the room knows of each of its peers. */
interface PeerInRoom {
  /** Its messages waiting in the queue: its own later questions must not overtake them. */
  queued: number;
}

/** Dropped presence is logged at most this often per connection, with counts of what was dropped meanwhile. */
const PRESENCE_LOG_INTERVAL_MS = 10_000;
/** How many departed presence ids a room remembers the last clock of (~50 bytes each). */
const GONE_CLOCKS_KEPT = 10_000;

/**
 * One shared document (a workspace, or one rich-text document) and the
 * clients connected to it.
 *
 * Everything a room does happens one step at a time, in arrival order, on
 * its queue: loading from disk, answering a client, and applying a change.
 * A change is checked against the document, written to disk, and only then
 * sent to the other clients, so anything a client has ever received from the
 * server is already on disk. The document itself is kept as its stored
 * updates (DocState), not as a Y.Doc.
 */
export class Room {
  /** Presence only: Awareness wants a Y.Doc for its own client id, never the room's content. */
  private readonly presenceDoc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.presenceDoc);
  readonly peers = new Map<Peer, PeerInRoom>();
  /** Which presence client ids each peer may speak for (its presence vanishes when it leaves). */
  private readonly presenceOwners: PresenceOwners<Peer>;
  /** Last clocks of presence ids that are gone, oldest first. */
  private readonly goneClocks = new Map<number, number>();
  private readonly presenceLog = new Map<Peer, { at: number; pending: PresenceDrops | null }>();
  private readonly log: Logger;
  private queue: Promise<unknown>;
  private state: DocState | null = null;
  private destroyed = false;

  constructor(
    readonly name: string,
    private readonly persistence: DocPersistence,
    /** Called when the in-memory document can no longer be trusted to match the disk, or the disk cannot be written. */
    private readonly onBroken: (room: Room, why: string, error: unknown) => void,
    options: RoomOptions = {},
  ) {
    this.presenceOwners = new PresenceOwners(options.presence ?? PRESENCE_DEFAULTS);
    this.log = options.log ?? (() => undefined);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
    this.queue = this.load();
  }

  /** Runs `task` after everything queued before it; a failing task does not stop the queue. */
  enqueue<T>(task: () => T | Promise<T>): Promise<T | undefined> {
    const run = this.queue.then(task).catch((error: unknown) => {
      this.fail(`an unexpected error: ${(error as Error).message}`, error);
      return undefined;
    });
    this.queue = run;
    return run;
  }

  /** Resolves once every queued step has run. */
  drained(): Promise<unknown> {
    return this.queue;
  }

  /**
   * From now on the peer is sent every change the room accepts. Once the room
   * is loaded it is greeted at once, not behind the changes queued before it:
   * whatever those add reaches it by relay, since it is already a peer.
   */
  join(peer: Peer): void {
    this.peers.set(peer, { queued: 0 });
    if (this.state && !this.destroyed) {
      this.greet(peer);
      return;
    }
    this.enqueue(() => {
      if (!this.peers.has(peer)) return;
      if (!this.state) {
        // Loading failed (the room is being dropped) or it was dropped since: come back later.
        peer.close(CLOSE.reload, CLOSE_REASON.reload);
        return;
      }
      this.greet(peer);
    });
  }

  leave(peer: Peer): void {
    this.peers.delete(peer);
    const owned = this.presenceOwners.release(peer);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, null);
    this.forgetPresenceMeta(owned);
    const logged = this.presenceLog.get(peer);
    this.presenceLog.delete(peer);
    if (logged?.pending) this.logPresenceDrops(peer, logged.pending);
  }

  /**
   * Handles one message from a peer; resolves once it has been handled (its
   * bytes can then be let go). A message the server cannot read closes that
   * peer only.
   *
   * Changes go through the queue. A question (sync step 1) is answered at once
   * from the document as it is now, unless this peer's own earlier messages
   * are still queued: a client joining during a burst of changes then gets
   * the stored document without waiting for the burst to be written, and the
   * burst's changes reach it by relay as each is saved (it is a peer since it
   * joined, so none is missed; one it already got twice is harmless in Yjs).
   * The same for "who is here?". Presence is not stored and carries its own
   * clocks, so it never waits.
   */
  receive(peer: Peer, message: Uint8Array): Promise<unknown> {
    const inRoom = this.peers.get(peer);
    if (inRoom && !this.destroyed && this.state && (isPresence(message) || (inRoom.queued === 0 && isQuestion(message)))) {
      try {
        this.handleNow(peer, message);
      } catch {
        peer.close(CLOSE.malformed, CLOSE_REASON.malformed);
      }
      return Promise.resolve();
    }
    if (inRoom) inRoom.queued++;
    return this.enqueue(async () => {
      try {
        if (this.destroyed || !this.state) return;
        await this.handle(peer, message);
      } catch {
        // handle() deals with failures of the document itself; anything thrown
        // here came from reading the client's bytes, so only that client goes.
        peer.close(CLOSE.malformed, CLOSE_REASON.malformed);
      } finally {
        // Only once its change is stored: a question asked meanwhile waits for it (see isQuestion).
        if (inRoom) inRoom.queued--;
      }
    });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.presenceDoc.destroy();
    this.state = null;
  }

  private async load(): Promise<void> {
    try {
      this.state = await DocState.load(this.name, this.persistence);
    } catch (error) {
      this.fail(`it could not be loaded: ${(error as Error).message}`, error);
    }
  }

  /** The server speaks first: its state vector, and who else is here. */
  private greet(peer: Peer): void {
    peer.send(syncMessage(syncProtocol.messageYjsSyncStep1, this.state!.encodedState()));
    const states = this.awareness.getStates();
    if (states.size > 0) peer.send(awarenessMessage(this.awareness, [...states.keys()]));
  }

  private async handle(peer: Peer, message: Uint8Array): Promise<void> {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
        await this.applyUpdate(this.state!, peer, decoding.readVarUint8Array(decoder));
        return;
      }
    }
    this.handleNow(peer, message);
  }

  /** Everything but a change: answered from the room as it is now. */
  private handleNow(peer: Peer, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const step = decoding.readVarUint(decoder);
        if (step !== syncProtocol.messageYjsSyncStep1) throw new MalformedMessage(`unknown sync step ${step}`);
        const parts = this.state!.missingFor(decoding.readVarUint8Array(decoder));
        if (!this.peers.has(peer)) return;
        // Step 2 last: when the client calls itself synced, it has applied all of it.
        parts.forEach((part, i) => peer.send(syncMessage(i === parts.length - 1 ? syncProtocol.messageYjsSyncStep2 : syncProtocol.messageYjsUpdate, part)));
        return;
      }
      case MESSAGE_AWARENESS:
        this.receivePresence(peer, decoding.readVarUint8Array(decoder));
        return;
      case MESSAGE_QUERY_AWARENESS:
        if (this.peers.has(peer)) peer.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case MESSAGE_AUTH:
        return; // Clients do not send these; access was settled before the upgrade.
      default:
        throw new MalformedMessage(`unknown message type ${type}`);
    }
  }

  /**
   * Presence is passed on only for the client ids this peer owns (see
   * PresenceOwners), within the limits; the rest is dropped and logged.
   * Unreadable presence throws, so that connection is closed as for any
   * unreadable message.
   */
  private receivePresence(peer: Peer, update: Uint8Array): void {
    const entries = readPresenceUpdate(update);
    // Presence from a client that already left would never be cleaned up.
    if (!this.peers.has(peer)) return;
    const { kept, released, drops } = this.presenceOwners.filter(peer, entries, this.knownPresenceClock);
    if (drops) this.notePresenceDrops(peer, drops);
    if (kept.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, writePresenceUpdate(kept), peer);
    this.forgetPresenceMeta(released);
  }

  private readonly knownPresenceClock = (id: number): number => this.awareness.meta.get(id)?.clock ?? this.goneClocks.get(id) ?? 0;

  /**
   * Awareness remembers a clock for every id it has ever seen. Ids that are gone
   * and owned by no one leave it for a bounded list of last clocks, so churning
   * through ids grows nothing, while a stale copy of a departed teammate's
   * presence (which clients echo) still cannot bring it back.
   */
  private forgetPresenceMeta(ids: number[]): void {
    for (const id of ids) {
      const meta = this.awareness.meta.get(id);
      if (!meta || this.presenceOwners.isOwned(id) || this.awareness.states.has(id)) continue;
      this.awareness.meta.delete(id);
      this.goneClocks.delete(id);
      this.goneClocks.set(id, meta.clock);
      if (this.goneClocks.size > GONE_CLOCKS_KEPT) this.goneClocks.delete(this.goneClocks.keys().next().value!);
    }
  }

  private notePresenceDrops(peer: Peer, drops: PresenceDrops): void {
    const now = Date.now();
    const last = this.presenceLog.get(peer);
    const all = last?.pending ? mergeDrops(last.pending, drops) : drops;
    if (last && now - last.at < PRESENCE_LOG_INTERVAL_MS) {
      last.pending = all;
      return;
    }
    this.presenceLog.set(peer, { at: now, pending: null });
    this.logPresenceDrops(peer, all);
  }

  private logPresenceDrops(peer: Peer, drops: PresenceDrops): void {
    const what = [
      drops.spoofed ? `${drops.spoofed} for a window another invite owns` : '',
      drops.overLimit ? `${drops.overLimit} beyond the limit of windows per connection` : '',
      drops.tooLarge ? `${drops.tooLarge} larger than the size limit` : '',
    ].filter(Boolean).join(', ');
    this.log({
      event: 'presence-refused', tokenId: peer.tokenId, workspaceId: this.name.split('/')[0], room: this.name,
      spoofed: drops.spoofed, overLimit: drops.overLimit, tooLarge: drops.tooLarge, clientIds: drops.clientIds,
      message: `Presence updates from this invite were dropped (${what}); its changes are unaffected.`,
    });
  }

  /**
   * Check, save, then share: the order that keeps the disk ahead of every
   * client. Nothing is relayed unless the write succeeded; a write that
   * failed drops the room (and, for a storage error, every room) before
   * anything else in its queue runs.
   */
  private async applyUpdate(state: DocState, from: Peer, update: Uint8Array): Promise<void> {
    const checked = state.check(update);
    if (checked === 'invalid') throw new MalformedMessage('unreadable update');
    if (checked === 'known') return; // Nothing new (the client re-sent what we have).
    try {
      await state.add(checked);
    } catch (error) {
      this.fail(`a change could not be saved: ${(error as Error).message}`, error);
      return;
    }
    if (this.destroyed) return;
    const message = syncMessage(syncProtocol.messageYjsUpdate, checked.update);
    for (const peer of this.peers.keys()) if (peer !== from) peer.send(message);
    try {
      await state.compactIfDue();
    } catch (error) {
      // The merged update replaces the others in one atomic write, so the disk is whole either way;
      // reloading makes memory match it again. The changes it merges were each saved and relayed already.
      this.fail(`its stored changes could not be merged: ${(error as Error).message}`, error);
    }
  }

  /** Presence is not saved: what the room accepted is passed on to everyone in it. */
  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0 || this.destroyed) return;
    const message = awarenessMessage(this.awareness, changed);
    for (const peer of this.peers.keys()) peer.send(message);
    // After the message: it carries each removed id's last clock.
    this.forgetPresenceMeta(removed);
  };

  private fail(why: string, error: unknown): void {
    if (this.destroyed) return;
    this.onBroken(this, why, error);
  }
}

/**
 * A y-websocket sync message as its header and its payload: the payload can be
 * a whole stored workspace (60 MB), which then goes out as it is stored, never
 * copied into a message per client.
 */
function syncMessage(step: number, payload: Uint8Array): Uint8Array[] {
  const header = encoding.createEncoder();
  encoding.writeVarUint(header, MESSAGE_SYNC);
  encoding.writeVarUint(header, step);
  encoding.writeVarUint(header, payload.length);
  return [encoding.toUint8Array(header), payload];
}

function messageKind(message: Uint8Array): { type: number; step: number } | null {
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    return { type, step: type === MESSAGE_SYNC ? decoding.readVarUint(decoder) : -1 };
  } catch {
    return null;
  }
}

const isPresence = (message: Uint8Array): boolean => messageKind(message)?.type === MESSAGE_AWARENESS;

/**
 * Sync step 1 and "who is here?" (query awareness). Answered at once unless
 * the asker's own changes are still queued: the app's once-a-second
 * heartbeat asks the latter, and takes the answer as proof that every change
 * it sent before the question is stored (room-watch.ts), so the answer must
 * never overtake them.
 */
const isQuestion = (message: Uint8Array): boolean => {
  const kind = messageKind(message);
  return (kind?.type === MESSAGE_SYNC && kind.step === syncProtocol.messageYjsSyncStep1) || kind?.type === MESSAGE_QUERY_AWARENESS;
};

function mergeDrops(a: PresenceDrops, b: PresenceDrops): PresenceDrops {
  return {
    spoofed: a.spoofed + b.spoofed,
    overLimit: a.overLimit + b.overLimit,
    tooLarge: a.tooLarge + b.tooLarge,
    clientIds: [...new Set([...a.clientIds, ...b.clientIds])].slice(0, 5),
  };
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
