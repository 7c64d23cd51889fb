import { useEffect, useState } from 'react';
import { useWorkspace } from '../app/workspace-context';
import type { MediaSyncStatus } from '../data/media-sync';

const off: MediaSyncStatus = { state: 'off', files: 0, pending: 0, fraction: null, uploads: [], downloads: [], failed: [], message: null };

/** The open workspace's media sync status, live. */
export function useMediaSyncStatus(): MediaSyncStatus {
  const { media } = useWorkspace();
  const [status, setStatus] = useState<MediaSyncStatus>(media?.status ?? off);
  useEffect(() => {
    if (!media) return setStatus(off);
    setStatus(media.status);
    return media.onStatus(setStatus);
  }, [media]);
  return status;
}
