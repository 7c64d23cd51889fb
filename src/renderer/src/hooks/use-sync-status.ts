import { useEffect, useState } from 'react';
import type { SyncStatus } from '../data/engine/protocol';
import { useWorkspace } from '../app/workspace-context';

const off: SyncStatus = { state: 'off', waiting: 0, message: null };

/** The open workspace's team-sync status, live. */
export function useSyncStatus(): SyncStatus {
  const { session } = useWorkspace();
  const [status, setStatus] = useState<SyncStatus>(session?.syncStatus ?? off);
  useEffect(() => {
    if (!session) return setStatus(off);
    setStatus(session.syncStatus);
    return session.onSyncStatus(setStatus);
  }, [session]);
  return status;
}
