import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Removes what a crash, a closed tab or a quit in the middle of a cut left
 * behind: entries older than `maxAgeMs`. Younger ones may belong to work
 * still running (or to another Fanfare on the same folder).
 */
export async function sweepOlderThan(dir: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const info = await stat(join(dir, name)).catch(() => null);
    if (info && now - info.mtimeMs > maxAgeMs) {
      await rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined);
      removed++;
    }
  }
  return removed;
}
