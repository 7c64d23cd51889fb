import { Text } from '@mantine/core';
import { createdByOf } from './asset-media-words';
import type { AssetRow } from './library-data';
import { useAssetMediaState } from './use-asset-media-state';

/** Under a grid card's name, for a file that is nowhere to be fetched: whose laptop it is on. */
export function AssetMissingLine({ asset, nameOf }: { asset: AssetRow; nameOf: (id: string | null) => string | null }) {
  const { state } = useAssetMediaState(asset.sha256);
  if (state !== 'missing') return null;
  const who = nameOf(createdByOf(asset));
  return (
    <Text size="xs" c="red.7" lineClamp={2} data-testid="missing-added-by">
      {who ? `Added by ${who}; not on the team server yet` : 'Not on the team server yet'}
    </Text>
  );
}
