import { Center, Image, Text } from '@mantine/core';
import { IconBulb, IconLink } from '@tabler/icons-react';
import { AssetThumb } from '../library/asset-thumb';
import type { SwipeAsset, SwipeRow } from './swipe-rows';

/** An item's picture: the page's thumbnail (kept in the record), the Library file's, or a plain sign for an idea. */
export function SwipePicture({ item, asset, height }: { item: Pick<SwipeRow, 'kind' | 'thumbnail' | 'title' | 'notes'>; asset: SwipeAsset | undefined; height: number }) {
  if (item.kind === 'file') {
    if (asset) return <AssetThumb sha256={asset.sha256} kind={asset.kind} height={height} fileName={asset.fileName} />;
    return <Center h={height} bg="var(--mantine-color-default-hover)"><Text size="xs" c="dimmed">The file is in the trash</Text></Center>;
  }
  if (item.kind === 'link' && item.thumbnail) return <Image src={item.thumbnail} h={height} fit="cover" alt={`Picture of ${item.title || 'the page'}`} data-testid="swipe-thumbnail" />;
  return (
    <Center h={height} bg={item.kind === 'idea' ? 'var(--mantine-color-yellow-light)' : 'var(--mantine-color-default-hover)'}>
      {item.kind === 'idea' ? <IconBulb size={32} opacity={0.6} /> : <IconLink size={32} opacity={0.5} />}
    </Center>
  );
}
