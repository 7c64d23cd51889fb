import type { DocPersistence } from './doc-persistence';
import type { Logger } from './logger';
import { Room, type Peer } from './room';
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
  ) {}

  join(name: string, peer: Peer): Room {
    let room = this.rooms.get(name);
    if (!room) {
      room = new Room(name, this.persistence, this.onBroken);
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
   * The room's memory may no longer match its disk (a change failed to apply
   * or to save): drop it and disconnect its clients. They reconnect at once,
   * the room reloads from disk, and they send again whatever it is missing.
   */
  private readonly onBroken = (room: Room, why: string): void => {
    this.log({ event: 'room-reloaded', room: room.name, reason: why });
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    for (const peer of room.peers.keys()) peer.close(CLOSE.reload, CLOSE_REASON.reload);
    room.destroy();
  };
}
