import { AssetMediaBadge } from './asset-media-badge';
import { createdByOf } from './asset-media-words';
import type { AssetRow } from './library-data';
import { useAssetMediaState } from './use-asset-media-state';

/** Its own component, so a file's progress re-renders its badge and not the whole grid. */
export function AssetWhere({ asset, nameOf, compact }: { asset: AssetRow; nameOf: (id: string | null) => string | null; compact?: boolean }) {
  const view = useAssetMediaState(asset.sha256);
  // On a grid card the badge stays short; who added a missing file is said under its name (AssetMissingLine).
  const addedBy = view.state === 'missing' ? nameOf(createdByOf(asset)) : null;
  return <AssetMediaBadge view={view} addedBy={compact ? addedBy : null} compact={compact} />;
}

