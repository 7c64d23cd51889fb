import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { DocPersistence } from './doc-persistence';
import { DocState } from './doc-state';
import { CLOSE, CLOSE_REASON } from './close-codes';

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
  /** Each peer with the awareness client ids it controls (removed when it leaves). */
  readonly peers = new Map<Peer, Set<number>>();
  private queue: Promise<unknown>;
  private state: DocState | null = null;
  private destroyed = false;

  constructor(
    readonly name: string,
    private readonly persistence: DocPersistence,
    /** Called when the in-memory document can no longer be trusted to match the disk, or the disk cannot be written. */
    private readonly onBroken: (room: Room, why: string, error: unknown) => void,
  ) {
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

  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    this.enqueue(() => {
      if (!this.peers.has(peer)) return;
      if (!this.state) {
        // Loading failed (the room is being dropped) or it was dropped since: come back later.
        peer.close(CLOSE.reload, CLOSE_REASON.reload);
        return;
      }
      // The server speaks first: its state vector, and who else is here.
      peer.send(syncMessage(syncProtocol.messageYjsSyncStep1, this.state.encodedState()));
      const states = this.awareness.getStates();
      if (states.size > 0) peer.send(awarenessMessage(this.awareness, [...states.keys()]));
    });
  }

  leave(peer: Peer): void {
    const controlled = this.peers.get(peer);
    this.peers.delete(peer);
    if (controlled && controlled.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
  }

  /** Queues one message from a peer. A message the server cannot read closes that peer only. */
  receive(peer: Peer, message: Uint8Array): void {
    this.enqueue(async () => {
      if (this.destroyed || !this.state) return;
      try {
        await this.handle(peer, message);
      } catch {
        // handle() deals with failures of the document itself; anything thrown
        // here came from reading the client's bytes, so only that client goes.
        peer.close(CLOSE.malformed, CLOSE_REASON.malformed);
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

  private async handle(peer: Peer, message: Uint8Array): Promise<void> {
    const state = this.state!;
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const step = decoding.readVarUint(decoder);
        if (step === syncProtocol.messageYjsSyncStep1) {
          const parts = state.missingFor(decoding.readVarUint8Array(decoder));
          if (!this.peers.has(peer)) return;
          // Step 2 last: when the client calls itself synced, it has applied all of it.
          parts.forEach((part, i) => peer.send(syncMessage(i === parts.length - 1 ? syncProtocol.messageYjsSyncStep2 : syncProtocol.messageYjsUpdate, part)));
        } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
          await this.applyUpdate(state, peer, decoding.readVarUint8Array(decoder));
        } else {
          throw new MalformedMessage(`unknown sync step ${step}`);
        }
        return;
      }
      case MESSAGE_AWARENESS: {
        const update = decoding.readVarUint8Array(decoder);
        // Presence from a client that already left would never be cleaned up.
        if (this.peers.has(peer)) awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
        return;
      }
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

  /**
   * Presence is not saved: it is passed on to everyone in the room, and the
   * ids each client announces are remembered so they vanish when it leaves.
   */
  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    const controlled = this.peers.get(origin as Peer);
    if (controlled) {
      for (const id of [...added, ...updated]) controlled.add(id);
      for (const id of removed) controlled.delete(id);
    }
    if (changed.length === 0 || this.destroyed) return;
    const message = awarenessMessage(this.awareness, changed);
    for (const peer of this.peers.keys()) peer.send(message);
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

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
