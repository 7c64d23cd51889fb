/**
 * When a room's stored updates are merged. Merging everything costs time in
 * proportion to the whole document (about 2 s for a 60 MB, 50k-creator
 * workspace, during which the server does nothing else), so it waits until
 * the changes since the last merge are worth it: an eighth of the document.
 * Until then, every few hundred changes are merged among themselves, which
 * costs only their own size and keeps a restart from reading thousands of rows.
 */
export const MERGE_ALL_TAIL_FRACTION = 8;
/** Below this much change a full merge is not worth a rewrite, however small the document. */
export const MERGE_ALL_MIN_BYTES = 64 * 1024;
/** y-leveldb merges at 500 stored updates too (its PREFERRED_TRIM_SIZE). */
export const MAX_TAIL_UPDATES = 500;
/** A document this small is merged whole whenever its tail is long: it takes milliseconds. */
export const CHEAP_MERGE_BYTES = 2 * 1024 * 1024;

/**
 * Changes this big on average are a first upload or an import arriving in
 * pieces (8 MB each, src/shared/sync/split-update.ts). Merging the whole
 * document after each would cost its size again every time, growing with the
 * square of the upload; such a tail waits until it is as big as the document,
 * so the merges double and their total cost stays under twice the final size.
 */
export const BULK_UPDATE_BYTES = 1024 * 1024;

export interface StoredShape {
  baseBytes: number;
  tailUpdates: number;
  tailBytes: number;
}

export function compactionFor({ baseBytes, tailUpdates, tailBytes }: StoredShape): 'all' | 'tail' | null {
  if (tailUpdates === 0) return null;
  const bulk = tailBytes / tailUpdates >= BULK_UPDATE_BYTES;
  if (tailBytes >= Math.max(MERGE_ALL_MIN_BYTES, bulk ? baseBytes : baseBytes / MERGE_ALL_TAIL_FRACTION)) return 'all';
  if (tailUpdates < MAX_TAIL_UPDATES) return null;
  return baseBytes + tailBytes <= CHEAP_MERGE_BYTES ? 'all' : 'tail';
}
