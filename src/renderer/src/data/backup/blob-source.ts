import type { ByteSource } from '../../../../shared/backup/backup-format';

/** A backup file (or a Blob assembled from the backups folder) read piece by piece, never whole. */
export function blobSource(blob: Blob): ByteSource {
  return { size: blob.size, read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()) };
}
