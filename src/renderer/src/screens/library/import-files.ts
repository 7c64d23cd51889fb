import type { MediaFile } from '../../../../shared/api/contract';
import { CHUNK_BYTES } from '../../../../shared/media/library-contract';
import { host } from '../../host';
import { bytesToBase64 } from '../../host/base64';

const MEDIA_EXTENSIONS = /\.(mp4|m4v|mov|webm|mkv|avi|3gp|jpe?g|png|gif|webp|avif|heic|heif|tiff?|bmp)$/i;

export function isMediaFile(file: File): boolean {
  return file.type.startsWith('image/') || file.type.startsWith('video/') || MEDIA_EXTENSIONS.test(file.name);
}

function newUploadId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/** Sends one file to the host in pieces; the host hashes it into the media store and reads its details. */
export async function uploadFile(file: File, onBytes: (sent: number) => void, signal?: AbortSignal): Promise<MediaFile> {
  const uploadId = newUploadId();
  let offset = 0;
  while (offset < file.size) {
    signal?.throwIfAborted();
    const piece = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    await host['library-upload-chunk']({ uploadId, offset, data: bytesToBase64(piece) }, { signal });
    offset += piece.length;
    onBytes(offset);
  }
  return host['library-upload-finish']({ uploadId, fileName: file.name.replace(/[/\\]/g, '-'), sizeBytes: file.size }, { signal });
}

/** Files inside dropped folders too (the browser gives folders as entries to walk). */
export async function filesFromDrop(data: DataTransfer): Promise<File[]> {
  const entries = [...data.items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return [...data.files];
  const out: File[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) {
      out.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries answers in batches (100 in Chromium) until it returns none.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) await walk(entry);
  return out;
}
