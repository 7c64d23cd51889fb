import { useEffect, useState } from 'react';
import { teammatesOn, teammatesOnline, type PeerPresence } from '../../../shared/sync/presence';
import { useWorkspace } from '../app/workspace-context';
import { useMe } from './use-me';

function usePeers(): PeerPresence[] {
  const { session } = useWorkspace();
  const [peers, setPeers] = useState<PeerPresence[]>(session?.presence ?? []);
  useEffect(() => {
    if (!session) return setPeers([]);
    setPeers(session.presence);
    return session.onPresence(setPeers);
  }, [session]);
  return peers;
}

/** Teammates with this workspace open right now, one entry per person. */
export function useTeammatesOnline(): PeerPresence[] {
  const me = useMe();
  return teammatesOnline(usePeers(), me.id);
}

/** Teammates looking at or editing one record. */
export function useTeammatesOn(recordId: string): PeerPresence[] {
  const me = useMe();
  return teammatesOn(recordId, usePeers(), me.id);
}
