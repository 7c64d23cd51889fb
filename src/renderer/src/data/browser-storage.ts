/**
 * Whether the browser keeps Fanfare's data for good. Without persistent
 * storage, IndexedDB is "best effort": a browser short of space may clear it,
 * and for someone working alone it is the only copy.
 */
export interface BrowserStorage {
  /** true: kept until the person clears it; false: the browser may clear it; null: this browser cannot say. */
  persisted: boolean | null;
  /** Bytes Fanfare uses and may use in this browser profile, when the browser says. */
  usage: number | null;
  quota: number | null;
}

let asked: Promise<boolean | null> | null = null;

/** Asks once per window (persist() is a window API, answered from the browser's own rules). */
export function askToKeepStorage(): Promise<boolean | null> {
  asked ??= (async () => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persist) return null;
    try {
      if (await storage.persisted()) return true;
      return await storage.persist();
    } catch {
      return null;
    }
  })();
  return asked;
}

/** Asks again, for the Settings button after the person changed the browser's site settings. */
export function askAgainToKeepStorage(): Promise<boolean | null> {
  asked = null;
  return askToKeepStorage();
}

export async function browserStorage(): Promise<BrowserStorage> {
  const persisted = await askToKeepStorage();
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
