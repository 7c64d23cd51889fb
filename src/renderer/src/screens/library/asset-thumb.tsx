import { Center, Image, Skeleton } from '@mantine/core';
import { IconMovie, IconPhoto } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { thumbnailOf } from './thumbnail-cache';

/** A thumbnail that loads when shown; a plain icon when the host has none (not a picture, or not downloaded yet). */
export function AssetThumb({ sha256, kind, height, fileName }: { sha256: string; kind: string; height: number; fileName: string }) {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setUrl(undefined);
    void thumbnailOf(sha256).then((u) => live && setUrl(u));
    return () => {
      live = false;
    };
  }, [sha256]);
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
