import { host } from '../../host';

/**
 * Thumbnails come from the host (made once, kept on disk there); this keeps
 * them for the session and asks for at most three at a time (a browser talks to the host over six connections, and progress and uploads need theirs), so scrolling a
 * big library does not queue hundreds of ffmpeg runs at once.
 */
const cache = new Map<string, Promise<string | null>>();
const waiting: (() => void)[] = [];
let active = 0;
const MAX_ACTIVE = 3;

async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (active >= MAX_ACTIVE) await new Promise<void>((resolve) => waiting.push(resolve));
  active++;
  try {
    return await work();
  } finally {
    active--;
    waiting.shift()?.();
  }
}

export function thumbnailOf(sha256: string, size: 'small' | 'large' = 'small'): Promise<string | null> {
  const key = `${sha256}:${size}`;
  let found = cache.get(key);
  if (!found) {
    found = slot(() => host['library-thumbnail']({ sha256, size })).then((r) => r.dataUrl, () => null);
    cache.set(key, found);
    // A failure is not kept: the file may arrive from a teammate later.
    void found.then((url) => (url === null ? cache.delete(key) : undefined));
  }
  return found;
}

/** Reads a whole stored file in pieces (the preview player), reporting how far it got. */
export async function readStoredFile(sha256: string, mimeType: string, onProgress?: (fraction: number) => void, signal?: AbortSignal): Promise<Blob> {
  const parts: BlobPart[] = [];
  let offset = 0;
  let total = Infinity;
  while (offset < total) {
    signal?.throwIfAborted();
    const { data, totalBytes } = await host['library-read']({ sha256, offset, length: 512 * 1024 });
    total = totalBytes;
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    if (bytes.length === 0) break;
    parts.push(bytes);
    offset += bytes.length;
    onProgress?.(total ? offset / total : 1);
  }
  return new Blob(parts, { type: mimeType || 'application/octet-stream' });
}
