import { Center, Image, Loader, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { readStoredFile, thumbnailOf } from './thumbnail-cache';
import type { AssetRow } from './library-data';

/** Photos at a large size; videos played from the stored file itself. */
export function AssetPreview({ asset }: { asset: AssetRow }) {
  const [src, setSrc] = useState<string | null>(null);
  const [fraction, setFraction] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let objectUrl: string | null = null;
    setSrc(null);
    setProblem(null);
    setFraction(0);
    if (asset.kind === 'video') {
      readStoredFile(asset.sha256, asset.mimeType || 'video/mp4', setFraction, controller.signal)
        .then((blob) => {
          objectUrl = URL.createObjectURL(blob);
          setSrc(objectUrl);
        })
        .catch((error: unknown) => !controller.signal.aborted && setProblem(error instanceof Error ? error.message : String(error)));
    } else {
      void thumbnailOf(asset.sha256, 'large').then((url) => (url ? setSrc(url) : setProblem('There is no preview of this file on this computer yet.')));
    }
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [asset.sha256, asset.kind, asset.mimeType]);

  if (problem) return <Center h={320} bg="var(--mantine-color-default-hover)"><Text c="dimmed" size="sm" maw={320} ta="center">{problem}</Text></Center>;
  if (!src) {
    return (
      <Center h={320} bg="var(--mantine-color-default-hover)">
        <Stack align="center" gap="xs" w={220}>
          <Loader size="sm" />
          {asset.kind === 'video' && <Progress value={fraction * 100} w="100%" size="sm" aria-label="Loading the video" />}
        </Stack>
      </Center>
    );
  }
  if (asset.kind === 'video') {
    return <video src={src} controls playsInline style={{ width: '100%', maxHeight: 420, background: 'black', borderRadius: 8 }} aria-label={`Preview of ${asset.fileName}`} data-testid="preview-player" />;
  }
  return <Image src={src} mah={420} fit="contain" radius="md" bg="dark.8" alt={`Preview of ${asset.fileName}`} />;
}
