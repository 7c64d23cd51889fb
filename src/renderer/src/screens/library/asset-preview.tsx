import { Center, Image, Loader, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { HostError } from '../../../../shared/api/errors';
import { useWorkspace } from '../../app/workspace-context';
import { missingHelp } from './asset-media-words';
import { readStoredFile, thumbnailOf } from './thumbnail-cache';
import type { AssetRow } from './library-data';

interface Loading {
  /** What is happening, in words: fetching from the team server, or reading the file here. */
  message: string | null;
  fraction: number | null;
}

/**
 * Photos at a large size; videos played from the stored file itself. A
 * teammate's file is fetched from the team server first, with its progress.
 */
export function AssetPreview({ asset, addedBy = null }: { asset: AssetRow; addedBy?: string | null }) {
  const { media } = useWorkspace();
  const [src, setSrc] = useState<string | null>(null);
  const [loading, setLoading] = useState<Loading>({ message: null, fraction: null });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let objectUrl: string | null = null;
    setSrc(null);
    setProblem(null);
    setLoading({ message: null, fraction: null });
    const load = async () => {
      // Not known to be here (a teammate's, or not asked yet): make sure it is; cheap when it already is.
      const where = media?.stateOf(asset.sha256).state ?? 'unknown';
      if (media && where !== 'local' && where !== 'unknown') {
        setLoading({ message: `Getting ${asset.fileName} from the team server…`, fraction: 0 });
        await media.ensureLocal(asset.sha256, {
          fileName: asset.fileName, signal,
          onProgress: (p) => !signal.aborted && setLoading({ message: p.message, fraction: p.fraction }),
        });
        setLoading({ message: null, fraction: null });
      }
      signal.throwIfAborted();
      if (asset.kind === 'video') {
        const blob = await readStoredFile(asset.sha256, asset.mimeType || 'video/mp4', (fraction) => !signal.aborted && setLoading({ message: null, fraction }), signal);
        objectUrl = URL.createObjectURL(blob);
        setSrc(objectUrl);
      } else {
        const url = await thumbnailOf(asset.sha256, 'large');
        signal.throwIfAborted();
        if (url) setSrc(url);
        else setProblem('There is no preview of this file on this computer yet.');
      }
    };
    load().catch((error: unknown) => {
      if (signal.aborted) return;
      if (error instanceof HostError && error.code === 'not-found') setProblem(missingHelp(addedBy));
      else setProblem(error instanceof Error ? error.message : String(error));
    });
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [asset.sha256, asset.kind, asset.mimeType, asset.fileName, media, addedBy]);

  if (problem) {
    return (
      <Center h={320} bg="var(--mantine-color-default-hover)">
        <Text c="dimmed" size="sm" maw={340} ta="center" data-testid="preview-problem">{problem}</Text>
      </Center>
    );
  }
  if (!src) {
    return (
      <Center h={320} bg="var(--mantine-color-default-hover)" data-testid="preview-loading">
        <Stack align="center" gap="xs" w={260}>
          <Loader size="sm" />
          {loading.message && <Text size="xs" c="dimmed" ta="center">{loading.message}</Text>}
          {(loading.message || asset.kind === 'video') && (
            <Progress value={(loading.fraction ?? 0) * 100} w="100%" size="sm" animated={loading.fraction === null}
              aria-label={loading.message ?? 'Loading the video'} />
          )}
        </Stack>
      </Center>
    );
  }
  if (asset.kind === 'video') {
    return <video src={src} controls playsInline style={{ width: '100%', maxHeight: 420, background: 'black', borderRadius: 8 }} aria-label={`Preview of ${asset.fileName}`} data-testid="preview-player" />;
  }
  return <Image src={src} mah={420} fit="contain" radius="md" bg="dark.8" alt={`Preview of ${asset.fileName}`} data-testid="preview-image" />;
}
