import { Center, Image, Skeleton } from '@mantine/core';
import { IconMovie, IconPhoto } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { thumbnailOf } from './thumbnail-cache';
import { useAssetMediaState } from './use-asset-media-state';

/** A thumbnail that loads when shown; a plain icon when the host has none (not a picture, or not downloaded yet). */
export function AssetThumb({ sha256, kind, height, fileName }: { sha256: string; kind: string; height: number; fileName: string }) {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  // Asked again once a teammate's file has arrived: before, the host had nothing to make it from.
  const here = useAssetMediaState(sha256).state === 'local';
  useEffect(() => {
    let live = true;
    setUrl((u) => (u ? u : undefined));
    void thumbnailOf(sha256).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [sha256, here]);
  if (url === undefined) return <Skeleton h={height} radius={0} />;
  if (url === null) {
    return (
      <Center h={height} bg="var(--mantine-color-default-hover)">
        {kind === 'video' ? <IconMovie size={32} opacity={0.5} /> : <IconPhoto size={32} opacity={0.5} />}
      </Center>
    );
  }
  return <Image src={url} h={height} fit="contain" bg="dark.8" alt={`Thumbnail of ${fileName}`} />;
}
