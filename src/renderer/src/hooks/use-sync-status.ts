import { useEffect, useState } from 'react';
import type { SyncStatus } from '../data/engine/protocol';
import { onRoomStatuses, withRooms } from '../data/rich-text/room-status';
import { useWorkspace } from '../app/workspace-context';

const off: SyncStatus = { state: 'off', waiting: 0, message: null };

/** The open workspace's team-sync status, live: its own room and every open brief's or note's. */
export function useSyncStatus(): SyncStatus {
  const { session } = useWorkspace();
  const [status, setStatus] = useState<SyncStatus>(() => withRooms(session?.syncStatus ?? off));
  useEffect(() => {
    if (!session) return setStatus(off);
    let workspace = session.syncStatus;
    const update = () => setStatus(withRooms(workspace));
    update();
    const stopRooms = onRoomStatuses(update);
    const stopSession = session.onSyncStatus((next) => {
      workspace = next;
      update();
    });
    return () => {
      stopRooms();
      stopSession();
    };
  }, [session]);
  return status;
}
