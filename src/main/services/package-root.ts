import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the folder holding Fanfare's package.json by walking up from a
 * module. The same code runs from src/ (tests), from out/main/ (built, maybe
 * in a chunk folder) and from inside app.asar, so fixed "../.." paths lie.
 */
export function findPackageRoot(fromUrl: string = import.meta.url): string | null {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
        if (pkg.name === 'fanfare') return dir;
      } catch {
        // A broken package.json further down is not ours; keep walking.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function readPackageVersion(root: string | null = findPackageRoot()): string {
  if (!root) return '0.0.0';
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
