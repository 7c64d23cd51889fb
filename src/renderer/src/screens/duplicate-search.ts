/**
 * "Find duplicate creators" from anywhere (the command palette): the
 * creators screen listens and runs the full search, similar names included.
 * A request made before the screen mounts is kept until it does.
 */
let pending = false;
const listeners = new Set<() => void>();

export function requestDuplicateSearch(): void {
  if (listeners.size === 0) pending = true;
  listeners.forEach((l) => l());
}

export function onDuplicateSearch(listener: () => void): () => void {
  listeners.add(listener);
  if (pending) {
    pending = false;
    queueMicrotask(listener);
  }
  return () => listeners.delete(listener);
}
