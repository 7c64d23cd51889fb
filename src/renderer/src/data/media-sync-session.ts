import type { Invite } from '../../../shared/sync/invite';
import type { SyncStatus } from './engine/protocol';
import { MediaSync, type DownloadMode, type MediaAsset, type MediaHost, type UploadedMemory } from './media-sync';
import type { WorkspaceSession } from './workspace-session';

const MEMORY_PREFIX = 'fanfare.media.uploaded.v1:';
const DOWNLOAD_MODE_KEY = 'fanfare.media.download-mode.v1';

/** Settings → Media files → "Download media": this laptop's choice, kept on this computer only (not synced). */
export function loadDownloadMode(storage: Storage = localStorage): DownloadMode {
  try {
    return storage.getItem(DOWNLOAD_MODE_KEY) === 'open' ? 'open' : 'all';
  } catch {
    return 'all';
  }
}

export function chooseDownloadMode(media: MediaSync | null, mode: DownloadMode, storage: Storage = localStorage): void {
  try {
    storage.setItem(DOWNLOAD_MODE_KEY, mode);
  } catch {
    // Storage full: the choice holds until the app is reopened.
  }
  media?.setDownloadMode(mode);
}

/** Which files a team server has, kept in localStorage: a few KB per thousand files. */
export function localStorageMemory(storage: Storage = localStorage): UploadedMemory {
  return {
    load(key) {
      try {
        const list = JSON.parse(storage.getItem(MEMORY_PREFIX + key) ?? '[]');
        return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
      } catch {
        return [];
      }
    },
    save(key, list) {
      try {
        storage.setItem(MEMORY_PREFIX + key, JSON.stringify(list));
      } catch {
        // Storage full: the only cost is asking the server again next time.
      }
    },
  };
}

/**
 * Media sync for an open workspace: it follows the workspace's team sync
 * (connected, paused, offline, disconnected) and its asset records.
 * `inviteOf` reads the invite afresh, because the sync status is what says
 * it may have changed.
 */
export function startMediaSync(session: WorkspaceSession, host: MediaHost, inviteOf: () => Invite | null): { media: MediaSync; stop(): void } {
  const media = new MediaSync(host, { memory: localStorageMemory(), downloadMode: loadDownloadMode() });
  let previous: SyncStatus['state'] | null = null;
  const follow = (status: SyncStatus) => {
    media.setRemote(status.state === 'off' ? null : inviteOf());
    media.setPaused(status.state === 'paused');
    media.setOnline(status.state !== 'offline');
    // Back in touch with the server: files that were waiting go now rather than at the end of a backoff.
    if (status.state === 'synced' && previous !== 'synced') media.retryNow();
    previous = status.state;
  };
  follow(session.syncStatus);
  const stopFollowing = session.onSyncStatus(follow);
  const assets = session.projection.collections.assets.find({ selector: { deletedAt: null } }).$.subscribe((docs) => {
    media.setAssets(docs.map((d) => {
      const { sha256, fileName, sizeBytes, createdBy } = d.toJSON() as unknown as MediaAsset & { createdBy?: string | null };
      return { sha256, fileName, sizeBytes, addedBy: createdBy ?? null };
    }));
  });
  return {
    media,
    stop() {
      stopFollowing();
      assets.unsubscribe();
      media.close();
    },
  };
}
