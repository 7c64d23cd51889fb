import type { SyncStatus } from '../engine/protocol';

/** Where one open rich-text document stands with the team server. */
export interface RoomStatus {
  state: 'off' | 'paused' | 'connecting' | 'offline' | 'synced';
  /** Edits typed here that the server has not confirmed. */
  waiting: number;
  /** The server has confirmed everything this document has locally. */
  sent: boolean;
}

const rooms = new Map<string, RoomStatus>();
const listeners = new Set<() => void>();

/** Records where one open document's room stands (the header adds it to the workspace's own status). */
export function reportRoomStatus(key: string, status: RoomStatus): void {
  rooms.set(key, status);
  listeners.forEach((l) => l());
}

export function forgetRoomStatus(key: string): void {
  if (!rooms.delete(key)) return;
  listeners.forEach((l) => l());
}

export function onRoomStatuses(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const RANK: Record<SyncStatus['state'], number> = { off: 0, synced: 1, connecting: 2, offline: 3, paused: 4, refused: 5 };

const ROOM_TROUBLE = 'A brief or note could not reach the team server. What you wrote is kept on this computer and sent as soon as it can be.';

/**
 * The workspace's status with every open rich-text document's added, so the
 * header never says "Synced" while some text is unsent. A document with
 * unsent text counts as one change; one that lost its connection makes the
 * whole reads at least "Offline" (with a word saying it is a document).
 */
export function withRooms(workspace: SyncStatus, statuses: Iterable<RoomStatus> = rooms.values()): SyncStatus {
  if (workspace.state === 'off') return workspace;
  let { state, message } = workspace;
  let waiting = workspace.waiting;
  let unsent = !!workspace.unsent;
  for (const room of statuses) {
    if (room.state === 'off') continue;
    if (room.waiting > 0) waiting += 1;
    if (room.waiting > 0 && !room.sent) unsent = true;
    // A document still connecting with nothing to send holds nothing back; one that lost its link or holds text does.
    const matters = room.state === 'offline' || (room.waiting > 0 && room.state !== 'synced');
    if (matters && RANK[room.state] > RANK[state]) {
      state = room.state;
      message = ROOM_TROUBLE;
    }
  }
  return { state, waiting, message, unsent };
}

export function roomStatuses(): RoomStatus[] {
  return [...rooms.values()];
}
