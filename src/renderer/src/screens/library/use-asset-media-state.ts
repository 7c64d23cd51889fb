import { useCallback, useSyncExternalStore } from 'react';
import { useWorkspace } from '../../app/workspace-context';
import type { AssetMediaState } from '../../data/media-sync';

export interface AssetMediaView {
  state: AssetMediaState;
  /** 0..1 while downloading. */
  fraction: number | null;
}

/**
 * Where one asset's bytes are, live. The snapshot is a short string, so a
 * thumbnail re-renders only when its own file changes state or moves a
 * percent, not on every progress event of every other file.
 */
export function useAssetMediaState(sha256: string): AssetMediaView {
  const { media } = useWorkspace();
  const subscribe = useCallback((onChange: () => void) => (media ? media.onStatus(onChange) : () => undefined), [media]);
  const snapshot = useCallback(() => {
    if (!media) return 'unknown|';
    const { state, fraction } = media.stateOf(sha256);
    return `${state}|${fraction === null ? '' : Math.floor(fraction * 100)}`;
  }, [media, sha256]);
  const [state, percent] = useSyncExternalStore(subscribe, snapshot).split('|');
  return { state: state as AssetMediaState, fraction: percent === '' ? null : Number(percent) / 100 };
}
