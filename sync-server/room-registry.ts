import { StorageUnavailable, type DocPersistence } from './doc-persistence';
import type { Logger } from './logger';
import { Room, type Peer } from './room';
import type { PresenceLimits } from './presence-owners';
import { CLOSE, CLOSE_REASON } from './close-codes';

/**
 * The rooms in memory: a room is loaded when its first client arrives and
 * unloaded when its last one leaves (after its queue has run dry, so every
 * change it accepted is on disk first).
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();

  constructor(
    private readonly persistence: DocPersistence,
    private readonly log: Logger,
    private readonly presence?: PresenceLimits,
  ) {
    persistence.onEvent((event) => {
      if (event.type === 'failed') this.dropAll(CLOSE.storage, CLOSE_REASON.storage);
    });
  }

  /** False while the store is down: a new connection is then turned away with CLOSE.storage. */
  get accepting(): boolean {
    return this.persistence.writable;
  }

  join(name: string, peer: Peer): Room {
    let room = this.rooms.get(name);
    if (!room) {
      room = new Room(name, this.persistence, this.onBroken, { presence: this.presence, log: this.log });
      this.rooms.set(name, room);
    }
    room.join(peer);
    return room;
  }

  leave(room: Room, peer: Peer): void {
    room.leave(peer);
    if (room.peers.size === 0) void room.enqueue(() => this.unloadIfIdle(room));
  }

  *peers(): Iterable<Peer> {
    for (const room of this.rooms.values()) yield* room.peers.keys();
  }

  connectionsOf(tokenHash: string): number {
    let count = 0;
    for (const peer of this.peers()) if (peer.tokenHash === tokenHash) count++;
    return count;
  }

  get loadedRooms(): number {
    return this.rooms.size;
  }

  /** Ends every connection, waits for every room's pending writes, and unloads them all. */
  async close(): Promise<void> {
    const rooms = [...this.rooms.values()];
    for (const room of rooms) for (const peer of room.peers.keys()) peer.close(CLOSE.goingAway, CLOSE_REASON.goingAway);
    await Promise.all(rooms.map((room) => room.drained()));
    for (const room of rooms) room.destroy();
    this.rooms.clear();
  }

  private unloadIfIdle(room: Room): void {
    if (room.peers.size > 0 || this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    room.destroy();
  }

  /**
   * The store failed: no room may accept another change, and none is served
   * from memory any more. Every client is told why and comes back by itself;
   * once the store is reopened, each room is loaded again from disk and the
   * clients resend what it lacks.
   */
  private dropAll(code: number, reason: string): void {
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    for (const room of rooms) {
      // Destroyed first, so nothing still queued in it runs against the failed store.
      const peers = [...room.peers.keys()];
      room.destroy();
      for (const peer of peers) peer.close(code, reason);
    }
  }

  /**
   * The room's memory may no longer match its disk (a change failed to apply
   * or to save): drop it and disconnect its clients. They reconnect by
   * themselves, the room reloads from disk, and they send again whatever it
   * is missing. A storage error has already dropped every room (see dropAll).
   */
  private readonly onBroken = (room: Room, why: string, error: unknown): void => {
    const storage = error instanceof StorageUnavailable;
    if (!storage) this.log({ event: 'room-reloaded', room: room.name, reason: why });
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    const peers = [...room.peers.keys()];
    room.destroy();
    const [code, reason] = storage ? [CLOSE.storage, CLOSE_REASON.storage] : [CLOSE.reload, CLOSE_REASON.reload];
    for (const peer of peers) peer.close(code, reason);
  };
}
