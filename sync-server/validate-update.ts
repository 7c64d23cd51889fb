import * as Y from 'yjs';

/**
 * Refuses updates that Yjs cannot read, before they touch a room's document.
 * A broken update applied to the live document could leave it half-changed
 * (and that half would then be saved and sent to everyone), so it is first
 * applied to a throwaway document (which reads every struct and deletion in
 * it); only if that succeeds does the real document see it.
 */
export function isReadableUpdate(update: Uint8Array): boolean {
  if (update.length === 0) return false;
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, update);
    return true;
  } catch {
    return false;
  } finally {
    scratch.destroy();
  }
}
